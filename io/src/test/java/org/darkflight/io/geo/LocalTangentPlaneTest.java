package org.darkflight.io.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import org.darkflight.physics.geodesy.LocalEnu;
import org.darkflight.physics.geodesy.GeodeticPoint;
import org.junit.jupiter.api.Test;

class LocalTangentPlaneTest {

  /** The map as it was written before it used physics.geodesy (its own WGS84 constants). */
  static double[] before(double latDeg, double lonDeg, double eastM, double northM) {
    double a = 6_378_137.0;
    double f = 1 / 298.257223563;
    double e2 = f * (2 - f);
    double phi = Math.toRadians(latDeg);
    double s = Math.sin(phi);
    double w = Math.sqrt(1 - e2 * s * s);
    double perRadLat = a * (1 - e2) / (w * w * w);
    double perRadLon = a / w * Math.cos(phi);
    return new double[] {latDeg + Math.toDegrees(northM / perRadLat),
        lonDeg + Math.toDegrees(eastM / perRadLon)};
  }

  @Test
  void theMapIsBitForBitTheOneItReplaces() {
    for (double lat = -89.5; lat <= 89.5; lat += 0.37) {
      for (double d = -20_000; d <= 20_000; d += 1_234.5) {
        LocalTangentPlane p = new LocalTangentPlane(new LatLon(lat, 10.25));
        LatLon got = p.toLatLon(d, -0.7 * d);
        double[] want = before(lat, 10.25, d, -0.7 * d);
        assertThat(got.latitudeDeg(), is(want[0]));
        assertThat(got.longitudeDeg(), is(want[1]));
      }
    }
  }

  @Test
  void itAgreesWithTheExactEastNorthUpFrameAlongTheAxesAndToFirstOrderOffThem() {
    LatLon origin = new LatLon(41.48, -87.68);
    LocalTangentPlane p = new LocalTangentPlane(origin);
    LocalEnu enu = LocalEnu.atDegrees(origin.latitudeDeg(), origin.longitudeDeg(), 0.0);
    // along the axes the error is of second order (with the change of M along the meridian):
    // a few centimetres at 5 km
    assertThat(exactEast(enu, p.toLatLon(5000.0, 0.0)), closeTo(5000.0, 0.05));
    assertThat(exactNorth(enu, p.toLatLon(0.0, -5000.0)), closeTo(-5000.0, 0.05));
    // off them the east offset is scaled with the origin's parallel, not the point's: a first-
    // order error of tan(φ) Δn/R of the east offset (2.1 m on 3 km at 5 km south, 41.5° N)
    LatLon q = p.toLatLon(3000.0, -5000.0);
    double firstOrder = 3000.0 * Math.tan(Math.toRadians(41.48)) * 5000.0 / 6.37e6;
    assertThat(exactEast(enu, q), closeTo(3000.0 + firstOrder, 0.05));
    // and the parallel through q curves north of the plane by e² tan(φ) / (2R): 0.62 m
    double parallel = 3000.0 * 3000.0 * Math.tan(Math.toRadians(41.48)) / (2 * 6.37e6);
    assertThat(exactNorth(enu, q), closeTo(-5000.0 + parallel, 0.05));
    // and its own inverse is exact
    assertThat(p.eastM(q), closeTo(3000.0, 1e-9));
    assertThat(p.northM(q), closeTo(-5000.0, 1e-9));
  }

  static double exactEast(LocalEnu enu, LatLon q) {
    return enu.geodeticToEnu(GeodeticPoint.ofDegrees(q.latitudeDeg(), q.longitudeDeg(), 0.0))
        .getX();
  }

  static double exactNorth(LocalEnu enu, LatLon q) {
    return enu.geodeticToEnu(GeodeticPoint.ofDegrees(q.latitudeDeg(), q.longitudeDeg(), 0.0))
        .getY();
  }
}
