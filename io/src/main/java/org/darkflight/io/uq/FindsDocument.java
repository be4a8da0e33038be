package org.darkflight.io.uq;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON shape of {@code finds.json} (schema {@code schemas/finds.schema.json}): recovered
 * meteorites used by {@code darkflight calibrate}. Read it with {@link FindsFiles#read}. The
 * schema leaves the top level open, so unknown top-level keys are ignored here too.
 *
 * @param schema  {@code $schema}, or null
 * @param eventId the event, or null
 * @param finds   the finds, ids unique
 * @param meta    free-form metadata, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FindsDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("finds") List<Find> finds,
    @JsonProperty("meta") JsonNode meta) {

  /** Schema name. */
  public static final String SCHEMA = "finds";

  public FindsDocument {
    finds = List.copyOf(finds);
  }

  /**
   * One recovered meteorite.
   *
   * @param id             find identifier
   * @param latitudeDeg    WGS84 latitude, degrees
   * @param longitudeDeg   WGS84 longitude, degrees
   * @param massKg         recovered mass, kg
   * @param positionSigmaM 1-σ horizontal uncertainty of the position, m
   * @param foundUtc       when it was found (ISO-8601), or null
   * @param note           free text, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Find(
      @JsonProperty("id") String id,
      @JsonProperty("latitude_deg") double latitudeDeg,
      @JsonProperty("longitude_deg") double longitudeDeg,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("position_sigma_m") double positionSigmaM,
      @JsonProperty("found_utc") String foundUtc,
      @JsonProperty("note") String note) {}
}
