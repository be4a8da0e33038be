package org.darkflight.physics.trajectory;

/**
 * A trajectory could not be integrated: a non-finite state, a broken invariant (mass growing,
 * negative mass, climbing after the fall turned vertical), no impact within the time limit, or
 * a step or recorded-point budget exceeded (or certain to be exceeded).
 * Reported, never silently clamped.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Machine-readable reason. */
  public enum Reason { NON_FINITE_STATE, MASS_INCREASED, NEGATIVE_MASS, ALTITUDE_INCREASED,
    NO_IMPACT, INTEGRATOR_FAILURE,
    /** More integration steps than the budget {@code integration.max_steps}. */
    STEP_BUDGET_EXCEEDED,
    /** More recorded samples than the budget {@code integration.max_recorded_points}. */
    POINT_BUDGET_EXCEEDED,
    /** The terrain model has no height where the fragment comes down (outside it, NoData). */
    NO_TERRAIN }

  private final Reason reason;
  private final double timeS;

  public SimulationException(Reason reason, double timeS, String message) {
    super(message);
    this.reason = reason;
    this.timeS = timeS;
  }

  public Reason reason() {
    return reason;
  }

  /** Time since the luminous end at which the problem was found, s. */
  public double timeS() {
    return timeS;
  }
}
