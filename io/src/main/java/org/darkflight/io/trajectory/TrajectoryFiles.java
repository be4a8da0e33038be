package org.darkflight.io.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.config.PhysicsConfigDocument;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.Trajectory;
import org.darkflight.physics.trajectory.TrajectoryPoint;

/**
 * Writes (and reads back) {@code trajectories/<fragment_id>.json} (schema
 * {@code schemas/trajectory.schema.json}): the time series and the landing of one fragment.
 *
 * <p>Output is canonical and reproducible: sorted keys, WGS84 coordinates with
 * {@value #COORDINATE_DECIMALS} decimals (~0.11 m, spec §7.4), heights and distances to 1 mm,
 * times to 1 ms, speeds to 1 mm/s, masses and energies to 9 and 7 significant digits, no creation
 * time. Inputs are recorded by file name and SHA-256.
 */
public final class TrajectoryFiles {

  /** Name of the schema, {@code schemas/trajectory.schema.json}. */
  public static final String SCHEMA = "trajectory";
  /** {@code $id} of the schema, written as {@code $schema}. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/trajectory.schema.json";
  /** Schema version written. */
  public static final String SCHEMA_VERSION = "1.0";
  /** Decimals of latitudes and longitudes. */
  public static final int COORDINATE_DECIMALS = 6;
  /** Folder of the trajectory files inside an output directory. */
  public static final String FOLDER = "trajectories";
  /** Producer written in {@code meta.producer}. */
  public static final String PRODUCER = "darkflight trajectory";

  private TrajectoryFiles() {}

  /** Where a fragment's trajectory goes inside {@code outDir}. */
  public static Path pathFor(Path outDir, String fragmentId) {
    return outDir.resolve(FOLDER).resolve(fragmentId + ".json");
  }

  /** Units of the written fields, for {@code meta.units}. */
  public static Map<String, String> units() {
    Map<String, String> u = new TreeMap<>();
    u.put("lat", "deg");
    u.put("lon", "deg");
    u.put("height_m", "m");
    u.put("t_s", "s");
    u.put("fall_time_s", "s");
    u.put("time_utc", "UTC");
    u.put("v_east_mps", "m/s");
    u.put("v_north_mps", "m/s");
    u.put("v_up_mps", "m/s");
    u.put("speed_mps", "m/s");
    u.put("impact_speed_mps", "m/s");
    u.put("terminal_velocity_mps", "m/s");
    u.put("mass_kg", "kg");
    u.put("mass_final_kg", "kg");
    u.put("density_kgm3", "kg/m3");
    u.put("drift_distance_m", "m");
    u.put("drift_bearing_deg", "deg");
    u.put("impact_energy_j", "J");
    u.put("mach", "1");
    u.put("cd", "1");
    u.put("shape_factor", "1");
    return u;
  }

  /**
   * The tree of one trajectory.
   *
   * @param eventId    the event
   * @param trajectory the simulated trajectory
   * @param config     the physics configuration used (summarised in {@code meta.physics})
   * @param inputs     the input files
   * @throws IllegalArgumentException if a value is not finite (nothing can be written)
   */
  public static ObjectNode toTree(String eventId, Trajectory trajectory, PhysicsConfig config,
      List<InputRef> inputs) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", SCHEMA_ID);
    root.put("event_id", eventId);

    Fragment f = trajectory.fragment();
    ObjectNode frag = root.putObject("fragment");
    frag.put("id", f.id());
    frag.set("mass_kg", Json.significantNode(f.massKg(), 9));
    frag.set("density_kgm3", Json.significantNode(f.densityKgM3(), 9));
    frag.set("cd", Json.significantNode(f.cd(), 9));
    frag.set("shape_factor", Json.significantNode(f.shapeFactor(), 9));

