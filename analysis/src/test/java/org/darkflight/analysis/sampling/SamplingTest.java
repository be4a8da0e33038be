package org.darkflight.analysis.sampling;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SamplingTest {

  @Test
  void aSampleDrawsTheSameNumbersWhateverTheOrder() {
    MonteCarloSampling mc = new MonteCarloSampling();
    double[] first = new double[4];
    mc.unitDraws(42, 7, 100, first);
    for (long i = 99; i >= 0; i--) {
      mc.unitDraws(42, i, 100, new double[4]);
    }
    double[] again = new double[4];
    mc.unitDraws(42, 7, 100, again);
    assertThat(Arrays.equals(first, again), is(true));
  }

  @Test
  void neighbouringSamplesAndSeedsDiffer() {
    MonteCarloSampling mc = new MonteCarloSampling();
    double[] a = new double[2];
    double[] b = new double[2];
    double[] c = new double[2];
    mc.unitDraws(42, 7, 100, a);
    mc.unitDraws(42, 8, 100, b);
    mc.unitDraws(43, 7, 100, c);
    assertThat(a[0], not(b[0]));
    assertThat(a[0], not(c[0]));
  }

  @Test
  void monteCarloDrawsAreUniform() {
    MonteCarloSampling mc = new MonteCarloSampling();
    int n = 20_000;
    double sum = 0;
    double sumSq = 0;
    double[] u = new double[1];
    for (int i = 0; i < n; i++) {
      mc.unitDraws(5, i, n, u);
      assertThat(u[0] > 0 && u[0] < 1, is(true));
      sum += u[0];
      sumSq += u[0] * u[0];
    }
    double mean = sum / n;
    // Uniform(0,1): mean 1/2, variance 1/12; 5σ of the mean is 5·√(1/12/n) ≈ 0.0102.
    assertThat(mean, closeTo(0.5, 0.0102));
    assertThat(sumSq / n - mean * mean, closeTo(1.0 / 12, 0.004));
  }

  @Test
  void latinHypercubePutsExactlyOneSampleInEachStratum() {
    LatinHypercubeSampling lhs = new LatinHypercubeSampling();
    int n = 1000;
    int dims = 3;
    boolean[][] seen = new boolean[dims][n];
    double[] u = new double[dims];
    for (int i = 0; i < n; i++) {
      lhs.unitDraws(99, i, n, u);
      for (int d = 0; d < dims; d++) {
        int stratum = (int) Math.floor(u[d] * n);
        assertThat("dimension " + d + " stratum " + stratum, seen[d][stratum], is(false));
        seen[d][stratum] = true;
      }
    }
  }

  @Test
  void latinHypercubeDimensionsAreNotIdenticallyPermuted() {
    LatinHypercubeSampling lhs = new LatinHypercubeSampling();
    int n = 500;
    double[] u = new double[2];
    int same = 0;
    for (int i = 0; i < n; i++) {
      lhs.unitDraws(1, i, n, u);
      if ((int) (u[0] * n) == (int) (u[1] * n)) {
        same++;
      }
    }
    assertThat(same, lessThan(10));
  }

  @Property(tries = 200)
  void feistelPermutationIsABijection(@ForAll @LongRange(min = 1, max = 3000) long n,
      @ForAll long key) {
    Set<Long> images = new HashSet<>();
    for (long i = 0; i < n; i++) {
      long p = LatinHypercubeSampling.permute(i, n, key);
      assertThat(p >= 0 && p < n, is(true));
      images.add(p);
    }
    assertThat((long) images.size(), is(n));
  }

  @Test
  void strategiesAreFoundByServiceLoader() {
    assertThat(SamplingStrategies.names().contains("monte_carlo"), is(true));
    assertThat(SamplingStrategies.names().contains("latin_hypercube"), is(true));
    assertThat(SamplingStrategies.byName("latin_hypercube").getClass().getSimpleName(),
        is("LatinHypercubeSampling"));
  }

  @Test
  void substreamStatesAreNeverZero() {
    for (long i = 0; i < 1000; i++) {
      long[] s = Substreams.state(0, i);
      assertThat(s[0] != 0 || s[1] != 0, is(true));
    }
    assertThat(Substreams.substreamSeed(1, 2), not(Substreams.substreamSeed(1, 3)));
    assertThat(Math.abs(Substreams.mix64(1)), greaterThan(1L));
  }
}
