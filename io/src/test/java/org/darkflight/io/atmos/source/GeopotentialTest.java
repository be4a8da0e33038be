package org.darkflight.io.atmos.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.jupiter.api.Test;

class GeopotentialTest {

  @Test
  void elevenKilometresGeopotentialIs11019MetresGeometric() {
    // USSA76 Table 1: the tropopause at H = 11 km' lies at Z = 11.019 km.
    assertThat(Geopotential.geometricFromGeopotentialHeight(11_000.0), closeTo(11_019.07, 0.01));
  }

  @Test
  void matchesTheStandardFormulaAndInvertsIt() {
    double r0 = 6_356_766.0;
    for (double h = 0; h <= 40_000; h += 2_500) {
      double z = Geopotential.geometricFromGeopotentialHeight(h);
      assertThat(z, closeTo(r0 * h / (r0 - h), 1e-9));
      assertThat(Geopotential.geopotentialHeightFromGeometric(z), closeTo(h, 1e-8));
    }
  }

  @Test
  void geopotentialDividesByStandardGravity() {
    // ERA5 z = 196 133 m²/s² ↔ 20 000 gpm (g0 = 9.80665 m/s²)
    assertThat(Geopotential.heightFromGeopotential(196_133.0), closeTo(20_000.0, 1e-9));
  }
}
