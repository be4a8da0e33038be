package org.darkflight.transforms.fit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apache.beam.sdk.coders.BigIntegerCoder;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * First and second moments of east/north offsets, accumulated exactly so that the result does
 * not depend on the order in which values arrive or partial sums are merged (floating-point sums
 * do: (a + b) + c ≠ a + (b + c)). Each offset is rounded once to a whole number of micrometres
 * ({@link #QUANTUM_M}); n, Σx, Σy, Σx², Σxy, Σy² are then sums of integers held in
 * {@link BigInteger}, which are associative and commutative. Mean and covariance are computed
 * from the exact sums: C_xy = (n·Σxy − Σx·Σy) / (n(n − 1)) (the unbiased sample covariance),
 * divided in {@link MathContext#DECIMAL128} and rounded once to double.
 *
 * <p>Instances are mutable accumulators of a {@code CombineFn}.
 */
public final class ExactMoments {

  /** Resolution of the accumulated offsets, m. */
  public static final double QUANTUM_M = 1e-6;
  private static final BigDecimal QUANTA_PER_M = BigDecimal.valueOf(1_000_000);

  private long n;
  private BigInteger sumX = BigInteger.ZERO;
  private BigInteger sumY = BigInteger.ZERO;
  private BigInteger sumXx = BigInteger.ZERO;
  private BigInteger sumXy = BigInteger.ZERO;
  private BigInteger sumYy = BigInteger.ZERO;

  /** Adds one point (east, north offsets in metres; finite, |value| &lt; 9e12 m). */
  public ExactMoments add(double eastM, double northM) {
    BigInteger x = BigInteger.valueOf(quantise(eastM));
    BigInteger y = BigInteger.valueOf(quantise(northM));
    n++;
    sumX = sumX.add(x);
    sumY = sumY.add(y);
    sumXx = sumXx.add(x.multiply(x));
    sumXy = sumXy.add(x.multiply(y));
    sumYy = sumYy.add(y.multiply(y));
    return this;
  }

  /** Adds every sum of {@code other} into this. */
  public ExactMoments merge(ExactMoments other) {
    n += other.n;
    sumX = sumX.add(other.sumX);
    sumY = sumY.add(other.sumY);
    sumXx = sumXx.add(other.sumXx);
    sumXy = sumXy.add(other.sumXy);
    sumYy = sumYy.add(other.sumYy);
    return this;
  }

  private static long quantise(double m) {
    if (!Double.isFinite(m) || Math.abs(m) > 9e12) {
      throw new IllegalArgumentException("offset must be finite and below 9e12 m, got " + m);
    }
    return Math.round(m / QUANTUM_M);
  }

  public long count() {
    return n;
  }

  /** Mean east offset, m. */
  public double meanEastM() {
    return mean(sumX);
  }

  /** Mean north offset, m. */
  public double meanNorthM() {
    return mean(sumY);
  }

  /** Unbiased variance of east, m² (needs n ≥ 2). */
  public double covarianceEeM2() {
    return covariance(sumXx, sumX, sumX);
  }

  /** Unbiased covariance of east and north, m² (needs n ≥ 2). */
  public double covarianceEnM2() {
    return covariance(sumXy, sumX, sumY);
  }

  /** Unbiased variance of north, m² (needs n ≥ 2). */
  public double covarianceNnM2() {
    return covariance(sumYy, sumY, sumY);
  }

  private double mean(BigInteger sum) {
    if (n == 0) {
      return Double.NaN;
    }
    return new BigDecimal(sum).divide(QUANTA_PER_M.multiply(BigDecimal.valueOf(n)),
        MathContext.DECIMAL128).doubleValue();
  }

  private double covariance(BigInteger sumAb, BigInteger sumA, BigInteger sumB) {
    if (n < 2) {
      return Double.NaN;
    }
    BigInteger bn = BigInteger.valueOf(n);
    BigInteger numerator = bn.multiply(sumAb).subtract(sumA.multiply(sumB));
    BigDecimal denominator = QUANTA_PER_M.multiply(QUANTA_PER_M)
        .multiply(new BigDecimal(bn.multiply(bn.subtract(BigInteger.ONE))));
    return new BigDecimal(numerator).divide(denominator, MathContext.DECIMAL128).doubleValue();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExactMoments m && n == m.n && sumX.equals(m.sumX)
        && sumY.equals(m.sumY) && sumXx.equals(m.sumXx) && sumXy.equals(m.sumXy)
        && sumYy.equals(m.sumYy);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(n, sumX, sumY, sumXx, sumXy, sumYy);
  }

  /** Beam coder of the accumulator (exact: the integers are written in full). */
  public static final class MomentsCoder extends CustomCoder<ExactMoments> {
    private static final long serialVersionUID = 1L;
    private static final BigIntegerCoder BIG = BigIntegerCoder.of();

    @Override
    public void encode(ExactMoments m, OutputStream out) throws IOException {
      BIG.encode(BigInteger.valueOf(m.n), out);
      BIG.encode(m.sumX, out);
      BIG.encode(m.sumY, out);
      BIG.encode(m.sumXx, out);
      BIG.encode(m.sumXy, out);
      BIG.encode(m.sumYy, out);
    }

    @Override
    public ExactMoments decode(InputStream in) throws IOException {
      ExactMoments m = new ExactMoments();
      m.n = BIG.decode(in).longValueExact();
      m.sumX = BIG.decode(in);
      m.sumY = BIG.decode(in);
      m.sumXx = BIG.decode(in);
      m.sumXy = BIG.decode(in);
      m.sumYy = BIG.decode(in);
      return m;
    }

    @Override
    public void verifyDeterministic() {}
  }
}
