package org.darkflight.analysis.uq;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Sobol indices against the Ishigami function's closed form (Ishigami &amp; Homma 1990;
 * Sobol' &amp; Levitan 1999): f = sin x₁ + a sin² x₂ + b x₃⁴ sin x₁, xᵢ ~ U(−π, π), a = 7,
 * b = 0.1. V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½, V₁ = ½(1 + bπ⁴/5)², V₂ = a²/8, V₃ = 0,
 * V₁₃ = b²π⁸(1/18 − 1/50).
 */
class SobolIndicesTest {

  static final double A = 7;
  static final double B = 0.1;

  static double ishigami(double[] x) {
    return Math.sin(x[0]) + A * Math.pow(Math.sin(x[1]), 2)
        + B * Math.pow(x[2], 4) * Math.sin(x[0]);
  }

  @Test
  void ishigamiIndicesMatchTheClosedForm() {
    double pi4 = Math.pow(Math.PI, 4);
    double pi8 = pi4 * pi4;
    double v = A * A / 8 + B * pi4 / 5 + B * B * pi8 / 18 + 0.5;
    double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
    double v2 = A * A / 8;
    double v13 = B * B * pi8 * (1.0 / 18 - 1.0 / 50);
    SobolIndices.Result r = SobolIndices.estimate(3, 40_000,
        RandomSource.SPLIT_MIX_64.create(20240601L),
        u -> new double[] {Math.PI * (2 * u[0] - 1), Math.PI * (2 * u[1] - 1),
            Math.PI * (2 * u[2] - 1)},
        SobolIndicesTest::ishigami);
    assertThat(r.variance(), closeTo(v, 0.02 * v));
    assertThat(r.firstOrder()[0], closeTo(v1 / v, 0.03));   // 0.3139
    assertThat(r.firstOrder()[1], closeTo(v2 / v, 0.03));   // 0.4424
    assertThat(r.firstOrder()[2], closeTo(0.0, 0.03));
    assertThat(r.total()[0], closeTo((v1 + v13) / v, 0.03)); // 0.5576
    assertThat(r.total()[1], closeTo(v2 / v, 0.03));
    assertThat(r.total()[2], closeTo(v13 / v, 0.03));         // 0.2437
  }

  @Test
  void oneAtATimeRecoversTheSlopesOfALinearModel() {
    OneAtATime.Effect[] e = OneAtATime.effects(new double[] {1, 2, 3}, new double[] {0.1, 1, 5},
        x -> 2 * x[0] - 3 * x[1] + 0.5 * x[2] + 7);
    assertThat(e[0].slope(), closeTo(2, 1e-12));
    assertThat(e[1].slope(), closeTo(-3, 1e-12));
    assertThat(e[2].swing(), closeTo(5, 1e-12));
  }
}
