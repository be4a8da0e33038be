package org.darkflight.physics.geodesy;

/**
 * A point given by WGS84 geodetic coordinates. Angles are radians inside the physics; use
 * {@link #ofDegrees} and {@link #latitudeDeg()}/{@link #longitudeDeg()} at the edges.
 *
 * @param latitudeRad  geodetic latitude, rad [-π/2, π/2]
 * @param longitudeRad longitude, rad (any finite value; {@link #longitudeDeg()} normalises)
 * @param heightM      height above the WGS84 ellipsoid, m
 */
public record GeodeticPoint(double latitudeRad, double longitudeRad, double heightM) {

  public GeodeticPoint {
    if (!Double.isFinite(latitudeRad) || Math.abs(latitudeRad) > Math.PI / 2 + 1e-12) {
      throw new IllegalArgumentException("latitude must be finite and within ±90°, got "
          + Math.toDegrees(latitudeRad) + "°");
    }
    if (!Double.isFinite(longitudeRad) || !Double.isFinite(heightM)) {
      throw new IllegalArgumentException("longitude and height must be finite");
    }
  }

  /** A point from degrees and metres. */
  public static GeodeticPoint ofDegrees(double latitudeDeg, double longitudeDeg, double heightM) {
    return new GeodeticPoint(Math.toRadians(latitudeDeg), Math.toRadians(longitudeDeg), heightM);
  }

  /** Geodetic latitude, degrees. */
  public double latitudeDeg() {
    return Math.toDegrees(latitudeRad);
  }

  /** Longitude, degrees, normalised to (-180, 180]. */
  public double longitudeDeg() {
    return normaliseLongitudeDeg(Math.toDegrees(longitudeRad));
  }

  /** Wraps a longitude to (-180, 180] degrees. */
  public static double normaliseLongitudeDeg(double longitudeDeg) {
    double x = Math.IEEEremainder(longitudeDeg, 360.0);
    return x == -180.0 ? 180.0 : x;
  }
}
