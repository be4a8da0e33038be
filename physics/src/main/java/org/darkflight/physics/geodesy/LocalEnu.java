package org.darkflight.physics.geodesy;

import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A local east-north-up (ENU) Cartesian frame with its origin at a geodetic point: x east,
 * y north, z up along the ellipsoid normal. Converts positions and vectors between ECEF and ENU,
 * and maps east/north offsets in the tangent plane back to latitude and longitude.
 *
 * <p>The rotation is the standard one (e.g. J. Sanz Subirana et al., ESA GNSS Data Processing
 * Vol. I, TM-23/1, 2013, §B.1): ê = (−sin λ, cos λ, 0), n̂ = (−sin φ cos λ, −sin φ sin λ, cos φ),
 * û = (cos φ cos λ, cos φ sin λ, sin φ).
 */
public final class LocalEnu {

  private final GeodeticPoint origin;
  private final Vector3D originEcef;
  private final Vector3D east;
  private final Vector3D north;
  private final Vector3D up;

  public LocalEnu(GeodeticPoint origin) {
    this.origin = origin;
    this.originEcef = Wgs84.toEcef(origin);
    double sinLat = Math.sin(origin.latitudeRad());
    double cosLat = Math.cos(origin.latitudeRad());
    double sinLon = Math.sin(origin.longitudeRad());
    double cosLon = Math.cos(origin.longitudeRad());
    this.east = new Vector3D(-sinLon, cosLon, 0.0);
    this.north = new Vector3D(-sinLat * cosLon, -sinLat * sinLon, cosLat);
    this.up = new Vector3D(cosLat * cosLon, cosLat * sinLon, sinLat);
  }

  /** A frame at latitude/longitude in degrees and height in metres. */
  public static LocalEnu atDegrees(double latitudeDeg, double longitudeDeg, double heightM) {
    return new LocalEnu(GeodeticPoint.ofDegrees(latitudeDeg, longitudeDeg, heightM));
  }

  public GeodeticPoint origin() {
    return origin;
  }

  /** ECEF position of the origin, m. */
  public Vector3D originEcef() {
    return originEcef;
  }

  /** Unit vector east, in ECEF. */
  public Vector3D east() {
    return east;
  }

  /** Unit vector north, in ECEF. */
  public Vector3D north() {
    return north;
  }

  /** Unit vector up (the ellipsoid normal), in ECEF. */
  public Vector3D up() {
    return up;
  }

  /** ENU coordinates (east, north, up), m, of an ECEF position. */
  public Vector3D ecefToEnu(Vector3D ecef) {
    return vectorToEnu(ecef.subtract(originEcef));
  }

  /** ECEF position of ENU coordinates (east, north, up), m. */
  public Vector3D enuToEcef(Vector3D enu) {
    return originEcef.add(vectorToEcef(enu));
  }

  /** Components (east, north, up) of an ECEF vector (a velocity, say). */
  public Vector3D vectorToEnu(Vector3D ecefVector) {
    return new Vector3D(ecefVector.dotProduct(east), ecefVector.dotProduct(north),
        ecefVector.dotProduct(up));
  }

  /** ECEF vector of ENU components. */
  public Vector3D vectorToEcef(Vector3D enuVector) {
    return new Vector3D(enuVector.getX(), east, enuVector.getY(), north, enuVector.getZ(), up);
  }

  /** ENU coordinates of a geodetic point. */
  public Vector3D geodeticToEnu(GeodeticPoint point) {
    return ecefToEnu(Wgs84.toEcef(point));
  }

  /** Geodetic point of ENU coordinates. */
  public GeodeticPoint enuToGeodetic(Vector3D enu) {
    return Wgs84.toGeodetic(enuToEcef(enu));
  }

  /**
   * The point of the tangent plane at (east, north, 0) projected along the ellipsoid normal onto
   * the surface: latitude and longitude of the plane point, height 0. This is the "ENU plane
   * about the event → WGS84" map used to draw ellipses measured in the local plane.
   */
  public GeodeticPoint planeToGeodetic(double eastM, double northM) {
    GeodeticPoint p = enuToGeodetic(new Vector3D(eastM, northM, 0.0));
    return new GeodeticPoint(p.latitudeRad(), p.longitudeRad(), 0.0);
  }
}
