package org.darkflight.physics.trajectory;

import static org.darkflight.physics.TestFixtures.luminousEnd;
import static org.darkflight.physics.TestFixtures.stone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import org.darkflight.physics.AtmosphereFixtures;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.models.PhysicsModels;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * The simulator's integrators on the full equations of motion (drag, wind, WGS84, Coriolis)
 * against an independent reference: Hipparchus' Dormand–Prince 8(5,3) at a tight tolerance.
 */
class ConvergenceTest {

  private static final AtmosphereModel AIR = AtmosphereFixtures.smoothWindyExponential();
  private static final Fragment FRAGMENT = stone(0.2);
  private static final double T = 20.0;

  private static PhysicsConfig config(IntegratorKind kind, double dt, double rtol, double atol) {
    return new PhysicsConfig(PhysicsConfig.DragModelKind.SIMPLE_CONSTANT, 1.0,
        PhysicsConfig.Ablation.off(), PhysicsConfig.GravityModelKind.WGS84_LOCAL, true, 0.0,
        new PhysicsConfig.Integration(kind, dt, 1e-6, 2.0, rtol, atol), 1.0,
        PhysicsConfig.LegacyMode.NONE);
  }

  private static FlightState start(DarkflightSimulator sim) {
    return sim.initialState(luminousEnd(15_000, 1500, 300, 30), FRAGMENT);
  }

  private static double[] reference() {
    DarkflightSimulator sim = PhysicsModels.simulator(AIR, config(IntegratorKind.RK4, 1, 1, 1));
    FlightState s0 = start(sim);
    EquationsOfMotion eom = new EquationsOfMotion(AIR, sim.models(), true, FRAGMENT);
    DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-8, 1.0, 1e-13, 1e-13);
    Vector3D r = s0.positionEcefM();
    Vector3D v = s0.velocityEcefMps();
    ODEStateAndDerivative end = dp.integrate(eom, new ODEState(0, new double[] {r.getX(),
        r.getY(), r.getZ(), v.getX(), v.getY(), v.getZ(), FRAGMENT.massKg()}), T);
    return end.getPrimaryState();
  }

  private static final double[] REF = reference();

  private static double positionError(PhysicsConfig cfg) {
    DarkflightSimulator sim = PhysicsModels.simulator(AIR, cfg);
    FlightState s = sim.propagateToTime(start(sim), FRAGMENT, T);
    return s.positionEcefM().distance(new Vector3D(REF[0], REF[1], REF[2]));
  }

  @Test
  void rk4ErrorShrinksSixteenfoldWhenTheStepHalves() {
    double e1 = positionError(config(IntegratorKind.RK4, 0.1, 1, 1));
    double e2 = positionError(config(IntegratorKind.RK4, 0.05, 1, 1));
    double e3 = positionError(config(IntegratorKind.RK4, 0.025, 1, 1));
    assertThat(e3, greaterThan(1e-6)); // well above the round-off floor
    assertThat(e1 / e2, closeTo(16, 3.2));
    assertThat(e2 / e3, closeTo(16, 3.2));
  }

  @Test
  void rkf45MeetsItsTolerance() {
    double loose = positionError(config(IntegratorKind.RKF45, 0.05, 1e-9, 1e-3));
    double tight = positionError(config(IntegratorKind.RKF45, 0.05, 1e-12, 1e-6));
    // per-step tolerance ≈ atol + rtol·|r| ≈ 7.4 mm and 7.4 µm; global error within a few
    assertThat(loose, lessThan(3 * (1e-3 + 1e-9 * 6.4e6)));
    assertThat(tight, lessThan(3 * (1e-6 + 1e-12 * 6.4e6)));
    assertThat(tight, lessThan(loose));
  }

  @Test
  void semiImplicitConvergesAtFirstOrder() {
    double e1 = positionError(config(IntegratorKind.SEMI_IMPLICIT, 0.02, 1, 1));
    double e2 = positionError(config(IntegratorKind.SEMI_IMPLICIT, 0.01, 1, 1));
    assertThat(e1 / e2, closeTo(2, 0.4));
  }
}
