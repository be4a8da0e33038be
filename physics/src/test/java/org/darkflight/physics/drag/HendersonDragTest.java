package org.darkflight.physics.drag;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.sameInstance;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Henderson (1976) C_d(M, Re). No paper tabulates the correlation's values, so the pins are
 * (research note /work/research/dfn-henderson/REPORT.md §B.4): exact limits of the published
 * formula, the γ = 1.4 grid of the independent Python transcription (henderson.py, cross-checked
 * against another public transcription), and Miller &amp; Bailey's (1979) supersonic sphere
 * measurements where Henderson is within its fit (±0.03).
 */
class HendersonDragTest {

  private static Fragment shaped(double shapeFactor) {
    return new Fragment("f", 1.0, 3500, 1.0, shapeFactor);
  }

  @ParameterizedTest(name = "M {0}, Re {1}: Cd {2}")
  @CsvSource({
      "0.1, 1e2, 1.0841", "0.1, 1e4, 0.3950", "0.1, 1e7, 0.3810",
      "0.5, 1e3, 0.5152", "0.5, 1e6, 0.4058",
      "0.8, 1e2, 1.1451", "0.8, 1e5, 0.4785",
      "1.0, 1e2, 1.3288", "1.0, 1e5, 0.6805", "1.0, 1e7, 0.6799",
      "1.2, 1e3, 0.8895", "1.2, 1e6, 0.7697",
      "1.5, 1e5, 0.9133", "1.5, 1e7, 0.9019",
      "1.75, 1e2, 1.4903", "1.75, 1e4, 1.0693",
      "2.0, 1e5, 1.0034", "3.0, 1e3, 1.1020", "5.0, 1e6, 0.9196",
      "10.0, 1e2, 1.3669", "10.0, 1e5, 0.9263", "10.0, 1e7, 0.9057",
      // separates the correlation from mis-read transcriptions (bracketed exponential: 18.17)
      "0.3, 1, 13.4662"})
  void gridOfTheFormula(double mach, double re, double cd) {
    assertThat(HendersonDrag.sphere(mach, re), closeTo(cd, 6e-5));
  }

  @Test
  void highReynoldsLimitsOfBothBranches() {
    for (double m : new double[] {0.1, 0.5, 0.8, 1.0}) {
      assertThat(HendersonDrag.sphere(m, 1e15),
          closeTo(0.38 + 0.1 * m * m + 0.2 * Math.pow(m, 8), 1e-6));
    }
    for (double m : new double[] {1.75, 2.0, 3.0, 10.0}) {
      assertThat(HendersonDrag.sphere(m, 1e15), closeTo(0.9 + 0.34 / (m * m), 1e-6));
    }
  }

  @Test
  void stokesLimitAtZeroMach() {
    double re = 100;
    double sq = Math.sqrt(re);
    assertThat(HendersonDrag.sphere(0, re), closeTo(24 / re
        + (4.5 + 0.38 * (0.03 * re + 0.48 * sq)) / (1 + 0.03 * re + 0.48 * sq), 1e-12));
    assertThat(HendersonDrag.sphere(0, re), closeTo(1.0881818, 1e-7));
  }

  @Test
  void continuousAtTheBranchJoints() {
    for (double re : new double[] {1e2, 1e3, 1e4, 1e5, 1e6, 1e7}) {
      assertThat(HendersonDrag.sphere(1 + 1e-12, re), closeTo(HendersonDrag.sphere(1, re), 1e-9));
      assertThat(HendersonDrag.sphere(1.75 - 1e-12, re),
          closeTo(HendersonDrag.sphere(1.75, re), 1e-9));
    }
  }

  @ParameterizedTest(name = "M {0}, Re {1}: measured {2}")
  @CsvSource({"2.0, 1e6, 0.992", "2.0, 1e7, 0.993", "2.5, 1e7, 0.973", "3.0, 1e7, 0.949"})
  void millerBaileySupersonicSphereData(double mach, double re, double measured) {
    // Miller & Bailey (1979), JFM 93(3):449-464, Fig. 4, as digitized in manthey/ballistics
    assertThat(HendersonDrag.sphere(mach, re), closeTo(measured, 0.03));
  }

  @Test
  void machMattersUnlikeReynoldsCurve() {
    // issue 15 §6: reynolds_curve gives about 0.13 at Mach 10 and Re 2e6; henderson about 0.91
    Fragment sphere = shaped(MachRegimeDrag.SPHERE_SHAPE_FACTOR);
    assertThat(ReynoldsCurveDrag.INSTANCE.dragCoefficient(10, 2e6, sphere),
        closeTo(ReynoldsCurveDrag.INSTANCE.dragCoefficient(0.1, 2e6, sphere), 0));
    assertThat(HendersonDrag.INSTANCE.dragCoefficient(10, 2e6, sphere), closeTo(0.909, 0.005));
    assertThat(HendersonDrag.INSTANCE.dragCoefficient(0.1, 2e6, sphere), closeTo(0.381, 0.001));
  }

  @Test
  void shapeCorrectionIsMachRegimes() {
    for (double m : new double[] {0.3, 0.9, 1.5, 3, 8}) {
      double h = HendersonDrag.sphere(m, 1e6);
      assertThat(HendersonDrag.INSTANCE.dragCoefficient(m, 1e6, shaped(1.21)), closeTo(h, 0));
      assertThat(HendersonDrag.INSTANCE.dragCoefficient(m, 1e6, shaped(2.18)),
          closeTo(h + MachRegimeDrag.cube(m) - MachRegimeDrag.sphere(m), 1e-12));
      double mid = (1.21 + 2.18) / 2;
      assertThat(HendersonDrag.INSTANCE.dragCoefficient(m, 1e6, shaped(mid)),
          closeTo(h + 0.5 * (MachRegimeDrag.cube(m) - MachRegimeDrag.sphere(m)), 1e-12));
    }
  }

  @Test
  void selectedByName() {
    PhysicsConfig d = PhysicsConfig.defaults();
    PhysicsConfig h = new PhysicsConfig(PhysicsConfig.DragModelKind.HENDERSON, 1.0, d.ablation(),
        d.gravityModel(), false, 0, d.integration(), 1, PhysicsConfig.LegacyMode.NONE);
    assertThat(PhysicsModels.drag(h), sameInstance(HendersonDrag.INSTANCE));
  }
}
