package org.darkflight.io.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EllipseFeatureTest {

  @Test
  void eigenvaluesOfADiagonalCovarianceAreItsDiagonal() {
    EastNorthCovariance c = new EastNorthCovariance(400, 0, 100);
    assertThat(c.majorVarianceM2(), closeTo(400, 1e-9));
    assertThat(c.minorVarianceM2(), closeTo(100, 1e-9));
    assertThat("east-west spread: major axis points east", c.majorAxisAzimuthDeg(),
        closeTo(90, 1e-9));
    assertThat(new EastNorthCovariance(100, 0, 400).majorAxisAzimuthDeg(), closeTo(0, 1e-9));
  }

  @Test
  void positiveCorrelationTiltsTheMajorAxisNorthEast() {
    // [[1, .5], [.5, 1]]: eigenvalues 1.5 (along (1,1)) and 0.5 (along (1,-1)).
    EastNorthCovariance c = new EastNorthCovariance(1, 0.5, 1);
    assertThat(c.majorVarianceM2(), closeTo(1.5, 1e-12));
    assertThat(c.minorVarianceM2(), closeTo(0.5, 1e-12));
    assertThat(c.majorAxisAzimuthDeg(), closeTo(45, 1e-9));
    assertThat(new EastNorthCovariance(1, -0.5, 1).majorAxisAzimuthDeg(), closeTo(135, 1e-9));
  }

  @Test
  void indefiniteCovarianceIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EastNorthCovariance(1, 2, 1));
    assertThat(e.getMessage(), containsString("positive semi-definite"));
  }

  @Test
  void semiAxesUseTheChiSquareQuantileWithTwoDegreesOfFreedom() {
    // chi2(2) quantile at 0.90 = 4.605170186 (tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4).
    EastNorthCovariance c = new EastNorthCovariance(400, 0, 100);
    EllipseFeature e = EllipseFeature.fromCovariance("c", 0, 0.90, 50, new LatLon(10, 20), c, 72);
    assertThat(e.semiMajorAxisM(), closeTo(Math.sqrt(4.605170186 * 400), 1e-6));
    assertThat(e.semiMinorAxisM(), closeTo(Math.sqrt(4.605170186 * 100), 1e-6));
    assertThat(e.majorAxisM(), closeTo(2 * e.semiMajorAxisM(), 1e-12));
    assertThat(e.orientationDeg(), closeTo(90, 1e-9));
  }

  @Test
  void everyRingVertexLiesOnTheConfidenceContour() {
    EastNorthCovariance c = new EastNorthCovariance(250_000, 90_000, 160_000);
    double p = 0.9;
    LatLon center = new LatLon(-33.5, 151.2);
    EllipseFeature e = EllipseFeature.fromCovariance("c", 0, p, 99, center, c, 48);
    assertThat(e.ring().size(), equalTo(49));
    assertThat(e.ring().get(0), equalTo(e.ring().get(48)));
    LocalTangentPlane plane = new LocalTangentPlane(center);
    double det = c.ceeM2() * c.cnnM2() - c.cenM2() * c.cenM2();
    double k2 = -2 * Math.log(1 - p);
    for (LatLon v : e.ring()) {
      double x = plane.eastM(v);
      double y = plane.northM(v);
      // Mahalanobis distance with the explicit 2x2 inverse.
      double d2 = (c.cnnM2() * x * x - 2 * c.cenM2() * x * y + c.ceeM2() * y * y) / det;
      assertThat(d2, closeTo(k2, 1e-3 * k2));
    }
  }

  @Test
  void tangentPlaneUsesTheWgs84RadiiOfCurvature() {
    // At the equator M = a(1 - e^2) = 6335439.327 m and N = a = 6378137 m (NIMA TR8350.2).
    LocalTangentPlane plane = new LocalTangentPlane(new LatLon(0, 0));
    LatLon north = plane.toLatLon(0, 1000);
    assertThat(north.latitudeDeg(), closeTo(Math.toDegrees(1000 / 6335439.327), 1e-10));
    LatLon east = plane.toLatLon(1000, 0);
    assertThat(east.longitudeDeg(), closeTo(Math.toDegrees(1000 / 6378137.0), 1e-10));
  }

  @Test
  void clockwiseRingIsRejected() {
    EllipseFeature ok = EllipseFeature.fromCovariance("c", 0, 0.5, 10, new LatLon(0, 0),
        new EastNorthCovariance(100, 0, 50), 16);
    List<LatLon> reversed = new ArrayList<>(ok.ring());
    java.util.Collections.reverse(reversed);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EllipseFeature("c", 0, 0.5, 10, 0, 0, ok.covariance(), ok.semiMajorAxisM(),
            ok.semiMinorAxisM(), ok.orientationDeg(), reversed));
    assertThat(e.getMessage(), containsString("counter-clockwise"));
  }

  @Test
  void ringAcrossTheAntimeridianIsAccepted() {
    EllipseFeature e = EllipseFeature.fromCovariance("c", 0, 0.9, 10, new LatLon(-17, 180),
        new EastNorthCovariance(4e6, 0, 1e6), 36);
    assertThat(e.centerLongitudeDeg(), closeTo(180, 1e-12));
    boolean west = e.ring().stream().anyMatch(v -> v.longitudeDeg() < 0);
    boolean east = e.ring().stream().anyMatch(v -> v.longitudeDeg() > 0);
    assertThat(west && east, equalTo(true));
  }

  @Test
  void openRingIsRejected() {
    List<LatLon> open = List.of(new LatLon(0, 0), new LatLon(0, 1), new LatLon(1, 1),
        new LatLon(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new EllipseFeature("c", 0, 0.5, 10, 0.5,
        0.5, new EastNorthCovariance(1, 0, 1), 2, 1, 0, open));
  }
}
