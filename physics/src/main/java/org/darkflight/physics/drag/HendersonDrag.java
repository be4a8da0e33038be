package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;

/**
 * {@code henderson}: the sphere drag correlation in Mach and Reynolds number of C. B. Henderson,
 * "Drag coefficients of spheres in continuum and rarefied flows", AIAA Journal 14(6):707–708
 * (1976), doi:10.2514/3.61409, for air (γ = 1.4) and a sphere at the air's temperature
 * (T_w/T = 1). S = M √(γ/2) is the molecular speed ratio; Re is based on the diameter.
 *
 * <ul>
 *   <li>M ≤ 1: C_d = 24 / (Re + S·[4.33 + (3.65 − 1.53 T_w/T)/(1 + 0.353 T_w/T)
 *       · e^{−0.247 Re/S}]) + e^{−0.5 M/√Re} · [(4.5 + 0.38 (0.03 Re + 0.48 √Re))
 *       / (1 + 0.03 Re + 0.48 √Re) + 0.1 M² + 0.2 M⁸] + (1 − e^{−M/Re}) · 0.6 S;</li>
 *   <li>M ≥ 1.75: C_d = [0.9 + 0.34/M² + 1.86 √(M/Re) (2 + 2/S² + 1.058/S · √(T_w/T) − 1/S⁴)]
 *       / (1 + 1.86 √(M/Re));</li>
 *   <li>1 &lt; M &lt; 1.75: linear in M between the two branches' end points,
 *       C_d = C_d,sub(1, Re) + (4/3)(M − 1)(C_d,sup(1.75, Re) − C_d,sub(1, Re)).</li>
 * </ul>
 * The terms in S and M/Re carry the slip and free-molecular (rarefied) limits; at the Reynolds
 * numbers of dark flight (10⁴–10⁷) they vanish and C_d tends to 0.38 + 0.1 M² + 0.2 M⁸ below
 * Mach 1 and 0.9 + 0.34/M² above 1.75. There is no drag crisis (a subcritical fit). Formulas and
 * reference values: /work/research/dfn-henderson (REPORT.md part B, henderson.py), transcribed
 * identically in several public codes; see docs/methodology.md §5.
 *
 * <p>Shapes other than the sphere get the shape correction of {@code mach_regime}
 * ({@link MachRegimeDrag}): the Carter et al. (2009) cube-minus-sphere difference at the same Mach
 * number, weighted linearly by the shape factor A between 1.21 (sphere, no correction) and 2.18
 * (cube): C_d = C_d,Henderson + f·(C_d,cube(M) − C_d,sphere(M)), f = (A − 1.21)/(2.18 − 1.21),
 * kept ≥ 0.1. Re below 10⁻⁶ is held there (C_d stays finite at zero air speed). The fragment's
 * {@code cd} is not used (scale with {@code cd_scale}).
 */
public final class HendersonDrag implements DragModel {

  /** The shared instance. */
  public static final HendersonDrag INSTANCE = new HendersonDrag();

  /** Ratio of specific heats of air. */
  public static final double GAMMA_AIR = 1.4;
  private static final double MIN_REYNOLDS = 1.0e-6;
  private static final double MIN_CD = 0.1;

  private HendersonDrag() {}

  /** Molecular speed ratio S = M √(γ/2). */
  static double speedRatio(double mach) {
    return mach * Math.sqrt(GAMMA_AIR / 2.0);
  }

  /** The subsonic formula (M ≤ 1), T_w/T = 1. */
  public static double subsonic(double mach, double reynolds) {
    double re = Math.max(MIN_REYNOLDS, reynolds);
    double s = speedRatio(mach);
    double frac = (3.65 - 1.53) / (1.0 + 0.353);
    double term1 = s == 0.0 ? 24.0 / re
        : 24.0 / (re + s * (4.33 + frac * Math.exp(-0.247 * re / s)));
    double sq = Math.sqrt(re);
    double m2 = mach * mach;
    double m8 = m2 * m2 * m2 * m2;
    double term2 = Math.exp(-0.5 * mach / sq)
        * ((4.5 + 0.38 * (0.03 * re + 0.48 * sq)) / (1.0 + 0.03 * re + 0.48 * sq)
            + 0.1 * m2 + 0.2 * m8);
    double term3 = (1.0 - Math.exp(-mach / re)) * 0.6 * s;
    return term1 + term2 + term3;
  }

  /** The supersonic formula (M ≥ 1.75), T_w/T = 1. */
  public static double supersonic(double mach, double reynolds) {
    double re = Math.max(MIN_REYNOLDS, reynolds);
    double s = speedRatio(mach);
    double r = Math.sqrt(mach / re);
    double s2 = s * s;
    double num = 0.9 + 0.34 / (mach * mach)
        + 1.86 * r * (2.0 + 2.0 / s2 + 1.058 / s - 1.0 / (s2 * s2));
    return num / (1.0 + 1.86 * r);
  }

  /** Henderson's sphere C_d(M, Re), with the linear 1 &lt; M &lt; 1.75 blend. */
  public static double sphere(double mach, double reynolds) {
    if (mach <= 1.0) {
      return subsonic(Math.max(0.0, mach), reynolds);
    }
    if (mach >= 1.75) {
      return supersonic(mach, reynolds);
    }
    double c1 = subsonic(1.0, reynolds);
    double c175 = supersonic(1.75, reynolds);
    return c1 + (4.0 / 3.0) * (mach - 1.0) * (c175 - c1);
  }

  /** C_d comes from the model's own curve: no fragment cd is needed. */
  @Override
  public boolean usesFragmentCd() {
    return false;
  }

  @Override
  public double dragCoefficient(double mach, double reynolds, Fragment fragment) {
    double f = (fragment.shapeFactor() - MachRegimeDrag.SPHERE_SHAPE_FACTOR)
        / (MachRegimeDrag.CUBE_SHAPE_FACTOR - MachRegimeDrag.SPHERE_SHAPE_FACTOR);
    double shape = f * (MachRegimeDrag.cube(mach) - MachRegimeDrag.sphere(mach));
    return Math.max(MIN_CD, sphere(mach, reynolds) + shape);
  }
}
