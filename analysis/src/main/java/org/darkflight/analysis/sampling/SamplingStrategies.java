package org.darkflight.analysis.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.darkflight.physics.models.PhysicsPlugins;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.io.PluginWarnings;

/**
 * Finds {@link SamplingStrategy} implementations with {@link ServiceLoader} (in the context class
 * loader, where the CLI puts plugin jars). A strategy that is not built in is a plugin: it is
 * probed once and, if it fails, disabled for the run in favour of the baseline
 * {@link MonteCarloSampling} with a warning; otherwise it is guarded per sample
 * ({@link FallbackSampling}).
 */
public final class SamplingStrategies {

  private SamplingStrategies() {}

  /** Every strategy on the class path, sorted by name. */
  public static List<SamplingStrategy> all() {
    List<SamplingStrategy> list = new ArrayList<>();
    for (SamplingStrategy s : ServiceLoader.load(SamplingStrategy.class,
        PhysicsPlugins.loader())) {
      list.add(s);
    }
    list.sort((a, b) -> a.name().compareTo(b.name()));
    return list;
  }

  /** The names of every strategy, sorted. */
  public static List<String> names() {
    return all().stream().map(SamplingStrategy::name).toList();
  }

  /**
   * The strategy called {@code name}.
   *
   * @throws IllegalArgumentException when none has that name
   */
  public static SamplingStrategy byName(String name) {
    for (SamplingStrategy s : all()) {
      if (s.name().equals(name)) {
        return builtIn(s) ? s : guarded(s);
      }
    }
    throw new IllegalArgumentException(
        "unknown sampling strategy '" + name + "' (available: " + names() + ")");
  }

  private static boolean builtIn(SamplingStrategy s) {
    return s instanceof MonteCarloSampling || s instanceof LatinHypercubeSampling;
  }

  /** Probes a plugin with one sample of three draws; disables it when that fails. */
  private static SamplingStrategy guarded(SamplingStrategy plugin) {
    double[] probe = new double[3];
    String problem = null;
    try {
      plugin.unitDraws(0L, 0L, 1L, probe);
      for (double u : probe) {
        if (!(u > 0 && u < 1)) {
          problem = "probe draw " + u + " is outside (0, 1)";
        }
      }
    } catch (RuntimeException | LinkageError e) {
      problem = PluginFailureException.describe(e);
    }
    if (problem != null) {
      PluginWarnings.warn("SamplingStrategy plugin '" + plugin.name() + "' failed: " + problem
          + "; disabled, baseline " + MonteCarloSampling.NAME + " used for the whole run");
      return new MonteCarloSampling();
    }
    return new FallbackSampling(plugin);
  }
}
