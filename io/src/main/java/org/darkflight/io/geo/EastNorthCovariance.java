package org.darkflight.io.geo;

/**
 * A 2×2 covariance of horizontal landing positions in the local east/north tangent plane at the
 * ellipse centre, m². The matrix is {@code [[ceeM2, cenM2], [cenM2, cnnM2]]} (x = east, y = north);
 * it must be symmetric positive semi-definite (checked with a relative tolerance of 1e-9).
 *
 * @param ceeM2  variance of the east offset, m² (&gt;= 0)
 * @param cenM2  covariance of the east and north offsets, m²
 * @param cnnM2  variance of the north offset, m² (&gt;= 0)
 */
public record EastNorthCovariance(double ceeM2, double cenM2, double cnnM2) {

  public EastNorthCovariance {
    Checks.nonNegative("covariance_ee_m2", ceeM2);
    Checks.finite("covariance_en_m2", cenM2);
    Checks.nonNegative("covariance_nn_m2", cnnM2);
    double det = ceeM2 * cnnM2 - cenM2 * cenM2;
    if (det < -1e-9 * Math.max(ceeM2 * cnnM2, cenM2 * cenM2)) {
      throw new IllegalArgumentException("covariance must be positive semi-definite: cee·cnn - cen² = "
          + det + " m⁴ < 0");
    }
  }

  /** Larger eigenvalue, m² (variance along the major axis). */
  public double majorVarianceM2() {
    return 0.5 * (ceeM2 + cnnM2) + halfSpread();
  }

  /** Smaller eigenvalue, m² (variance along the minor axis), clamped at 0. */
  public double minorVarianceM2() {
    return Math.max(0, 0.5 * (ceeM2 + cnnM2) - halfSpread());
  }

  /**
   * Azimuth of the major axis, degrees clockwise from north in [0, 180). For an isotropic matrix
   * (no preferred direction) this is 0.
   *
   * <p>For a symmetric 2×2 matrix the eigenvector of the larger eigenvalue makes the angle
   * θ = ½·atan2(2·cen, cee − cnn) with the x (east) axis, counter-clockwise; the azimuth from north
   * is 90° − θ (standard closed form, e.g. Press et al., Numerical Recipes, §11.1 Jacobi rotation).
   */
  public double majorAxisAzimuthDeg() {
    if (halfSpread() == 0) {
      return 0;
    }
    double thetaFromEastDeg = Math.toDegrees(0.5 * Math.atan2(2 * cenM2, ceeM2 - cnnM2));
    double azimuth = 90 - thetaFromEastDeg;
    azimuth = azimuth % 180;
    if (azimuth < 0) {
      azimuth += 180;
    }
    return azimuth >= 180 ? 0 : azimuth;
  }

  private double halfSpread() {
    return Math.hypot(0.5 * (ceeM2 - cnnM2), cenM2);
  }
}
