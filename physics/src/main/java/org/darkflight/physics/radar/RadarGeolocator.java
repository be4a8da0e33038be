package org.darkflight.physics.radar;

import net.sf.geographiclib.Constants;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;

/**
 * Converts a radar return to a geodetic position with its uncertainty.
 *
 * <p>Height and ground arc come from the 4/3-Earth model ({@link BeamGeometry}, Doviak &amp;
 * Zrnić eqs. 2.28b–c) with the Earth radius taken as the WGS84 normal-section radius at the site
 * along the beam's azimuth; the point below the beam centre is then found by solving the direct
 * geodesic problem on WGS84 from the site along the azimuth for that arc length (Karney, J. Geod.
 * 87, 43–55, 2013, via GeographicLib).
 *
 * <p>Uncertainty: the echo is spread over the resolution volume. Across the beam the two-way
 * Gaussian pattern of one-way 3 dB width θ₁ has standard deviation σ_θ = θ₁ / (4·√ln 2)
 * (Doviak &amp; Zrnić §7.1, eq. 7.4); along the beam the target can be anywhere in the gate of
 * length Δr, σ_r = Δr/√12 (uniform). Elevation and range errors are mapped to height and
 * along-radial errors through the analytic Jacobian of eqs. 2.28b–c; the azimuth error gives the
 * cross-radial error r·cos θ·σ_θ.
 */
public final class RadarGeolocator {

  private static final Geodesic WGS84 = Geodesic.WGS84;

  private RadarGeolocator() {}

  /** The standard deviation of the two-way Gaussian beam pattern for a one-way width, rad. */
  public static double beamSigmaRad(double beamWidthDeg) {
    return Math.toRadians(beamWidthDeg) / (4.0 * Math.sqrt(Math.log(2.0)));
  }

  /**
   * Locates a return.
   *
   * @throws IllegalArgumentException when the geometry is impossible: the beam centre would be
   *     below the ellipsoid's surface (more than 500 m below the antenna's sea level)
   */
  public static RadarFix locate(RadarObservation obs) {
    RadarSite site = obs.site();
    double lat = Math.toRadians(site.latitudeDeg());
    double az = Math.toRadians(obs.azimuthDeg());
    double earthRadiusM = BeamGeometry.normalSectionRadiusM(Constants.WGS84_a, Constants.WGS84_f,
        lat, az);
    double r = obs.slantRangeM();
    double el = Math.toRadians(obs.elevationDeg());
    double height = site.antennaHeightM()
        + BeamGeometry.heightAboveAntennaM(r, el, earthRadiusM);
    if (height < -500.0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "impossible geometry: beam centre at %.0f m, below the ground (elevation %.3f deg,"
              + " slant range %.0f m)", height, obs.elevationDeg(), r));
    }
    double arc = BeamGeometry.groundArcM(r, el, earthRadiusM);
    GeodesicData g = WGS84.Direct(site.latitudeDeg(), site.longitudeDeg(), obs.azimuthDeg(), arc);

    double sigmaTheta = beamSigmaRad(obs.beamWidthDeg());
    double sigmaR = obs.gateLengthM() / Math.sqrt(12.0);
    double dhdr = BeamGeometry.dHeightDRange(r, el, earthRadiusM);
    double dhdt = BeamGeometry.dHeightDElevation(r, el, earthRadiusM);
    double dsdr = BeamGeometry.dArcDRange(r, el, earthRadiusM);
    double dsdt = BeamGeometry.dArcDElevation(r, el, earthRadiusM);
    double varR = sigmaR * sigmaR;
    double varT = sigmaTheta * sigmaTheta;
    double sigmaH = Math.sqrt(dhdr * dhdr * varR + dhdt * dhdt * varT);
    double sigmaS = Math.sqrt(dsdr * dsdr * varR + dsdt * dsdt * varT);
    double covHs = dhdr * dsdr * varR + dhdt * dsdt * varT;
    double sigmaC = r * Math.cos(el) * sigmaTheta;

    double halfBeam = Math.toRadians(obs.beamWidthDeg() / 2.0);
    double bottom = site.antennaHeightM()
        + BeamGeometry.heightAboveAntennaM(r, el - halfBeam, earthRadiusM);
    double top = site.antennaHeightM()
        + BeamGeometry.heightAboveAntennaM(r, el + halfBeam, earthRadiusM);
    double lon = g.lon2 > 180.0 ? g.lon2 - 360.0 : g.lon2;
    double radialAz = g.azi2 < 0 ? g.azi2 + 360.0 : g.azi2;
    return new RadarFix(g.lat2, lon, height, arc, radialAz, sigmaH, sigmaS, sigmaC, covHs,
        bottom, top);
  }

  /**
   * The inverse of {@link #locate}: the observation (elevation, azimuth, slant range) under which
   * a radar sees the point (lat, lon, height) — used to build synthetic returns and to plan which
   * sweep covers a predicted path. Solves the geodesic inverse problem for azimuth and arc s, then
   * the 4/3-Earth triangle: with R = k_e·a, γ = s/R and D = R + (h − h_antenna),
   * r·cos θ = D sin γ and r·sin θ = D cos γ − R (Doviak &amp; Zrnić eqs. 2.28b–c solved for r, θ).
   *
   * @throws IllegalArgumentException when the resulting angles or range are out of the radar's
   *     domain (see {@link RadarObservation})
   */
  public static RadarObservation observe(RadarSite site, java.time.Instant timeUtc,
      double latitudeDeg, double longitudeDeg, double heightM, double beamWidthDeg,
      double gateLengthM) {
    GeodesicData inv = WGS84.Inverse(site.latitudeDeg(), site.longitudeDeg(), latitudeDeg,
        longitudeDeg);
    double azDeg = inv.azi1 < 0 ? inv.azi1 + 360.0 : inv.azi1;
    if (azDeg >= 360.0) {
      azDeg -= 360.0;
    }
    double a = BeamGeometry.normalSectionRadiusM(Constants.WGS84_a, Constants.WGS84_f,
        Math.toRadians(site.latitudeDeg()), Math.toRadians(azDeg));
    double re = BeamGeometry.K_E * a;
    double gamma = inv.s12 / re;
    double d = re + (heightM - site.antennaHeightM());
    double x = d * Math.sin(gamma);
    double y = d * Math.cos(gamma) - re;
    double range = Math.hypot(x, y);
    double elevationDeg = Math.toDegrees(Math.atan2(y, x));
    return new RadarObservation(site, timeUtc, elevationDeg, azDeg, range, beamWidthDeg,
        gateLengthM);
  }
}
