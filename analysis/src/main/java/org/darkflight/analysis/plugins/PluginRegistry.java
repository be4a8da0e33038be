package org.darkflight.analysis.plugins;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.config.PluginConfigs;
import org.darkflight.physics.ablation.AblationModelProvider;
import org.darkflight.physics.drag.DragModelProvider;
import org.darkflight.physics.integrate.IntegratorProvider;
import org.darkflight.physics.models.PhysicsPlugins;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.analysis.atmos.AtmosFusionStrategy;
import org.darkflight.analysis.atmos.DefaultAtmosFusion;
import org.darkflight.analysis.sampling.SamplingStrategy;

/**
 * Every installed plugin of the six kinds of spec §11.1, built-ins included, found with
 * {@link ServiceLoader} in {@link PhysicsPlugins#loader()} (the context class loader, where the
 * CLI puts the jars of {@code DARKFLIGHT_PLUGIN_PATH}).
 *
 * <p>{@link #discover()} checks what it finds: names are unique within a kind, each manifest
 * declares the interface it was registered for, and each {@code config_schema} can be read.
 */
public final class PluginRegistry {

  private final List<PluginInfo> plugins;

  private PluginRegistry(List<PluginInfo> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  /**
   * Finds and checks every plugin.
   *
   * @throws IllegalStateException naming the plugins at fault when two plugins of one kind share
   *     a name, a manifest does not provide its kind, or a config_schema cannot be read
   */
  public static PluginRegistry discover() {
    ClassLoader loader = PhysicsPlugins.loader();
    List<PluginInfo> out = new ArrayList<>();
    for (AtmosphericSource s : ServiceLoader.load(AtmosphericSource.class, loader)) {
      out.add(info(PluginKind.ATMOSPHERIC_SOURCE, s.manifest(), s));
    }
    for (AtmosFusionStrategy s : ServiceLoader.load(AtmosFusionStrategy.class, loader)) {
      out.add(info(PluginKind.ATMOS_FUSION_STRATEGY, s.manifest(), s));
    }
    for (DragModelProvider p : PhysicsPlugins.dragModelProviders()) {
      out.add(info(PluginKind.DRAG_MODEL, p.manifest(), p));
    }
    for (AblationModelProvider p : PhysicsPlugins.ablationModelProviders()) {
      out.add(info(PluginKind.ABLATION_MODEL, p.manifest(), p));
    }
    for (IntegratorProvider p : PhysicsPlugins.integratorProviders()) {
      out.add(info(PluginKind.INTEGRATOR, p.manifest(), p));
    }
    for (SamplingStrategy s : ServiceLoader.load(SamplingStrategy.class, loader)) {
      out.add(info(PluginKind.SAMPLING_STRATEGY, s.manifest(), s));
    }
    out.sort(Comparator.comparing((PluginInfo i) -> i.kind().ordinal())
        .thenComparing(i -> i.manifest().name()));
    check(out, loader);
    return new PluginRegistry(out);
  }

  private static PluginInfo info(PluginKind kind, PluginManifest manifest, Object impl) {
    return new PluginInfo(kind, manifest, impl.getClass().getName(), sourceOf(impl.getClass()));
  }

  /** The jar (or directory) a class was loaded from; {@code built-in} for Darkflight's own. */
  static String sourceOf(Class<?> type) {
    if (type.getName().startsWith("org.darkflight.")) {
      return PluginInfo.BUILT_IN;
    }
    CodeSource cs = type.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return "(unknown)";
    }
    try {
      return Path.of(cs.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return cs.getLocation().toString();
    }
  }

  private static void check(List<PluginInfo> all, ClassLoader loader) {
    Map<String, List<PluginInfo>> byKey = new LinkedHashMap<>();
    for (PluginInfo i : all) {
      byKey.computeIfAbsent(i.kind() + "/" + i.manifest().name(), k -> new ArrayList<>()).add(i);
      if (!i.manifest().provides().contains(i.kind().interfaceName())) {
        throw new IllegalStateException("plugin '" + i.manifest().name() + "' (" + i.className()
            + ") is registered as " + i.kind().interfaceName() + " but its manifest provides "
            + i.manifest().provides());
      }
      try {
        ClassLoader own = classLoaderOf(i.className(), loader);
        PluginConfigs.schemaOf(i.manifest(), own);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    for (List<PluginInfo> same : byKey.values()) {
      if (same.size() > 1) {
        PluginInfo first = same.get(0);
        throw new IllegalStateException(same.size() + " " + first.kind().interfaceName()
            + " plugins are named '" + first.manifest().name() + "': " + same.stream()
                .map(i -> i.className() + " (" + i.source() + ")").toList()
            + "; remove one of them from the class path");
      }
    }
  }

  private static ClassLoader classLoaderOf(String className, ClassLoader loader) {
    try {
      ClassLoader own = Class.forName(className, false, loader).getClassLoader();
      return own == null ? loader : own;
    } catch (ClassNotFoundException e) {
      return loader;
    }
  }

  /** Every plugin, by kind then name. */
  public List<PluginInfo> all() {
    return plugins;
  }

  /** The plugins of one kind, by name. */
  public List<PluginInfo> ofKind(PluginKind kind) {
    return plugins.stream().filter(i -> i.kind() == kind).toList();
  }

  /** The names of the plugins of one kind, sorted. */
  public List<String> names(PluginKind kind) {
    return ofKind(kind).stream().map(i -> i.manifest().name()).toList();
  }

  /**
   * The fusion strategy called {@code name} ({@link DefaultAtmosFusion#NAME} is the built-in).
   *
   * @throws IllegalArgumentException when none has that name; the message lists the installed
   */
  public static AtmosFusionStrategy fusionStrategy(String name) {
    List<String> names = new ArrayList<>();
    for (AtmosFusionStrategy s : ServiceLoader.load(AtmosFusionStrategy.class,
        PhysicsPlugins.loader())) {
      if (s.manifest().name().equals(name)) {
        return s;
      }
      names.add(s.manifest().name());
    }
    names.sort(null);
    throw new IllegalArgumentException("no AtmosFusionStrategy plugin named '" + name
        + "' is installed (installed: " + String.join(", ", names) + ")");
  }
}
