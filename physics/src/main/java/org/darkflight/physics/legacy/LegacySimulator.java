package org.darkflight.physics.legacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.trajectory.Landing;

/**
 * Runs the legacy mode a {@link PhysicsConfig} selects ({@code "legacy": "fries_v42"} or
 * {@code "fries_v2"} in physics_config.json) on the inputs of the modern simulator: the luminous
 * end, a fragment and the sounding levels. The legacy methods are flat; their east/north offsets
 * are placed on the WGS84 ellipsoid through the tangent plane at the point below the luminous end.
 *
 * <p>For v.42 the integrated window runs from the ground altitude (B18) to the luminous-end
 * altitude (B19), the profile rows are the sounding levels bottom first (at most 600), and the
 * workbook's constants (Cd 0.6000000000000001 for the first iteration, g = 9.81) apply.
 */
public final class LegacySimulator {

  /** Gravity of both workbooks, m/s². */
  public static final double WORKBOOK_GRAVITY_MPS2 = 9.81;

  private final List<AtmosLevel> levels;
  private final PhysicsConfig config;

  public LegacySimulator(List<AtmosLevel> levels, PhysicsConfig config) {
    if (config.legacy() == PhysicsConfig.LegacyMode.NONE) {
      throw new IllegalArgumentException("physics config selects no legacy mode");
    }
    List<AtmosLevel> sorted = new ArrayList<>(levels);
    sorted.sort(Comparator.comparingDouble(AtmosLevel::altitudeM));
    this.levels = List.copyOf(sorted);
    this.config = config;
  }

  private static double windFromDeg(AtmosLevel l) {
    double speed = Math.hypot(l.windUMps(), l.windVMps());
    return speed == 0 ? 0
        : (Math.toDegrees(Math.atan2(-l.windUMps(), -l.windVMps())) + 360) % 360;
  }

  /** The landing of one fragment. */
  public Landing land(LuminousEnd start, Fragment fragment) {
    double east;
    double north;
    double fallTime;
    double impactSpeed;
    double terminal;
    if (config.legacy() == PhysicsConfig.LegacyMode.FRIES_V2) {
      List<FriesV2Inputs.Level> lv = new ArrayList<>();
      for (AtmosLevel l : levels) {
        lv.add(new FriesV2Inputs.Level(l.altitudeM(), l.pressurePa(), l.temperatureK(),
            windFromDeg(l), Math.hypot(l.windUMps(), l.windVMps())));
      }
      FriesV2Result r = new FriesV2().run(new FriesV2Inputs(fragment.massKg(),
          fragment.densityKgM3(), start.altitudeM(), config.groundAltitudeM(), start.speedMps(),
          start.azimuthDeg(), start.elevationDeg(), WORKBOOK_GRAVITY_MPS2, lv));
      east = r.offsetEastM();
      north = r.offsetNorthM();
      fallTime = r.fallTimeS();
      impactSpeed = r.impactSpeedMps();
      terminal = r.terminalVelocityMps();
    } else {
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
            + " sounding levels above 0 m, got " + rows.size());
      }
      FriesV42Result r = new FriesV42().run(new FriesV42Inputs(0, 0,
          fragment.densityKgM3() / 1000, config.groundAltitudeM(), start.altitudeM(),
          fragment.massKg() * 1000, start.azimuthDeg(), start.speedMps(), start.elevationDeg(),
          FriesV42Inputs.WORKBOOK_FIRST_ITERATION_CD, WORKBOOK_GRAVITY_MPS2, rows));
      east = r.displacementEastM();
      north = r.displacementNorthM();
      fallTime = r.fallTimeS();
      impactSpeed = r.groundTerminalVelocityMps();
      terminal = r.groundTerminalVelocityMps();
    }
    GeodeticPoint p = LocalEnu.atDegrees(start.latitudeDeg(), start.longitudeDeg(), 0)
        .planeToGeodetic(east, north);
    double bearing = (Math.toDegrees(Math.atan2(east, north)) + 360) % 360;
    return new Landing(Math.toDegrees(p.latitudeRad()), Math.toDegrees(p.longitudeRad()),
        config.groundAltitudeM(),
        start.timeUtc().plus(Duration.ofNanos(Math.round(fallTime * 1e9))), fallTime,
        impactSpeed, terminal, fragment.massKg(), Math.hypot(east, north), bearing,
        0.5 * fragment.massKg() * impactSpeed * impactSpeed);
  }
}
