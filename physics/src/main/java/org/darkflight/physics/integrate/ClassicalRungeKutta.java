package org.darkflight.physics.integrate;

/**
 * {@code rk4}: the classical fourth-order Runge–Kutta method with a fixed step (Kutta 1901; E.
 * Hairer, S. P. Nørsett, G. Wanner, Solving Ordinary Differential Equations I, 2nd ed., 1993,
 * §II.1, Table 1.2). Global error O(h⁴).
 */
public final class ClassicalRungeKutta implements Integrator {

  private final double stepS;
  private final double[] k1;
  private final double[] k2;
  private final double[] k3;
  private final double[] k4;
  private final double[] tmp;

  /**
   * @param dimension number of state components
   * @param stepS     the fixed step, s (&gt; 0)
   */
  public ClassicalRungeKutta(int dimension, double stepS) {
    if (!(stepS > 0) || !Double.isFinite(stepS)) {
      throw new IllegalArgumentException("rk4 step must be a finite number > 0, got " + stepS);
    }
    this.stepS = stepS;
    k1 = new double[dimension];
    k2 = new double[dimension];
    k3 = new double[dimension];
    k4 = new double[dimension];
    tmp = new double[dimension];
  }

  @Override
  public double step(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    stepExactly(ode, t, y, h, yOut);
    return h;
  }

  @Override
  public void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    int n = y.length;
    double half = 0.5 * h;
    ode.compute(t, y, k1);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + half * k1[i];
    }
    ode.compute(t + half, tmp, k2);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + half * k2[i];
    }
    ode.compute(t + half, tmp, k3);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + h * k3[i];
    }
    ode.compute(t + h, tmp, k4);
    double sixth = h / 6.0;
    for (int i = 0; i < n; i++) {
      yOut[i] = y[i] + sixth * (k1[i] + 2.0 * (k2[i] + k3[i]) + k4[i]);
    }
  }

  @Override
  public double nextStepS() {
    return stepS;
  }

  /**
   * 2.785…: where the stability polynomial 1 + z + z²/2 + z³/6 + z⁴/24 reaches 1 on the negative
   * real axis (Hairer, Nørsett and Wanner, op. cit., §IV.2, Fig. 2.1).
   */
  @Override
  public double realStabilityBound() {
    return 2.785;
  }

  @Override
  public String name() {
    return "rk4";
  }
}
