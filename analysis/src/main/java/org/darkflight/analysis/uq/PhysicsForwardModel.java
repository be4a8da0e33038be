package org.darkflight.analysis.uq;

import java.util.List;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.analysis.ensemble.PerturbedAtmosphere;

/**
 * The physics simulator with the calibration parameters applied: the luminous end moved by the
 * along/cross-track offsets (in its tangent plane, along the flight azimuth and 90° right of it),
 * the config's drag multiplier times {@code cd_scale}, the wind times {@code wind_scale}
 * ({@link PerturbedAtmosphere}), and the fragment density; the fragment's other properties come
 * from {@code template}.
 */
public final class PhysicsForwardModel implements ForwardModel {

  private final AtmosphereModel atmosphere;
  private final PhysicsConfig config;
  private final LuminousEnd end;
  private final Fragment template;

  public PhysicsForwardModel(AtmosphereModel atmosphere, PhysicsConfig config, LuminousEnd end,
      Fragment template) {
    this.atmosphere = atmosphere;
    this.config = config;
    this.end = end;
    this.template = template;
  }

  /** The baseline parameter vector (offsets 0, scales 1, the template's density). */
  public double[] baseline() {
    return new double[] {0, 0, 1, 1, template.densityKgM3()};
  }

  @Override
  public double[] landing(double[] p, double massKg) {
    double az = Math.toRadians(end.azimuthDeg());
    double east = p[0] * Math.sin(az) + p[1] * Math.cos(az);
    double north = p[0] * Math.cos(az) - p[1] * Math.sin(az);
    LatLon moved = new LocalTangentPlane(new LatLon(end.latitudeDeg(), end.longitudeDeg()))
        .toLatLon(east, north);
    LuminousEnd start = new LuminousEnd(end.timeUtc(), moved.latitudeDeg(),
        moved.longitudeDeg(), end.altitudeM(), end.speedMps(), end.azimuthDeg(),
        end.elevationDeg());
    AtmosphereModel air = new PerturbedAtmosphere(atmosphere, p[3], new double[0], List.of());
    DarkflightSimulator sim = org.darkflight.physics.models.PhysicsModels.simulator(air,
        config.withCdScale(config.cdScale() * p[2]));
    Fragment f = new Fragment(template.id(), massKg, p[4], template.cd(),
        template.shapeFactor());
    Landing l = sim.land(start, f);
    return new double[] {l.latitudeDeg(), l.longitudeDeg()};
  }
}
