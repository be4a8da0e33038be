package org.darkflight.analysis.radar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.io.radar.returns.RadarReturn;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.radar.RadarGeolocator;
import org.darkflight.physics.radar.RadarObservation;
import org.darkflight.physics.radar.RadarSite;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.FlightState;

/**
 * A known fall: a 2 kg stone from a known terminus over northern Illinois through the US
 * Standard Atmosphere with a steady 15 m/s west wind, seen by KLOT and KMKX. Radar returns are
 * made by sampling the simulated positions at chosen times and asking which elevation, azimuth
 * and slant range each radar would report for them.
 */
final class SyntheticRadarScenario {

  static final Instant EPOCH = Instant.parse("2026-04-01T03:00:00Z");
  static final LuminousEnd TERMINUS = new LuminousEnd(EPOCH, 41.80, -88.40, 25_000.0, 2_500.0,
      80.0, 40.0);
  static final double TRUE_MASS_KG = 2.0;
  static final Fragment TEMPLATE = new Fragment("stone", 1.0, 3_500.0, 1.0, 1.21);
  static final RadarSite KLOT = new RadarSite("KLOT", 41.60444, -88.08472, 222.08);
  static final RadarSite KMKX = new RadarSite("KMKX", 42.96778, -88.55056, 301.99);

  /** USSA76 with a uniform wind of 15 m/s towards the east and 5 m/s towards the north. */
  static final AtmosphereModel ATMOSPHERE = h -> {
    AtmosphereState s = StandardAtmosphere1976.INSTANCE.at(h);
    return new AtmosphereState(s.temperatureK(), s.pressurePa(), s.densityKgM3(),
        s.speedOfSoundMps(), s.viscosityPaS(), 15.0, 5.0, 0.0);
  };

  static DarkflightSimulator simulator() {
    return org.darkflight.physics.models.PhysicsModels.simulator(ATMOSPHERE,
        PhysicsConfig.defaults());
  }

  static Fragment truthFragment() {
    return TEMPLATE.withMassKg(TRUE_MASS_KG);
  }

  /** The true state at {@code timeS} after the terminus. */
  static FlightState truthAt(DarkflightSimulator sim, double timeS) {
    Fragment f = truthFragment();
    return sim.propagateToTime(sim.initialState(TERMINUS, f), f, timeS);
  }

  /**
   * Returns at the given times (whole milliseconds), alternating between KLOT and KMKX, with
   * Gaussian noise of {@code noiseSigmas} × the beam's own σ on elevation, azimuth and range
   * (0 = exact).
   */
  static List<GeolocatedReturn> returns(DarkflightSimulator sim, double[] timesS,
      double noiseSigmas, long seed) {
    Random rnd = new Random(seed);
    List<GeolocatedReturn> out = new ArrayList<>();
    for (int i = 0; i < timesS.length; i++) {
      FlightState s = truthAt(sim, timesS[i]);
      var p = s.geodetic();
      RadarSite site = i % 2 == 0 ? KLOT : KMKX;
      Instant t = EPOCH.plusMillis(Math.round(timesS[i] * 1000));
      RadarObservation exact = RadarGeolocator.observe(site, t, p.latitudeDeg(),
          p.longitudeDeg(), p.heightM(), 0.95, 250.0);
      double sigmaThetaDeg = Math.toDegrees(RadarGeolocator.beamSigmaRad(0.95));
      double sigmaR = 250.0 / Math.sqrt(12.0);
      RadarObservation obs = noiseSigmas == 0 ? exact : new RadarObservation(site, t,
          exact.elevationDeg() + noiseSigmas * sigmaThetaDeg * rnd.nextGaussian(),
          (exact.azimuthDeg() + noiseSigmas * sigmaThetaDeg * rnd.nextGaussian() + 360.0) % 360.0,
          exact.slantRangeM() + noiseSigmas * sigmaR * rnd.nextGaussian(), 0.95, 250.0);
      RadarReturn r = new RadarReturn("r" + i, i, obs, Double.NaN, 1.0, null, null);
      out.add(new GeolocatedReturn(r, RadarGeolocator.locate(obs)));
    }
    return out;
  }

  private SyntheticRadarScenario() {}
}
