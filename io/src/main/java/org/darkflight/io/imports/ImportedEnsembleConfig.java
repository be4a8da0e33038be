package org.darkflight.io.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.json.JsonSchemas;

/**
 * An {@code ensemble_config.json} written by an importer (schema
 * {@code schemas/ensemble_config.schema.json}, docs/ensemble.md): Monte Carlo draws of the
 * uncertain inputs the source gives a 1-σ for.
 *
 * @param schema        the schema's {@code $id}
 * @param mode          {@code monte_carlo}
 * @param samples       number of samples
 * @param randomSeed    the seed
 * @param distributions uncertain parameter → distribution
 * @param meta          a description of where the σ come from
 */
@JsonPropertyOrder({"$schema", "mode", "samples", "random_seed", "distributions", "meta"})
public record ImportedEnsembleConfig(
    @JsonProperty("$schema") String schema,
    @JsonProperty("mode") String mode,
    @JsonProperty("samples") int samples,
    @JsonProperty("random_seed") long randomSeed,
    @JsonProperty("distributions") SortedMap<String, Distribution> distributions,
    @JsonProperty("meta") Description meta) {

  /** {@code $id} of the ensemble configuration schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + "ensemble_config.schema.json";

  public ImportedEnsembleConfig {
    distributions = new TreeMap<>(distributions);
  }

  @Override
  public SortedMap<String, Distribution> distributions() {
    return new TreeMap<>(distributions);
  }

  /**
   * One distribution.
   *
   * @param dist   {@code normal}
   * @param params its parameters, e.g. {@code sigma}
   */
  public record Distribution(@JsonProperty("dist") String dist,
      @JsonProperty("params") SortedMap<String, Double> params) {

    public Distribution {
      params = new TreeMap<>(params);
    }

    @Override
    public SortedMap<String, Double> params() {
      return new TreeMap<>(params);
    }

    /** A normal distribution with standard deviation {@code sigma} about the nominal value. */
    public static Distribution normal(double sigma) {
      return new Distribution("normal", new TreeMap<>(java.util.Map.of("sigma", sigma)));
    }
  }

  /**
   * The meta block.
   *
   * @param description where the configuration comes from
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Description(@JsonProperty("description") String description) {}
}
