package org.darkflight.io.atmos.fused;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code atmos_qc.json} (schema {@code schemas/atmos_qc.schema.json}): what the fusion did to
 * the data and where — source use, radar override, standard-atmosphere fill, gap filling,
 * outliers, shear smoothing, disagreement between sources.
 *
 * @param schema      the schema's {@code $id}
 * @param meta        event, time, provenance
 * @param status      {@code warnings} when any annotation is a warning, else {@code ok}
 * @param annotations the annotations, by altitude then code
 */
public record AtmosQcDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") Meta meta,
    @JsonProperty("status") String status,
    @JsonProperty("annotations") List<Annotation> annotations) {

  /** File name. */
  public static final String FILE = "atmos_qc.json";
  /** Schema name. */
  public static final String SCHEMA = "atmos_qc";
  /** {@code $id} of the schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + SCHEMA + ".schema.json";

  /** Copies the list. */
  public AtmosQcDocument {
    annotations = List.copyOf(annotations);
  }

  /** A document with the schema's {@code $id}; status from {@code warnings}. */
  public static AtmosQcDocument of(Meta meta, boolean warnings, List<Annotation> annotations) {
    return new AtmosQcDocument(SCHEMA_ID, meta, warnings ? "warnings" : "ok", annotations);
  }

  /**
   * The meta block.
   *
   * @param schemaVersion  schema version
   * @param eventId        the event
   * @param profileTimeUtc the time the profile is valid at
   * @param provenance     where the values come from
   */
  public record Meta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("event_id") String eventId,
      @JsonProperty("profile_time_utc") Instant profileTimeUtc,
      @JsonProperty("provenance") FusedProvenance provenance) {}

  /**
   * One note over an altitude band (1 mm).
   *
   * @param code         machine-readable code
   * @param severity     {@code info} or {@code warning}
   * @param altitudeMinM bottom of the band, m
   * @param altitudeMaxM top of the band, m
   * @param source       the source concerned, or empty
   * @param message      one human-readable line
   */
  public record Annotation(
      @JsonProperty("code") String code,
      @JsonProperty("severity") String severity,
      @JsonProperty("altitude_min_m") BigDecimal altitudeMinM,
      @JsonProperty("altitude_max_m") BigDecimal altitudeMaxM,
      @JsonProperty("source") String source,
      @JsonProperty("message") String message) {}
}
