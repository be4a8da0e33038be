package org.darkflight.pipeline.run;

import org.darkflight.analysis.ensemble.RunInputs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.nio.file.Path;
import java.util.Arrays;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.PhysicsLandingSimulator;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.NominalInputs;
import org.darkflight.analysis.sampling.SampleFactory;
import org.junit.jupiter.api.Test;

/**
 * The shipped ensemble physics configuration of Park Forest (adaptive rkf45, dt_max 5 s, tolerances
 * 1e-8 / 0.01 m) lands the demo ensemble's samples where the reference configuration (rk4 with a
 * 0.05 s step, physics_config.json) does, within {@value #MAX_DIFFERENCE_M} m — a small fraction
 * of the strewn-field ellipses, whose axes are 1–2.5 km.
 */
class EnsemblePhysicsConfigTest {

  private static final Path EVENT = Path.of("../testdata/events/park-forest-2003");
  private static final Path ENSEMBLE = Path.of("../testdata/ensembles/park-forest-mc.json");
  /** Samples compared (every fragment and the tails of the Latin hypercube). */
  private static final int SAMPLES = 240;
  /** Largest accepted horizontal distance between the two landings of a sample, m. */
  private static final double MAX_DIFFERENCE_M = 15.0;

  private static RunInputs inputs(String config) throws Exception {
    return RunInputs.read(EVENT.resolve("event.json"), EVENT.resolve("atmos_profile.json"),
        EVENT.resolve(config), EVENT.resolve("fragments.json"), ENSEMBLE);
  }

  @Test
  void ensembleConfigLandsWithinFifteenMetresOfTheRk4Reference() throws Exception {
    RunInputs ref = inputs("physics_config.json");
    RunInputs fast = inputs("physics_config_ensemble.json");
    assertThat(ref.physics().integration().method(), is(PhysicsConfig.IntegratorKind.RK4));
    assertThat(fast.physics().integration().method(), is(PhysicsConfig.IntegratorKind.RKF45));
    // Only the integration settings differ.
    assertThat(fast.physics().dragModel(), is(ref.physics().dragModel()));
    assertThat(fast.physics().gravityModel(), is(ref.physics().gravityModel()));
    assertThat(fast.physics().ablation(), is(ref.physics().ablation()));
    assertThat(fast.physics().groundAltitudeM(), is(ref.physics().groundAltitudeM()));
    assertThat(fast.physics().earthRotation(), is(ref.physics().earthRotation()));
    assertThat(fast.physics().cdScale(), is(ref.physics().cdScale()));

    LuminousEnd nominal = ref.event().luminousEnd();
    SampleFactory factory = new SampleFactory(ref.ensemble(),
        new NominalInputs(ref.fragments(), nominal, ref.levels()));
    AtmosphereModel base = new ProfileAtmosphere(ref.levels());
    double[] alts = ref.levels().stream().mapToDouble(l -> l.altitudeM()).toArray();
    PhysicsLandingSimulator refSim = new PhysicsLandingSimulator(ref.physics());
    PhysicsLandingSimulator fastSim = new PhysicsLandingSimulator(fast.physics());
    EventPlane plane = new EventPlane(nominal.latitudeDeg(), nominal.longitudeDeg());
    long stride = ref.ensemble().samples() / SAMPLES;
    double[] diff = new double[SAMPLES];
    double[] east = new double[SAMPLES];
    for (int k = 0; k < SAMPLES; k++) {
      EnsembleSample s = factory.sample(k * stride);
      Landing a = BareLoop.land(s, nominal.timeUtc(), base, alts, refSim);
      Landing b = BareLoop.land(s, nominal.timeUtc(), base, alts, fastSim);
      double[] ea = plane.eastNorthM(a.latitudeDeg(), a.longitudeDeg());
      double[] eb = plane.eastNorthM(b.latitudeDeg(), b.longitudeDeg());
      diff[k] = Math.hypot(ea[0] - eb[0], ea[1] - eb[1]);
      east[k] = ea[0];
    }
    double max = Arrays.stream(diff).max().orElseThrow();
    assertThat("largest landing difference, m", max, lessThanOrEqualTo(MAX_DIFFERENCE_M));
    // The comparison means something: the samples spread over kilometres.
    double spread = Arrays.stream(east).max().orElseThrow()
        - Arrays.stream(east).min().orElseThrow();
    assertThat("east spread of the compared landings, m", spread, greaterThan(1000.0));
  }
}
