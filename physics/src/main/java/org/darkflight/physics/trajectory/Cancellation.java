package org.darkflight.physics.trajectory;

/**
 * A cooperative cancellation signal: the integration loop asks it once per step and, when it
 * answers true, stops with a {@link SimulationCancelledException}. Whoever owns the computation
 * (a service request, a command) decides when it is cancelled; the physics core only polls, so it
 * depends on nothing outside itself. {@link DarkflightSimulator#withCancellation} attaches one.
 * Implementations must be cheap and thread-safe (a volatile read).
 */
@FunctionalInterface
public interface Cancellation {

  /** Never cancelled (the default). */
  Cancellation NEVER = () -> false;

  /** Whether the computation should stop now. */
  boolean isCancelled();
}
