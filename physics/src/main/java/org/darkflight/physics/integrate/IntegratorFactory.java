package org.darkflight.physics.integrate;

/**
 * Makes a new {@link Integrator} for each integration (integrators are mutable: one per
 * integration, never shared between threads). The physics configuration's choice of method,
 * built-in or plugin, is bound in already; the caller gives the shape of its state.
 */
@FunctionalInterface
public interface IntegratorFactory {

  /**
   * A new integrator.
   *
   * @param absoluteTolerances per-component absolute tolerances of adaptive methods; its length
   *                           is the dimension of the state
   * @param positionComponents number of leading position components whose derivatives are the
   *                           next {@code positionComponents} components (for the
   *                           semi-implicit method)
   */
  Integrator create(double[] absoluteTolerances, int positionComponents);
}
