package org.darkflight.physics.legacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.geodesy.Geodesics;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.geodesy.TransverseMercator;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.LegacyMethod;
import org.darkflight.physics.trajectory.Trajectory;
import org.darkflight.physics.trajectory.TrajectoryPoint;

/**
 * Runs the legacy mode a {@link PhysicsConfig} selects ({@code "legacy": "fries_v42"} or
 * {@code "fries_v2"} in physics_config.json) on the inputs of the modern simulator: the luminous
 * end, a fragment and the atmosphere's levels ({@link AtmosphereModel#levelAltitudesM()}: the
 * profile's levels, or the slices of {@code vertical_grid.json} when the caller supplies them).
 * {@code physics.models.PhysicsModels.simulator} builds one into every simulator whose
 * configuration selects a legacy mode, so {@code trajectory}, {@code run}, {@code process} and
 * {@code serve} all use it.
 *
 * <p>The level values: for a {@link ProfileAtmosphere} its levels as given; for any other model
 * (an ensemble sample's perturbed winds, a gridded atmosphere) the model's air at each level
 * height.
 *
 * <p><b>fries_v42</b>: the integrated window runs from the ground altitude (B18) to the
 * luminous-end altitude (B19), the profile rows are the levels above 0 m bottom first (at most
 * 600), and the workbook's constants (Cd 0.6000000000000001 for the first iteration, g = 9.81)
 * apply. The workbook adds its east/north displacement to the start's UTM easting/northing
 * (B8 = B6 + E7); so does this class, in the standard UTM zone of the luminous end
 * ({@link TransverseMercator}), which makes its landing the one {@code darkflight workbook run}
 * prints for the same inputs.
 *
 * <p><b>fries_v2</b>: slices at every level strictly between the luminous end and the ground
 * (the air at the start and ground heights is added when the levels do not reach them); its
 * east/north offsets are true east/north and are placed through the tangent plane at the point
 * below the luminous end.
 *
 * <p>Both methods are flat and stepwise: trajectories carry the start, each slice bottom (v2) and
 * the impact (v.42 records no intermediate state and no horizontal impact velocity: its impact
 * point carries the vertical terminal velocity only). Mach and Cd of a recorded point are the
 * workbook's: air-relative speed over 331.3 √(T/273.15) m/s, Carter–Jandir–Kress Cd(M).
 */
public final class LegacySimulator implements LegacyMethod {

  /** Gravity of both workbooks, m/s². */
  public static final double WORKBOOK_GRAVITY_MPS2 = 9.81;

  private final List<AtmosLevel> levels;
  private final AtmosphereModel atmosphere;
  private final PhysicsConfig config;
  private final String levelSource;

  /** The method on a profile's levels (sorted here). */
  public LegacySimulator(List<AtmosLevel> levels, PhysicsConfig config) {
    this(profile(levels), config);
  }

  /**
   * The method on an atmosphere's levels.
   *
   * @throws IllegalArgumentException when the configuration selects no legacy mode or the
   *     atmosphere has no levels
   */
  public LegacySimulator(AtmosphereModel atmosphere, PhysicsConfig config) {
    if (config.legacy() == PhysicsConfig.LegacyMode.NONE) {
      throw new IllegalArgumentException("physics config selects no legacy mode");
    }
    String mode = name(config.legacy());
    List<AtmosLevel> lv;
    if (atmosphere instanceof ProfileAtmosphere p) {
      lv = p.levels();
    } else {
      lv = new ArrayList<>();
      for (double z : atmosphere.levelAltitudesM()) {
        lv.add(sample(atmosphere, z));
      }
    }
    if (lv.isEmpty()) {
      throw new IllegalArgumentException("legacy mode " + mode + " needs an atmospheric profile"
          + " with levels (a sounding or a fused profile); this atmosphere has none");
    }
    this.levels = List.copyOf(lv);
    this.atmosphere = atmosphere;
    this.config = config;
    this.levelSource = atmosphere.levelSource();
  }

  private static ProfileAtmosphere profile(List<AtmosLevel> levels) {
    List<AtmosLevel> sorted = new ArrayList<>(levels);
    sorted.sort(Comparator.comparingDouble(AtmosLevel::altitudeM));
    return new ProfileAtmosphere(sorted);
  }

