package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;

/**
 * {@code mach_regime}: C_d as a function of Mach number for meteorite shapes, from the closed
 * forms of R. T. Carter, P. S. Jandir and M. E. Kress, "Estimating the drag coefficients of
 * meteorites for all Mach number regimes", 40th Lunar and Planetary Science Conference (2009),
 * abstract, fitted to wind-tunnel and ballistic-range data for spheres and cubes; as coded in
 * the Desert Fireball Network dark-flight code ({@code atm_functions.py::dragcoefff}).
 *
 * <ul>
 *   <li>sphere (shape factor A = 1.21): M &lt; 0.722: C_d = 0.45 M² + 0.424; otherwise
 *       C_d = 2.1 e^{−1.2 (M+0.35)} − 8.9 e^{−2.2 (M+0.35)} + 0.92;</li>
 *   <li>cube (A = 2.18): M &lt; 1.15: C_d = 0.60 M² + 1.04; otherwise
 *       C_d = 2.1 e^{−1.16 (M+0.35)} − 6.5 e^{−2.23 (M+0.35)} + 1.67.</li>
 * </ul>
 * The fragment's shape factor selects the curve: other shapes are interpolated (and outside
 * [1.21, 2.18] extrapolated) linearly in A between the two, as in DFN; C_d is kept ≥ 0.1. The
 * fragment's {@code cd} is not used (scale with {@code cd_scale}).
 */
public final class MachRegimeDrag implements DragModel {

  /** The shared instance. */
  public static final MachRegimeDrag INSTANCE = new MachRegimeDrag();

  /** Shape factor of the sphere curve. */
  public static final double SPHERE_SHAPE_FACTOR = 1.21;
  /** Shape factor Carter et al. / DFN attach to the cube curve. */
  public static final double CUBE_SHAPE_FACTOR = 2.18;
  private static final double MIN_CD = 0.1;

  private MachRegimeDrag() {}

  /** Carter et al. (2009) sphere curve. */
  public static double sphere(double mach) {
    if (mach < 0.722) {
      return 0.45 * mach * mach + 0.424;
    }
    double m = mach + 0.35;
    return 2.1 * Math.exp(-1.2 * m) - 8.9 * Math.exp(-2.2 * m) + 0.92;
  }

  /** Carter et al. (2009) cube curve. */
  public static double cube(double mach) {
    if (mach < 1.15) {
      return 0.60 * mach * mach + 1.04;
    }
    double m = mach + 0.35;
    return 2.1 * Math.exp(-1.16 * m) - 6.5 * Math.exp(-2.23 * m) + 1.67;
  }

  /** C_d comes from the model's own curve: no fragment cd is needed. */
  @Override
  public boolean usesFragmentCd() {
    return false;
  }

  @Override
  public double dragCoefficient(double mach, double reynolds, Fragment fragment) {
    double s = sphere(mach);
    double f = (fragment.shapeFactor() - SPHERE_SHAPE_FACTOR)
        / (CUBE_SHAPE_FACTOR - SPHERE_SHAPE_FACTOR);
    return Math.max(MIN_CD, s + f * (cube(mach) - s));
  }
}
