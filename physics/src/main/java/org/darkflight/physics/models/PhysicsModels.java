package org.darkflight.physics.models;

import java.util.Locale;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.ablation.AblationModel;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.drag.DragModel;
import org.darkflight.physics.gravity.GravityModel;
import org.darkflight.physics.gravity.NormalGravity;
import org.darkflight.physics.integrate.Integrator;
import org.darkflight.physics.integrate.IntegratorFactory;
import org.darkflight.physics.integrate.IntegratorProvider;
import org.darkflight.physics.legacy.LegacySimulator;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.ForceModels;

/**
 * Creates the models a {@link PhysicsConfig} selects: the one place where configuration becomes
 * drag, ablation, gravity and integrator models, and where a simulator is assembled from them.
 * The model interfaces themselves know nothing of configurations or plugins (as Orekit's
 * {@code Atmosphere} knows nothing of how it was chosen).
 *
 * <p>Built-in models and plugins are resolved the same way, by name through {@link PhysicsPlugins}:
 * a built-in kind by its configuration spelling ({@code MACH_REGIME} → {@code mach_regime}), a
 * plugin by the name in {@link PhysicsConfig#plugins()}. Only plugins are guarded (an exception or
 * an impossible value becomes a {@link PluginFailureException}); built-ins run as they are.
 */
public final class PhysicsModels {

  private PhysicsModels() {}

