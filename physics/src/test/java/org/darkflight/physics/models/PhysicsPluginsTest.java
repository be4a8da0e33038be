package org.darkflight.physics.models;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.ablation.AblationModel;
import org.darkflight.physics.ablation.AblationModelProvider;
import org.darkflight.physics.ablation.ClassicalAblation;
import org.darkflight.physics.ablation.SimpleAblation;
import org.darkflight.physics.drag.ConstantDrag;
import org.darkflight.physics.drag.DragModel;
import org.darkflight.physics.drag.DragModelProvider;
import org.darkflight.physics.drag.MachRegimeDrag;
import org.darkflight.physics.drag.ReynoldsCurveDrag;
import org.darkflight.physics.integrate.ClassicalRungeKutta;
import org.darkflight.physics.integrate.Integrator;
import org.darkflight.physics.integrate.IntegratorProvider;
import org.darkflight.physics.integrate.RungeKuttaFehlberg45;
import org.darkflight.physics.integrate.SemiImplicitEuler;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.physics.trajectory.SimulationException;
import org.junit.jupiter.api.Test;

class PhysicsPluginsTest {

  static final Fragment STONE = new Fragment("s", 1.0, 3500.0, 1.2, 1.0);
  static final PhysicsConfig.Ablation ABL = new PhysicsConfig.Ablation(true,
      PhysicsConfig.AblationMethod.CLASSICAL, 1e-9, 1.4e-8, 8e6);

  @Test
  void builtInsAreProvidersWithTheirConfigNames() {
    List<String> drag = PhysicsPlugins.dragModelProviders().stream()
        .map(p -> p.manifest().name()).toList();
    assertThat(drag, hasItems("simple_constant", "mach_regime", "reynolds_curve",
        "test-half-cd"));
    assertThat(PhysicsPlugins.dragModelProvider("simple_constant").create("{}"),
        sameInstance(ConstantDrag.INSTANCE));
    assertThat(PhysicsPlugins.dragModelProvider("mach_regime").create("{}"),
        sameInstance(MachRegimeDrag.INSTANCE));
    assertThat(PhysicsPlugins.dragModelProvider("reynolds_curve").create("{}"),
        sameInstance(ReynoldsCurveDrag.INSTANCE));
    assertThat(PhysicsPlugins.ablationModelProvider("simple").create(ABL, "{}"),
        instanceOf(SimpleAblation.class));
    assertThat(PhysicsPlugins.ablationModelProvider("classical").create(ABL, "{}"),
        instanceOf(ClassicalAblation.class));
    PhysicsConfig.Integration s = PhysicsConfig.defaults().integration();
    double[] atol = {1e-3, 1e-3, 1e-3, 1e-3};
    assertThat(PhysicsPlugins.integratorProvider("rk4").create(s, atol, 2, "{}"),
        instanceOf(ClassicalRungeKutta.class));
    assertThat(PhysicsPlugins.integratorProvider("rkf45").create(s, atol, 2, "{}"),
        instanceOf(RungeKuttaFehlberg45.class));
    assertThat(PhysicsPlugins.integratorProvider("semi_implicit").create(s, atol, 2, "{}"),
        instanceOf(SemiImplicitEuler.class));
    for (DragModelProvider p : PhysicsPlugins.dragModelProviders()) {
      assertThat(p.manifest().provides(), equalTo(List.of("DragModel")));
    }
    for (AblationModelProvider p : PhysicsPlugins.ablationModelProviders()) {
      assertThat(p.manifest().provides(), equalTo(List.of("AblationModel")));
    }
    for (IntegratorProvider p : PhysicsPlugins.integratorProviders()) {
      assertThat(p.manifest().provides(), equalTo(List.of("Integrator")));
    }
  }

