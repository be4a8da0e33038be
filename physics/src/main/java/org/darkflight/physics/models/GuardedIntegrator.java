package org.darkflight.physics.models;

import org.darkflight.physics.integrate.Integrator;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.trajectory.SimulationException;

/**
 * A plugin integrator whose exceptions stop the run (critical). Exceptions raised by the
 * equations of motion it calls ({@link SimulationException}, another plugin's
 * {@link PluginFailureException}) pass through unchanged: they are not this plugin's fault.
 */
final class GuardedIntegrator implements Integrator {

  private final String name;
  private final Integrator plugin;

  GuardedIntegrator(String name, Integrator plugin) {
    this.name = name;
    this.plugin = plugin;
  }

  private PluginFailureException failure(RuntimeException e) {
    return new PluginFailureException(name, PluginKind.INTEGRATOR,
        PluginFailureException.describe(e), e);
  }

  private static boolean passThrough(RuntimeException e) {
    return e instanceof SimulationException || e instanceof PluginFailureException;
  }

  @Override
  public double step(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    double taken;
    try {
      taken = plugin.step(ode, t, y, h, yOut);
    } catch (RuntimeException e) {
      throw passThrough(e) ? e : failure(e);
    }
    if (!(taken != 0.0) || !Double.isFinite(taken) || Math.signum(taken) != Math.signum(h)) {
      throw new PluginFailureException(name, PluginKind.INTEGRATOR,
          "took a step of " + taken + " s when asked for " + h + " s", null);
    }
    return taken;
  }

  @Override
  public void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut) {
    try {
      plugin.stepExactly(ode, t, y, h, yOut);
    } catch (RuntimeException e) {
      throw passThrough(e) ? e : failure(e);
    }
  }

  @Override
  public double nextStepS() {
    double next;
    try {
      next = plugin.nextStepS();
    } catch (RuntimeException e) {
      throw failure(e);
    }
    if (!(next > 0) || !Double.isFinite(next)) {
      throw new PluginFailureException(name, PluginKind.INTEGRATOR,
          "proposed a next step of " + next + " s (must be finite and > 0)", null);
    }
    return next;
  }

  @Override
  public String name() {
    return name;
  }
}
