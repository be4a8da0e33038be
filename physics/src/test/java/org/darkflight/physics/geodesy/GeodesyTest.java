package org.darkflight.physics.geodesy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

class GeodesyTest {

  @Test
  void wgs84DerivedConstants() {
    // NIMA TR8350.2 Table 3.3
    assertThat(Wgs84.B, closeTo(6_356_752.3142, 1e-4));
    assertThat(Wgs84.E2, closeTo(6.69437999014e-3, 1e-14));
  }

  @Test
  void radiiOfCurvatureAtTheEquatorAndThePoles() {
    // M(0) = a (1 − e²) = b²/a, M(90°) = N(90°) = a²/b, N(0) = a
    assertThat(Wgs84.meridionalRadiusM(0.0), closeTo(Wgs84.B * Wgs84.B / Wgs84.A, 1e-6));
    assertThat(Wgs84.meridionalRadiusM(1.0), closeTo(Wgs84.A * Wgs84.A / Wgs84.B, 1e-6));
    assertThat(Wgs84.primeVerticalRadiusM(1.0), closeTo(Wgs84.A * Wgs84.A / Wgs84.B, 1e-6));
    assertThat(Wgs84.primeVerticalRadiusM(0.0), closeTo(Wgs84.A, 1e-9));
  }

  @Test
  void knownEcefPoints() {
    Vector3D equator = Wgs84.toEcef(GeodeticPoint.ofDegrees(0, 0, 0));
    assertThat(equator.getX(), closeTo(Wgs84.A, 1e-9));
    assertThat(equator.getY(), closeTo(0, 1e-9));
    Vector3D pole = Wgs84.toEcef(GeodeticPoint.ofDegrees(90, 0, 100));
    assertThat(pole.getZ(), closeTo(Wgs84.B + 100, 1e-6));
    assertThat(Math.hypot(pole.getX(), pole.getY()), closeTo(0, 1e-6));
    GeodeticPoint back = Wgs84.toGeodetic(pole);
    assertThat(back.latitudeDeg(), closeTo(90, 1e-12));
    assertThat(back.heightM(), closeTo(100, 1e-6));
    // 45° N, 0 km: x = N cos φ, z = N (1 − e²) sin φ, N = a / √(1 − e² sin² φ)
    double n = Wgs84.A / Math.sqrt(1 - Wgs84.E2 * 0.5);
    Vector3D p45 = Wgs84.toEcef(GeodeticPoint.ofDegrees(45, 90, 0));
    assertThat(p45.getY(), closeTo(n * Math.sqrt(0.5), 1e-6));
    assertThat(p45.getZ(), closeTo(n * (1 - Wgs84.E2) * Math.sqrt(0.5), 1e-6));
  }

  @Property(tries = 300)
  void geodeticEcefRoundTrip(@ForAll @DoubleRange(min = -90, max = 90) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon,
      @ForAll @DoubleRange(min = -1000, max = 200_000) double h) {
    GeodeticPoint p = GeodeticPoint.ofDegrees(lat, lon, h);
    GeodeticPoint q = Wgs84.toGeodetic(Wgs84.toEcef(p));
    assertThat(q.latitudeDeg(), closeTo(lat, 1e-9));
    if (Math.abs(lat) < 89.999) {
      assertThat(Math.abs(GeodeticPoint.normaliseLongitudeDeg(q.longitudeDeg() - lon)),
          closeTo(0, 1e-9));
    }
    assertThat(q.heightM(), closeTo(h, 1e-6));
  }

