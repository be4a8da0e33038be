package org.darkflight.physics.radar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BeamGeometryTest {

  /** Nominal Earth radius of the published NEXRAD beam-height tables, m. */
  private static final double A = 6_371_000.0;

  /**
   * Doviak &amp; Zrnić eq. 2.28b written out here, independently of the code under test:
   * h = sqrt(r² + (k_e a)² + 2 r k_e a sin θ) − k_e a.
   */
  private static double publishedHeight(double r, double thetaDeg, double a) {
    double kea = 4.0 / 3.0 * a;
    double th = Math.toRadians(thetaDeg);
    return Math.sqrt(r * r + kea * kea + 2 * r * kea * Math.sin(th)) - kea;
  }

  @ParameterizedTest
  @CsvSource({
      "10000, 0.5", "50000, 0.5", "100000, 0.5", "230000, 0.5", "460000, 0.5",
      "25000, 1.45", "80000, 2.4", "120000, 3.35", "60000, 6.0", "30000, 19.5",
      "5000, 45.0", "2000, 89.0"})
  void heightMatchesPublishedFourThirdsFormula(double rangeM, double elevationDeg) {
    double h = BeamGeometry.heightAboveAntennaM(rangeM, Math.toRadians(elevationDeg), A);
    assertThat(h, closeTo(publishedHeight(rangeM, elevationDeg, A), 1e-6));
  }

  /**
   * Plane geometry of the effective Earth, computed another way: radar at (0, R), beam along
   * (cos θ, sin θ); the beam centre is P = (r cos θ, R + r sin θ); h = |P| − R and
   * s = R·atan2(Px, Py).
   */
  @ParameterizedTest
  @CsvSource({"10000, 0.5", "100000, 0.5", "300000, 0.5", "150000, 4.0", "40000, 12.0",
      "20000, 60.0", "100000, -0.5"})
  void heightAndArcMatchTriangleGeometry(double rangeM, double elevationDeg) {
    double re = 4.0 / 3.0 * A;
    double th = Math.toRadians(elevationDeg);
    double px = rangeM * Math.cos(th);
    double py = re + rangeM * Math.sin(th);
    double expectedH = Math.hypot(px, py) - re;
    double expectedS = re * Math.atan2(px, py);
    assertThat(BeamGeometry.heightAboveAntennaM(rangeM, th, A), closeTo(expectedH, 1e-6));
    assertThat(BeamGeometry.groundArcM(rangeM, th, A), closeTo(expectedS, 1e-6));
  }

  /** The rule of thumb h ≈ r sin θ + r² cos² θ / (2 k_e a) is good to a few metres at 100 km. */
  @Test
  void halfDegreeBeamAt100KmIsAbout1460MAboveTheRadar() {
    double h = BeamGeometry.heightAboveAntennaM(100_000, Math.toRadians(0.5), A);
    double approx = 100_000 * Math.sin(Math.toRadians(0.5))
        + Math.pow(100_000 * Math.cos(Math.toRadians(0.5)), 2) / (2 * 4.0 / 3.0 * A);
    assertThat(h, closeTo(approx, 1.0));
    assertThat(h, closeTo(1461.0, 2.0));
  }

  @ParameterizedTest
  @CsvSource({"20000, 0.5", "100000, 1.5", "250000, 0.5", "60000, 10.0", "8000, 70.0"})
  void derivativesMatchCentralDifferences(double r, double elevationDeg) {
    double th = Math.toRadians(elevationDeg);
    double dr = 1.0;
    double dt = 1e-6;
    double fdHr = (BeamGeometry.heightAboveAntennaM(r + dr, th, A)
        - BeamGeometry.heightAboveAntennaM(r - dr, th, A)) / (2 * dr);
    double fdHt = (BeamGeometry.heightAboveAntennaM(r, th + dt, A)
        - BeamGeometry.heightAboveAntennaM(r, th - dt, A)) / (2 * dt);
    double fdSr = (BeamGeometry.groundArcM(r + dr, th, A)
        - BeamGeometry.groundArcM(r - dr, th, A)) / (2 * dr);
    double fdSt = (BeamGeometry.groundArcM(r, th + dt, A)
        - BeamGeometry.groundArcM(r, th - dt, A)) / (2 * dt);
    assertThat(BeamGeometry.dHeightDRange(r, th, A), closeTo(fdHr, 1e-6));
    assertThat(BeamGeometry.dHeightDElevation(r, th, A), closeTo(fdHt, 1e-3 * Math.abs(fdHt)));
    assertThat(BeamGeometry.dArcDRange(r, th, A), closeTo(fdSr, 1e-6));
    assertThat(BeamGeometry.dArcDElevation(r, th, A),
        closeTo(fdSt, 1e-3 * Math.abs(fdSt) + 1e-3));
  }

  @Test
  void normalSectionRadiusHasTheTextbookLimits() {
    double a = 6_378_137.0;
    double f = 1 / 298.257223563;
    double b = a * (1 - f);
    double e2 = f * (2 - f);
    // Equator, east-west: prime vertical N = a.
    assertThat(BeamGeometry.normalSectionRadiusM(a, f, 0, Math.PI / 2), closeTo(a, 1e-6));
    // Equator, north-south: meridian M = a(1 - e²) = b²/a.
    assertThat(BeamGeometry.normalSectionRadiusM(a, f, 0, 0), closeTo(b * b / a, 1e-6));
    // Pole, any azimuth: a²/b.
    assertThat(BeamGeometry.normalSectionRadiusM(a, f, Math.PI / 2, 1.0),
        closeTo(a * a / b, 1e-3));
    // 45°, north-south: M = a(1−e²)/(1−e² sin²φ)^1.5.
    double w = 1 - e2 * 0.5;
    assertThat(BeamGeometry.normalSectionRadiusM(a, f, Math.PI / 4, Math.PI),
        closeTo(a * (1 - e2) / Math.pow(w, 1.5), 1e-6));
  }
}
