package org.darkflight.physics.trajectory;

import static org.darkflight.physics.TestFixtures.luminousEnd;
import static org.darkflight.physics.TestFixtures.stone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.PhysicsConfig.Integration;
import org.darkflight.physics.PhysicsConfig.IntegratorKind;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;

/**
 * Every trajectory has a step budget and a recorded-point budget (issue 19 §1). The hang cases
 * run under a preemptive timeout: the timeout guards against a hang, it is not a performance
 * assertion (the budgets end them in seconds).
 */
class BudgetTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(120);
  private static final LuminousEnd START = luminousEnd(20_000, 3_000, 90, 45);

  private static PhysicsConfig config(Integration integration, double outputIntervalS) {
    PhysicsConfig d = PhysicsConfig.defaults();
    return new PhysicsConfig(d.dragModel(), 1.0, d.ablation(), d.gravityModel(), false, 0.0,
        integration, outputIntervalS, d.legacy());
  }

  private static SimulationException landFails(PhysicsConfig cfg, Fragment f) {
    DarkflightSimulator sim = PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, cfg);
    return assertTimeoutPreemptively(HANG_GUARD,
        () -> assertThrows(SimulationException.class, () -> sim.land(START, f)));
  }

  @Test
  void aVanishingMassEndsAtTheStepBudgetInsteadOfHanging() {
    // mass 1e-300 kg: the drag time scale is ~1e-100 s, the rk4 step shrinks with it.
    SimulationException e = landFails(PhysicsConfig.defaults(), stone(1e-300));
    assertThat(e.reason(), is(SimulationException.Reason.STEP_BUDGET_EXCEEDED));
    assertThat(e.getMessage(), containsString("integration.max_steps"));
  }

  @Test
  void nanosecondStepsAreRefusedBeforeAnyIntegration() {
    PhysicsConfig cfg = config(new Integration(IntegratorKind.RK4, 1e-9, 1e-9, 1e-9, 1e-9, 1e-3),
        1.0);
    SimulationException e = landFails(cfg, stone(1));
    assertThat(e.reason(), is(SimulationException.Reason.STEP_BUDGET_EXCEEDED));
    assertThat(e.timeS(), is(0.0));
    assertThat(e.getMessage(), containsString("at least"));
  }

  @Test
  void rkf45AtImpossibleTolerancesEndsAtTheStepBudget() {
    PhysicsConfig cfg = config(
        new Integration(IntegratorKind.RKF45, 0.05, 1e-9, 0.2, 1e-300, 1e-300), 1.0);
    SimulationException e = landFails(cfg, stone(1));
    assertThat(e.reason(), is(SimulationException.Reason.STEP_BUDGET_EXCEEDED));
  }

  @Test
  void aRaisedStepBudgetIsHonoured() {
    Integration small = new Integration(IntegratorKind.RK4, 0.05, 0.005, 0.2, 1e-9, 1e-3, 10,
        Integration.DEFAULT_MAX_RECORDED_POINTS);
    assertThat(landFails(config(small, 1.0), stone(1)).reason(),
        is(SimulationException.Reason.STEP_BUDGET_EXCEEDED));
    Integration enough = new Integration(IntegratorKind.RK4, 0.05, 0.005, 0.2, 1e-9, 1e-3,
        1_000_000, Integration.DEFAULT_MAX_RECORDED_POINTS);
    PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, config(enough, 1.0))
        .land(START, stone(1));
  }

  @Test
  void aMicrosecondOutputIntervalIsRefusedBeforeAnyIntegration() {
    PhysicsConfig cfg = config(PhysicsConfig.defaults().integration(), 1e-6);
    DarkflightSimulator sim = PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, cfg);
    SimulationException e = assertTimeoutPreemptively(HANG_GUARD,
        () -> assertThrows(SimulationException.class, () -> sim.simulate(START, stone(1))));
    assertThat(e.reason(), is(SimulationException.Reason.POINT_BUDGET_EXCEEDED));
    assertThat(e.getMessage(), containsString("integration.max_recorded_points"));
  }

  @Test
  void thePointBudgetStopsALongRecording() {
    // 0.01 s spacing of a fall of ~100 s: more than 1000 points, though no lower bound shows it
    Integration tight = new Integration(IntegratorKind.RK4, 0.05, 0.005, 0.2, 1e-9, 1e-3,
        Integration.DEFAULT_MAX_STEPS, 1_000);
    DarkflightSimulator sim = PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE,
        config(tight, 0.01));
    SimulationException e = assertThrows(SimulationException.class,
        () -> sim.simulate(START, stone(1)));
    assertThat(e.reason(), is(SimulationException.Reason.POINT_BUDGET_EXCEEDED));
    assertThat(e.timeS() > 0, is(true));
  }

  @Test
  void budgetsBelowTheirFloorAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Integration(IntegratorKind.RK4, 0.05, 0.005, 0.2, 1e-9, 1e-3, 0, 10));
    assertThrows(IllegalArgumentException.class,
        () -> new Integration(IntegratorKind.RK4, 0.05, 0.005, 0.2, 1e-9, 1e-3, 10, 1));
  }
}
