package org.darkflight.io.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.LuminousEnd;

/**
 * The JSON shape of {@code event.json} (schema {@code schemas/event.schema.json}, docs/inputs.md).
 *
 * @param schema      the {@code $schema} URI, or null when the file gives none
 * @param eventId     unique event identifier
 * @param luminousEnd the initial state of dark flight
 * @param meta        units and provenance, or null when the file gives none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
   * travel clockwise from true north; elevation = degrees below the local horizontal. The file
   * gives exactly one of {@code elevation_deg} and {@code zenith_angle_deg} (the angle from the
   * local vertical, elevation = 90° − zenith); the other is null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LuminousEndJson(
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("speed_mps") double speedMps,
      @JsonProperty("azimuth_deg") double azimuthDeg,
      @JsonProperty("elevation_deg") Double elevationDeg,
      @JsonProperty("zenith_angle_deg") Double zenithAngleDeg,
      @JsonProperty("height_reference") String heightReference) {

    /**
     * The physics value (validated by its constructor).
     *
     * @throws IllegalArgumentException when both or neither of elevation and zenith angle are
     *     given
     */
    public LuminousEnd toLuminousEnd() {
      return new LuminousEnd(timeUtc, lat, lon, altitudeM, speedMps, azimuthDeg, entryAngleDeg());
    }

    /** The entry angle below the horizontal, from whichever of the two angles is given. */
    public double entryAngleDeg() {
      if (elevationDeg != null && zenithAngleDeg != null) {
        throw new IllegalArgumentException("both elevation_deg and zenith_angle_deg are given; "
            + "give one: elevation_deg is the angle BELOW the horizontal (90 = straight down), "
            + "zenith_angle_deg the angle FROM the vertical (0 = straight down)");
      }
      if (elevationDeg == null && zenithAngleDeg == null) {
        throw new IllegalArgumentException("the slope of the path is missing: give elevation_deg "
            + "(angle below the horizontal, 90 = straight down) or zenith_angle_deg (angle from "
            + "the vertical, as fireball networks publish it)");
      }
      return elevationDeg != null ? elevationDeg : 90.0 - zenithAngleDeg;
    }

    /** The JSON form of a physics value whose height is above mean sea level. */
    public static LuminousEndJson of(LuminousEnd e) {
      return of(e, org.darkflight.io.geoid.HeightReference.MSL);
    }

    /** The JSON form of a physics value; the spec's default, mean sea level, is left implicit. */
    public static LuminousEndJson of(LuminousEnd e,
        org.darkflight.io.geoid.HeightReference reference) {
      return new LuminousEndJson(e.timeUtc(), e.latitudeDeg(), e.longitudeDeg(), e.altitudeM(),
          e.speedMps(), e.azimuthDeg(), e.elevationDeg(), null,
          reference == org.darkflight.io.geoid.HeightReference.MSL ? null : reference.json());
    }
  }
}