  /** The configuration spelling of a built-in kind, its provider's manifest name. */
  static String builtinName(Enum<?> kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The drag model a configuration selects, with its {@code cdScale} applied: the plugin named
   * by {@link PhysicsConfig.Plugins#dragModel()} when set (guarded), else the built-in kind.
   *
   * @throws IllegalArgumentException when the named plugin is not installed
   * @throws PluginFailureException   when the plugin throws while being built
   */
  public static DragModel drag(PhysicsConfig config) {
    PhysicsConfig.Plugins plugins = config.plugins();
    DragModel base = plugins.dragModel() != null
        ? PhysicsPlugins.dragModel(plugins.dragModel(), plugins.dragConfigJson())
        : PhysicsPlugins.dragModelProvider(builtinName(config.dragModel())).create("{}");
    double scale = config.cdScale();
    if (scale == 1.0) {
      return base;
    }
    return (mach, reynolds, fragment) -> scale * base.dragCoefficient(mach, reynolds, fragment);
  }

  /**
   * The ablation model a configuration selects ({@link AblationModel#NONE} when ablation is
   * disabled): the plugin named by {@link PhysicsConfig.Plugins#ablationModel()} when set
   * (guarded), else the built-in method.
   *
   * @throws IllegalArgumentException on a negative parameter, or when the named plugin is not
   *     installed
   */
  public static AblationModel ablation(PhysicsConfig config) {
    PhysicsConfig.Ablation a = config.ablation();
    if (!a.enabled()) {
      return AblationModel.NONE;
    }
    PhysicsConfig.Plugins plugins = config.plugins();
    if (plugins.ablationModel() != null) {
      return PhysicsPlugins.ablationModel(plugins.ablationModel(), a,
          plugins.ablationConfigJson());
    }
    return PhysicsPlugins.ablationModelProvider(builtinName(a.method())).create(a, "{}");
  }

  /** The gravity model a configuration selects (not pluggable). */
  public static GravityModel gravity(PhysicsConfig config) {
    return switch (config.gravityModel()) {
      case CONSTANT -> GravityModel.CONSTANT;
      case WGS84_LOCAL -> NormalGravity.INSTANCE;
    };
  }

  /** The drag, gravity and ablation models a configuration selects. */
  public static ForceModels forces(PhysicsConfig config) {
    return new ForceModels(drag(config), gravity(config), ablation(config));
  }

  /**
   * The source of new integrators a configuration selects, resolved once: the plugin named by
   * {@link PhysicsConfig.Plugins#integrator()} when set (each integrator guarded, its
   * {@code create} failures a {@link PluginFailureException}), else the built-in method of
   * {@code config.integration()}.
   *
   * @throws IllegalArgumentException when the named plugin is not installed
   */
  public static IntegratorFactory integrators(PhysicsConfig config) {
    PhysicsConfig.Integration settings = config.integration();
    PhysicsConfig.Plugins plugins = config.plugins();
    if (plugins.integrator() != null) {
      String name = plugins.integrator();
      IntegratorProvider provider = PhysicsPlugins.integratorProvider(name);
      String json = plugins.integratorConfigJson();
      return (absoluteTolerances, positionComponents) -> {
        Integrator m;
        try {
          m = provider.create(settings, absoluteTolerances, positionComponents, json);
        } catch (RuntimeException | LinkageError e) {
          throw new PluginFailureException(name, PluginKind.INTEGRATOR,
              "create: " + PluginFailureException.describe(e), e);
        }
        return new GuardedIntegrator(name, m);
      };
    }
    IntegratorProvider builtin = PhysicsPlugins.integratorProvider(builtinName(settings.method()));
    return (absoluteTolerances, positionComponents) ->
        builtin.create(settings, absoluteTolerances, positionComponents, "{}");
  }

  /**
   * A new integrator a configuration selects (see {@link #integrators}).
   *
   * @param config              the physics configuration
   * @param absoluteTolerances  per-component absolute tolerances of adaptive methods
   * @param positionComponents  number of leading position components whose derivatives are the
   *                            next {@code positionComponents} components (for the
   *                            semi-implicit method)
   */
  public static Integrator integrator(PhysicsConfig config, double[] absoluteTolerances,
      int positionComponents) {
    return integrators(config).create(absoluteTolerances, positionComponents);
  }

  /**
   * A new built-in integrator the settings select (plugins are not consulted).
   *
   * @param settings            integration settings
   * @param absoluteTolerances  per-component absolute tolerances of adaptive methods
   * @param positionComponents  number of leading position components whose derivatives are the
   *                            next {@code positionComponents} components (for the
   *                            semi-implicit method)
   */
  public static Integrator integrator(PhysicsConfig.Integration settings,
      double[] absoluteTolerances, int positionComponents) {
    return PhysicsPlugins.integratorProvider(builtinName(settings.method()))
        .create(settings, absoluteTolerances, positionComponents, "{}");
  }

  /**
   * A simulator with the models {@code config} selects; when {@code config.legacy()} is
   * {@code fries_v42} or {@code fries_v2}, its landings and trajectories from the luminous end
   * come from that legacy method ({@link LegacySimulator}) on the atmosphere's levels.
   *
   * @throws IllegalArgumentException when a selected plugin is not installed
   */
  public static DarkflightSimulator simulator(AtmosphereModel atmosphere, PhysicsConfig config) {
    return simulator(atmosphere, config, forces(config));
  }

  /**
   * A simulator with explicitly supplied force models (plugins, tests); {@code config} still
   * gives the integrator, Earth rotation, ground height, output interval and legacy mode.
   *
   * @throws IllegalArgumentException when a legacy mode is selected and the atmosphere has no
   *     profile levels
   */
  public static DarkflightSimulator simulator(AtmosphereModel atmosphere, PhysicsConfig config,
      ForceModels models) {
    LegacySimulator legacy = config.legacy() == PhysicsConfig.LegacyMode.NONE ? null
        : new LegacySimulator(atmosphere, config);
    return new DarkflightSimulator(atmosphere, config, models, integrators(config), legacy);
  }

  /**
   * Whether a run with {@code config} reads each fragment's own cd (see
   * {@link DarkflightSimulator#needsFragmentCd()}); lets a command check its inputs before it
   * builds an atmosphere.
   *
   * @throws IllegalArgumentException when a selected plugin is not installed
   */
  public static boolean needsFragmentCd(PhysicsConfig config) {
    if (config.legacy() != PhysicsConfig.LegacyMode.NONE) {
      return true;
    }
    ForceModels f = forces(config);
    return f.drag().usesFragmentCd()
        || (f.ablation().changesMass() && f.ablation().usesFragmentCd());
  }
}
