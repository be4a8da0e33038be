package org.darkflight.analysis.testing;

import java.util.List;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.SimulationException;
import org.darkflight.analysis.ensemble.AtmosphereFactory;
import org.darkflight.analysis.ensemble.LandingSimulator;

/**
 * Test doubles for the pipeline tests: a closed-form "fall" (terminal-velocity descent plus wind
 * drift) that is cheap and deterministic. It is not physics; the physics core is tested in
 * physics/. Fragments heavier than {@link #FAIL_ABOVE_KG} throw a SimulationException so that
 * the failure path can be exercised.
 */
public final class ToyPhysics {

  /** Masses above this fail with NO_IMPACT. */
  public static final double FAIL_ABOVE_KG = 1e5;

  private ToyPhysics() {}

  /** Levels: winds interpolated linearly; fixed air density 1.2 kg/m³. */
  public static AtmosphereFactory atmosphere() {
    return levels -> {
      double[] alt = levels.stream().mapToDouble(AtmosLevel::altitudeM).toArray();
      double[] u = levels.stream().mapToDouble(AtmosLevel::windUMps).toArray();
      double[] v = levels.stream().mapToDouble(AtmosLevel::windVMps).toArray();
      return h -> {
        double ue = interp(alt, u, h);
        double vn = interp(alt, v, h);
        return new AtmosphereState(250, 50_000, 1.2, 320, 1.7e-5, ue, vn, 0);
      };
    };
  }

  private static double interp(double[] x, double[] y, double h) {
    if (h <= x[0]) {
      return y[0];
    }
    for (int i = 1; i < x.length; i++) {
      if (h <= x[i]) {
        double t = (h - x[i - 1]) / (x[i] - x[i - 1]);
        return y[i - 1] + t * (y[i] - y[i - 1]);
      }
    }
    return y[y.length - 1];
  }

  /** Terminal-velocity fall with the wind at mid-height and a forward throw of 2 s. */
  public static LandingSimulator simulator() {
    return (atmos, start, fragment) -> {
      if (fragment.massKg() > FAIL_ABOVE_KG) {
        throw new SimulationException(SimulationException.Reason.NO_IMPACT, 1.5,
            "toy failure for mass " + fragment.massKg());
      }
      AtmosphereState mid = atmos.at(start.altitudeM() / 2);
      double vt = Math.sqrt(2 * fragment.massKg() * 9.81
          / (mid.densityKgM3() * fragment.cd() * fragment.crossSectionM2()));
      double t = start.altitudeM() / vt;
      double az = Math.toRadians(start.azimuthDeg());
      double horiz = start.speedMps() * Math.cos(Math.toRadians(start.elevationDeg())) * 2.0;
      double east = horiz * Math.sin(az) + mid.windEastMps() * t;
      double north = horiz * Math.cos(az) + mid.windNorthMps() * t;
      LatLon p = new LocalTangentPlane(new LatLon(start.latitudeDeg(), start.longitudeDeg()))
          .toLatLon(east, north);
      return new Landing(p.latitudeDeg(), p.longitudeDeg(), 0, start.timeUtc().plusMillis(
          Math.round(t * 1000)), t, vt, vt, fragment.massKg(), Math.hypot(east, north),
          (Math.toDegrees(Math.atan2(east, north)) + 360) % 360,
          0.5 * fragment.massKg() * vt * vt, fragment.cd());
    };
  }

  /** A three-level profile with winds and σ at the middle level only. */
  public static List<AtmosLevel> levels() {
    return List.of(
        new AtmosLevel(0, 101_325, 288, 2, 1, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
        new AtmosLevel(10_000, 26_500, 223, 15, 5, 0, Double.NaN, 2.0, 1.5, Double.NaN),
        new AtmosLevel(30_000, 1_200, 226, 30, -5, 0, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN));
  }
}
