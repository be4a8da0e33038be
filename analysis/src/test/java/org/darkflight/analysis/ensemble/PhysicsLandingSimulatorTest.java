package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.darkflight.analysis.testing.Serialization;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.analysis.testing.Fixtures;
import org.junit.jupiter.api.Test;

class PhysicsLandingSimulatorTest {

  @Test
  void survivesSerializationAndLandsLikeTheSimulatorItself() {
    PhysicsConfig config = PhysicsConfig.defaults().withCdScale(1.1);
    PhysicsLandingSimulator sim = new PhysicsLandingSimulator(config);
    PhysicsLandingSimulator copy = Serialization.roundTrip(sim);
    assertThat(copy.config(), is(config));
    List<AtmosLevel> levels = List.of(AtmosLevel.of(0, 101_325, 288.15, 3, 1),
        AtmosLevel.of(10_000, 26_436, 223.25, 20, 5),
        AtmosLevel.of(30_000, 1_197, 226.5, 10, -5));
    ProfileAtmosphere atmos = new ProfileAtmosphere(levels);
    Fragment f = new Fragment("f", 0.5, 3500, 1.0, Fragment.SPHERE_SHAPE_FACTOR);
    Landing expected = PhysicsModels.simulator(atmos, config).land(Fixtures.START, f);
    Landing actual = copy.land(atmos, Fixtures.START, f);
    assertThat(actual, is(expected));
  }
}