  private static AtmosLevel sample(AtmosphereModel atmosphere, double z) {
    AtmosphereState s = atmosphere.at(z);
    return AtmosLevel.of(z, s.pressurePa(), s.temperatureK(), s.windEastMps(),
        s.windNorthMps());
  }

  private static String name(PhysicsConfig.LegacyMode mode) {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String name() {
    return name(config.legacy());
  }

  @Override
  public String description() {
    if (config.legacy() == PhysicsConfig.LegacyMode.FRIES_V2) {
      return "fries_v2 (v2 slice method, docs/methodology.md §19): slices at " + levelSource
          + "; offsets placed through the tangent plane below the luminous end";
    }
    return "fries_v42 (JÖRMUNGANDR v.42 workbook method, docs/methodology.md §19): profile rows"
        + " at " + levelSource + "; window from the ground to the luminous end; displacement"
        + " added in the UTM zone of the luminous end, as the workbook does";
  }

  private static double windFromDeg(AtmosLevel l) {
    double speed = Math.hypot(l.windUMps(), l.windVMps());
    return speed == 0 ? 0
        : (Math.toDegrees(Math.atan2(-l.windUMps(), -l.windVMps())) + 360) % 360;
  }

  /** The raw result of one method run: offsets, times, speeds and recorded states. */
  private record Flat(double east, double north, double fallTime, double impactSpeed,
      double terminal, List<FriesV2Result.SliceState> states) {}

  private Flat run(LuminousEnd start, Fragment fragment) {
    if (config.legacy() == PhysicsConfig.LegacyMode.FRIES_V2) {
      List<FriesV2Inputs.Level> lv = new ArrayList<>();
      double lowest = Double.POSITIVE_INFINITY;
      double highest = Double.NEGATIVE_INFINITY;
      for (AtmosLevel l : levels) {
        lv.add(v2Level(l));
        lowest = Math.min(lowest, l.altitudeM());
        highest = Math.max(highest, l.altitudeM());
      }
      if (start.altitudeM() > highest) {
        lv.add(v2Level(sample(atmosphere, start.altitudeM())));
      }
      if (config.groundAltitudeM() < lowest) {
        lv.add(v2Level(sample(atmosphere, config.groundAltitudeM())));
      }
      FriesV2Result r = new FriesV2().run(new FriesV2Inputs(fragment.massKg(),
          fragment.densityKgM3(), start.altitudeM(), config.groundAltitudeM(), start.speedMps(),
          start.azimuthDeg(), start.elevationDeg(), WORKBOOK_GRAVITY_MPS2, lv));
      return new Flat(r.offsetEastM(), r.offsetNorthM(), r.fallTimeS(), r.impactSpeedMps(),
          r.terminalVelocityMps(), r.slices());
    }
    List<RaobRow> rows = new ArrayList<>();
    for (AtmosLevel l : levels) {
      if (l.altitudeM() <= 0) {
        continue; // the workbook reads an altitude of 0 as "no level"
      }
      rows.add(new RaobRow(l.pressurePa() / 100, l.altitudeM(),
          (l.temperatureK() - 273.15) * 10, 0, windFromDeg(l),
          Math.hypot(l.windUMps(), l.windVMps()) * 10));
    }
    if (rows.size() > FriesV42.ROWS) {
      throw new IllegalArgumentException("fries_v42 takes at most " + FriesV42.ROWS
          + " sounding levels above 0 m, got " + rows.size() + " (" + levelSource + ")");
    }
    FriesV42Result r = new FriesV42().run(new FriesV42Inputs(0, 0,
        fragment.densityKgM3() / 1000, config.groundAltitudeM(), start.altitudeM(),
        fragment.massKg() * 1000, start.azimuthDeg(), start.speedMps(), start.elevationDeg(),
        FriesV42Inputs.WORKBOOK_FIRST_ITERATION_CD, WORKBOOK_GRAVITY_MPS2, rows));
    return new Flat(r.displacementEastM(), r.displacementNorthM(), r.fallTimeS(),
        r.groundTerminalVelocityMps(), r.groundTerminalVelocityMps(), List.of());
  }

  private static FriesV2Inputs.Level v2Level(AtmosLevel l) {
    return new FriesV2Inputs.Level(l.altitudeM(), l.pressurePa(), l.temperatureK(),
        windFromDeg(l), Math.hypot(l.windUMps(), l.windVMps()));
  }

  /** {latitude, longitude} of a flat east/north offset from the point below the start. */
  private double[] place(LuminousEnd start, double east, double north) {
    if (config.legacy() == PhysicsConfig.LegacyMode.FRIES_V42) {
      TransverseMercator utm = TransverseMercator.containing(start.latitudeDeg(),
          start.longitudeDeg());
      double[] en = utm.forward(start.latitudeDeg(), start.longitudeDeg());
      return utm.inverse(en[0] + east, en[1] + north);
    }
    GeodeticPoint p = LocalEnu.atDegrees(start.latitudeDeg(), start.longitudeDeg(), 0)
        .planeToGeodetic(east, north);
    return new double[] {Math.toDegrees(p.latitudeRad()), Math.toDegrees(p.longitudeRad())};
  }

  /** The landing of one fragment. */
  @Override
  public Landing land(LuminousEnd start, Fragment fragment) {
    return landing(start, fragment, run(start, fragment));
  }

  private Landing landing(LuminousEnd start, Fragment fragment, Flat r) {
    double[] ll = place(start, r.east(), r.north());
    Geodesics.DistanceBearing drift = Geodesics.inverse(start.latitudeDeg(),
        start.longitudeDeg(), ll[0], ll[1]);
    double bearing = drift.distanceM() == 0 ? 0 : drift.initialBearingDeg();
    return new Landing(ll[0], ll[1], config.groundAltitudeM(),
        start.timeUtc().plus(Duration.ofNanos(Math.round(r.fallTime() * 1e9))), r.fallTime(),
        r.impactSpeed(), r.terminal(), fragment.massKg(), drift.distanceM(), bearing,
        0.5 * fragment.massKg() * r.impactSpeed() * r.impactSpeed(), Double.NaN);
  }

  /**
   * The trajectory of one fragment: the start, each slice bottom (v2) and the impact.
   */
  @Override
  public Trajectory simulate(LuminousEnd start, Fragment fragment) {
    Flat r = run(start, fragment);
    Landing landing = landing(start, fragment, r);
    double az = Math.toRadians(start.azimuthDeg());
    double el = Math.toRadians(start.elevationDeg());
    double v = start.speedMps();
    List<TrajectoryPoint> points = new ArrayList<>();
    points.add(point(0, start.latitudeDeg(), start.longitudeDeg(), start.altitudeM(),
        v * Math.cos(el) * Math.sin(az), v * Math.cos(el) * Math.cos(az), -v * Math.sin(el),
        fragment.massKg()));
    if (r.states().isEmpty()) {
      points.add(point(r.fallTime(), landing.latitudeDeg(), landing.longitudeDeg(),
          landing.heightM(), 0, 0, -r.impactSpeed(), fragment.massKg()));
    } else {
      for (FriesV2Result.SliceState s : r.states()) {
        double[] ll = place(start, s.xM(), s.yM());
        points.add(point(s.timeS(), ll[0], ll[1], s.altitudeM(), s.vxMps(), s.vyMps(),
            s.vzMps(), fragment.massKg()));
      }
    }
    return new Trajectory(fragment, points, landing);
  }

  private TrajectoryPoint point(double t, double lat, double lon, double h, double ve, double vn,
      double vu, double massKg) {
    AtmosphereState air = atmosphere.at(h);
    double rx = ve - air.windEastMps();
    double ry = vn - air.windNorthMps();
    double mach = Math.sqrt(rx * rx + ry * ry + vu * vu)
        / (331.3 * Math.sqrt(air.temperatureK() / 273.15));
    return new TrajectoryPoint(t, lat, lon, h, ve, vn, vu, Math.sqrt(ve * ve + vn * vn + vu * vu),
        massKg, mach, FriesV42.cdOfMach(mach));
  }
}