  @Test
  void unknownNamesListWhatIsInstalled() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PhysicsPlugins.dragModelProvider("quadratic"));
    assertThat(e.getMessage(), containsString("no DragModel plugin named 'quadratic'"));
    assertThat(e.getMessage(), containsString("mach_regime, reynolds_curve, simple_constant"));
    assertThrows(IllegalArgumentException.class, () -> PhysicsPlugins.ablationModelProvider("x"));
    assertThrows(IllegalArgumentException.class, () -> PhysicsPlugins.integratorProvider("x"));
  }

  @Test
  void aSelectedDragPluginIsUsedAndScaled() {
    PhysicsConfig c = PhysicsConfig.defaults().withCdScale(2.0).withPlugins(
        new PhysicsConfig.Plugins("test-half-cd", null, null, null, null, null));
    assertThat(c.plugins().dragConfigJson(), equalTo("{}"));
    assertThat(c.plugins().any(), is(true));
    assertThat(PhysicsConfig.Plugins.NONE.any(), is(false));
    // 2 × (0.5 × 1.2): the plugin's C_d times cd_scale
    assertThat(PhysicsModels.drag(c).dragCoefficient(0.3, 1e5, STONE), closeTo(1.2, 1e-15));
    PhysicsPlugins.check(c);
  }

  @Test
  void aSelectedAblationAndIntegratorPluginAreUsed() {
    PhysicsConfig base = PhysicsConfig.defaults();
    PhysicsConfig c = new PhysicsConfig(base.dragModel(), 1.0, ABL, base.gravityModel(), false,
        0.0, base.integration(), 1.0, base.legacy(),
        new PhysicsConfig.Plugins(null, null, "test-no-ablation", null, "test-euler", null));
    assertThat(PhysicsModels.ablation(c).massRateKgPerS(0.01, 1.0, 100.0, 1.0, STONE), is(0.0));
    assertThat(PhysicsModels.ablation(c).changesMass(), is(true));
    Integrator euler = PhysicsModels.integrator(c, new double[] {1e-6}, 0);
    assertThat(euler.name(), equalTo("test-euler"));
    // one Euler step of y' = -y from 1 with h = 0.05: 0.95
    double[] out = new double[1];
    assertThat(euler.step((t, y, d) -> d[0] = -y[0], 0.0, new double[] {1.0}, 0.05, out),
        is(0.05));
    assertThat(out[0], closeTo(0.95, 1e-15));
    assertThat(euler.nextStepS(), is(0.05));
    PhysicsPlugins.check(c);
    // ablation disabled: the plugin is not consulted
    PhysicsConfig off = c.withPlugins(c.plugins());
    assertThat(PhysicsModels.ablation(new PhysicsConfig(off.dragModel(), 1.0,
        PhysicsConfig.Ablation.off(), off.gravityModel(), false, 0.0, off.integration(), 1.0,
        off.legacy(), off.plugins())), sameInstance(AblationModel.NONE));
  }

  @Test
  void aPluginThatCannotBeBuiltIsACriticalFailure() {
    PluginFailureException e = assertThrows(PluginFailureException.class,
        () -> PhysicsPlugins.dragModel("test-broken-create", "{}"));
    assertThat(e.kind(), is(PluginKind.DRAG_MODEL));
    assertThat(e.pluginName(), equalTo("test-broken-create"));
    assertThat(e.getMessage(), equalTo("DragModel plugin 'test-broken-create' failed: create: "
        + "java.lang.IllegalStateException: cannot build; DragModel plugins are critical, so the "
        + "run stops"));
    PhysicsConfig c = PhysicsConfig.defaults().withPlugins(
        new PhysicsConfig.Plugins("test-broken-create", "{}", null, null, null, null));
    assertThrows(PluginFailureException.class, () -> PhysicsPlugins.check(c));
  }

  @Test
  void guardedDragRejectsExceptionsAndImpossibleValues() {
    DragModel thrower = new GuardedDragModel("t", (m, r, f) -> {
      throw new ArithmeticException("x");
    });
    assertThrows(PluginFailureException.class, () -> thrower.dragCoefficient(1, 1, STONE));
    DragModel nan = new GuardedDragModel("n", (m, r, f) -> Double.NaN);
    assertThat(assertThrows(PluginFailureException.class, () -> nan.dragCoefficient(1, 1, STONE))
        .getMessage(), containsString("C_d = NaN"));
    DragModel negative = new GuardedDragModel("n", (m, r, f) -> -0.1);
    assertThrows(PluginFailureException.class, () -> negative.dragCoefficient(1, 1, STONE));
    assertThat(new GuardedDragModel("z", (m, r, f) -> 0.0).dragCoefficient(1, 1, STONE), is(0.0));
  }

  @Test
  void guardedAblationRejectsExceptionsAndMassGain() {
    AblationModel gain = new GuardedAblationModel("g", (s, rho, v, cd, f) -> 1e-3);
    assertThrows(PluginFailureException.class, () -> gain.massRateKgPerS(1, 1, 1, 1, STONE));
    AblationModel thrower = new GuardedAblationModel("t", (s, rho, v, cd, f) -> {
      throw new IllegalStateException("x");
    });
    PluginFailureException e = assertThrows(PluginFailureException.class,
        () -> thrower.massRateKgPerS(1, 1, 1, 1, STONE));
    assertThat(e.kind().critical(), is(true));
    assertThat(new GuardedAblationModel("n", AblationModel.NONE).changesMass(), is(false));
    assertThat(new GuardedAblationModel("n", AblationModel.NONE)
        .massRateKgPerS(1, 1, 1, 1, STONE), is(0.0));
  }

  /** An integrator whose behaviour the test chooses. */
  static Integrator fake(double taken, double next, RuntimeException toThrow) {
    return new Integrator() {
      @Override
      public double step(Derivatives ode, double t, double[] y, double h, double[] yOut) {
        if (toThrow != null) {
          throw toThrow;
        }
        return taken;
      }

      @Override
      public void stepExactly(Derivatives ode, double t, double[] y, double h, double[] yOut) {
        if (toThrow != null) {
          throw toThrow;
        }
      }

      @Override
      public double nextStepS() {
        if (toThrow != null) {
          throw toThrow;
        }
        return next;
      }

      @Override
      public String name() {
        return "fake";
      }
    };
  }

  @Test
  void guardedIntegratorPassesModelErrorsAndWrapsItsOwn() {
    Integrator.Derivatives ode = (t, y, d) -> d[0] = 0;
    double[] y = {1};
    double[] out = new double[1];
    SimulationException sim = new SimulationException(SimulationException.Reason.NON_FINITE_STATE,
        0.0, "model broke");
    Integrator passes = new GuardedIntegrator("p", fake(0.1, 0.1, sim));
    assertThat(assertThrows(SimulationException.class,
        () -> passes.step(ode, 0, y, 0.1, out)), sameInstance(sim));
    assertThat(assertThrows(SimulationException.class,
        () -> passes.stepExactly(ode, 0, y, 0.1, out)), sameInstance(sim));
    Integrator own = new GuardedIntegrator("o", fake(0.1, 0.1, new IllegalStateException("x")));
    assertThrows(PluginFailureException.class, () -> own.step(ode, 0, y, 0.1, out));
    assertThrows(PluginFailureException.class, () -> own.stepExactly(ode, 0, y, 0.1, out));
    assertThrows(PluginFailureException.class, own::nextStepS);
    Integrator backwards = new GuardedIntegrator("b", fake(-0.1, Double.NaN, null));
    assertThrows(PluginFailureException.class, () -> backwards.step(ode, 0, y, 0.1, out));
    assertThrows(PluginFailureException.class, backwards::nextStepS);
    Integrator fine = new GuardedIntegrator("f", fake(0.1, 0.2, null));
    assertThat(fine.step(ode, 0, y, 0.1, out), is(0.1));
    fine.stepExactly(ode, 0, y, 0.1, out);
    assertThat(fine.nextStepS(), is(0.2));
    assertThat(fine.name(), equalTo("f"));
  }

  @Test
  void manifestAndKinds() {
    assertThat(new PluginManifest("a", "1", List.of("DragModel"), " {\"type\":\"object\"}")
        .configSchemaInline(), is(true));
    assertThat(new PluginManifest("a", "1", List.of("DragModel"), "a/b.json")
        .configSchemaInline(), is(false));
    assertThat(new PluginManifest("a", "1", List.of("DragModel"), null).configSchemaInline(),
        is(false));
    assertThrows(IllegalArgumentException.class,
        () -> new PluginManifest("a", "1", List.of(), null));
    assertThat(PluginKind.SAMPLING_STRATEGY.critical(), is(false));
    assertThat(PluginKind.INTEGRATOR.interfaceName(), equalTo("Integrator"));
    assertThat(new PluginFailureException("s", PluginKind.SAMPLING_STRATEGY, "x", null)
        .getMessage(), equalTo("SamplingStrategy plugin 's' failed: x"));
    assertThat(PluginFailureException.describe(new RuntimeException()),
        equalTo("java.lang.RuntimeException"));
  }
}
