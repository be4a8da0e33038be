package org.darkflight.analysis.sampling;

import org.apache.commons.rng.UniformRandomProvider;

/** Plain Monte Carlo: independent uniform draws from the sample's own substream. */
public final class MonteCarloSampling implements SamplingStrategy {

  private static final long serialVersionUID = 1L;

  /** The configuration name. */
  public static final String NAME = "monte_carlo";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void unitDraws(long seed, long index, long totalSamples, double[] out) {
    UniformRandomProvider rng = Substreams.forSample(seed, index);
    for (int d = 0; d < out.length; d++) {
      out[d] = Substreams.openUnit(rng);
    }
  }
}
