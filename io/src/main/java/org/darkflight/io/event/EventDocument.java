package org.darkflight.io.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.LuminousEnd;

/**
 * The JSON shape of {@code event.json} (schema {@code schemas/event.schema.json}, spec §4.1).
 *
 * @param schema      the {@code $schema} URI
 * @param eventId     unique event identifier
 * @param luminousEnd the initial state of dark flight
 * @param meta        units and provenance
 */
@JsonPropertyOrder({"$schema", "event_id", "luminous_end", "meta"})
public record EventDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("luminous_end") LuminousEndJson luminousEnd,
    @JsonProperty("meta") Meta meta) {

  /** {@code $id} of the event schema. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/event.schema.json";

  /**
   * The {@code luminous_end} object. Angles as in {@link LuminousEnd}: azimuth = direction of
   * travel clockwise from true north; elevation = degrees below the local horizontal.
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record LuminousEndJson(
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("speed_mps") double speedMps,
      @JsonProperty("azimuth_deg") double azimuthDeg,
      @JsonProperty("elevation_deg") double elevationDeg,
      @JsonProperty("height_reference") String heightReference) {

    /** The physics value (validated by its constructor). */
    public LuminousEnd toLuminousEnd() {
      return new LuminousEnd(timeUtc, lat, lon, altitudeM, speedMps, azimuthDeg, elevationDeg);
    }

    /** The JSON form of a physics value whose height is above mean sea level. */
    public static LuminousEndJson of(LuminousEnd e) {
      return of(e, org.darkflight.io.geoid.HeightReference.MSL);
    }

    /** The JSON form of a physics value; the spec's default, mean sea level, is left implicit. */
    public static LuminousEndJson of(LuminousEnd e,
        org.darkflight.io.geoid.HeightReference reference) {
      return new LuminousEndJson(e.timeUtc(), e.latitudeDeg(), e.longitudeDeg(), e.altitudeM(),
          e.speedMps(), e.azimuthDeg(), e.elevationDeg(),
          reference == org.darkflight.io.geoid.HeightReference.MSL ? null : reference.json());
    }
  }
}
