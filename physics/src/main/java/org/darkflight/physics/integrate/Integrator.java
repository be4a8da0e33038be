package org.darkflight.physics.integrate;

import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.plugin.PhysicsPlugins;

/**
 * A one-step method for y' = f(t, y). Steps may be negative (integration backward in time).
 * Instances are mutable (they hold work arrays and the step-size state): one per integration,
 * never shared between threads. No method allocates. Plugins provide one through an
 * {@link IntegratorProvider}.
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

  /**
   * The integrator a configuration selects: the plugin named by
   * {@link PhysicsConfig.Plugins#integrator()} when set (guarded, see {@link PhysicsPlugins}),
   * else the built-in method of {@code config.integration()}.
   *
   * @param config              the physics configuration
   * @param absoluteTolerances  per-component absolute tolerances of adaptive methods
   * @param positionComponents  number of leading position components whose derivatives are the
   *                            next {@code positionComponents} components (for the
   *                            semi-implicit method)
   */
  static Integrator create(PhysicsConfig config, double[] absoluteTolerances,
      int positionComponents) {
    PhysicsConfig.Plugins plugins = config.plugins();
    if (plugins.integrator() != null) {
      return PhysicsPlugins.integrator(plugins.integrator(), config.integration(),
          absoluteTolerances, positionComponents, plugins.integratorConfigJson());
    }
    return create(config.integration(), absoluteTolerances, positionComponents);
  }

  /**
   * The built-in integrator the settings select (plugins are not consulted).
   *
   * @param settings            integration settings
   * @param absoluteTolerances  per-component absolute tolerances of adaptive methods
   * @param positionComponents  number of leading position components whose derivatives are the
   *                            next {@code positionComponents} components (for the
   *                            semi-implicit method)
   */
  static Integrator create(PhysicsConfig.Integration settings, double[] absoluteTolerances,
      int positionComponents) {
    int dimension = absoluteTolerances.length;
    return switch (settings.method()) {
      case RK4 -> new ClassicalRungeKutta(dimension, settings.dtInitialS());
      case RKF45 -> new RungeKuttaFehlberg45(settings.dtInitialS(), settings.dtMinS(),
          settings.dtMaxS(), settings.relativeTolerance(), absoluteTolerances);
      case SEMI_IMPLICIT -> new SemiImplicitEuler(dimension, positionComponents,
          settings.dtInitialS());
    };
  }
}
