package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.darkflight.io.json.JsonSchemas;

/**
 * The {@code ensemble_config.json} stage S4 generates when the event has none: one sample per
 * fragment of {@code fragments.json}, nothing drawn (mode {@code mass_grid}). Schema:
 * {@code schemas/ensemble_config.schema.json}.
 *
 * @param schema     the schema's {@code $id}
 * @param mode       {@code mass_grid}
 * @param samples    number of samples: the number of fragments
 * @param randomSeed the seed (unused by a mass grid, recorded for completeness)
 */
public record GeneratedEnsembleConfig(
    @JsonProperty("$schema") String schema,
    @JsonProperty("mode") String mode,
    @JsonProperty("samples") int samples,
    @JsonProperty("random_seed") long randomSeed) {

  /** {@code $id} of the ensemble configuration schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + "ensemble_config.schema.json";

  /** One sample per fragment. */
  public static GeneratedEnsembleConfig perFragment(int fragments, long seed) {
    return new GeneratedEnsembleConfig(SCHEMA_ID, "mass_grid", fragments, seed);
  }
}
