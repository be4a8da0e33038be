package org.darkflight.physics.geodesy;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distances and bearings along geodesics of the WGS84 ellipsoid, by C. F. F. Karney's algorithms
 * ("Algorithms for geodesics", J. Geodesy 87, 43–55, 2013) as implemented in GeographicLib-Java.
 * Accurate to about 15 nm; thread-safe.
 */
public final class Geodesics {

  private static final Geodesic WGS84 = Geodesic.WGS84;

  private Geodesics() {}

  /**
   * The result of an inverse problem.
   *
   * @param distanceM          geodesic distance, m
   * @param initialBearingDeg  bearing at the first point, clockwise from true north, [0, 360)
   * @param finalBearingDeg    bearing at the second point, clockwise from true north, [0, 360)
   */
  public record DistanceBearing(double distanceM, double initialBearingDeg,
      double finalBearingDeg) {}

  /** Distance and bearings from point 1 to point 2 (degrees in, metres out). */
  public static DistanceBearing inverse(double lat1Deg, double lon1Deg, double lat2Deg,
      double lon2Deg) {
    GeodesicData g = WGS84.Inverse(lat1Deg, lon1Deg, lat2Deg, lon2Deg,
        GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
    return new DistanceBearing(g.s12, bearing(g.azi1), bearing(g.azi2));
  }

  /**
   * The point reached by travelling {@code distanceM} along the geodesic that leaves
   * ({@code latDeg}, {@code lonDeg}) with bearing {@code bearingDeg}; height 0.
   */
  public static GeodeticPoint direct(double latDeg, double lonDeg, double bearingDeg,
      double distanceM) {
    GeodesicData g = WGS84.Direct(latDeg, lonDeg, bearingDeg, distanceM,
        GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
    return GeodeticPoint.ofDegrees(g.lat2, g.lon2, 0.0);
  }

  private static double bearing(double aziDeg) {
    double b = aziDeg % 360.0;
    return b < 0 ? b + 360.0 : b;
  }
}
