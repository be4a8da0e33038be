package org.darkflight.io.trajectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.config.PhysicsConfigDocument;
import org.darkflight.io.json.Binding;
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
 * {@value #COORDINATE_DECIMALS} decimals (~0.11 m, docs/outputs.md), heights and distances to 1 mm,
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
   * The document of one trajectory.
   *
   * @param eventId    the event
   * @param trajectory the simulated trajectory
   * @param config     the physics configuration used (summarised in {@code meta.physics})
   * @param inputs     the input files
   * @throws IllegalArgumentException if a value is not finite (nothing can be written)
   */
  public static TrajectoryDocument toDocument(String eventId, Trajectory trajectory,
      PhysicsConfig config, List<InputRef> inputs) {
    return toDocument(eventId, trajectory, config, inputs, PRODUCER);
  }

  /**
   * The document of one trajectory written by {@code producer} (e.g. {@code darkflight run},
   * whose stage S5 writes its nominal fragments' trajectories in this format).
   */
  public static TrajectoryDocument toDocument(String eventId, Trajectory trajectory,
      PhysicsConfig config, List<InputRef> inputs, String producer) {
    Fragment f = trajectory.fragment();
    TrajectoryDocument.FragmentJson frag = new TrajectoryDocument.FragmentJson(f.id(),
        Json.roundedSignificant(f.massKg(), 9), Json.roundedSignificant(f.densityKgM3(), 9),
        f.hasCd() ? Json.roundedSignificant(f.cd(), 9) : null,
        Json.roundedSignificant(f.shapeFactor(), 9));
    Landing l = trajectory.landing();
    TrajectoryDocument.LandingJson land = new TrajectoryDocument.LandingJson(
        Json.roundedDecimal(l.latitudeDeg(), COORDINATE_DECIMALS),
        Json.roundedDecimal(l.longitudeDeg(), COORDINATE_DECIMALS),
        Json.roundedDecimal(l.heightM(), 3),
        toMillis(l.timeUtc()).toString(),
        Json.roundedDecimal(l.fallTimeS(), 3),
        Json.roundedDecimal(l.impactSpeedMps(), 3),
        Json.roundedDecimal(l.terminalVelocityMps(), 3),
        Json.roundedSignificant(l.massFinalKg(), 9),
        Json.roundedDecimal(l.driftDistanceM(), 3),
        Json.roundedDecimal(normaliseBearing(l.driftBearingDeg()), 3),
        Json.roundedSignificant(l.impactEnergyJ(), 7));
    List<TrajectoryDocument.PointJson> points = new ArrayList<>();
    for (TrajectoryPoint p : trajectory.points()) {
      points.add(new TrajectoryDocument.PointJson(
          Json.roundedDecimal(p.timeS(), 3),
          Json.roundedDecimal(p.latitudeDeg(), COORDINATE_DECIMALS),
          Json.roundedDecimal(p.longitudeDeg(), COORDINATE_DECIMALS),
          Json.roundedDecimal(p.heightM(), 3),
          Json.roundedDecimal(p.velocityEastMps(), 3),
          Json.roundedDecimal(p.velocityNorthMps(), 3),
          Json.roundedDecimal(p.velocityUpMps(), 3),
          Json.roundedDecimal(p.speedMps(), 3),
          Json.roundedSignificant(p.massKg(), 9),
          Json.roundedDecimal(p.mach(), 4),
          Json.roundedDecimal(p.dragCoefficient(), 4)));
    }
    ObjectNode physics = Json.mapper().valueToTree(PhysicsConfigDocument.of(config, null));
    physics.remove("$schema");
    return new TrajectoryDocument(SCHEMA_ID, eventId, frag, land, points,
        new TrajectoryDocument.MetaJson(SCHEMA_VERSION, producer, new TreeMap<>(units()), inputs, physics));
  }

  /**
   * Writes {@code outDir/trajectories/<fragment id>.json} atomically and returns its path. The
   * document is validated against the schema first; an invalid one is a bug and nothing is
   * written.
   */
  public static Path write(Path outDir, String eventId, Trajectory trajectory,
      PhysicsConfig config, List<InputRef> inputs) throws IOException {
    return write(outDir, eventId, trajectory, config, inputs, PRODUCER);
  }

  /** {@link #write(Path, String, Trajectory, PhysicsConfig, List)} naming another producer. */
  public static Path write(Path outDir, String eventId, Trajectory trajectory,
      PhysicsConfig config, List<InputRef> inputs, String producer) throws IOException {
    TrajectoryDocument doc = toDocument(eventId, trajectory, config, inputs, producer);
    List<JsonSchemas.Violation> bad = JsonSchemas.violations(Json.mapper().valueToTree(doc),
        SCHEMA);
    if (!bad.isEmpty()) {
      throw new IllegalStateException("trajectory of fragment " + trajectory.fragment().id()
          + " violates its schema at " + bad.get(0).pointer() + ": " + bad.get(0).reason());
    }
    Path target = pathFor(outDir, trajectory.fragment().id());
    AtomicFiles.write(target, Json.toCanonicalBytes(doc));
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

  /**
   * Reads a trajectory file, validates it against the schema and binds it to its record.
   *
   * @throws InputException when the file is missing, malformed or invalid
   */
  public static TrajectoryDocument readDocument(Path file) throws InputException {
    return Binding.bind(read(file), TrajectoryDocument.class, file.toString());
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
