package org.darkflight.io.geo;

import org.darkflight.physics.geodesy.Wgs84;

/**
 * Converts small east/north offsets (metres) around a WGS84 point to geodetic latitude/longitude
 * and back, with the meridional (M) and prime-vertical (N) radii of curvature at the origin:
 * Δφ = Δn / M, Δλ = Δe / (N·cos φ). Along the axes through the origin the error is of second
 * order in d/R (a few centimetres at 5 km, with the change of M along the meridian); off them the east offset is scaled with the origin's parallel, not
 * the point's, a first-order error of tan φ · Δn/R in the east offset (about 7e-4 at 5 km north
 * or south at 41° latitude: 2 m on 3 km). It is not a geodesic solver.
 *
 * <p>Radii: {@link Wgs84#meridionalRadiusM} M = a(1−e²)/(1−e² sin²φ)^{3/2} and
 * {@link Wgs84#primeVerticalRadiusM} N = a/(1−e² sin²φ)^{1/2} of the physics core's WGS84
 * ellipsoid (constants in {@code physics.Constants}, NIMA TR8350.2). The exact east/north/up
 * frame is {@code physics.geodesy.LocalEnu} (the ellipse fits use it, through
 * {@code analysis.ensemble.EventPlane}); this map is kept, unchanged to the last bit, for what it
 * has always drawn (ellipse rings, heatmap grids, UQ offsets).
 */
public final class LocalTangentPlane {

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
    this.metresPerRadLat = Wgs84.meridionalRadiusM(s);
    this.metresPerRadLon = Wgs84.primeVerticalRadiusM(s) * Math.cos(phi);
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
