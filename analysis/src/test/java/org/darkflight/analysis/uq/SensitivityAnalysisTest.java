package org.darkflight.analysis.uq;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.analysis.sampling.NominalInputs;
import org.junit.jupiter.api.Test;

/**
 * The ensemble sensitivity path (ensemble distributions → paired design → trace indices →
 * bootstrap) on a linear "landing" with independent inputs, whose indices are known in closed
 * form: for east = Σ a_i (x_i − x̄_i), north = Σ b_i (x_i − x̄_i) the trace index of input i is
 * (a_i² + b_i²) Var(x_i) / Σ_j (a_j² + b_j²) Var(x_j), and total = first order (additive model).
 */
class SensitivityAnalysisTest {

  static final LuminousEnd END = new LuminousEnd(Instant.parse("2003-03-27T05:50:30Z"), 41.5,
      -87.7, 20_000, 3000, 180.0, 60);

  static NominalInputs nominal() {
    return new NominalInputs(List.of(new Fragment("a", 0.1, 3300, 0.9, 1.21),
        new Fragment("b", 1.0, 3300, 0.9, 1.21)), END, List.of());
  }

  static EnsembleConfig config(String sampling) {
    Map<UncertainParameter, Distribution> d = new EnumMap<>(UncertainParameter.class);
    d.put(UncertainParameter.ALTITUDE_M, Distribution.normal(Double.NaN, 500));
    d.put(UncertainParameter.SPEED_MPS, Distribution.normal(Double.NaN, 300));
    d.put(UncertainParameter.AZIMUTH_DEG, Distribution.normal(Double.NaN, 2));
    d.put(UncertainParameter.WIND_SCALE, Distribution.uniform(0.8, 1.2));
    d.put(UncertainParameter.CD, Distribution.normal(Double.NaN, 0.0));
    return EnsembleConfig.monteCarlo(100, 42, d).withSampling(sampling);
  }

  /** east = 2 Δalt + 4 Δwind·1000, north = 1 Δspeed + 100 Δaz; cd does nothing. */
  static final SensitivityAnalysis.LandingModel LINEAR = s -> new double[] {
      2 * (s.getAltitudeM() - 20_000) + 4000 * (s.getWindScale() - 1),
      (s.getSpeedMps() - 3000) + 100 * (s.getAzimuthDeg() - 180)};

  @Test
  void linearModelMatchesClosedFormIndices() {
    SensitivityAnalysis a = new SensitivityAnalysis(config("monte_carlo"), nominal(), 4000, 50);
    List<SensitivityAnalysis.FragmentResult> r = a.run(LINEAR, 2);
    double vAlt = 4 * 500.0 * 500.0;
    double vSpeed = 300.0 * 300.0;
    double vAz = 100.0 * 100.0 * 4;
    double vWind = 4000.0 * 4000.0 * 0.4 * 0.4 / 12;
    double v = vAlt + vSpeed + vAz + vWind;
    Map<String, Double> truth = Map.of("altitude_m", vAlt / v, "speed_mps", vSpeed / v,
        "azimuth_deg", vAz / v, "wind_scale", vWind / v, "cd", 0.0);
    assertThat(r.size(), equalTo(2));
    for (SensitivityAnalysis.FragmentResult f : r) {
      assertThat(f.rowsUsed(), equalTo(4000));
      assertThat(f.varianceAlongM2() + f.varianceCrossM2(), closeTo(v, 0.06 * v));
      for (SensitivityAnalysis.FactorResult p : f.factors()) {
        double s = truth.get(p.factor().name());
        assertThat(p.factor().name(), p.firstOrder(), closeTo(s, 0.03));
        assertThat(p.factor().name(), p.total(), closeTo(s, 0.03));
        assertThat(p.firstOrderCi95()[0], lessThanOrEqualTo(p.firstOrder()));
        assertThat(p.firstOrder(), lessThanOrEqualTo(p.firstOrderCi95()[1]));
        // The truth lies within the interval, allowing 0.01 for the 5 % misses.
        assertThat(p.factor().name(), p.firstOrderCi95()[0], lessThanOrEqualTo(s + 0.01));
        assertThat(p.factor().name(), s - 0.01, lessThanOrEqualTo(p.firstOrderCi95()[1]));
      }
      SensitivityAnalysis.FactorResult cd = f.factors().stream()
          .filter(p -> p.factor().name().equals("cd")).findFirst().orElseThrow();
      assertThat(cd.firstOrder(), equalTo(0.0));
      assertThat(cd.total(), equalTo(0.0));
      // one at a time: a_i·σ_i for the normal inputs, distance over ±1σ halved
      assertThat(shift(f, "altitude_m"), closeTo(1000, 1e-6));
      assertThat(shift(f, "speed_mps"), closeTo(300, 1e-6));
      assertThat(shift(f, "azimuth_deg"), closeTo(200, 1e-6));
      assertThat(shift(f, "wind_scale"),
          closeTo(4000 * 0.4 * (2 * SensitivityAnalysis.PHI_PLUS_1 - 1) / 2, 1e-6));
    }
  }

  @Test
  void latinHypercubeDesignAlsoMatches() {
    SensitivityAnalysis a = new SensitivityAnalysis(config("latin_hypercube"), nominal(), 2000,
        20);
    for (SensitivityAnalysis.FragmentResult f : a.run(LINEAR, 1)) {
      for (SensitivityAnalysis.FactorResult p : f.factors()) {
        if (p.factor().name().equals("altitude_m")) {
          double v = 4 * 500.0 * 500.0 + 300.0 * 300.0 + 40_000 + 4000.0 * 4000.0 * 0.16 / 12;
          // standard error ≈ 0.02 at N = 2000 (spread over seeds); 3 standard errors
          assertThat(p.firstOrder(), closeTo(4 * 500.0 * 500.0 / v, 0.06));
        }
      }
    }
  }

  @Test
  void sameSeedSameResultWhateverTheThreads() {
    SensitivityAnalysis a = new SensitivityAnalysis(config("monte_carlo"), nominal(), 200, 20);
    List<SensitivityAnalysis.FragmentResult> one = a.run(LINEAR, 1);
    List<SensitivityAnalysis.FragmentResult> two = a.run(LINEAR, 3);
    for (int f = 0; f < one.size(); f++) {
      for (int i = 0; i < one.get(f).factors().size(); i++) {
        SensitivityAnalysis.FactorResult x = one.get(f).factors().get(i);
        SensitivityAnalysis.FactorResult y = two.get(f).factors().get(i);
        assertThat(x.firstOrder(), equalTo(y.firstOrder()));
        assertThat(x.totalCi95()[1], equalTo(y.totalCi95()[1]));
      }
    }
  }

  @Test
  void failedLandingsDropTheWholeRow() {
    SensitivityAnalysis a = new SensitivityAnalysis(config("monte_carlo"), nominal(), 300, 20);
    SensitivityAnalysis.LandingModel failing = s -> s.getAltitudeM() > 20_600 ? null
        : LINEAR.land(s);
    for (SensitivityAnalysis.FragmentResult f : a.run(failing, 2)) {
      // P(alt > μ + 1.2σ) ≈ 0.115 in A or in the B column ⇒ about 22 % of rows are dropped
      assertThat((double) f.rowsUsed(), closeTo(300 * 0.78, 30));
    }
  }

  private static double shift(SensitivityAnalysis.FragmentResult f, String name) {
    return f.factors().stream().filter(p -> p.factor().name().equals(name)).findFirst()
        .orElseThrow().oatShiftM();
  }
}
