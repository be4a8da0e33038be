package org.darkflight.physics.drag;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.DragModelKind;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DragModelTest {

  private static Fragment shaped(double shapeFactor) {
    return new Fragment("x", 1, 3500, 1.3, shapeFactor);
  }

  /** Table computed from the Carter et al. (2009) formulas (physics-references §1a). */
  @ParameterizedTest
  @CsvSource({"0.0, 0.424, 1.040", "0.4, 0.496, 1.136", "0.8, 0.739, 1.424",
      "1.0, 0.879, 1.640", "1.2, 0.953, 1.813", "1.5, 0.996, 1.811", "2.0, 0.995, 1.773",
      "3.0, 0.952, 1.709", "5.0, 0.923, 1.674", "6.0, 0.921, 1.671"})
  void carterCurvesMatchTheTable(double mach, double sphere, double cube) {
    assertThat(MachRegimeDrag.sphere(mach), closeTo(sphere, 1.5e-3));
    assertThat(MachRegimeDrag.cube(mach), closeTo(cube, 1.5e-3));
    assertThat(MachRegimeDrag.INSTANCE.dragCoefficient(mach, 1e5, shaped(1.21)),
        closeTo(MachRegimeDrag.sphere(mach), 1e-12));
    assertThat(MachRegimeDrag.INSTANCE.dragCoefficient(mach, 1e5, shaped(2.18)),
        closeTo(MachRegimeDrag.cube(mach), 1e-12));
    double mid = MachRegimeDrag.INSTANCE.dragCoefficient(mach, 1e5, shaped((1.21 + 2.18) / 2));
    assertThat(mid, closeTo((MachRegimeDrag.sphere(mach) + MachRegimeDrag.cube(mach)) / 2,
        1e-12));
  }

  @Test
  void sphereBranchesMeetAndHypersonicLimits() {
    assertThat(MachRegimeDrag.sphere(0.7219999), closeTo(MachRegimeDrag.sphere(0.722), 1e-3));
    assertThat(MachRegimeDrag.sphere(30), closeTo(0.92, 1e-6));
    assertThat(MachRegimeDrag.cube(30), closeTo(1.67, 1e-6));
    // extrapolation far below the sphere is floored
    assertThat(MachRegimeDrag.INSTANCE.dragCoefficient(0, 1e5, shaped(0.01)), is(0.1));
  }

  /**
   * Morrison (2013) values: Stokes limit, the plateau near 0.4–0.5 at 10³–10⁵ and the drag
   * crisis drop below 0.2 after 3×10⁵ (cf. the figure in Morrison's note).
   */
  @Test
  void morrisonCurveHasTheKnownShape() {
    assertThat(ReynoldsCurveDrag.morrison(0.01), closeTo(2400, 2400 * 0.01));
    assertThat(ReynoldsCurveDrag.morrison(1e3), closeTo(0.47, 0.05));
    assertThat(ReynoldsCurveDrag.morrison(1e5), closeTo(0.47, 0.05));
    assertThat(ReynoldsCurveDrag.morrison(1e6), closeTo(0.13, 0.01));
    assertThat(ReynoldsCurveDrag.morrison(5e6), is(ReynoldsCurveDrag.morrison(1e6)));
    assertThat(ReynoldsCurveDrag.morrison(0.0), is(ReynoldsCurveDrag.morrison(1e-3)));
    // explicit evaluation of the formula at Re = 1000
    double re = 1000;
    double expected = 24 / re + 2.6 * (re / 5) / (1 + Math.pow(re / 5, 1.52))
        + 0.411 * Math.pow(re / 2.63e5, -7.94) / (1 + Math.pow(re / 2.63e5, -8))
        + 0.25 * (re / 1e6) / (1 + re / 1e6);
    assertThat(ReynoldsCurveDrag.INSTANCE.dragCoefficient(0.3, re, shaped(1.21)),
        closeTo(expected, 1e-15));
  }

  @Test
  void configSelectsAndScales() {
    PhysicsConfig d = PhysicsConfig.defaults();
    assertThat(PhysicsModels.drag(d), sameInstance(ConstantDrag.INSTANCE));
    assertThat(PhysicsModels.drag(d).dragCoefficient(3, 1e5, shaped(1.5)), is(1.3));
    PhysicsConfig mach = new PhysicsConfig(DragModelKind.MACH_REGIME, 1.0, d.ablation(),
        d.gravityModel(), false, 0, d.integration(), 1, d.legacy());
    assertThat(PhysicsModels.drag(mach), sameInstance(MachRegimeDrag.INSTANCE));
    PhysicsConfig re = new PhysicsConfig(DragModelKind.REYNOLDS_CURVE, 1.0, d.ablation(),
        d.gravityModel(), false, 0, d.integration(), 1, d.legacy());
    assertThat(PhysicsModels.drag(re), sameInstance(ReynoldsCurveDrag.INSTANCE));
    assertThat(PhysicsModels.drag(mach.withCdScale(1.5)).dragCoefficient(2.0, 1e5, shaped(1.21)),
        closeTo(1.5 * MachRegimeDrag.sphere(2.0), 1e-12));
  }
}
