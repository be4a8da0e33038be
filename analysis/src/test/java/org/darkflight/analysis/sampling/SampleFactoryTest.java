package org.darkflight.analysis.sampling;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.EnsembleMode;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.analysis.testing.Fixtures;
import org.junit.jupiter.api.Test;

class SampleFactoryTest {

  @Test
  void sampleUsesFragmentIndexModuloCountInCanonicalOrder() {
    SampleFactory f = Fixtures.factory(Fixtures.config(30, 10));
    assertThat(f.sample(0).getFragmentId(), is("a-1g"));
    assertThat(f.sample(4).getFragmentId(), is("b-100g"));
    assertThat(f.sample(29).getFragmentId(), is("c-10kg"));
  }

  @Test
  void massGridKeepsExactMasses() {
    EnsembleConfig c = new EnsembleConfig(EnsembleMode.MASS_GRID, 6, 1, "monte_carlo",
        Map.of(UncertainParameter.CD, Distribution.normal(Double.NaN, 0.1)), 0, null,
        EnsembleConfig.defaultMassClassEdgesKg(), 10, 100);
    SampleFactory f = Fixtures.factory(c);
    assertThat(f.sample(2).getMassKg(), is(10.0));
    assertThat(f.sample(3).getMassKg(), is(0.001));
    assertThat(f.sample(3).getCd() != 1.3, is(true));
  }

  @Test
  void normalDrawsHaveTheConfiguredMeanAndSigma() {
    EnsembleConfig c = EnsembleConfig.monteCarlo(20_000, 7,
        Map.of(UncertainParameter.ALTITUDE_M, Distribution.normal(Double.NaN, 500)));
    SampleFactory f = Fixtures.factory(c);
    double sum = 0;
    double sumSq = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double a = f.sample(i).getAltitudeM();
      sum += a;
      sumSq += a * a;
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    // 5σ of the mean: 5·500/√20000 ≈ 17.7 m; of the s.d.: 5·500/√(2·20000) ≈ 12.5 m.
    assertThat(mean, closeTo(Fixtures.START.altitudeM(), 17.7));
    assertThat(sd, closeTo(500, 12.5));
  }

  @Test
  void windPerturbationFollowsLevelSigmaAndIsZeroWithoutIt() {
    SampleFactory f = Fixtures.factory(Fixtures.config(2000, 100));
    double sumSqU = 0;
    for (int i = 0; i < 2000; i++) {
      List<Double> w = f.sample(i).getWindPerturbationMps();
      assertThat(w.size(), is(6));
      assertThat(w.get(0), is(0.0));
      assertThat(w.get(5), is(0.0));
      sumSqU += w.get(2) * w.get(2);
    }
    // Level 1 has σu = 2 m/s: RMS within 5σ (2·5/√(2·2000) ≈ 0.16 m/s).
    assertThat(Math.sqrt(sumSqU / 2000), closeTo(2.0, 0.16));
  }

  @Test
  void samplesAreAPureFunctionOfTheIndex() {
    SampleFactory f1 = Fixtures.factory(Fixtures.config(100, 10).withSampling("latin_hypercube"));
    SampleFactory f2 = Fixtures.factory(Fixtures.config(100, 10).withSampling("latin_hypercube"));
    for (long i = 99; i >= 0; i -= 7) {
      assertThat(f1.sample(i), is(f2.sample(i)));
    }
  }

  @Test
  void azimuthIsWrappedIntoZeroTo360() {
    EnsembleConfig c = EnsembleConfig.monteCarlo(200, 3,
        Map.of(UncertainParameter.AZIMUTH_DEG, Distribution.uniform(350, 370)));
    SampleFactory f = Fixtures.factory(c);
    for (int i = 0; i < 200; i++) {
      double az = f.sample(i).getAzimuthDeg();
      assertThat(az >= 0 && az < 360, is(true));
    }
  }
}
