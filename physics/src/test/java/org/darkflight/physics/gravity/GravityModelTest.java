package org.darkflight.physics.gravity;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GravityModelTest {

  /** Somigliana fixtures (physics-references §4, computed from TR8350.2 Eq. 4-1). */
  @ParameterizedTest
  @CsvSource({"0, 9.7803253", "30, 9.7932473", "45, 9.8061978", "60, 9.8191770",
      "90, 9.8321849"})
  void somiglianaOnTheEllipsoid(double latDeg, double gamma) {
    double s = Math.sin(Math.toRadians(latDeg));
    assertThat(NormalGravity.onEllipsoidMps2(s), closeTo(gamma, 2e-7));
    assertThat(NormalGravity.INSTANCE.magnitudeMps2(s, 0), closeTo(gamma, 2e-7));
  }

  @Test
  void heightCorrection() {
    double s = Math.sin(Math.toRadians(45));
    assertThat(NormalGravity.INSTANCE.magnitudeMps2(s, 10_000), closeTo(9.77541, 1e-5));
    assertThat(NormalGravity.INSTANCE.magnitudeMps2(s, 40_000), closeTo(9.68393, 1e-5));
    // close to the simple free-air gradient 3.086e-6 s⁻² near the ground
    double drop = NormalGravity.INSTANCE.magnitudeMps2(s, 0)
        - NormalGravity.INSTANCE.magnitudeMps2(s, 1000);
    assertThat(drop, closeTo(3.086e-3, 1e-5));
  }

  @Test
  void pointsDownTheNormal() {
    double[] out = new double[3];
    double lat = Math.toRadians(30);
    double lon = Math.toRadians(120);
    GravityModel.CONSTANT.accelerationEcef(Math.sin(lat), Math.cos(lat), Math.sin(lon),
        Math.cos(lon), 500, out);
    assertThat(Math.sqrt(out[0] * out[0] + out[1] * out[1] + out[2] * out[2]),
        closeTo(9.80665, 1e-12));
    assertThat(out[2] / 9.80665, closeTo(-0.5, 1e-12));
    assertThat(out[0] / 9.80665, closeTo(-Math.cos(lat) * Math.cos(lon), 1e-12));
    assertThat(out[1] / 9.80665, closeTo(-Math.cos(lat) * Math.sin(lon), 1e-12));
  }

  @Test
  void configSelects() {
    PhysicsConfig d = PhysicsConfig.defaults();
    assertThat(PhysicsModels.gravity(d), sameInstance(NormalGravity.INSTANCE));
    PhysicsConfig c = new PhysicsConfig(d.dragModel(), 1, d.ablation(),
        PhysicsConfig.GravityModelKind.CONSTANT, false, 0, d.integration(), 1, d.legacy());
    assertThat(PhysicsModels.gravity(c).magnitudeMps2(0.3, 1e4), is(9.80665));
  }
}
