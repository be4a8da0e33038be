package org.darkflight.analysis.ensemble;

import java.io.Serializable;
import org.hipparchus.special.Erf;

/**
 * The distribution of one uncertain parameter, mapped from a uniform draw u ∈ (0, 1) by its
 * inverse cumulative distribution function, so that Monte Carlo and Latin Hypercube sampling share
 * one code path (a stratified u gives a stratified value).
 *
 * <p>Location parameters may be left out ({@code NaN}): the draw is then centred on the nominal
 * value of the sample (the fragment's or the luminous end's value).
 *
 * @param kind       the distribution family
 * @param location   normal: mean; lognormal: μ of ln X; uniform: NaN; NaN = use the nominal value
 * @param sigma      normal: σ; lognormal: σ of ln X; uniform: NaN (&gt;= 0)
 * @param min        uniform: lower bound, or NaN when {@code halfWidth} is used
 * @param max        uniform: upper bound, or NaN when {@code halfWidth} is used
 * @param halfWidth  uniform: nominal ± halfWidth, or NaN when bounds are given
 */
public record Distribution(DistributionKind kind, double location, double sigma, double min,
    double max, double halfWidth) implements Serializable {

  private static final long serialVersionUID = 1L;

  public Distribution {
    if (kind == null) {
      throw new IllegalArgumentException("dist must be given");
    }
    switch (kind) {
      case NORMAL, LOGNORMAL -> {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
          throw new IllegalArgumentException("sigma must be a finite number >= 0, got " + sigma);
        }
        if (Double.isInfinite(location)) {
          throw new IllegalArgumentException("location must be finite");
        }
      }
      case UNIFORM -> {
        boolean bounds = !Double.isNaN(min) || !Double.isNaN(max);
        if (bounds == !Double.isNaN(halfWidth)) {
          throw new IllegalArgumentException("uniform needs either min and max, or half_width");
        }
        if (bounds && !(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
          throw new IllegalArgumentException(
              "uniform needs finite min <= max, got min " + min + ", max " + max);
        }
        if (!bounds && !(halfWidth >= 0 && Double.isFinite(halfWidth))) {
          throw new IllegalArgumentException(
              "half_width must be a finite number >= 0, got " + halfWidth);
        }
      }
      default -> throw new IllegalArgumentException("unknown distribution " + kind);
    }
  }

  /** Normal with the given mean (NaN = nominal) and σ. */
  public static Distribution normal(double mean, double sigma) {
    return new Distribution(DistributionKind.NORMAL, mean, sigma, Double.NaN, Double.NaN,
        Double.NaN);
  }

  /** Log-normal with μ (NaN = ln nominal) and σ of ln X. */
  public static Distribution lognormal(double mu, double sigma) {
    return new Distribution(DistributionKind.LOGNORMAL, mu, sigma, Double.NaN, Double.NaN,
        Double.NaN);
  }

  /** Uniform on [min, max]. */
  public static Distribution uniform(double min, double max) {
    return new Distribution(DistributionKind.UNIFORM, Double.NaN, Double.NaN, min, max,
        Double.NaN);
  }

  /** Uniform on nominal ± halfWidth. */
  public static Distribution uniformAround(double halfWidth) {
    return new Distribution(DistributionKind.UNIFORM, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, halfWidth);
  }

  /**
   * The value whose cumulative probability is {@code u}.
   *
   * <p>Normal quantile: μ + σ·√2·erf⁻¹(2u − 1) (Abramowitz &amp; Stegun 26.2.2 with
   * Φ(x) = ½[1 + erf(x/√2)]); log-normal: exp of the normal quantile of ln X; uniform: linear.
   *
   * @param u       probability in (0, 1)
   * @param nominal the value the distribution is centred on when no location is given
   */
  public double quantile(double u, double nominal) {
    switch (kind) {
      case NORMAL: {
        double mean = Double.isNaN(location) ? nominal : location;
        return mean + sigma * standardNormalQuantile(u);
      }
      case LOGNORMAL: {
        double mu = Double.isNaN(location) ? Math.log(nominal) : location;
        return Math.exp(mu + sigma * standardNormalQuantile(u));
      }
      case UNIFORM: {
        double lo = Double.isNaN(halfWidth) ? min : nominal - halfWidth;
        double hi = Double.isNaN(halfWidth) ? max : nominal + halfWidth;
        return lo + u * (hi - lo);
      }
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  /** Φ⁻¹(u) of the standard normal distribution. */
  public static double standardNormalQuantile(double u) {
    return Math.sqrt(2.0) * Erf.erfInv(2.0 * u - 1.0);
  }
}
