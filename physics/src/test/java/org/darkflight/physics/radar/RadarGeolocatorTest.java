package org.darkflight.physics.radar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;

class RadarGeolocatorTest {

  /** KLOT (Chicago/Romeoville): NCEI HOMR lat/lon, 663 ft ground + 20 m tower. */
  private static final RadarSite KLOT = new RadarSite("KLOT", 41.60444, -88.08472, 222.08);
  private static final Instant T = Instant.parse("2026-04-01T03:00:00Z");

  private static RadarObservation obs(double elDeg, double azDeg, double rangeM) {
    return new RadarObservation(KLOT, T, elDeg, azDeg, rangeM, 0.95, 250.0);
  }

  @Test
  void positionLiesAtTheArcLengthAlongTheAzimuth() {
    RadarFix fix = RadarGeolocator.locate(obs(0.5, 123.0, 80_000));
    GeodesicData inv = Geodesic.WGS84.Inverse(KLOT.latitudeDeg(), KLOT.longitudeDeg(),
        fix.latitudeDeg(), fix.longitudeDeg());
    assertThat(inv.s12, closeTo(fix.groundRangeM(), 1e-6));
    assertThat(inv.azi1, closeTo(123.0, 1e-9));
    // Spherical cross-check: on a 6371 km sphere the ground arc is within 0.3 % of the range
    // times cos θ for this short, low beam.
    assertThat(fix.groundRangeM(), closeTo(80_000 * Math.cos(Math.toRadians(0.5)), 300));
  }

  @Test
  void heightIsAntennaPlusFourThirdsEarthHeight() {
    RadarFix fix = RadarGeolocator.locate(obs(0.5, 90.0, 100_000));
    // Independent: 4/3 model with a between the Gaussian mean radius of 41.6°N ± 0.5 %
    double kea = 4.0 / 3.0 * 6_378_137.0;
    double th = Math.toRadians(0.5);
    double hA = Math.sqrt(1e10 + kea * kea + 2 * 1e5 * kea * Math.sin(th)) - kea;
    assertThat(fix.heightM(), closeTo(222.08 + hA, 3.0));
    assertThat(fix.beamBottomM(), lessThan(fix.heightM()));
    assertThat(fix.beamTopM(), greaterThan(fix.heightM()));
    // Half-power half-width at 100 km: r·(0.475°) ≈ 829 m either side.
    assertThat(fix.beamTopM() - fix.heightM(), closeTo(829, 5));
  }

  /**
   * The analytic (Jacobian) uncertainty against a Monte Carlo of the exact formulas: draw range
   * and elevation errors with the stated standard deviations and look at the spread of the height
   * and ground range.
   */
  @Test
  void sigmasAgreeWithMonteCarloOfTheExactFormulas() {
    RadarObservation o = obs(2.4, 200.0, 150_000);
    RadarFix fix = RadarGeolocator.locate(o);
    double sigmaT = Math.toRadians(0.95) / (4 * Math.sqrt(Math.log(2)));
    double sigmaR = 250 / Math.sqrt(12);
    double a = BeamGeometry.normalSectionRadiusM(6_378_137.0, 1 / 298.257223563,
        Math.toRadians(KLOT.latitudeDeg()), Math.toRadians(200.0));
    Random rnd = new Random(42);
    int n = 40_000;
    double sh = 0;
    double shh = 0;
    double ss = 0;
    double sss = 0;
    double shs = 0;
    for (int i = 0; i < n; i++) {
      double r = 150_000 + sigmaR * rnd.nextGaussian();
      double t = Math.toRadians(2.4) + sigmaT * rnd.nextGaussian();
      double h = BeamGeometry.heightAboveAntennaM(r, t, a);
      double s = BeamGeometry.groundArcM(r, t, a);
      sh += h;
      shh += h * h;
      ss += s;
      sss += s * s;
      shs += h * s;
    }
    double mh = sh / n;
    double ms = ss / n;
    double varH = shh / n - mh * mh;
    double varS = sss / n - ms * ms;
    double cov = shs / n - mh * ms;
    assertThat(fix.sigmaHeightM(), closeTo(Math.sqrt(varH), 0.02 * Math.sqrt(varH)));
    assertThat(fix.sigmaAlongM(), closeTo(Math.sqrt(varS), 0.02 * Math.sqrt(varS)));
    assertThat(fix.covHeightAlongM2(), closeTo(cov, 0.05 * Math.abs(cov)));
    assertThat(fix.sigmaCrossM(), closeTo(150_000 * Math.cos(Math.toRadians(2.4)) * sigmaT, 1e-6));
    // Low beam: height error is dominated by the beam width, ≈ r·σθ ≈ 747 m at 150 km.
    assertThat(fix.sigmaHeightM(), closeTo(150_000 * sigmaT, 10));
  }

