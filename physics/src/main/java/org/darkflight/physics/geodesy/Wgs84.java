package org.darkflight.physics.geodesy;

import org.darkflight.physics.Constants;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The WGS84 ellipsoid (NIMA TR8350.2, 3rd ed.) and the conversions between geodetic
 * (latitude, longitude, ellipsoidal height) and Earth-centred Earth-fixed (ECEF) Cartesian
 * coordinates.
 *
 * <p>Geodetic → ECEF is the closed form of TR8350.2 Eq. 4-14; ECEF → geodetic is the exact,
 * non-iterative solution of H. Vermeille, "Direct transformation from geocentric coordinates to
 * geodetic coordinates", J. Geodesy 76, 451–454 (2002), valid everywhere outside the small
 * evolute region around the Earth's centre (|p| and |z| below ~45 km from it).
 */
public final class Wgs84 {

  /** Semi-major axis a, m. */
  public static final double A = Constants.WGS84_SEMI_MAJOR_AXIS_M;
  /** Flattening f. */
  public static final double F = Constants.WGS84_FLATTENING;
  /** Semi-minor axis b = a(1 − f), m. */
  public static final double B = A * (1.0 - F);
  /** First eccentricity squared e² = f(2 − f). */
  public static final double E2 = F * (2.0 - F);
  /** Earth gravitational constant GM, m³/s². */
  public static final double GM = Constants.WGS84_GM_M3PS2;
  /** Angular velocity of the Earth ω, rad/s. */
  public static final double OMEGA = Constants.WGS84_ANGULAR_VELOCITY_RADPS;

  private static final double E4 = E2 * E2;
  private static final double A2 = A * A;

  private Wgs84() {}

  /** Radius of curvature in the prime vertical N(φ) = a / √(1 − e² sin²φ), m. */
  public static double primeVerticalRadiusM(double sinLatitude) {
    return A / Math.sqrt(1.0 - E2 * sinLatitude * sinLatitude);
  }

  /**
   * Radius of curvature in the meridian M(φ) = a (1 − e²) / (1 − e² sin²φ)^{3/2}, m (Torge &amp;
   * Müller, <i>Geodesy</i>, 4th ed., §6.2.2).
   */
  public static double meridionalRadiusM(double sinLatitude) {
    double w = Math.sqrt(1.0 - E2 * sinLatitude * sinLatitude);
    return A * (1.0 - E2) / (w * w * w);
  }

  /** ECEF position of a geodetic point, m. */
  public static Vector3D toEcef(GeodeticPoint point) {
    double[] out = new double[3];
    toEcef(point.latitudeRad(), point.longitudeRad(), point.heightM(), out);
    return new Vector3D(out[0], out[1], out[2]);
  }

  /**
   * ECEF position of a geodetic point written into {@code out[0..2]}, m (TR8350.2 Eq. 4-14).
   */
  public static void toEcef(double latitudeRad, double longitudeRad, double heightM,
      double[] out) {
    double sinLat = Math.sin(latitudeRad);
    double cosLat = Math.cos(latitudeRad);
    double n = primeVerticalRadiusM(sinLat);
    double r = (n + heightM) * cosLat;
    out[0] = r * Math.cos(longitudeRad);
    out[1] = r * Math.sin(longitudeRad);
    out[2] = (n * (1.0 - E2) + heightM) * sinLat;
  }

  /** Geodetic coordinates of an ECEF position. */
  public static GeodeticPoint toGeodetic(Vector3D ecef) {
    double[] out = new double[5];
    toGeodetic(ecef.getX(), ecef.getY(), ecef.getZ(), out);
    return new GeodeticPoint(Math.atan2(out[0], out[1]), Math.atan2(out[2], out[3]), out[4]);
  }

  /**
   * Vermeille (2002) ECEF → geodetic without trigonometric calls, for the integration loop.
   * Writes {@code out = {sin φ, cos φ, sin λ, cos λ, h}}.
   *
   * @throws IllegalArgumentException inside the evolute region near the Earth's centre
   */
  public static void toGeodetic(double x, double y, double z, double[] out) {
    double w2 = x * x + y * y;
    double p = w2 / A2;
    double q = (1.0 - E2) * z * z / A2;
    double r = (p + q - E4) / 6.0;
    if (!(r > 0)) {
      throw new IllegalArgumentException("ECEF point too close to the Earth's centre or not"
          + " finite: (" + x + ", " + y + ", " + z + ")");
    }
    double s = E4 * p * q / (4.0 * r * r * r);
    double t = Math.cbrt(1.0 + s + Math.sqrt(s * (2.0 + s)));
    double u = r * (1.0 + t + 1.0 / t);
    double v = Math.sqrt(u * u + E4 * q);
    double w = E2 * (u + v - q) / (2.0 * v);
    double k = Math.sqrt(u + v + w * w) - w;
    double horizontal = Math.sqrt(w2);
    double d = k * horizontal / (k + E2);
    double hyp = Math.sqrt(d * d + z * z);
    // φ = 2 atan(z / (D + √(D² + z²))) is the half-angle form of atan2(z, D).
    out[0] = z / hyp;
    out[1] = d / hyp;
    if (horizontal > 0) {
      out[2] = y / horizontal;
      out[3] = x / horizontal;
    } else {
      out[2] = 0.0;
      out[3] = 1.0;
    }
    out[4] = (k + E2 - 1.0) / k * hyp;
  }
}
