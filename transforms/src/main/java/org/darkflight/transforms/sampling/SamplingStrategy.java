package org.darkflight.transforms.sampling;

import java.io.Serializable;

/**
 * Turns a sample index into uniform draws u ∈ (0, 1), one per uncertain dimension; the
 * distributions then map each u through their inverse CDF. An implementation must depend only on
 * its arguments (never on call order or shared state), so any sample can be generated on any
 * worker. Implementations are found with {@link java.util.ServiceLoader} (spec §9, §11) and have a
 * public no-argument constructor.
 */
public interface SamplingStrategy extends Serializable {

  /** The name used in {@code ensemble_config.json} ({@code sampling}). */
  String name();

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
