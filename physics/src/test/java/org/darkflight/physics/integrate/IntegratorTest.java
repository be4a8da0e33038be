package org.darkflight.physics.integrate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The integrators on problems with closed-form solutions. */
class IntegratorTest {

  /** y' = −2 t y²  ⇒  y = 1 / (1 + t²) for y(0) = 1; and a decaying second component. */
  private static final Integrator.Derivatives ODE = (t, y, yDot) -> {
    yDot[0] = -2 * t * y[0] * y[0];
    yDot[1] = -0.5 * y[1];
  };

  private static double[] exact(double t) {
    return new double[] {1 / (1 + t * t), Math.exp(-0.5 * t)};
  }

  private static double[] integrate(Integrator integrator, double t0, double t1) {
    double[] y = exact(t0);
    double[] out = new double[2];
    double t = t0;
    double dir = Math.signum(t1 - t0);
    while (dir * (t1 - t) > 1e-12) {
      double h = dir * Math.min(integrator.nextStepS(), Math.abs(t1 - t));
      t += integrator.step(ODE, t, y, h, out);
      System.arraycopy(out, 0, y, 0, 2);
    }
    return y;
  }

  private static double error(double[] y, double t) {
    double[] e = exact(t);
    return Math.max(Math.abs(y[0] - e[0]), Math.abs(y[1] - e[1]));
  }

  @Test
  void rk4ErrorShrinksSixteenfoldWhenTheStepHalves() {
    double previous = Double.NaN;
    for (double h : new double[] {0.2, 0.1, 0.05, 0.025}) {
      double err = error(integrate(new ClassicalRungeKutta(2, h), 0, 4), 4);
      if (!Double.isNaN(previous)) {
        assertThat("h = " + h, previous / err, closeTo(16, 16 * 0.2));
      }
      previous = err;
    }
  }

  @Test
  void rk4RunsBackwards() {
    double[] y = integrate(new ClassicalRungeKutta(2, 0.01), 3, 0);
    assertThat(error(y, 0), lessThan(1e-8));
  }

  @Test
  void semiImplicitEulerIsFirstOrder() {
    // q'' = −q (harmonic oscillator), y = (q, q', m) with m' = −m
    Integrator.Derivatives osc = (t, y, d) -> {
      d[0] = y[1];
      d[1] = -y[0];
      d[2] = -y[2];
    };
    double previous = Double.NaN;
    for (double h : new double[] {0.01, 0.005, 0.0025}) {
      SemiImplicitEuler s = new SemiImplicitEuler(3, 1, h);
      double[] y = {1, 0, 1};
      double[] out = new double[3];
      int n = (int) Math.round(1.0 / h);
      for (int i = 0; i < n; i++) {
        s.step(osc, i * h, y, h, out);
        System.arraycopy(out, 0, y, 0, 3);
      }
      double err = Math.abs(y[0] - Math.cos(1.0)) + Math.abs(y[2] - Math.exp(-1.0));
      if (!Double.isNaN(previous)) {
        assertThat(previous / err, closeTo(2, 0.4));
      }
      previous = err;
      assertThat(s.nextStepS(), is(h));
    }
  }

