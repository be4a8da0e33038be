package org.darkflight.analysis.uq;

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

  /**
   * Indices of a vector output Y ∈ ℝᵐ (e.g. a landing's east and north offsets) from outputs
   * already computed on the paired design, per axis and for the whole vector. The vector indices
   * are the trace-based ones of Gamboa, Janon, Klein &amp; Lagnoux ("Sensitivity analysis for
   * multidimensional and functional outputs", Electron. J. Statist. 8 (2014) 575–603):
   * S_i = Σ_a V_i^a / Σ_a V^a — the share of the total variance tr Cov(Y) explained by input i —
   * which does not change when the axes are rotated. Each axis uses the estimators of
   * {@link #estimate}; outputs are centred on their mean first (the estimators are unbiased under
   * a shift, and centring lowers their variance).
   *
   * @param fa   f(A)_j, one row per base sample, m values each
   * @param fb   f(B)_j
   * @param fab  f(A_B^(i))_j: [input i][row j][axis]
   * @param rows the rows to use (a bootstrap resample may repeat rows)
   */
  public static VectorResult fromOutputs(double[][] fa, double[][] fb, double[][][] fab,
      int[] rows) {
    int n = rows.length;
    int k = fab.length;
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 rows, got " + n);
    }
    int m = fa[rows[0]].length;
    double[] varAxis = new double[m];
    double[][] vi = new double[k][m];
    double[][] vt = new double[k][m];
    for (int a = 0; a < m; a++) {
      double mean = 0;
      for (int r : rows) {
        mean += fa[r][a] + fb[r][a];
      }
      mean /= 2.0 * n;
      double var = 0;
      for (int r : rows) {
        var += (fa[r][a] - mean) * (fa[r][a] - mean) + (fb[r][a] - mean) * (fb[r][a] - mean);
      }
      varAxis[a] = var / (2.0 * n - 1);
      for (int i = 0; i < k; i++) {
        double sum = 0;
        double tot = 0;
        for (int r : rows) {
          double d = fab[i][r][a] - fa[r][a];
          sum += (fb[r][a] - mean) * d;
          tot += d * d;
        }
        vi[i][a] = sum / n;
        vt[i][a] = tot / (2.0 * n);
      }
    }
    double varTrace = 0;
    for (double v : varAxis) {
      varTrace += v;
    }
    double[] s = new double[k];
    double[] st = new double[k];
    double[][] sAxis = new double[k][m];
    double[][] stAxis = new double[k][m];
    for (int i = 0; i < k; i++) {
      double si = 0;
      double ti = 0;
      for (int a = 0; a < m; a++) {
        si += vi[i][a];
        ti += vt[i][a];
        sAxis[i][a] = vi[i][a] / varAxis[a];
        stAxis[i][a] = vt[i][a] / varAxis[a];
      }
      s[i] = si / varTrace;
      st[i] = ti / varTrace;
    }
    return new VectorResult(s, st, sAxis, stAxis, varAxis, n);
  }

  /** Every row 0 … n−1 once. */
  public static int[] allRows(int n) {
    int[] r = new int[n];
    for (int j = 0; j < n; j++) {
      r[j] = j;
    }
    return r;
  }

  /**
   * Percentile bootstrap intervals of the vector indices (Efron &amp; Tibshirani, <i>An
   * Introduction to the Bootstrap</i>, 1993, §13.3; Archer, Saltelli &amp; Sobol, J. Statist.
   * Comput. Simul. 58 (1997) 99–120 for Sobol indices): {@code resamples} times the rows are
   * drawn with replacement from {@code rows} and the indices recomputed; the interval is the
   * (1 − level)/2 and (1 + level)/2 quantiles (linear interpolation between order statistics).
   *
   * @return [input i][0 = first order, 1 = total][0 = low, 1 = high]
   */
  public static double[][][] bootstrap(double[][] fa, double[][] fb, double[][][] fab,
      int[] rows, int resamples, double level, UniformRandomProvider rng) {
    int k = fab.length;
    int n = rows.length;
    double[][] first = new double[k][resamples];
    double[][] total = new double[k][resamples];
    int[] pick = new int[n];
    for (int b = 0; b < resamples; b++) {
      for (int j = 0; j < n; j++) {
        pick[j] = rows[rng.nextInt(n)];
      }
      VectorResult r = fromOutputs(fa, fb, fab, pick);
      for (int i = 0; i < k; i++) {
        first[i][b] = r.firstOrder()[i];
        total[i][b] = r.total()[i];
      }
    }
    double lo = (1 - level) / 2;
    double hi = (1 + level) / 2;
    double[][][] out = new double[k][2][];
    for (int i = 0; i < k; i++) {
      out[i][0] = new double[] {quantile(first[i], lo), quantile(first[i], hi)};
      out[i][1] = new double[] {quantile(total[i], lo), quantile(total[i], hi)};
    }
    return out;
  }

  /** The p-quantile of x (sorted in place), Hyndman &amp; Fan type 7. */
  static double quantile(double[] x, double p) {
    java.util.Arrays.sort(x);
    double h = (x.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, x.length - 1);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  }

  /**
   * Indices of a vector output.
   *
   * @param firstOrder     trace-based first-order index of each input
   * @param total          trace-based total index of each input
   * @param firstOrderAxis [input][axis] first-order index of each output axis
   * @param totalAxis      [input][axis] total index of each output axis
   * @param varianceAxis   variance of each output axis
   * @param samples        rows used
   */
  public record VectorResult(double[] firstOrder, double[] total, double[][] firstOrderAxis,
      double[][] totalAxis, double[] varianceAxis, int samples) {}
}
