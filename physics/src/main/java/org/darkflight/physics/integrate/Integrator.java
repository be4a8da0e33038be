package org.darkflight.physics.integrate;

/**
 * A one-step method for y' = f(t, y). Steps may be negative (integration backward in time).
 * Instances are mutable (they hold work arrays and the step-size state): one per integration,
 * never shared between threads. No method allocates. Plugins provide one through an
 * {@link IntegratorProvider}; {@code physics.models.PhysicsModels} makes the one a configuration
 * selects.
 */
public interface Integrator {

  /** A first-order ODE system written into a caller-owned array (no allocation). */
  @FunctionalInterface
  interface Derivatives {
    /**
     * @param t    time, s
     * @param y    state
     * @param yDot receives dy/dt
     */
    void compute(double t, double[] y, double[] yDot);
  }

  /**
   * Advances by at most {@code h} (its sign is the direction). Fixed-step methods take exactly
   * {@code h}; adaptive methods may take a smaller step when the error estimate demands it.
   *
   * @param ode  the system
   * @param t    current time, s
   * @param y    current state (not modified)
   * @param h    largest step wanted, s (non-zero)
   * @param yOut receives the state after the step taken
   * @return the step actually taken, s, with the sign of {@code h}
   */
  double step(Derivatives ode, double t, double[] y, double h, double[] yOut);

  /**
   * Takes exactly one step of {@code h} without error control: used to land on an event or an
   * output time inside a step already accepted.
   */
  void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut);

  /** Magnitude of the step to try next, s (&gt; 0). */
  double nextStepS();

  /**
   * For a fixed-step method, the largest |h λ| on the negative real axis for which it is stable
   * (λ a real eigenvalue of the Jacobian): the propagator shortens the step where drag makes the
   * equations stiff so that h λ stays inside it. Methods that control their own step return
   * {@code Double.POSITIVE_INFINITY} (the default): their error control already keeps them
   * stable.
   */
  default double realStabilityBound() {
    return Double.POSITIVE_INFINITY;
  }

  /** The method's name as in {@code physics_config.json}. */
  String name();
}
