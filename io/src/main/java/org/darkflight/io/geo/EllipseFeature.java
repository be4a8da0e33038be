package org.darkflight.io.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A confidence ellipse of the landing positions of one mass class: one Polygon feature of
 * {@code uncertainty_ellipses.geojson} and of the KML folder "Uncertainty Ellipses".
 *
 * <p>Axes are stored as <b>semi</b>-axes (centre to rim). The GeoJSON properties
 * {@code major_axis_m}/{@code minor_axis_m} carry the <b>full</b> axis lengths (2 × semi-axis) and
 * {@code semi_major_axis_m}/{@code semi_minor_axis_m} the semi-axes (see docs/outputs.md).
 *
 * @param massClass          label of the mass class
 * @param massClassIndex     index of the mass class, 0 = smallest
 * @param confidenceLevel    probability mass inside the ellipse, (0, 1), e.g. 0.9
 * @param sampleCount        number of landing samples the covariance was estimated from (&gt;= 1)
 * @param centerLatitudeDeg  latitude of the centre (sample mean), degrees
 * @param centerLongitudeDeg longitude of the centre, degrees; stored in (-180, 180]
 * @param covariance         covariance of east/north offsets around the centre, m²
 * @param semiMajorAxisM     semi-major axis, m (&gt;= semiMinorAxisM)
 * @param semiMinorAxisM     semi-minor axis, m (&gt; 0)
 * @param orientationDeg     azimuth of the major axis, clockwise from true north, degrees [0, 180)
 * @param ring               polygon exterior ring: closed (first == last), at least 4 positions,
 *                           counter-clockwise (RFC 7946 §3.1.6 right-hand rule)
 */