  @Property(tries = 200)
  void enuRoundTripAndOrthonormality(@ForAll @DoubleRange(min = -89, max = 89) double lat,
      @ForAll @DoubleRange(min = -180, max = 180) double lon,
      @ForAll @DoubleRange(min = -50_000, max = 50_000) double e,
      @ForAll @DoubleRange(min = -50_000, max = 50_000) double n) {
    LocalEnu enu = LocalEnu.atDegrees(lat, lon, 100);
    assertThat(enu.east().dotProduct(enu.north()), closeTo(0, 1e-15));
    assertThat(enu.east().crossProduct(enu.north()).distance(enu.up()), closeTo(0, 1e-15));
    Vector3D local = new Vector3D(e, n, 250);
    Vector3D back = enu.ecefToEnu(enu.enuToEcef(local));
    assertThat(back.distance(local), closeTo(0, 1e-6));
    GeodeticPoint g = enu.enuToGeodetic(local);
    assertThat(enu.geodeticToEnu(g).distance(local), closeTo(0, 1e-6));
    // the tangent-plane map: its point lies on the normal through the returned surface point
    GeodeticPoint surface = enu.planeToGeodetic(e, n);
    assertThat(surface.heightM(), is(0.0));
    Vector3D plane = enu.enuToEcef(new Vector3D(e, n, 0));
    Vector3D foot = Wgs84.toEcef(surface);
    Vector3D normal = new LocalEnu(surface).up();
    assertThat(plane.subtract(foot).crossProduct(normal).getNorm(), closeTo(0, 1e-6));
  }

  @Test
  void upIsTheEllipsoidNormalAndEastPointsEast() {
    LocalEnu enu = LocalEnu.atDegrees(30, 45, 0);
    assertThat(enu.origin().latitudeDeg(), closeTo(30, 1e-12));
    Vector3D up = enu.up();
    assertThat(Math.toDegrees(Math.asin(up.getZ())), closeTo(30, 1e-12));
    // a small step east keeps the latitude and increases the longitude
    GeodeticPoint p = enu.planeToGeodetic(100, 0);
    assertThat(p.latitudeDeg(), closeTo(30, 1e-6));
    assertThat(p.longitudeDeg(), closeTo(45 + Math.toDegrees(100 / (Wgs84.primeVerticalRadiusM(
        0.5) * Math.cos(Math.toRadians(30)))), 1e-9));
    Vector3D v = enu.vectorToEnu(enu.vectorToEcef(new Vector3D(1, 2, 3)));
    assertThat(v.distance(new Vector3D(1, 2, 3)), closeTo(0, 1e-14));
  }

  @Test
  void geodesicsAgreeWithKnownDistances() {
    // one degree of latitude at the equator: 110 574.389 m (meridian arc, WGS84)
    Geodesics.DistanceBearing d = Geodesics.inverse(0, 0, 1, 0);
    assertThat(d.distanceM(), closeTo(110_574.389, 0.01));
    assertThat(d.initialBearingDeg(), closeTo(0, 1e-9));
    Geodesics.DistanceBearing w = Geodesics.inverse(10, 10, 10, 9);
    assertThat(w.initialBearingDeg(), closeTo(270, 0.1));
    assertThat(w.finalBearingDeg(), closeTo(270, 0.2));
    GeodeticPoint p = Geodesics.direct(10, 10, w.initialBearingDeg(), w.distanceM());
    assertThat(p.latitudeDeg(), closeTo(10, 1e-9));
    assertThat(p.longitudeDeg(), closeTo(9, 1e-9));
  }

  @Test
  void geodeticPointValidationAndNormalisation() {
    assertThrows(IllegalArgumentException.class, () -> GeodeticPoint.ofDegrees(91, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> GeodeticPoint.ofDegrees(0, Double.NaN,
        0));
    assertThrows(IllegalArgumentException.class,
        () -> GeodeticPoint.ofDegrees(0, 0, Double.POSITIVE_INFINITY));
    assertThat(GeodeticPoint.normaliseLongitudeDeg(190), closeTo(-170, 1e-12));
    assertThat(GeodeticPoint.normaliseLongitudeDeg(-180), is(180.0));
    assertThat(GeodeticPoint.ofDegrees(0, 350, 0).longitudeDeg(), closeTo(-10, 1e-12));
    assertThrows(IllegalArgumentException.class, () -> Wgs84.toGeodetic(Vector3D.ZERO));
  }
}
