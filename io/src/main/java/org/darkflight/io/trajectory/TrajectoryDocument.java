package org.darkflight.io.trajectory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.meta.InputRef;

/**
 * The JSON shape of {@code trajectories/<fragment_id>.json} (schema
 * {@code schemas/trajectory.schema.json}): one fragment's time series and landing. Numbers are
 * {@link BigDecimal}s already rounded to the precision written (see {@link TrajectoryFiles}), so
 * the canonical writer prints them exactly.
 *
 * @param schema   {@link TrajectoryFiles#SCHEMA_ID}
 * @param eventId  the event
 * @param fragment the fragment simulated
 * @param landing  where and how it landed
 * @param points   the recorded points, in time order
 * @param meta     schema version, producer, units, inputs and the physics used
 */
public record TrajectoryDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("fragment") FragmentJson fragment,
    @JsonProperty("landing") LandingJson landing,
    @JsonProperty("points") List<PointJson> points,
    @JsonProperty("meta") MetaJson meta) {

  public TrajectoryDocument {
    points = List.copyOf(points);
  }

  /**
   * The fragment.
   *
   * @param id          fragment id
   * @param massKg      initial mass, kg
   * @param densityKgm3 bulk density, kg/m³
   * @param cd          drag coefficient (1), null (absent) when the fragment gave none
   * @param shapeFactor shape factor A/V^(2/3) (1)
   */
  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  public record FragmentJson(
      @JsonProperty("id") String id,
      @JsonProperty("mass_kg") BigDecimal massKg,
      @JsonProperty("density_kgm3") BigDecimal densityKgm3,
      @JsonProperty("cd") BigDecimal cd,
      @JsonProperty("shape_factor") BigDecimal shapeFactor) {}

  /**
   * The landing.
   *
   * @param lat                 latitude, WGS84 degrees
   * @param lon                 longitude, WGS84 degrees
   * @param heightM             height of the ground, m
   * @param timeUtc             landing time, ISO-8601 UTC, to the millisecond
   * @param fallTimeS           time from the luminous end, s
   * @param impactSpeedMps      speed at impact, m/s
   * @param terminalVelocityMps terminal velocity at the ground, m/s
   * @param massFinalKg         mass at impact, kg
   * @param driftDistanceM      horizontal distance from the luminous end's ground point, m
   * @param driftBearingDeg     bearing of that drift, degrees clockwise from north, [0, 360)
   * @param impactEnergyJ       kinetic energy at impact, J
   */
  public record LandingJson(
      @JsonProperty("lat") BigDecimal lat,
      @JsonProperty("lon") BigDecimal lon,
      @JsonProperty("height_m") BigDecimal heightM,
      @JsonProperty("time_utc") String timeUtc,
      @JsonProperty("fall_time_s") BigDecimal fallTimeS,
      @JsonProperty("impact_speed_mps") BigDecimal impactSpeedMps,
      @JsonProperty("terminal_velocity_mps") BigDecimal terminalVelocityMps,
      @JsonProperty("mass_final_kg") BigDecimal massFinalKg,
      @JsonProperty("drift_distance_m") BigDecimal driftDistanceM,
      @JsonProperty("drift_bearing_deg") BigDecimal driftBearingDeg,
      @JsonProperty("impact_energy_j") BigDecimal impactEnergyJ) {}

  /**
   * One recorded point.
   *
   * @param tS         time since the luminous end, s
   * @param lat        latitude, WGS84 degrees
   * @param lon        longitude, WGS84 degrees
   * @param heightM    height above the ellipsoid, m
   * @param vEastMps   velocity east, m/s
   * @param vNorthMps  velocity north, m/s
   * @param vUpMps     velocity up, m/s
   * @param speedMps   speed, m/s
   * @param massKg     mass, kg
   * @param mach       Mach number (1)
   * @param cd         drag coefficient (1)
   */
  public record PointJson(
      @JsonProperty("t_s") BigDecimal tS,
      @JsonProperty("lat") BigDecimal lat,
      @JsonProperty("lon") BigDecimal lon,
      @JsonProperty("height_m") BigDecimal heightM,
      @JsonProperty("v_east_mps") BigDecimal vEastMps,
      @JsonProperty("v_north_mps") BigDecimal vNorthMps,
      @JsonProperty("v_up_mps") BigDecimal vUpMps,
      @JsonProperty("speed_mps") BigDecimal speedMps,
      @JsonProperty("mass_kg") BigDecimal massKg,
      @JsonProperty("mach") BigDecimal mach,
      @JsonProperty("cd") BigDecimal cd) {}

  /**
   * The metadata.
   *
   * @param schemaVersion {@link TrajectoryFiles#SCHEMA_VERSION}
   * @param producer      {@link TrajectoryFiles#PRODUCER}
   * @param units         field name → unit
   * @param inputs        the input files by name and SHA-256
   * @param physics       the physics configuration used: {@code physics_config.json}'s document
   *                      without {@code $schema}, as a tree (its numbers are written as plain
   *                      decimals without trailing zeros, as they always have been)
   */
  public record MetaJson(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("producer") String producer,
      @JsonProperty("units") SortedMap<String, String> units,
      @JsonProperty("inputs") List<InputRef> inputs,
      @JsonProperty("physics") JsonNode physics) {

    public MetaJson {
      units = new TreeMap<>(units);
      inputs = List.copyOf(inputs);
    }
  }
}
