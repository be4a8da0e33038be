package org.darkflight.io.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The canonical {@code meta} block of an artifact Darkflight derives from a run's inputs
 * ({@code sensitivity.json}, {@code calibration_narrowing.json}): which artifact it is, when and
 * by what it was written, for which event, and every input file with its SHA-256. Schemas:
 * the {@code meta} property of {@code schemas/sensitivity.schema.json} and
 * {@code schemas/calibration_narrowing.schema.json}.
 *
 * @param schemaVersion version of the artifact's schema, e.g. {@code 1.0.0}
 * @param product       artifact name without extension, e.g. {@code sensitivity}
 * @param createdUtc    when the file was written, ISO-8601 UTC ({@code …Z})
 * @param producer      program and version, {@link Producer#NAME}
 * @param eventId       the event
 * @param inputs        input files (path as given, SHA-256) in role order
 */
public record CanonicalMeta(
    @JsonProperty("schema_version") String schemaVersion,
    @JsonProperty("product") String product,
    @JsonProperty("created_utc") String createdUtc,
    @JsonProperty("producer") String producer,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("inputs") List<InputRef> inputs) {

  public CanonicalMeta {
    inputs = inputs == null ? null : List.copyOf(inputs);
  }

  /** The block of {@code product} written now by {@link Producer#NAME}. */
  public static CanonicalMeta of(String product, String schemaVersion, Instant createdUtc,
      String eventId, List<InputRef> inputs) {
    return new CanonicalMeta(schemaVersion, product,
        DateTimeFormatter.ISO_INSTANT.format(createdUtc), Producer.NAME, eventId, inputs);
  }
}
