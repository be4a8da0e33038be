package org.darkflight.analysis.sampling;

import java.io.Serializable;
import java.util.List;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * Turns a sample index into uniform draws u ∈ (0, 1), one per uncertain dimension; the
 * distributions then map each u through their inverse CDF. An implementation must depend only on
 * its arguments (never on call order or shared state), so any sample can be generated on any
 * worker. Implementations are found with {@link java.util.ServiceLoader} (docs/ensemble.md, docs/plugins.md) and have a
 * public no-argument constructor.
 */
public interface SamplingStrategy extends Serializable {

  /** The name used in {@code ensemble_config.json} ({@code sampling}). */
  String name();

  /**
   * Name, version, {@code provides: [SamplingStrategy]} and configuration schema (docs/plugins.md);
   * by default version 1.0 and no configuration. Sampling strategies take no configuration block.
   */
  default PluginManifest manifest() {
    return new PluginManifest(name(), "1.0", List.of("SamplingStrategy"), null);
  }

  /**
   * Fills {@code out} with the uniform draws of one sample.
   *
   * @param seed         the run's random seed
   * @param index        the sample index, in [0, totalSamples)
   * @param totalSamples the number of samples of the run
   * @param out          one slot per dimension, filled with values in (0, 1)
   */
  void unitDraws(long seed, long index, long totalSamples, double[] out);
}
