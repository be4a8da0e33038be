package org.darkflight.physics.geodesy;

/**
 * Universal Transverse Mercator on the WGS84 ellipsoid: the Krüger series to sixth order in the
 * third flattening n, as C. F. F. Karney, "Transverse Mercator with an accuracy of a few
 * nanometers", J. Geodesy 85 (2011) 475–485, eqs. (7)–(36) (accurate to 5 nm within 3 900 km of the
 * central meridian). Used by the legacy workbook methods, whose east/north displacements are UTM
 * metres: the landing is the start's easting/northing plus the displacement, converted back.
 *
 * @param zone  UTM zone 1–60
 * @param north true for the northern hemisphere (false northing 0), else 10 000 km
 */
public record TransverseMercator(int zone, boolean north) {

  /** Scale on the central meridian. */
  public static final double K0 = 0.9996;
  /** False easting, m. */
  public static final double FALSE_EASTING_M = 500_000.0;
  /** False northing in the southern hemisphere, m. */
  public static final double FALSE_NORTHING_SOUTH_M = 10_000_000.0;

  private static final double N = Wgs84.F / (2 - Wgs84.F);
  private static final double E = Math.sqrt(Wgs84.E2);
  private static final double RECTIFYING_RADIUS;
  private static final double[] ALPHA = new double[7];
  private static final double[] BETA = new double[7];

  static {
    double n2 = N * N;
    double n3 = n2 * N;
    double n4 = n3 * N;
    double n5 = n4 * N;
    double n6 = n5 * N;
    RECTIFYING_RADIUS = Wgs84.A / (1 + N) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
    ALPHA[1] = N / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288
        + 7891 * n6 / 37800;
    ALPHA[2] = 13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630
        - 1983433 * n6 / 1935360;
    ALPHA[3] = 61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440;
    ALPHA[4] = 49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600;
    ALPHA[5] = 34729 * n5 / 80640 - 3418889 * n6 / 1995840;
    ALPHA[6] = 212378941 * n6 / 319334400;
    BETA[1] = N / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800;
    BETA[2] = n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720;
    BETA[3] = 17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720;
    BETA[4] = 4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600;
    BETA[5] = 4583 * n5 / 161280 - 108847 * n6 / 3991680;
    BETA[6] = 20648693 * n6 / 638668800;
  }

  public TransverseMercator {
    if (zone < 1 || zone > 60) {
      throw new IllegalArgumentException("UTM zone must be 1..60, got " + zone);
    }
  }

  /** The standard zone of a point (no Norway/Svalbard exceptions). */
  public static TransverseMercator containing(double latitudeDeg, double longitudeDeg) {
    double lon = GeodeticPoint.normaliseLongitudeDeg(longitudeDeg);
    int z = (int) Math.floor((lon + 180) / 6) + 1;
    return new TransverseMercator(Math.min(Math.max(z, 1), 60), latitudeDeg >= 0);
  }

  /** Central meridian, degrees. */
  public double centralMeridianDeg() {
    return zone * 6.0 - 183.0;
  }

  /** {easting, northing} in metres of a WGS84 latitude/longitude (degrees). */
  public double[] forward(double latitudeDeg, double longitudeDeg) {
    double phi = Math.toRadians(latitudeDeg);
    double lambda = Math.toRadians(
        GeodeticPoint.normaliseLongitudeDeg(longitudeDeg - centralMeridianDeg()));
    double sinPhi = Math.sin(phi);
    double t = Math.sinh(atanh(sinPhi) - E * atanh(E * sinPhi));
    double xiP = Math.atan2(t, Math.cos(lambda));
    double etaP = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
    double xi = xiP;
    double eta = etaP;
    for (int j = 1; j <= 6; j++) {
      xi += ALPHA[j] * Math.sin(2 * j * xiP) * Math.cosh(2 * j * etaP);
      eta += ALPHA[j] * Math.cos(2 * j * xiP) * Math.sinh(2 * j * etaP);
    }
    double easting = FALSE_EASTING_M + K0 * RECTIFYING_RADIUS * eta;
    double northing = K0 * RECTIFYING_RADIUS * xi + (north ? 0 : FALSE_NORTHING_SOUTH_M);
    return new double[] {easting, northing};
  }

  /** {latitude, longitude} in degrees (WGS84) of an easting/northing in metres. */
  public double[] inverse(double eastingM, double northingM) {
    double xi = (northingM - (north ? 0 : FALSE_NORTHING_SOUTH_M)) / (K0 * RECTIFYING_RADIUS);
    double eta = (eastingM - FALSE_EASTING_M) / (K0 * RECTIFYING_RADIUS);
    double xiP = xi;
    double etaP = eta;
    for (int j = 1; j <= 6; j++) {
      xiP -= BETA[j] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
      etaP -= BETA[j] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    }
    double sinhEta = Math.sinh(etaP);
    double cosXi = Math.cos(xiP);
    double tauP = Math.sin(xiP) / Math.hypot(sinhEta, cosXi);
    double lambda = Math.atan2(sinhEta, cosXi);
    // τ from τ′ by Newton's method (Karney 2011, eqs. 19–21).
    double tau = tauP;
    for (int i = 0; i < 10; i++) {
      double sigma = Math.sinh(E * atanh(E * tau / Math.sqrt(1 + tau * tau)));
      double tauPi = tau * Math.sqrt(1 + sigma * sigma) - sigma * Math.sqrt(1 + tau * tau);
      double dTau = (tauP - tauPi) / Math.sqrt(1 + tauPi * tauPi)
          * (1 + (1 - Wgs84.E2) * tau * tau) / ((1 - Wgs84.E2) * Math.sqrt(1 + tau * tau));
      tau += dTau;
      if (Math.abs(dTau) < 1e-15 * Math.max(1, Math.abs(tau))) {
        break;
      }
    }
    return new double[] {Math.toDegrees(Math.atan(tau)),
        GeodeticPoint.normaliseLongitudeDeg(Math.toDegrees(lambda) + centralMeridianDeg())};
  }

  private static double atanh(double x) {
    return 0.5 * Math.log1p(2 * x / (1 - x));
  }
}
