package org.darkflight.physics.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.ablation.AblationModel;
import org.darkflight.physics.ablation.AblationModelProvider;
import org.darkflight.physics.drag.DragModel;
import org.darkflight.physics.drag.DragModelProvider;
import org.darkflight.physics.integrate.Integrator;
import org.darkflight.physics.integrate.IntegratorProvider;

/**
 * Finds the physics plugins (drag, ablation, integrator providers, built-ins included) with
 * {@link ServiceLoader} and builds guarded models from them.
 *
 * <p>Providers are looked up with the thread's context class loader (the CLI puts the jars of
 * {@code DARKFLIGHT_PLUGIN_PATH} there; tests put a freshly built jar there), falling back to this
 * module's loader; the list found per loader is cached, so resolving a plugin per trajectory
 * costs a map look-up. Every plugin model is wrapped so that an exception or an impossible value
 * (a non-finite or non-positive C_d, a positive dm/dt, a non-finite state) becomes a
 * {@link PluginFailureException}, which stops the run: these kinds are
 * {@link PluginKind#critical() critical}.
 */
public final class PhysicsPlugins {

  private static final Map<ClassLoader, Map<Class<?>, List<?>>> CACHE = new WeakHashMap<>();

  private PhysicsPlugins() {}

  /** The loader plugins are looked up in: the context class loader, else this module's. */
  public static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : PhysicsPlugins.class.getClassLoader();
  }

  private static <T> List<T> providers(Class<T> type) {
    ClassLoader l = loader();
    List<?> found;
    synchronized (CACHE) {
      Map<Class<?>, List<?>> perLoader = CACHE.computeIfAbsent(l, k -> new HashMap<>());
      found = perLoader.computeIfAbsent(type, t -> {
        List<Object> out = new ArrayList<>();
        for (Object p : ServiceLoader.load(t, l)) {
          out.add(p);
        }
        return List.copyOf(out);
      });
    }
    return found.stream().map(type::cast).toList();
  }

  private static <T> List<T> sorted(List<T> list, Function<T, PluginManifest> manifest) {
    List<T> out = new ArrayList<>(list);
    out.sort(Comparator.comparing(p -> manifest.apply(p).name()));
    return out;
  }

  /** Every drag-model provider, sorted by name. */
  public static List<DragModelProvider> dragModelProviders() {
    return sorted(providers(DragModelProvider.class), DragModelProvider::manifest);
  }

  /** Every ablation-model provider, sorted by name. */
  public static List<AblationModelProvider> ablationModelProviders() {
    return sorted(providers(AblationModelProvider.class), AblationModelProvider::manifest);
  }

  /** Every integrator provider, sorted by name. */
  public static List<IntegratorProvider> integratorProviders() {
    return sorted(providers(IntegratorProvider.class), IntegratorProvider::manifest);
  }

  private static <T> T byName(List<T> all, Function<T, PluginManifest> manifest, String name,
      PluginKind kind) {
    List<T> hits = all.stream().filter(p -> manifest.apply(p).name().equals(name)).toList();
    if (hits.size() > 1) {
      throw new IllegalArgumentException(hits.size() + " " + kind.interfaceName()
          + " plugins are named '" + name + "': " + hits.stream()
              .map(h -> h.getClass().getName()).toList());
    }
    if (hits.isEmpty()) {
      throw new IllegalArgumentException("no " + kind.interfaceName() + " plugin named '" + name
          + "' is installed (installed: " + String.join(", ", all.stream()
              .map(p -> manifest.apply(p).name()).toList()) + ")");
    }
    return hits.get(0);
  }

  /**
   * The drag-model provider called {@code name}.
   *
   * @throws IllegalArgumentException when none (or more than one) has that name; the message
   *     lists the installed names
   */
  public static DragModelProvider dragModelProvider(String name) {
    return byName(dragModelProviders(), DragModelProvider::manifest, name,
        PluginKind.DRAG_MODEL);
  }

  /** The ablation-model provider called {@code name} (see {@link #dragModelProvider}). */
  public static AblationModelProvider ablationModelProvider(String name) {
    return byName(ablationModelProviders(), AblationModelProvider::manifest, name,
        PluginKind.ABLATION_MODEL);
  }

  /** The integrator provider called {@code name} (see {@link #dragModelProvider}). */
  public static IntegratorProvider integratorProvider(String name) {
    return byName(integratorProviders(), IntegratorProvider::manifest, name,
        PluginKind.INTEGRATOR);
  }

  /**
   * The guarded drag model of plugin {@code name}.
   *
   * @throws PluginFailureException when the plugin throws while being built
   */
  public static DragModel dragModel(String name, String configJson) {
    DragModelProvider p = dragModelProvider(name);
    DragModel m;
    try {
      m = p.create(configJson);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(name, PluginKind.DRAG_MODEL,
          "create: " + PluginFailureException.describe(e), e);
    }
    return new GuardedDragModel(name, m);
  }

  /** The guarded ablation model of plugin {@code name} (see {@link #dragModel}). */
  public static AblationModel ablationModel(String name, PhysicsConfig.Ablation settings,
      String configJson) {
    AblationModelProvider p = ablationModelProvider(name);
    AblationModel m;
    try {
      m = p.create(settings, configJson);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(name, PluginKind.ABLATION_MODEL,
          "create: " + PluginFailureException.describe(e), e);
    }
    return new GuardedAblationModel(name, m);
  }

  /** A new guarded integrator of plugin {@code name} (see {@link #dragModel}). */
  public static Integrator integrator(String name, PhysicsConfig.Integration settings,
      double[] absoluteTolerances, int positionComponents, String configJson) {
    IntegratorProvider p = integratorProvider(name);
    Integrator m;
    try {
      m = p.create(settings, absoluteTolerances, positionComponents, configJson);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(name, PluginKind.INTEGRATOR,
          "create: " + PluginFailureException.describe(e), e);
    }
    return new GuardedIntegrator(name, m);
  }

  /**
   * Builds and probes every plugin the configuration selects, before any trajectory is flown,
   * so that a broken critical plugin stops the run before anything is written: C_d of a 1 kg
   * stone at Mach 0.5, Re = 10⁵; dm/dt at 1 kg/m³ and 100 m/s; one step of y' = −y.
   *
   * @throws IllegalArgumentException when a selected plugin is not installed
   * @throws PluginFailureException   when a selected plugin throws or returns nonsense
   */
  public static void check(PhysicsConfig config) {
    PhysicsConfig.Plugins p = config.plugins();
    Fragment probe = new Fragment("plugin-probe", 1.0, 3500.0, 1.0, 1.0);
    if (p.dragModel() != null) {
      dragModel(p.dragModel(), p.dragConfigJson()).dragCoefficient(0.5, 1e5, probe);
    }
    if (p.ablationModel() != null && config.ablation().enabled()) {
      ablationModel(p.ablationModel(), config.ablation(), p.ablationConfigJson())
          .massRateKgPerS(0.01, 1.0, 100.0, 1.0, probe);
    }
    if (p.integrator() != null) {
      Integrator i = integrator(p.integrator(), config.integration(), new double[] {1e-6, 1e-6},
          1, p.integratorConfigJson());
      double[] out = new double[2];
      i.step((t, y, yDot) -> {
        yDot[0] = -y[0];
        yDot[1] = -y[1];
      }, 0.0, new double[] {1.0, 1.0}, config.integration().dtInitialS(), out);
    }
  }
}