  @Test
  void semiImplicitEulerKeepsTheOscillatorEnergyBounded() {
    Integrator.Derivatives osc = (t, y, d) -> {
      d[0] = y[1];
      d[1] = -y[0];
    };
    SemiImplicitEuler s = new SemiImplicitEuler(2, 1, 0.05);
    double[] y = {1, 0};
    double[] out = new double[2];
    for (int i = 0; i < 200_000; i++) { // ~1600 periods
      s.stepExactly(osc, 0, y, 0.05, out);
      System.arraycopy(out, 0, y, 0, 2);
    }
    assertThat(0.5 * (y[0] * y[0] + y[1] * y[1]), closeTo(0.5, 0.03));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 1e-8, 1e-10})
  void rkf45MeetsItsTolerance(double tol) {
    RungeKuttaFehlberg45 rkf = new RungeKuttaFehlberg45(0.1, 1e-8, 1.0, tol,
        new double[] {tol, tol});
    double err = error(integrate(rkf, 0, 4), 4);
    // the global error of a tolerance-per-step method stays within a small multiple of tol
    assertThat(err, lessThan(10 * tol));
    assertThat(rkf.floorSteps(), is(0L));
  }

  @Test
  void rkf45AdaptsTheStepAndRespectsItsBounds() {
    RungeKuttaFehlberg45 rkf = new RungeKuttaFehlberg45(1.0, 1e-3, 0.5, 1e-9,
        new double[] {1e-9, 1e-9});
    assertThat(rkf.nextStepS(), is(0.5)); // the first step is clamped to dt_max
    double[] out = new double[2];
    double taken = rkf.step(ODE, 0.5, exact(0.5), 0.5, out);
    assertThat("a too-large step is rejected and retried smaller", taken, lessThan(0.5));
    assertThat(rkf.rejectedSteps(), greaterThan(0L));
    assertThat(error(out, 0.5 + taken), lessThan(1e-8));
    assertThat(rkf.name(), is("rkf45"));
    // at the floor the step is accepted whatever the error, and counted
    RungeKuttaFehlberg45 coarse = new RungeKuttaFehlberg45(0.4, 0.4, 0.4, 1e-14,
        new double[] {1e-14, 1e-14});
    assertThat(coarse.step(ODE, 0, exact(0), 0.4, out), is(0.4));
    assertThat(coarse.floorSteps(), is(1L));
    // a step cut short by the caller does not shrink the next one
    RungeKuttaFehlberg45 loose = new RungeKuttaFehlberg45(0.2, 1e-3, 0.2, 1e-3,
        new double[] {1e-3, 1e-3});
    loose.step(ODE, 0, exact(0), 0.01, out);
    assertThat(loose.nextStepS(), is(0.2));
    // backwards
    RungeKuttaFehlberg45 back = new RungeKuttaFehlberg45(0.1, 1e-8, 1.0, 1e-10,
        new double[] {1e-10, 1e-10});
    assertThat(error(integrate(back, 4, 0), 0), lessThan(1e-8));
  }

  @Test
  void rkf45NeverAcceptsANonFiniteStepSilently() {
    Integrator.Derivatives nan = (t, y, d) -> {
      d[0] = t > 0.05 ? Double.NaN : 1;
      d[1] = 0;
    };
    RungeKuttaFehlberg45 rkf = new RungeKuttaFehlberg45(0.1, 0.01, 1, 1e-6,
        new double[] {1e-6, 1e-6});
    double[] out = new double[2];
    double taken = rkf.step(nan, 0, new double[] {0, 0}, 0.1, out);
    assertThat("the NaN step is rejected and retried smaller", taken, is(0.1 * 0.2));
    assertThat(Double.isFinite(out[0]), is(true));
    Integrator.Derivatives allNan = (t, y, d) -> {
      d[0] = Double.NaN;
      d[1] = 0;
    };
    assertThat(rkf.step(allNan, 0, new double[] {0, 0}, 0.1, out), is(0.01));
    assertThat("at the floor the NaN is handed on for the caller to report",
        Double.isNaN(out[0]), is(true));
  }

  @Test
  void factoryAndValidation() {
    PhysicsConfig.Integration rk4 = new PhysicsConfig.Integration(IntegratorKind.RK4, 0.05,
        0.01, 0.2, 1e-9, 1e-3);
    double[] atol = {1, 1, 1, 1};
    assertThat(PhysicsModels.integrator(rk4, atol, 2).name(), is("rk4"));
    assertThat(PhysicsModels.integrator(rk4, atol, 2).nextStepS(), is(0.05));
    assertThat(PhysicsModels.integrator(new PhysicsConfig.Integration(IntegratorKind.RKF45, 0.05,
        0.01, 0.2, 1e-9, 1e-3), atol, 2).name(), is("rkf45"));
    assertThat(PhysicsModels.integrator(new PhysicsConfig.Integration(IntegratorKind.SEMI_IMPLICIT,
        0.05, 0.01, 0.2, 1e-9, 1e-3), atol, 2).name(), is("semi_implicit"));
    assertThrows(IllegalArgumentException.class, () -> new ClassicalRungeKutta(2, 0));
    assertThrows(IllegalArgumentException.class, () -> new SemiImplicitEuler(2, 1, -1));
    assertThrows(IllegalArgumentException.class, () -> new SemiImplicitEuler(2, 2, 0.1));
    assertThrows(IllegalArgumentException.class, () -> new SemiImplicitEuler(2, -1, 0.1));
    assertThrows(IllegalArgumentException.class,
        () -> new RungeKuttaFehlberg45(0.1, 0, 1, 1e-6, atol));
    assertThrows(IllegalArgumentException.class,
        () -> new RungeKuttaFehlberg45(0.1, 2, 1, 1e-6, atol));
    assertThrows(IllegalArgumentException.class,
        () -> new RungeKuttaFehlberg45(0.1, 0.1, 1, 0, atol));
    assertThrows(IllegalArgumentException.class,
        () -> new RungeKuttaFehlberg45(0.1, 0.1, 1, 1e-6, new double[] {1, 0}));
  }
}