    Landing l = trajectory.landing();
    ObjectNode land = root.putObject("landing");
    land.set("lat", Json.roundedNode(l.latitudeDeg(), COORDINATE_DECIMALS));
    land.set("lon", Json.roundedNode(l.longitudeDeg(), COORDINATE_DECIMALS));
    land.set("height_m", Json.roundedNode(l.heightM(), 3));
    land.put("time_utc", toMillis(l.timeUtc()).toString());
    land.set("fall_time_s", Json.roundedNode(l.fallTimeS(), 3));
    land.set("impact_speed_mps", Json.roundedNode(l.impactSpeedMps(), 3));
    land.set("terminal_velocity_mps", Json.roundedNode(l.terminalVelocityMps(), 3));
    land.set("mass_final_kg", Json.significantNode(l.massFinalKg(), 9));
    land.set("drift_distance_m", Json.roundedNode(l.driftDistanceM(), 3));
    land.set("drift_bearing_deg", Json.roundedNode(normaliseBearing(l.driftBearingDeg()), 3));
    land.set("impact_energy_j", Json.significantNode(l.impactEnergyJ(), 7));

    ArrayNode points = root.putArray("points");
    for (TrajectoryPoint p : trajectory.points()) {
      ObjectNode n = points.addObject();
      n.set("t_s", Json.roundedNode(p.timeS(), 3));
      n.set("lat", Json.roundedNode(p.latitudeDeg(), COORDINATE_DECIMALS));
      n.set("lon", Json.roundedNode(p.longitudeDeg(), COORDINATE_DECIMALS));
      n.set("height_m", Json.roundedNode(p.heightM(), 3));
      n.set("v_east_mps", Json.roundedNode(p.velocityEastMps(), 3));
      n.set("v_north_mps", Json.roundedNode(p.velocityNorthMps(), 3));
      n.set("v_up_mps", Json.roundedNode(p.velocityUpMps(), 3));
      n.set("speed_mps", Json.roundedNode(p.speedMps(), 3));
      n.set("mass_kg", Json.significantNode(p.massKg(), 9));
      n.set("mach", Json.roundedNode(p.mach(), 4));
      n.set("cd", Json.roundedNode(p.dragCoefficient(), 4));
    }

    ObjectNode meta = root.putObject("meta");
    meta.put("schema_version", SCHEMA_VERSION);
    meta.put("producer", PRODUCER);
    meta.set("units", Json.mapper().valueToTree(units()));
    meta.set("inputs", Json.mapper().valueToTree(inputs));
    ObjectNode physics = Json.mapper().valueToTree(PhysicsConfigDocument.of(config, null));
    physics.remove("$schema");
    meta.set("physics", physics);
    return root;
  }

  /**
   * Writes {@code outDir/trajectories/<fragment id>.json} atomically and returns its path. The
   * tree is validated against the schema first; an invalid tree is a bug and nothing is written.
   */
  public static Path write(Path outDir, String eventId, Trajectory trajectory,
      PhysicsConfig config, List<InputRef> inputs) throws IOException {
    ObjectNode tree = toTree(eventId, trajectory, config, inputs);
    List<JsonSchemas.Violation> bad = JsonSchemas.violations(tree, SCHEMA);
    if (!bad.isEmpty()) {
      throw new IllegalStateException("trajectory of fragment " + trajectory.fragment().id()
          + " violates its schema at " + bad.get(0).pointer() + ": " + bad.get(0).reason());
    }
    Path target = pathFor(outDir, trajectory.fragment().id());
    AtomicFiles.write(target, Json.toCanonicalBytes(tree));
    return target;
  }

  /**
   * Reads a trajectory file and validates it against the schema.
   *
   * @throws InputException when the file is missing, malformed or invalid
   */
  public static JsonNode read(Path file) throws InputException {
    return JsonSchemas.readValidated(file, SCHEMA);
  }

  /** {@code t} rounded to the nearest millisecond, as written in {@code landing.time_utc}. */
  public static Instant toMillis(Instant t) {
    long nanos = t.getNano();
    long roundedMillis = Math.round(nanos / 1e6);
    return Instant.ofEpochSecond(t.getEpochSecond()).plusMillis(roundedMillis);
  }

  private static double normaliseBearing(double deg) {
    double b = deg % 360.0;
    return b < 0 ? b + 360.0 : b;
  }
}
