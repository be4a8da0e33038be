package org.darkflight.transforms.fit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.darkflight.io.geo.EastNorthCovariance;
import org.junit.jupiter.api.Test;

class ConfidenceEllipsesTest {

  @Test
  void aRoundCloudIsDrawable() {
    ExactMoments m = new ExactMoments();
    for (int i = 0; i < 40; i++) {
      double a = 2 * Math.PI * i / 40;
      m.add(500 * Math.cos(a), 300 * Math.sin(a));
    }
    assertThat(ConfidenceEllipses.drawable(EllipseFit.of(0, m)), is(true));
  }

  @Test
  void nearlyCollinearLandingsHaveNoEllipse() {
    // Landings along a line 30° east of north with centimetre scatter across it: the minor
    // variance (≈ 1e-4 m²) is 1e-10 of the major one (≈ 1e6 m²), below what the
    // eigenvalue difference resolves, so no ellipse is drawn (a flat one would have axis 0).
    ExactMoments m = new ExactMoments();
    for (int i = 0; i < 200; i++) {
      double t = -1700 + 17.0 * i;
      double across = (i % 2 == 0 ? 1 : -1) * 0.01;
      m.add(t * Math.sin(Math.toRadians(30)) + across * Math.cos(Math.toRadians(30)),
          t * Math.cos(Math.toRadians(30)) - across * Math.sin(Math.toRadians(30)));
    }
    EllipseFit f = EllipseFit.of(1, m);
    EastNorthCovariance cov = new EastNorthCovariance(f.getCovEeM2(), f.getCovEnM2(),
        f.getCovNnM2());
    assertThat(cov.minorVarianceM2() < 1e-9 * cov.majorVarianceM2(), is(true));
    assertThat(ConfidenceEllipses.drawable(f), is(false));
  }

  @Test
  void tooFewSamplesAreNotDrawable() {
    ExactMoments m = new ExactMoments().add(0, 0).add(10, 3);
    assertThat(ConfidenceEllipses.drawable(EllipseFit.of(0, m)), is(false));
  }
}
