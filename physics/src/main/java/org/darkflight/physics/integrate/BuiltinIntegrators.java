package org.darkflight.physics.integrate;

import java.util.List;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.plugin.PluginManifest;

/** The built-in integrators as {@link IntegratorProvider}s (listed with the plugins). */
public final class BuiltinIntegrators {

  /** Version of the built-in integrators' manifests. */
  public static final String VERSION = "1.0";

  private BuiltinIntegrators() {}

  private static PluginManifest manifest(String name) {
    return new PluginManifest(name, VERSION, List.of("Integrator"), null);
  }

  /** {@code rk4}: {@link ClassicalRungeKutta}. */
  public static final class Rk4 implements IntegratorProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinIntegrators.manifest("rk4");
    }

    @Override
    public Integrator create(PhysicsConfig.Integration s, double[] atol, int positions,
        String configJson) {
      return new ClassicalRungeKutta(atol.length, s.dtInitialS());
    }
  }

  /** {@code rkf45}: {@link RungeKuttaFehlberg45}. */
  public static final class Rkf45 implements IntegratorProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinIntegrators.manifest("rkf45");
    }

    @Override
    public Integrator create(PhysicsConfig.Integration s, double[] atol, int positions,
        String configJson) {
      return new RungeKuttaFehlberg45(s.dtInitialS(), s.dtMinS(), s.dtMaxS(),
          s.relativeTolerance(), atol);
    }
  }

  /** {@code semi_implicit}: {@link SemiImplicitEuler}. */
  public static final class SemiImplicit implements IntegratorProvider {
    @Override
    public PluginManifest manifest() {
      return BuiltinIntegrators.manifest("semi_implicit");
    }

    @Override
    public Integrator create(PhysicsConfig.Integration s, double[] atol, int positions,
        String configJson) {
      return new SemiImplicitEuler(atol.length, positions, s.dtInitialS());
    }
  }
}
