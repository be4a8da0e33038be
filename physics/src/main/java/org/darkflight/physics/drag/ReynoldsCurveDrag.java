package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;

/**
 * {@code reynolds_curve}: the sphere drag correlation of F. A. Morrison, <i>An Introduction to
 * Fluid Mechanics</i> (Cambridge University Press, 2013), and the note "Data correlation for drag
 * coefficient for sphere" (Michigan Tech, 2016):
 *
 * <p>C_d = 24/Re + 2.6 (Re/5) / (1 + (Re/5)^1.52) + 0.411 (Re/2.63×10⁵)^−7.94 /
 * (1 + (Re/2.63×10⁵)^−8.00) + 0.25 (Re/10⁶) / (1 + Re/10⁶).
 *
 * <p>The correlation is stated for Re ≤ 10⁶; above that Re is held at 10⁶ (C_d ≈ 0.13, the
 * post-crisis value). Below Re = 10⁻³ it is held at 10⁻³ so that C_d stays finite at zero air
 * speed (the drag force, ∝ C_d·v², still tends to zero there). The fragment's {@code cd} and
 * shape factor are not used (scale with {@code cd_scale}). <b>Mach is ignored</b>: this is a
 * low-speed (incompressible) correlation, ≈ 0.13 at Mach 10 where a sphere has ≈ 0.9; for
 * compressible flow use {@link HendersonDrag} ({@code henderson}) or {@link MachRegimeDrag}.
 */
public final class ReynoldsCurveDrag implements DragModel {

  /** The shared instance. */
  public static final ReynoldsCurveDrag INSTANCE = new ReynoldsCurveDrag();

  /** Largest Reynolds number of the correlation. */
  public static final double MAX_REYNOLDS = 1.0e6;
  private static final double MIN_REYNOLDS = 1.0e-3;

  private ReynoldsCurveDrag() {}

  /** Morrison (2013) C_d(Re) with Re clamped to [10⁻³, 10⁶]. */
  public static double morrison(double reynolds) {
    double re = Math.min(MAX_REYNOLDS, Math.max(MIN_REYNOLDS, reynolds));
    double a = re / 5.0;
    double b = re / 2.63e5;
    double c = re / 1.0e6;
    return 24.0 / re
        + 2.6 * a / (1.0 + Math.pow(a, 1.52))
        + 0.411 * Math.pow(b, -7.94) / (1.0 + Math.pow(b, -8.00))
        + 0.25 * c / (1.0 + c);
  }

  /** C_d comes from the model's own curve: no fragment cd is needed. */
  @Override
  public boolean usesFragmentCd() {
    return false;
  }

  @Override
  public double dragCoefficient(double mach, double reynolds, Fragment fragment) {
    return morrison(reynolds);
  }
}
