package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.util.List;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.junit.jupiter.api.Test;

class PerturbedAtmosphereTest {

  private final AtmosphereModel base = h -> new AtmosphereState(250, 5e4, 1.0, 320, 1.7e-5,
      10, -4, 0.5);

  @Test
  void scalesWindAndInterpolatesLevelPerturbations() {
    PerturbedAtmosphere p = new PerturbedAtmosphere(base, 1.5, new double[] {0, 1000},
        List.of(2.0, 0.0, 4.0, -2.0));
    AtmosphereState s = p.at(250);
    assertThat(s.windEastMps(), closeTo(15 + 2.5, 1e-12));
    assertThat(s.windNorthMps(), closeTo(-6 - 0.5, 1e-12));
    assertThat(s.windUpMps(), closeTo(0.5, 0));
    assertThat(s.densityKgM3(), closeTo(1.0, 0));
    assertThat(p.at(5000).windEastMps(), closeTo(15 + 4, 1e-12));
    assertThat(p.at(-10).windNorthMps(), closeTo(-6, 1e-12));
  }
}
