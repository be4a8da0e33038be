package org.darkflight.physics.radar;

/**
 * Height and ground distance of a radar beam under the effective-Earth-radius model of standard
 * refraction.
 *
 * <p>With effective radius {@code R = k_e·a} (k_e = 4/3), slant range r and elevation θ_e,
 * Doviak &amp; Zrnić, <i>Doppler Radar and Weather Observations</i>, 2nd ed. (1993), §2.2,
 * eqs. 2.28b and 2.28c:
 *
 * <pre>
 *   h = sqrt(r² + R² + 2·r·R·sin θ_e) − R           (height above the antenna)
 *   s = R · asin(r·cos θ_e / (R + h))                (arc length along the Earth's surface)
 * </pre>
 *
 * The height above the ellipsoid of the beam centre is {@code h + antennaHeightM}. All angles are
 * in radians, distances in metres. The partial derivatives are the analytic derivatives of these
 * two expressions (checked against finite differences in the tests) and feed the position
 * uncertainty of {@link RadarGeolocator}.
 */
public final class BeamGeometry {

  /** Effective-Earth-radius factor of the standard (4/3) refraction model. */
  public static final double K_E = 4.0 / 3.0;

  private BeamGeometry() {}

  /**
   * Height of the beam centre above the antenna, m (Doviak &amp; Zrnić eq. 2.28b).
   *
   * @param slantRangeM   slant range r, m (&gt;= 0)
   * @param elevationRad  elevation angle θ_e, rad
   * @param earthRadiusM  true Earth radius a along the beam, m (multiplied by {@link #K_E})
   */
  public static double heightAboveAntennaM(double slantRangeM, double elevationRad,
      double earthRadiusM) {
    double re = K_E * earthRadiusM;
    return hypotenuse(slantRangeM, elevationRad, re) - re;
  }

  /**
   * Arc length along the Earth's surface from the radar to the point below the beam centre, m
   * (Doviak &amp; Zrnić eq. 2.28c).
   */
  public static double groundArcM(double slantRangeM, double elevationRad, double earthRadiusM) {
    double re = K_E * earthRadiusM;
    double big = hypotenuse(slantRangeM, elevationRad, re);
    return re * Math.asin(slantRangeM * Math.cos(elevationRad) / big);
  }

  /** ∂h/∂r, dimensionless. */
  public static double dHeightDRange(double slantRangeM, double elevationRad,
      double earthRadiusM) {
    double re = K_E * earthRadiusM;
    return (slantRangeM + re * Math.sin(elevationRad))
        / hypotenuse(slantRangeM, elevationRad, re);
  }

  /** ∂h/∂θ_e, m/rad. */
  public static double dHeightDElevation(double slantRangeM, double elevationRad,
      double earthRadiusM) {
    double re = K_E * earthRadiusM;
    return slantRangeM * re * Math.cos(elevationRad) / hypotenuse(slantRangeM, elevationRad, re);
  }

  /** ∂s/∂r, dimensionless. */
  public static double dArcDRange(double slantRangeM, double elevationRad, double earthRadiusM) {
    double re = K_E * earthRadiusM;
    double big = hypotenuse(slantRangeM, elevationRad, re);
    double cos = Math.cos(elevationRad);
    double u = slantRangeM * cos / big;
    double dBig = (slantRangeM + re * Math.sin(elevationRad)) / big;
    double du = cos / big - slantRangeM * cos * dBig / (big * big);
    return re * du / Math.sqrt(1.0 - u * u);
  }

  /** ∂s/∂θ_e, m/rad. */
  public static double dArcDElevation(double slantRangeM, double elevationRad,
      double earthRadiusM) {
    double re = K_E * earthRadiusM;
    double big = hypotenuse(slantRangeM, elevationRad, re);
    double cos = Math.cos(elevationRad);
    double sin = Math.sin(elevationRad);
    double u = slantRangeM * cos / big;
    double dBig = slantRangeM * re * cos / big;
    double du = -slantRangeM * sin / big - slantRangeM * cos * dBig / (big * big);
    return re * du / Math.sqrt(1.0 - u * u);
  }

  /** Distance from the effective Earth's centre to the beam centre, R + h. */
  private static double hypotenuse(double r, double elevationRad, double re) {
    return Math.sqrt(r * r + re * re + 2.0 * r * re * Math.sin(elevationRad));
  }

  /**
   * Radius of curvature of the WGS84 normal section at a latitude and azimuth (Euler's theorem):
   * 1/R_α = cos²α/M + sin²α/N, with the meridional radius M = a(1−e²)/(1−e² sin²φ)^{3/2} and the
   * prime-vertical radius N = a/√(1−e² sin²φ) (e.g. Torge &amp; Müller, <i>Geodesy</i>, 4th ed.,
   * §3.2.3). This is the Earth radius "a" the beam sees when it leaves the site along α.
   *
   * @param semiMajorAxisM  ellipsoid a, m
   * @param flattening      ellipsoid f
   * @param latitudeRad     geodetic latitude φ, rad
   * @param azimuthRad      azimuth α of the beam, rad clockwise from north
   */
  public static double normalSectionRadiusM(double semiMajorAxisM, double flattening,
      double latitudeRad, double azimuthRad) {
    double e2 = flattening * (2.0 - flattening);
    double sin = Math.sin(latitudeRad);
    double w2 = 1.0 - e2 * sin * sin;
    double n = semiMajorAxisM / Math.sqrt(w2);
    double m = semiMajorAxisM * (1.0 - e2) / (w2 * Math.sqrt(w2));
    double ca = Math.cos(azimuthRad);
    double sa = Math.sin(azimuthRad);
    return 1.0 / (ca * ca / m + sa * sa / n);
  }
}
