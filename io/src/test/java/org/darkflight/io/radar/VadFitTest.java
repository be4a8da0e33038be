package org.darkflight.io.radar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class VadFitTest {

  /** Radial velocity of a uniform wind (u, v, w) seen at azimuth az, elevation el. */
  static double radial(double u, double v, double w, double azDeg, double elDeg) {
    double az = Math.toRadians(azDeg);
    double el = Math.toRadians(elDeg);
    return u * Math.sin(az) * Math.cos(el) + v * Math.cos(az) * Math.cos(el) + w * Math.sin(el);
  }

  static VadRing ring(double u, double v, double w, double elDeg, double rangeM, int n,
      double noise, Random rnd) {
    double[] az = new double[n];
    double[] vr = new double[n];
    for (int k = 0; k < n; k++) {
      az[k] = 360.0 * k / n + 0.25;
      vr[k] = radial(u, v, w, az[k], elDeg) + noise * rnd.nextGaussian();
    }
    return new VadRing(elDeg, rangeM, az, vr);
  }

  @Property(tries = 200)
  void recoversAKnownWindOnNoiseFreeRings(
      @ForAll @DoubleRange(min = -60, max = 60) double u,
      @ForAll @DoubleRange(min = -60, max = 60) double v,
      @ForAll @DoubleRange(min = -2, max = 2) double w,
      @ForAll @DoubleRange(min = 0.5, max = 19.5) double elevation) {
    VadEstimate e = VadFit.fit(ring(u, v, w, elevation, 20_000, 360, 0, new Random(1)), 200);
    assertThat(Math.abs(e.windUMps() - u), lessThan(0.1));
    assertThat(Math.abs(e.windVMps() - v), lessThan(0.1));
    assertThat(e.windUMps(), closeTo(u, 1e-9));
    assertThat(e.windWMps(), closeTo(w, 1e-7));
    assertThat(e.rmsResidualMps(), lessThan(1e-9));
  }

  @Test
  void noisyRingsAreWithinTheirReportedError() {
    Random rnd = new Random(20030327L);
    int trials = 400;
    int withinTwoSigmaU = 0;
    int withinTwoSigmaV = 0;
    for (int t = 0; t < trials; t++) {
      double u = 30 * rnd.nextDouble() - 15;
      double v = 30 * rnd.nextDouble() - 15;
      VadEstimate e = VadFit.fit(ring(u, v, 0.3, 3.5, 30_000, 180, 1.5, rnd), 200);
      // the fit's own estimate of the noise matches the noise put in
      assertThat(e.rmsResidualMps(), closeTo(1.5, 0.3));
      // the reported standard error matches theory: σ/sqrt(n/2)/cosθ
      double theory = 1.5 / Math.sqrt(90) / Math.cos(Math.toRadians(3.5));
      assertThat(e.sigmaUMps(), closeTo(theory, 0.25 * theory));
      // every estimate lies within 4 reported sigmas
      assertThat(Math.abs(e.windUMps() - u), lessThan(4 * e.sigmaUMps()));
      assertThat(Math.abs(e.windVMps() - v), lessThan(4 * e.sigmaVMps()));
      withinTwoSigmaU += Math.abs(e.windUMps() - u) <= 2 * e.sigmaUMps() ? 1 : 0;
      withinTwoSigmaV += Math.abs(e.windVMps() - v) <= 2 * e.sigmaVMps() ? 1 : 0;
    }
    // ~95.4 % of normal errors fall within 2σ; allow sampling slack
    assertThat((double) withinTwoSigmaU / trials, closeTo(0.954, 0.035));
    assertThat((double) withinTwoSigmaV / trials, closeTo(0.954, 0.035));
  }

  @Test
  void beamHeightFollowsTheFourThirdsEarthModel() {
    // Doviak & Zrnić: at 0° elevation and 100 km range a beam is ~589 m above the antenna
    // (h ≈ r²/(2 kₑ a) = 1e10 / (2 · 8 494 667) = 588.6 m)
    assertThat(VadFit.beamHeightM(100_000, 0.0, 0.0), closeTo(588.6, 0.1));
    // straight up, height is range plus antenna height
    assertThat(VadFit.beamHeightM(5_000, 90.0, 200.0), closeTo(5_200.0, 1e-6));
  }

  @Test
  void profileMergesRingsAtTheSameHeightAndSortsByAltitude() {
    Random rnd = new Random(7);
    List<VadRing> rings = new ArrayList<>();
    for (double range : new double[] {40_000, 10_000, 20_000}) {
      rings.add(ring(10, -5, 0, 4.0, range, 360, 0, rnd));
      rings.add(ring(10, -5, 0, 4.0, range + 5, 360, 0, rnd));
    }
    // and an unusable ring with a large gap, which is skipped
    rings.add(new VadRing(4.0, 15_000, new double[] {0, 10, 20, 30, 40, 50, 60, 70, 80},
        new double[9]));
    List<VadEstimate> p = VadFit.profile(rings, 200, 50);
    assertThat(p.size(), is(3));
    for (int k = 1; k < p.size(); k++) {
      assertThat(p.get(k - 1).altitudeM() < p.get(k).altitudeM(), is(true));
    }
    assertThat(p.get(0).windUMps(), closeTo(10, 1e-9));
    assertThat(p.get(0).points(), is(720));
  }

  @Test
  void tooFewPointsOrGapsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> VadFit.fit(
        new VadRing(2.0, 1000, new double[] {0, 90, 180}, new double[] {1, 2, 3}), 0));
    double[] az = new double[20];
    double[] vr = new double[20];
    for (int k = 0; k < 20; k++) {
      az[k] = 9.0 * k;
      vr[k] = Math.sin(Math.toRadians(az[k]));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VadFit.fit(new VadRing(2.0, 1000, az, vr), 0));
    assertThat(e.getMessage().contains("azimuth gap"), is(true));
  }
}
