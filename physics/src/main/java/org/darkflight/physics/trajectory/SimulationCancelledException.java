package org.darkflight.physics.trajectory;

/**
 * The integration stopped because its {@link Cancellation} said so. Not a failure of the physics
 * (unlike {@link SimulationException}): callers that turn failures into per-sample records must
 * let this one through, so that the whole computation stops.
 */
public final class SimulationCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final double timeS;

  /** Cancelled at integration time {@code timeS}, s. */
  public SimulationCancelledException(double timeS) {
    super("the simulation was cancelled at t = " + timeS + " s");
    this.timeS = timeS;
  }

  /** Integration time at which the cancellation was seen, s. */
  public double timeS() {
    return timeS;
  }
}
