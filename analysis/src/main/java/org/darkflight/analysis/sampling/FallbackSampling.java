package org.darkflight.analysis.sampling;

import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.io.PluginWarnings;

/**
 * A plugin sampling strategy guarded by the baseline ({@link MonteCarloSampling}): when the
 * plugin throws, or returns a draw outside (0, 1), for a sample, that sample's draws come from the
 * baseline and a warning names the plugin and the exception. SamplingStrategy is a non-critical
 * plugin kind (spec §11.4). The choice depends only on the sample index (a deterministic plugin
 * fails for the same indices on every run), so results stay reproducible.
 */
final class FallbackSampling implements SamplingStrategy {

  private static final long serialVersionUID = 1L;

  private final SamplingStrategy plugin;
  private final SamplingStrategy baseline = new MonteCarloSampling();
  private transient boolean warned;

  FallbackSampling(SamplingStrategy plugin) {
    this.plugin = plugin;
  }

  @Override
  public String name() {
    return plugin.name();
  }

  @Override
  public void unitDraws(long seed, long index, long totalSamples, double[] out) {
    String problem;
    try {
      plugin.unitDraws(seed, index, totalSamples, out);
      problem = outOfRange(out);
    } catch (RuntimeException | LinkageError e) {
      problem = PluginFailureException.describe(e);
    }
    if (problem != null) {
      if (!warned) {
        warned = true;
        PluginWarnings.warn(PluginKind.SAMPLING_STRATEGY.interfaceName() + " plugin '"
            + plugin.name() + "' failed for sample " + index + ": " + problem
            + "; disabled for such samples, baseline " + MonteCarloSampling.NAME + " used");
      }
      baseline.unitDraws(seed, index, totalSamples, out);
    }
  }

  private static String outOfRange(double[] out) {
    for (int d = 0; d < out.length; d++) {
      if (!(out[d] > 0 && out[d] < 1)) {
        return "draw " + d + " = " + out[d] + " is outside (0, 1)";
      }
    }
    return null;
  }
}