public record EllipseFeature(
    String massClass,
    int massClassIndex,
    double confidenceLevel,
    long sampleCount,
    double centerLatitudeDeg,
    double centerLongitudeDeg,
    EastNorthCovariance covariance,
    double semiMajorAxisM,
    double semiMinorAxisM,
    double orientationDeg,
    List<LatLon> ring) {

  /** Vertices (without the closing repeat) used by {@link #fromCovariance}. */
  public static final int DEFAULT_VERTEX_COUNT = 72;

  public EllipseFeature {
    Checks.text("mass_class", massClass);
    if (massClassIndex < 0) {
      throw new IllegalArgumentException("mass_class_index must be >= 0, got " + massClassIndex);
    }
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence_level must be in (0, 1), got " + confidenceLevel);
    }
    if (sampleCount < 1) {
      throw new IllegalArgumentException("sample_count must be >= 1, got " + sampleCount);
    }
    centerLatitudeDeg = Checks.latitude("center_latitude_deg", centerLatitudeDeg);
    centerLongitudeDeg = Checks.longitude("center_longitude_deg", centerLongitudeDeg);
    Checks.present("covariance", covariance);
    Checks.positive("semi_minor_axis_m", semiMinorAxisM);
    Checks.positive("semi_major_axis_m", semiMajorAxisM);
    if (semiMajorAxisM < semiMinorAxisM) {
      throw new IllegalArgumentException("semi_major_axis_m (" + semiMajorAxisM
          + ") must be >= semi_minor_axis_m (" + semiMinorAxisM + ")");
    }
    if (!(orientationDeg >= 0 && orientationDeg < 180)) {
      throw new IllegalArgumentException("orientation_deg must be in [0, 180), got " + orientationDeg);
    }
    ring = List.copyOf(Checks.present("ring", ring));
    checkRing(ring, centerLongitudeDeg);
  }

  /**
   * Builds the {@code confidenceLevel} ellipse of a bivariate normal with the given covariance:
   * semi-axes k·√λ with k² = −2·ln(1 − p), the chi-square quantile with 2 degrees of freedom
   * (closed form; e.g. Wang et al. 2015, "Confidence Analysis of Standard Deviational Ellipse",
   * Geogr. Anal. 47:(1)); λ the eigenvalues of the covariance; orientation from its major
   * eigenvector. The ring is traced counter-clockwise in the local tangent plane at the centre
   * ({@link LocalTangentPlane}) with {@code vertexCount} vertices, starting at the end of the
   * major axis that lies in the {@code orientation_deg} direction, then closed.
   */
  public static EllipseFeature fromCovariance(String massClass, int massClassIndex,
      double confidenceLevel, long sampleCount, LatLon center, EastNorthCovariance covariance,
      int vertexCount) {
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence_level must be in (0, 1), got " + confidenceLevel);
    }
    if (vertexCount < 8) {
      throw new IllegalArgumentException("vertex_count must be >= 8, got " + vertexCount);
    }
    Checks.present("center", center);
    Checks.present("covariance", covariance);
    double k = Math.sqrt(-2 * Math.log1p(-confidenceLevel));
    double semiMajor = k * Math.sqrt(covariance.majorVarianceM2());
    double semiMinor = k * Math.sqrt(covariance.minorVarianceM2());
    double azimuthDeg = covariance.majorAxisAzimuthDeg();
    return new EllipseFeature(massClass, massClassIndex, confidenceLevel, sampleCount,
        center.latitudeDeg(), center.longitudeDeg(), covariance, semiMajor, semiMinor, azimuthDeg,
        ellipseRing(center, semiMajor, semiMinor, azimuthDeg, vertexCount));
  }

  /**
   * A closed counter-clockwise ring of {@code vertexCount} + 1 positions tracing the ellipse with
   * the given semi-axes (m) and major-axis azimuth (degrees clockwise from north) around
   * {@code center}, computed in the local tangent plane.
   */
  public static List<LatLon> ellipseRing(LatLon center, double semiMajorAxisM,
      double semiMinorAxisM, double orientationDeg, int vertexCount) {
    LocalTangentPlane plane = new LocalTangentPlane(center);
    double az = Math.toRadians(orientationDeg);
    // Unit vectors (east, north): major axis along the azimuth; minor axis 90° counter-clockwise.
    double majE = Math.sin(az);
    double majN = Math.cos(az);
    double minE = -majN;
    double minN = majE;
    List<LatLon> ring = new ArrayList<>(vertexCount + 1);
    for (int i = 0; i < vertexCount; i++) {
      double t = 2 * Math.PI * i / vertexCount;
      double a = semiMajorAxisM * Math.cos(t);
      double b = semiMinorAxisM * Math.sin(t);
      ring.add(plane.toLatLon(a * majE + b * minE, a * majN + b * minN));
    }
    ring.add(ring.get(0));
    return List.copyOf(ring);
  }

  /** The centre as a position. */
  public LatLon center() {
    return new LatLon(centerLatitudeDeg, centerLongitudeDeg);
  }

  /** Full major axis length, 2 × semi-major, m (GeoJSON {@code major_axis_m}). */
  public double majorAxisM() {
    return 2 * semiMajorAxisM;
  }

  /** Full minor axis length, 2 × semi-minor, m (GeoJSON {@code minor_axis_m}). */
  public double minorAxisM() {
    return 2 * semiMinorAxisM;
  }

  private static void checkRing(List<LatLon> ring, double refLonDeg) {
    if (ring.size() < 4) {
      throw new IllegalArgumentException("ring must have at least 4 positions, got " + ring.size());
    }
    if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
      throw new IllegalArgumentException("ring must be closed (first position == last position)");
    }
    // Shoelace sum in (longitude unwrapped around the centre, latitude): > 0 for counter-clockwise.
    double twiceArea = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      LatLon p = ring.get(i);
      LatLon q = ring.get(i + 1);
      double px = Checks.normaliseLongitudeDeg(p.longitudeDeg() - refLonDeg);
      double qx = Checks.normaliseLongitudeDeg(q.longitudeDeg() - refLonDeg);
      twiceArea += px * q.latitudeDeg() - qx * p.latitudeDeg();
    }
    if (!(twiceArea > 0)) {
      throw new IllegalArgumentException(
          "ring must be counter-clockwise with non-zero area (RFC 7946 right-hand rule)");
    }
  }
}
