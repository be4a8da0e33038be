package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DistributionTest {

  @Test
  void normalQuantilesMatchTables() {
    // Φ⁻¹(0.975) = 1.959963985, Φ⁻¹(0.8413447461) = 1 (Abramowitz & Stegun table 26.1).
    assertThat(Distribution.standardNormalQuantile(0.975), closeTo(1.959963985, 1e-8));
    assertThat(Distribution.standardNormalQuantile(0.8413447461), closeTo(1.0, 1e-8));
    assertThat(Distribution.standardNormalQuantile(0.5), closeTo(0.0, 1e-15));
    assertThat(Distribution.normal(10, 2).quantile(0.975, 0), closeTo(10 + 2 * 1.959963985, 1e-7));
  }

  @Test
  void missingLocationUsesTheNominalValue() {
    assertThat(Distribution.normal(Double.NaN, 2).quantile(0.5, 7), closeTo(7, 1e-12));
    assertThat(Distribution.lognormal(Double.NaN, 0.5).quantile(0.5, 3), closeTo(3, 1e-12));
    assertThat(Distribution.uniformAround(1).quantile(0.25, 10), closeTo(9.5, 1e-12));
  }

  @Test
  void lognormalIsExpOfNormal() {
    double u = 0.9;
    assertThat(Distribution.lognormal(0.2, 0.4).quantile(u, 0),
        closeTo(Math.exp(0.2 + 0.4 * Distribution.standardNormalQuantile(u)), 1e-12));
  }

  @Test
  void uniformIsLinear() {
    assertThat(Distribution.uniform(2, 6).quantile(0.75, 0), closeTo(5, 1e-12));
  }

  @Test
  void rejectsInvalidParameters() {
    assertThrows(IllegalArgumentException.class, () -> Distribution.normal(0, -1));
    assertThrows(IllegalArgumentException.class, () -> Distribution.uniform(3, 1));
    assertThrows(IllegalArgumentException.class, () -> Distribution.uniformAround(-1));
  }
}
