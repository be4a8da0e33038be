package org.darkflight.physics.trajectory;

/**
 * A trajectory could not be integrated: a non-finite state, a broken invariant (mass growing,
 * negative mass, climbing after the fall turned vertical) or no impact within the time limit.
 * Reported, never silently clamped.
 */
public final class SimulationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Machine-readable reason. */
  public enum Reason { NON_FINITE_STATE, MASS_INCREASED, NEGATIVE_MASS, ALTITUDE_INCREASED,
    NO_IMPACT, INTEGRATOR_FAILURE,
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
