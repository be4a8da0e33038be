package org.darkflight.transforms.uq;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Variance-based sensitivity indices of a scalar model output Y = f(X₁…X_k) with independent
 * inputs, estimated from paired draws: two independent sample matrices A and B (N rows, one
 * column per input, drawn once) and, for each input i, the matrix A_B^(i) = A with column i taken
 * from B. The same rows serve every input, so the indices are differences over identical samples.
 *
 * <ul>
 *   <li>first order S_i = V_i / V with V_i = (1/N) Σ_j f(B)_j · (f(A_B^(i))_j − f(A)_j)
 *       (Saltelli et al., "Variance based sensitivity analysis of model output", Comput. Phys.
 *       Commun. 181 (2010) 259–270, Table 2 (b));</li>
 *   <li>total S_Ti = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V (Jansen 1999, same table (f)).</li>
 * </ul>
 * V is the variance of the 2N outputs f(A) ∪ f(B). Cost: N·(k + 2) model runs.
 */
public final class SobolIndices {

  /** The indices and their bootstrap-free standard errors (delta method on the sums). */
  public record Result(double[] firstOrder, double[] total, double[] firstOrderStdErr,
      double variance, int samples) {}

  /** Draws one input vector from uniform numbers u ∈ [0,1)^k (e.g. inverse CDFs). */
  @FunctionalInterface
  public interface InputMap {
    double[] apply(double[] u);
  }

  private SobolIndices() {}

  /**
   * Estimates the indices of {@code model} with {@code n} base rows.
   *
   * @param k      number of inputs
   * @param inputs maps uniforms to inputs
   * @param model  the model output
   */
  public static Result estimate(int k, int n, UniformRandomProvider rng, InputMap inputs,
      ToDoubleFunction<double[]> model) {
    if (k < 1 || n < 2) {
      throw new IllegalArgumentException("need k >= 1 inputs and n >= 2 samples");
    }
    Objects.requireNonNull(rng, "rng");
    double[][] a = new double[n][];
    double[][] b = new double[n][];
    double[][] ua = new double[n][k];
    double[][] ub = new double[n][k];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < k; i++) {
        ua[j][i] = rng.nextDouble();
        ub[j][i] = rng.nextDouble();
      }
      a[j] = inputs.apply(ua[j].clone());
      b[j] = inputs.apply(ub[j].clone());
    }
    double[] fa = new double[n];
    double[] fb = new double[n];
    for (int j = 0; j < n; j++) {
      fa[j] = model.applyAsDouble(a[j]);
      fb[j] = model.applyAsDouble(b[j]);
    }
    double mean = 0;
    for (int j = 0; j < n; j++) {
      mean += fa[j] + fb[j];
    }
    mean /= 2.0 * n;
    double var = 0;
    for (int j = 0; j < n; j++) {
      var += (fa[j] - mean) * (fa[j] - mean) + (fb[j] - mean) * (fb[j] - mean);
    }
    var /= 2.0 * n - 1;
    double[] s = new double[k];
    double[] st = new double[k];
    double[] se = new double[k];
    for (int i = 0; i < k; i++) {
      double sum = 0;
      double sumSq = 0;
      double tot = 0;
      for (int j = 0; j < n; j++) {
        double[] u = ua[j].clone();
        u[i] = ub[j][i];
        double fab = model.applyAsDouble(inputs.apply(u));
        double term = fb[j] * (fab - fa[j]);
        sum += term;
        sumSq += term * term;
        tot += (fa[j] - fab) * (fa[j] - fab);
      }
      double m = sum / n;
      s[i] = m / var;
      se[i] = Math.sqrt(Math.max(0, sumSq / n - m * m) / n) / var;
      st[i] = tot / (2.0 * n) / var;
    }
    return new Result(s, st, se, var, n);
  }
}
