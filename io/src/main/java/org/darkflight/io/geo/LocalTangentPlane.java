package org.darkflight.io.geo;

/**
 * Converts small east/north offsets (metres) around a WGS84 point to geodetic latitude/longitude
 * and back, with the meridional (M) and prime-vertical (N) radii of curvature at the origin:
 * Δφ = Δn / M, Δλ = Δe / (N·cos φ). The relative error grows like (d/R)², about 1e-6 at 6 km, so
 * it suits strewn-field ellipses (a few km); it is not a geodesic solver.
 *
 * <p>Radii: M = a(1−e²)/(1−e² sin²φ)^{3/2}, N = a/(1−e² sin²φ)^{1/2} (Torge &amp; Müller,
 * <i>Geodesy</i>, 4th ed., §6.2.2); WGS84 a = 6378137 m, f = 1/298.257223563 (NIMA TR8350.2).
 */
public final class LocalTangentPlane {

  /** WGS84 semi-major axis, m. */
  public static final double WGS84_A_M = 6_378_137.0;
  /** WGS84 flattening. */
  public static final double WGS84_F = 1 / 298.257223563;
  private static final double E2 = WGS84_F * (2 - WGS84_F);

  private final LatLon origin;
  private final double metresPerRadLat;
  private final double metresPerRadLon;

  /** A tangent plane at {@code origin}; the origin must not be a pole. */
  public LocalTangentPlane(LatLon origin) {
    this.origin = Checks.present("origin", origin);
    if (Math.abs(origin.latitudeDeg()) > 89.9) {
      throw new IllegalArgumentException("origin latitude must be within 89.9° of the equator, got "
          + origin.latitudeDeg());
    }
    double phi = Math.toRadians(origin.latitudeDeg());
    double s = Math.sin(phi);
    double w = Math.sqrt(1 - E2 * s * s);
    this.metresPerRadLat = WGS84_A_M * (1 - E2) / (w * w * w);
    this.metresPerRadLon = WGS84_A_M / w * Math.cos(phi);
  }

  public LatLon origin() {
    return origin;
  }

  /** The point {@code eastM} east and {@code northM} north of the origin. */
  public LatLon toLatLon(double eastM, double northM) {
    double lat = origin.latitudeDeg() + Math.toDegrees(northM / metresPerRadLat);
    double lon = origin.longitudeDeg() + Math.toDegrees(eastM / metresPerRadLon);
    return new LatLon(lat, Checks.normaliseLongitudeDeg(lon));
  }

  /** East offset of {@code p} from the origin, m (longitude difference taken the short way). */
  public double eastM(LatLon p) {
    double dLon = Checks.normaliseLongitudeDeg(p.longitudeDeg() - origin.longitudeDeg());
    return Math.toRadians(dLon) * metresPerRadLon;
  }

  /** North offset of {@code p} from the origin, m. */
  public double northM(LatLon p) {
    return Math.toRadians(p.latitudeDeg() - origin.latitudeDeg()) * metresPerRadLat;
  }
}
