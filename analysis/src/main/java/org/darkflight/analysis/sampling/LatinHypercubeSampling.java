package org.darkflight.analysis.sampling;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Stratified Latin Hypercube sampling (McKay, Beckman &amp; Conover, Technometrics 21, 1979): each
 * dimension's (0, 1) range is cut into N equal strata and every stratum holds exactly one of the N
 * samples; within its stratum the sample is placed uniformly at random.
 *
 * <p>The stratum of sample i in dimension d is π_d(i), where π_d is a pseudorandom permutation of
 * [0, N) computed per index, without storing it: a four-round balanced Feistel network on the
 * smallest even power of two ≥ N, with cycle walking to stay inside [0, N) (Black &amp; Rogaway,
 * "Ciphers with arbitrary finite domains", CT-RSA 2002). The Feistel round keys come from the seed
 * and the dimension; the position inside the stratum comes from the sample's own substream.
 */
public final class LatinHypercubeSampling implements SamplingStrategy {

  private static final long serialVersionUID = 1L;

  /** The configuration name. */
  public static final String NAME = "latin_hypercube";

  private static final int ROUNDS = 4;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void unitDraws(long seed, long index, long totalSamples, double[] out) {
    if (index < 0 || index >= totalSamples) {
      throw new IllegalArgumentException(
          "index " + index + " outside [0, " + totalSamples + ")");
    }
    UniformRandomProvider rng = Substreams.forSample(seed, index);
    for (int d = 0; d < out.length; d++) {
      long stratum = permute(index, totalSamples, Substreams.key(seed, d));
      out[d] = (stratum + Substreams.openUnit(rng)) / totalSamples;
    }
  }

  /** π(i): a bijection of [0, n) keyed by {@code key}. */
  static long permute(long i, long n, long key) {
    if (n == 1) {
      return 0;
    }
    int bits = 64 - Long.numberOfLeadingZeros(n - 1);
    if ((bits & 1) == 1) {
      bits++;
    }
    int half = bits / 2;
    long mask = (1L << half) - 1;
    long x = i;
    do {
      x = feistel(x, half, mask, key);
    } while (x >= n);
    return x;
  }

  private static long feistel(long x, int half, long mask, long key) {
    long left = x >>> half;
    long right = x & mask;
    for (int r = 0; r < ROUNDS; r++) {
      long f = Substreams.mix64(right ^ Substreams.mix64(key + r)) & mask;
      long next = left ^ f;
      left = right;
      right = next;
    }
    return (left << half) | right;
  }
}
