package org.darkflight.analysis.sampling;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One independent random stream per ensemble sample, derived only from the run's seed and the
 * sample index, so a sample draws the same numbers whatever the runner, the parallelism or the
 * processing order, and the same draws can be reused across physics variants (paired runs).
 *
 * <p>The 128-bit state of a {@link RandomSource#XO_RO_SHI_RO_128_PP} generator (Blackman &amp;
 * Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47, 2021) is filled by two
 * rounds of the SplitMix64 output function (Steele, Lea &amp; Flood, "Fast splittable pseudorandom
 * number generators", OOPSLA 2014) applied to the seed and the index. SplitMix64's finaliser is a
 * bijection with strong avalanche, so neighbouring indices get unrelated states.
 */
public final class Substreams {

  /** SplitMix64's increment, the odd integer closest to 2⁶⁴/φ. */
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Substreams() {}

  /** The generator of sample {@code index} in a run seeded with {@code seed}. */
  public static UniformRandomProvider forSample(long seed, long index) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(state(seed, index));
  }

  /** The 128-bit generator state of a sample (two longs, never both zero). */
  static long[] state(long seed, long index) {
    long base = mix64(mix64(seed) + index * GOLDEN_GAMMA);
    long s0 = mix64(base + GOLDEN_GAMMA);
    long s1 = mix64(base + 2 * GOLDEN_GAMMA);
    if (s0 == 0 && s1 == 0) {
      s1 = GOLDEN_GAMMA;
    }
    return new long[] {s0, s1};
  }

  /**
   * A 64-bit digest of (seed, index) reported with failed samples so that one sample can be
   * replayed; it is the first word of the sample's generator state.
   */
  public static long substreamSeed(long seed, long index) {
    return state(seed, index)[0];
  }

  /** A key derived from the seed and a small tag (e.g. a dimension), for permutations. */
  public static long key(long seed, long tag) {
    return mix64(mix64(seed ^ 0x5DEECE66DL) + (tag + 1) * GOLDEN_GAMMA);
  }

  /** SplitMix64's finaliser (Stafford's "Mix13" variant). */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A double in the open interval (0, 1) from 53 random bits. */
  public static double openUnit(UniformRandomProvider rng) {
    return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
  }
}