  @Test
  void enuCovarianceIsSymmetricAndRotatesAlongTheRadial() {
    RadarFix fix = RadarGeolocator.locate(obs(1.0, 0.0, 60_000));
    double[][] c = fix.covarianceEnuM2();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(c[i][j], closeTo(c[j][i], 1e-9));
      }
    }
    // Radial due north: east variance is the cross variance, north the along variance.
    assertThat(c[0][0], closeTo(fix.sigmaCrossM() * fix.sigmaCrossM(), 1e-6));
    assertThat(c[1][1], closeTo(fix.sigmaAlongM() * fix.sigmaAlongM(), 1e-6));
    assertThat(c[2][2], closeTo(fix.sigmaHeightM() * fix.sigmaHeightM(), 1e-6));
  }

  @Test
  void beamBelowTheGroundIsImpossibleGeometry() {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
        () -> RadarGeolocator.locate(obs(-2.0, 10.0, 40_000)));
    assertThat(ex.getMessage(), containsString("impossible geometry"));
  }

  @Test
  void observationRejectsOutOfRangeValues() {
    assertThrows(IllegalArgumentException.class, () -> obs(90.0, 0, 1000));
    assertThrows(IllegalArgumentException.class, () -> obs(1.0, 360.0, 1000));
    assertThrows(IllegalArgumentException.class, () -> obs(1.0, 10.0, 0));
    assertThrows(IllegalArgumentException.class, () -> obs(1.0, 10.0, 600_000));
    assertThrows(IllegalArgumentException.class,
        () -> new RadarSite("X", 91, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new RadarSite(" ", 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new RadarSite("X", 0, 360, 0));
    assertThrows(IllegalArgumentException.class, () -> new RadarSite("X", 0, 0, 10_000));
    assertThrows(IllegalArgumentException.class,
        () -> new RadarObservation(null, T, 1, 1, 1000, 0.95, 250));
    assertThrows(IllegalArgumentException.class,
        () -> new RadarObservation(KLOT, null, 1, 1, 1000, 0.95, 250));
    assertThrows(IllegalArgumentException.class,
        () -> new RadarObservation(KLOT, T, 1, 1, 1000, 0.0, 250));
    assertThrows(IllegalArgumentException.class,
        () -> new RadarObservation(KLOT, T, 1, 1, 1000, 0.95, 6000));
    assertThrows(IllegalArgumentException.class,
        () -> new RadarObservation(KLOT, T, Double.NaN, 1, 1000, 0.95, 250));
  }

  @Test
  void observeIsTheInverseOfLocate() {
    double[][] points = {{41.30, -88.40, 12_000}, {41.9, -87.6, 3_500}, {42.5, -89.9, 25_000},
        {41.61, -88.07, 8_000}};
    for (double[] p : points) {
      RadarObservation o = RadarGeolocator.observe(KLOT, T, p[0], p[1], p[2], 0.95, 250);
      RadarFix fix = RadarGeolocator.locate(o);
      assertThat(fix.latitudeDeg(), closeTo(p[0], 1e-9));
      assertThat(fix.longitudeDeg(), closeTo(p[1], 1e-9));
      assertThat(fix.heightM(), closeTo(p[2], 1e-6));
    }
  }
}
