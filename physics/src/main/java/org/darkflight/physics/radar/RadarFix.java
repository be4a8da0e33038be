package org.darkflight.physics.radar;

/**
 * Where a radar return lies and how uncertain that is.
 *
 * @param latitudeDeg      geodetic latitude of the beam centre, WGS84, degrees
 * @param longitudeDeg     longitude of the beam centre, degrees (-180, 180]
 * @param heightM          height of the beam centre above the ellipsoid, m
 * @param groundRangeM     arc length along the surface from the site, m
 * @param radialAzimuthDeg direction of the radial (away from the radar) at the return, degrees
 *                         clockwise from north (differs from the site azimuth by meridian
 *                         convergence)
 * @param sigmaHeightM     1-σ height uncertainty, m
 * @param sigmaAlongM      1-σ horizontal uncertainty along the radial, m
 * @param sigmaCrossM      1-σ horizontal uncertainty across the radial, m
 * @param covHeightAlongM2 covariance of height and along-radial error, m²
 * @param beamBottomM      height of the lower half-power edge of the beam, m
 * @param beamTopM         height of the upper half-power edge of the beam, m
 */
public record RadarFix(
    double latitudeDeg,
    double longitudeDeg,
    double heightM,
    double groundRangeM,
    double radialAzimuthDeg,
    double sigmaHeightM,
    double sigmaAlongM,
    double sigmaCrossM,
    double covHeightAlongM2,
    double beamBottomM,
    double beamTopM) {

  /**
   * The 3×3 position covariance in the local east-north-up frame at the return, m², built from
   * the along/cross/height errors and the radial direction.
   */
  public double[][] covarianceEnuM2() {
    double az = Math.toRadians(radialAzimuthDeg);
    double ue = Math.sin(az);
    double un = Math.cos(az);
    double we = Math.cos(az);
    double wn = -Math.sin(az);
    double sa2 = sigmaAlongM * sigmaAlongM;
    double sc2 = sigmaCrossM * sigmaCrossM;
    double ee = sa2 * ue * ue + sc2 * we * we;
    double en = sa2 * ue * un + sc2 * we * wn;
    double nn = sa2 * un * un + sc2 * wn * wn;
    double eu = covHeightAlongM2 * ue;
    double nu = covHeightAlongM2 * un;
    double uu = sigmaHeightM * sigmaHeightM;
    return new double[][] {{ee, en, eu}, {en, nn, nu}, {eu, nu, uu}};
  }
}
