package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.meta.InputRef;

/**
 * The canonical {@code meta} block a stage of {@code darkflight process} writes into its
 * documents (and into {@code meta.provenance} of the normalized copies of the user's inputs).
 *
 * @param schemaVersion version of the document's schema, e.g. {@code 1.0}
 * @param createdUtc    the run's production time ({@code --produced-utc} or
 *                      {@code SOURCE_DATE_EPOCH}), ISO-8601 UTC
 * @param producer      name and version of the program
 * @param inputs        the stage's inputs: path relative to the project root and SHA-256
 */
public record StageMeta(
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("created_utc") Instant createdUtc,
    @JsonProperty("producer") String producer,
    @JsonProperty("inputs") List<InputRef> inputs) {

  /** Checks the fields and copies the list. */
  public StageMeta {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(createdUtc, "createdUtc");
    Objects.requireNonNull(producer, "producer");
    inputs = List.copyOf(inputs);
  }
}
