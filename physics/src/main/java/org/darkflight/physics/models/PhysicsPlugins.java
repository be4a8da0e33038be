package org.darkflight.physics.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * The one registry of the physics providers (drag, ablation, integrator): the built-ins and the
 * third-party plugins alike are found with {@link ServiceLoader} and looked up by their manifest
 * name. {@link PhysicsModels} resolves every model a configuration selects through it; a plugin
 * named in {@link PhysicsConfig#plugins()} comes back guarded.
 *
 * <p>Providers are looked up with the thread's context class loader (the CLI puts the jars of
 * {@code DARKFLIGHT_PLUGIN_PATH} there; tests put a freshly built jar there), falling back to this
 * module's loader; the providers found per loader are cached with an index by name, so resolving
 * a model per trajectory costs a map look-up. Every plugin model is wrapped so that an exception
 * or an impossible value (a non-finite or non-positive C_d, a positive dm/dt, a non-finite state)
 * becomes a {@link PluginFailureException}, which stops the run: these kinds are
 * {@link PluginKind#critical() critical}.
 */
public final class PhysicsPlugins {

  private static final Map<ClassLoader, Map<Class<?>, Found<?>>> CACHE = new WeakHashMap<>();

  private PhysicsPlugins() {}

  /**
   * The providers of one service type in one loader.
   *
   * @param sorted by manifest name
   * @param byName every provider of each name (more than one is an error at look-up)
   */
  private record Found<T>(List<T> sorted, Map<String, List<T>> byName) {}

  /** The loader plugins are looked up in: the context class loader, else this module's. */
  public static ClassLoader loader() {
    ClassLoader l = Thread.currentThread().getContextClassLoader();
    return l != null ? l : PhysicsPlugins.class.getClassLoader();
  }

  private static <T> Found<T> found(Class<T> type, Function<T, PluginManifest> manifest) {
    ClassLoader l = loader();
    Found<?> found;
    synchronized (CACHE) {
      Map<Class<?>, Found<?>> perLoader = CACHE.computeIfAbsent(l, k -> new HashMap<>());
      found = perLoader.get(type);
      if (found == null) {
        found = index(ServiceLoader.load(type, l), manifest);
        perLoader.put(type, found);
      }
    }
    @SuppressWarnings("unchecked") // stored under its own type just above
    Found<T> typed = (Found<T>) found;
    return typed;
  }

  private static <T> Found<T> index(Iterable<T> providers, Function<T, PluginManifest> manifest) {
    List<T> sorted = new ArrayList<>();
    for (T p : providers) {
      sorted.add(p);
    }
    sorted.sort(Comparator.comparing(p -> manifest.apply(p).name()));
    Map<String, List<T>> byName = new LinkedHashMap<>();
    for (T p : sorted) {
      byName.computeIfAbsent(manifest.apply(p).name(), k -> new ArrayList<>()).add(p);
    }
    byName.replaceAll((k, v) -> List.copyOf(v));
    return new Found<>(List.copyOf(sorted), Map.copyOf(byName));
  }

  /** Every drag-model provider, sorted by name. */
  public static List<DragModelProvider> dragModelProviders() {
    return found(DragModelProvider.class, DragModelProvider::manifest).sorted();
  }

  /** Every ablation-model provider, sorted by name. */
  public static List<AblationModelProvider> ablationModelProviders() {
    return found(AblationModelProvider.class, AblationModelProvider::manifest).sorted();
  }

  /** Every integrator provider, sorted by name. */
  public static List<IntegratorProvider> integratorProviders() {
    return found(IntegratorProvider.class, IntegratorProvider::manifest).sorted();
  }

  private static <T> T byName(Found<T> all, Function<T, PluginManifest> manifest, String name,
      PluginKind kind) {
    List<T> hits = all.byName().getOrDefault(name, List.of());
    if (hits.size() == 1) {
      return hits.get(0);
    }
    if (hits.size() > 1) {
      throw new IllegalArgumentException(hits.size() + " " + kind.interfaceName()
          + " plugins are named '" + name + "': " + hits.stream()
              .map(h -> h.getClass().getName()).toList());
    }
    throw new IllegalArgumentException("no " + kind.interfaceName() + " plugin named '" + name
        + "' is installed (installed: " + String.join(", ", all.sorted().stream()
            .map(p -> manifest.apply(p).name()).toList()) + ")");
  }

  /**
   * The drag-model provider called {@code name}.
   *
   * @throws IllegalArgumentException when none (or more than one) has that name; the message
   *     lists the installed names
   */
  public static DragModelProvider dragModelProvider(String name) {
    return byName(found(DragModelProvider.class, DragModelProvider::manifest),
        DragModelProvider::manifest, name, PluginKind.DRAG_MODEL);
  }

  /** The ablation-model provider called {@code name} (see {@link #dragModelProvider}). */
  public static AblationModelProvider ablationModelProvider(String name) {
    return byName(found(AblationModelProvider.class, AblationModelProvider::manifest),
        AblationModelProvider::manifest, name, PluginKind.ABLATION_MODEL);
  }

  /** The integrator provider called {@code name} (see {@link #dragModelProvider}). */
  public static IntegratorProvider integratorProvider(String name) {
    return byName(found(IntegratorProvider.class, IntegratorProvider::manifest),
        IntegratorProvider::manifest, name, PluginKind.INTEGRATOR);
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
