package org.darkflight.physics.integrate;

/**
 * {@code semi_implicit}: the semi-implicit (symplectic) Euler method for a second-order system
 * written as y = (q, q̇, extras): the velocities are advanced with the acceleration at the start
 * of the step, then the positions with the <em>new</em> velocities, q_{n+1} = q_n + h q̇_{n+1}
 * (E. Hairer, C. Lubich, G. Wanner, Geometric Numerical Integration, 2nd ed., 2006, §I.1.2);
 * extra components (the mass) take an explicit Euler step. First order, fixed step; one
 * derivative evaluation per step, and unlike explicit Euler it does not pump energy into
 * oscillatory motion.
 */
public final class SemiImplicitEuler implements Integrator {

  private final int positions;
  private final double stepS;
  private final double[] yDot;

  /**
   * @param dimension          number of state components
   * @param positionComponents number k of positions; components k..2k−1 are their velocities
   * @param stepS              the fixed step, s (&gt; 0)
   */
  public SemiImplicitEuler(int dimension, int positionComponents, double stepS) {
    if (!(stepS > 0) || !Double.isFinite(stepS)) {
      throw new IllegalArgumentException("semi_implicit step must be a finite number > 0, got "
          + stepS);
    }
    if (positionComponents < 0 || 2 * positionComponents > dimension) {
      throw new IllegalArgumentException("positions must fit twice into the state");
    }
    this.positions = positionComponents;
    this.stepS = stepS;
    this.yDot = new double[dimension];
  }

  @Override
  public double step(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    stepExactly(ode, t, y, h, yOut);
    return h;
  }

  @Override
  public void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    ode.compute(t, y, yDot);
    int k = positions;
    for (int i = k; i < y.length; i++) {
      yOut[i] = y[i] + h * yDot[i];
    }
    for (int i = 0; i < k; i++) {
      yOut[i] = y[i] + h * yOut[k + i];
    }
  }

  @Override
  public double nextStepS() {
    return stepS;
  }

  /** 2: the velocity update is an explicit Euler step, stable for |1 + z| ≤ 1. */
  @Override
  public double realStabilityBound() {
    return 2.0;
  }

  @Override
  public String name() {
    return "semi_implicit";
  }
}
