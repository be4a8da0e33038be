package org.darkflight.physics.integrate;

/**
 * {@code rkf45}: the embedded Runge–Kutta–Fehlberg 4(5) pair (E. Fehlberg, "Low-order classical
 * Runge–Kutta formulas with stepsize control and their application to some heat transfer
 * problems", NASA TR R-315, 1969) with adaptive steps between {@code dtMin} and
 * {@code dtMax}.
 *
 * <p>The error estimate is the difference of the 4th- and 5th-order solutions; the step is
 * accepted when err = max_i |δ_i| / (atol_i + rtol·max(|y_i|, |y'_i|)) ≤ 1, and the solution is
 * advanced with the 5th-order result (local extrapolation). The next step is
 * h·min(5, max(0.2, 0.9·err^{−1/5})) (Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.4,
 * Eq. 4.13), clamped to [dtMin, dtMax]. A step already at dtMin is accepted whatever its error —
 * the configured floor wins over the tolerance; {@link #floorSteps()} counts such steps.
 */
public final class RungeKuttaFehlberg45 implements Integrator {

  // Fehlberg (1969) coefficients.
  private static final double A21 = 1.0 / 4.0;
  private static final double A31 = 3.0 / 32.0;
  private static final double A32 = 9.0 / 32.0;
  private static final double A41 = 1932.0 / 2197.0;
  private static final double A42 = -7200.0 / 2197.0;
  private static final double A43 = 7296.0 / 2197.0;
  private static final double A51 = 439.0 / 216.0;
  private static final double A52 = -8.0;
  private static final double A53 = 3680.0 / 513.0;
  private static final double A54 = -845.0 / 4104.0;
  private static final double A61 = -8.0 / 27.0;
  private static final double A62 = 2.0;
  private static final double A63 = -3544.0 / 2565.0;
  private static final double A64 = 1859.0 / 4104.0;
  private static final double A65 = -11.0 / 40.0;
  private static final double B1 = 16.0 / 135.0;
  private static final double B3 = 6656.0 / 12825.0;
  private static final double B4 = 28561.0 / 56430.0;
  private static final double B5 = -9.0 / 50.0;
  private static final double B6 = 2.0 / 55.0;
  // 5th minus 4th order weights: the local error estimate.
  private static final double E1 = 1.0 / 360.0;
  private static final double E3 = -128.0 / 4275.0;
  private static final double E4 = -2197.0 / 75240.0;
  private static final double E5 = 1.0 / 50.0;
  private static final double E6 = 2.0 / 55.0;

  private final double dtMin;
  private final double dtMax;
  private final double rtol;
  private final double[] atol;
  private final double[] k1;
  private final double[] k2;
  private final double[] k3;
  private final double[] k4;
  private final double[] k5;
  private final double[] k6;
  private final double[] tmp;
  private double next;
  private long floorSteps;
  private long rejectedSteps;

  /**
   * @param dtInitialS first step to try, s
   * @param dtMinS     smallest step, s
   * @param dtMaxS     largest step, s
   * @param rtol       relative tolerance (&gt; 0)
   * @param atol       per-component absolute tolerances (&gt; 0); its length is the dimension
   */
  public RungeKuttaFehlberg45(double dtInitialS, double dtMinS, double dtMaxS, double rtol,
      double[] atol) {
    if (!(dtMinS > 0) || !(dtMaxS >= dtMinS) || !Double.isFinite(dtMaxS)) {
      throw new IllegalArgumentException("rkf45 needs 0 < dt_min_s <= dt_max_s, got "
          + dtMinS + ", " + dtMaxS);
    }
    if (!(rtol > 0)) {
      throw new IllegalArgumentException("rkf45 relative tolerance must be > 0");
    }
    for (double a : atol) {
      if (!(a > 0)) {
        throw new IllegalArgumentException("rkf45 absolute tolerances must be > 0");
      }
    }
    this.dtMin = dtMinS;
    this.dtMax = dtMaxS;
    this.rtol = rtol;
    this.atol = atol.clone();
    int n = atol.length;
    k1 = new double[n];
    k2 = new double[n];
    k3 = new double[n];
    k4 = new double[n];
    k5 = new double[n];
    k6 = new double[n];
    tmp = new double[n];
    this.next = clamp(dtInitialS);
  }

  private double clamp(double h) {
    return Math.min(dtMax, Math.max(dtMin, h));
  }

  @Override
  public double step(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    double sign = Math.signum(h);
    double wanted = Math.abs(h);
    double size = Math.min(wanted, next);
    while (true) {
      double err = attempt(ode, t, y, sign * size, yOut);
      double factor;
      if (Double.isNaN(err)) {
        factor = 0.2;
      } else {
        factor = err == 0.0 ? 5.0 : Math.min(5.0, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
      }
      if (err <= 1.0 || size <= dtMin) {
        if (err > 1.0) {
          floorSteps++;
        }
        double proposal = clamp(size * factor);
        // A step cut short by the caller (an output time or a target) must not shrink the next.
        next = size < next && factor >= 1.0 ? Math.max(next, proposal) : proposal;
        return sign * size;
      }
      rejectedSteps++;
      size = Math.max(dtMin, size * factor);
    }
  }

  @Override
  public void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    attempt(ode, t, y, h, yOut);
  }

  /** One Fehlberg step of h; writes the 5th-order solution and returns the scaled error. */
  private double attempt(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    int n = y.length;
    ode.compute(t, y, k1);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + h * A21 * k1[i];
    }
    ode.compute(t + h / 4.0, tmp, k2);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    }
    ode.compute(t + 3.0 * h / 8.0, tmp, k3);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    }
    ode.compute(t + 12.0 * h / 13.0, tmp, k4);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    }
    ode.compute(t + h, tmp, k5);
    for (int i = 0; i < n; i++) {
      tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i]
          + A65 * k5[i]);
    }
    ode.compute(t + h / 2.0, tmp, k6);
    double err = 0.0;
    for (int i = 0; i < n; i++) {
      yOut[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
      double delta = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i]);
      double scale = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yOut[i]));
      double e = Math.abs(delta) / scale;
      if (!(e <= err) && !Double.isNaN(err)) {
        err = e; // also propagates NaN so that a non-finite step is never accepted silently
      }
    }
    return err;
  }

  @Override
  public double nextStepS() {
    return next;
  }

  /** Steps accepted at dtMin although their error exceeded the tolerance. */
  public long floorSteps() {
    return floorSteps;
  }

  /** Steps rejected and retried with a smaller step. */
  public long rejectedSteps() {
    return rejectedSteps;
  }

  @Override
  public String name() {
    return "rkf45";
  }
}
