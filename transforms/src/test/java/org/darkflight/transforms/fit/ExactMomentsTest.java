package org.darkflight.transforms.fit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.darkflight.io.geo.EastNorthCovariance;
import org.junit.jupiter.api.Test;

class ExactMomentsTest {

  /** Points of a bivariate normal with σe = 300 m, σn = 120 m, ρ = 0.6, via Cholesky. */
  private static List<double[]> bivariateNormal(int n, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double se = 300;
    double sn = 120;
    double rho = 0.6;
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double z1 = g.sample();
      double z2 = g.sample();
      double e = 1000 + se * z1;
      double nn = -400 + sn * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
      pts.add(new double[] {e, nn});
    }
    return pts;
  }

  @Test
  void recoversTheCovarianceOfAKnownBivariateNormal() {
    int n = 10_000;
    ExactMoments m = new ExactMoments();
    for (double[] p : bivariateNormal(n, 11)) {
      m.add(p[0], p[1]);
    }
    // Sampling error of a variance: σ²·√(2/(n−1)) ≈ 1.4 % → 5σ = 7 %; of a covariance similar.
    assertThat(m.meanEastM(), closeTo(1000, 5 * 300 / Math.sqrt(n)));
    assertThat(m.meanNorthM(), closeTo(-400, 5 * 120 / Math.sqrt(n)));
    assertThat(m.covarianceEeM2(), closeTo(300 * 300, 0.07 * 300 * 300));
    assertThat(m.covarianceNnM2(), closeTo(120 * 120, 0.07 * 120 * 120));
    assertThat(m.covarianceEnM2(), closeTo(0.6 * 300 * 120, 0.07 * 300 * 120));
  }

  @Test
  void matchesATwoPassComputation() {
    List<double[]> pts = bivariateNormal(5000, 3);
    ExactMoments m = new ExactMoments();
    double se = 0;
    double sn = 0;
    for (double[] p : pts) {
      m.add(p[0], p[1]);
      se += p[0];
      sn += p[1];
    }
    double me = se / pts.size();
    double mn = sn / pts.size();
    double cen = 0;
    for (double[] p : pts) {
      cen += (p[0] - me) * (p[1] - mn);
    }
    cen /= pts.size() - 1;
    assertThat(m.meanEastM(), closeTo(me, 1e-6));
    assertThat(m.covarianceEnM2(), closeTo(cen, 1e-6 * Math.abs(cen)));
  }

  @Test
  void ninetyPercentEllipseHoldsNinetyPercentOfTheSamples() {
    List<double[]> pts = bivariateNormal(10_000, 29);
    ExactMoments m = new ExactMoments();
    for (double[] p : pts) {
      m.add(p[0], p[1]);
    }
    EastNorthCovariance cov = new EastNorthCovariance(m.covarianceEeM2(), m.covarianceEnM2(),
        m.covarianceNnM2());
    double k = ConfidenceEllipses.chiSquare2Scale(0.9);
    double a = k * Math.sqrt(cov.majorVarianceM2());
    double b = k * Math.sqrt(cov.minorVarianceM2());
    double az = Math.toRadians(cov.majorAxisAzimuthDeg());
    int inside = 0;
    for (double[] p : pts) {
      double de = p[0] - m.meanEastM();
      double dn = p[1] - m.meanNorthM();
      // Coordinates along the major axis (azimuth az from north) and the minor axis.
      double along = de * Math.sin(az) + dn * Math.cos(az);
      double across = -de * Math.cos(az) + dn * Math.sin(az);
      if ((along / a) * (along / a) + (across / b) * (across / b) <= 1) {
        inside++;
      }
    }
    assertThat(inside / 10_000.0, closeTo(0.90, 0.02));
  }

  @Test
  void resultDoesNotDependOnOrderOrMergeTree() {
    List<double[]> pts = bivariateNormal(3000, 5);
    ExactMoments forward = new ExactMoments();
    pts.forEach(p -> forward.add(p[0], p[1]));
    List<double[]> shuffled = new ArrayList<>(pts);
    Collections.shuffle(shuffled, new Random(1));
    ExactMoments[] parts = {new ExactMoments(), new ExactMoments(), new ExactMoments()};
    for (int i = 0; i < shuffled.size(); i++) {
      parts[i % 3].add(shuffled.get(i)[0], shuffled.get(i)[1]);
    }
    ExactMoments merged = new ExactMoments().merge(parts[2]).merge(parts[0]).merge(parts[1]);
    assertThat(merged, is(forward));
    assertThat(Double.doubleToRawLongBits(merged.covarianceEnM2()),
        is(Double.doubleToRawLongBits(forward.covarianceEnM2())));
  }

  @Test
  void coderRoundTrips() throws Exception {
    ExactMoments m = new ExactMoments().add(1.5, -2.25).add(1e7, 3e6).add(-0.000001, 0);
    CoderProperties.coderDecodeEncodeEqual(new ExactMoments.MomentsCoder(), m);
    CoderProperties.coderDecodeEncodeEqual(new ExactMoments.MomentsCoder(), new ExactMoments());
  }
}
