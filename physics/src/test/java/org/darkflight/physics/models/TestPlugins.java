package org.darkflight.physics.models;

import java.util.List;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.ablation.AblationModel;
import org.darkflight.physics.ablation.AblationModelProvider;
import org.darkflight.physics.drag.DragModel;
import org.darkflight.physics.drag.DragModelProvider;
import org.darkflight.physics.integrate.Integrator;
import org.darkflight.physics.integrate.IntegratorProvider;
import org.darkflight.physics.plugin.PluginManifest;

/** Small plugins registered in the physics test resources. */
public final class TestPlugins {

  private TestPlugins() {}

  /** {@code test-half-cd}: half the fragment's own C_d. */
  public static final class HalfCd implements DragModelProvider {
    @Override
    public PluginManifest manifest() {
      return new PluginManifest("test-half-cd", "1", List.of("DragModel"), null);
    }

    @Override
    public DragModel create(String configJson) {
      return (mach, reynolds, fragment) -> 0.5 * fragment.cd();
    }
  }

  /** {@code test-broken-create}: throws when built. */
  public static final class BrokenCreate implements DragModelProvider {
    @Override
    public PluginManifest manifest() {
      return new PluginManifest("test-broken-create", "1", List.of("DragModel"), null);
    }

    @Override
    public DragModel create(String configJson) {
      throw new IllegalStateException("cannot build");
    }
  }

  /** {@code test-no-ablation}: dm/dt = 0. */
  public static final class NoAblation implements AblationModelProvider {
    @Override
    public PluginManifest manifest() {
      return new PluginManifest("test-no-ablation", "1", List.of("AblationModel"), null);
    }

    @Override
    public AblationModel create(PhysicsConfig.Ablation settings, String configJson) {
      return (s, rho, v, cd, f) -> 0.0;
    }
  }

  /** {@code test-euler}: explicit Euler with the fixed step dt_initial_s. */
  public static final class Euler implements IntegratorProvider {
    @Override
    public PluginManifest manifest() {
      return new PluginManifest("test-euler", "1", List.of("Integrator"), null);
    }

    @Override
    public Integrator create(PhysicsConfig.Integration settings, double[] atol, int positions,
        String configJson) {
      double h0 = settings.dtInitialS();
      double[] k = new double[atol.length];
      return new Integrator() {
        @Override
        public double step(Derivatives ode, double t, double[] y, double h, double[] yOut) {
          stepExactly(ode, t, y, h, yOut);
          return h;
        }

        @Override
        public void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut) {
          ode.compute(t, y, k);
          for (int i = 0; i < y.length; i++) {
            yOut[i] = y[i] + h * k[i];
          }
        }

        @Override
        public double nextStepS() {
          return h0;
        }

        @Override
        public String name() {
          return "test-euler";
        }
      };
    }
  }
}
