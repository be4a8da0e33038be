package org.darkflight.analysis.uq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.PointValuePair;

/**
 * Fits the free calibration parameters so that the predicted landing of each find's mass matches
 * its position. Objective: the Gaussian negative log-likelihood
 * ℓ(θ) = ½ Σ_k |x̂_k(θ) − x_k|² / σ_k² (x in metres in the tangent plane at the first find, σ_k
 * the find's position uncertainty; constant terms dropped). Search: a grid over the free
 * parameters (±2 scales, 5 points each for up to two free parameters, 3 each beyond), then Powell's
 * BOBYQA (Hipparchus; Powell, "The BOBYQA algorithm for bound constrained optimization without
 * derivatives", Cambridge NA Report 2009/06) from the best grid point within ±5 scales.
 * Posterior spread: the Laplace approximation, covariance = H⁻¹ with H the central-difference
 * Hessian of ℓ at the optimum (flat prior), reported as 1-σ per parameter.
 *
 * <p>With fewer than {@link #MIN_FINDS} finds, or fewer residuals (2 per find) than free
 * parameters, the baseline is kept and the result says so.
 */
public final class Calibration {

  /** Fewest finds that are evidence enough to move the baseline. */
  public static final int MIN_FINDS = 2;

  /**
   * The outcome.
   *
   * @param calibrated     false when the baseline was kept
   * @param message        why (or how) the parameters were set
   * @param values         parameter values ({@link CalibrationParameter} order)
   * @param sigma          1-σ posterior spread (NaN for fixed parameters or when not calibrated)
   * @param free           which parameters were fitted
   * @param baselineNll    ℓ at the baseline
   * @param nll            ℓ at the result
   * @param evaluations    forward-model sweeps spent
   * @param residualsM     distance of each find from its predicted landing, m
   */
  public record Result(boolean calibrated, String message, double[] values, double[] sigma,
      boolean[] free, double baselineNll, double nll, int evaluations, double[] residualsM) {}

  private final ForwardModel model;
  private final List<Find> finds;
  private final double[] baseline;
  private final boolean[] free;
  private final int[] freeIndex;
  private final LocalTangentPlane plane;
  private int evaluations;

  public Calibration(ForwardModel model, List<Find> finds, double[] baseline, boolean[] free) {
    this.model = Objects.requireNonNull(model, "model");
    this.finds = List.copyOf(finds);
    if (baseline.length != CalibrationParameter.values().length || free.length != baseline.length) {
      throw new IllegalArgumentException("one baseline value and free flag per parameter");
    }
    this.baseline = baseline.clone();
    this.free = free.clone();
    int n = 0;
    for (boolean f : free) {
      n += f ? 1 : 0;
    }
    freeIndex = new int[n];
    for (int i = 0, j = 0; i < free.length; i++) {
      if (free[i]) {
        freeIndex[j++] = i;
      }
    }
    plane = finds.isEmpty() ? null
        : new LocalTangentPlane(new LatLon(finds.get(0).latitudeDeg(),
            finds.get(0).longitudeDeg()));
  }

  /** Runs the fit. */
  public Result fit() {
    int k = freeIndex.length;
    if (finds.size() < MIN_FINDS || 2 * finds.size() < k || k == 0) {
      double nll = finds.isEmpty() ? 0 : nll(baseline);
      double[] nan = new double[baseline.length];
      java.util.Arrays.fill(nan, Double.NaN);
      String why = k == 0 ? "no free parameter: baseline kept"
          : "insufficient evidence: " + finds.size() + " find(s), at least " + MIN_FINDS
          + " and " + ((k + 1) / 2) + " needed for " + k + " free parameter(s); baseline kept";
      return new Result(false, why, baseline.clone(), nan, free.clone(), nll, nll, evaluations,
          residuals(baseline));
    }
    double base = nll(baseline);
    // grid search in normalised units z (θ = baseline + z·scale)
    int per = k <= 2 ? 5 : 3;
    double[] best = new double[k];
    double bestValue = Double.POSITIVE_INFINITY;
    int total = (int) Math.pow(per, k);
    for (int g = 0; g < total; g++) {
      double[] z = new double[k];
      int r = g;
      for (int d = 0; d < k; d++) {
        z[d] = -2 + 4.0 * (r % per) / (per - 1);
        r /= per;
      }
      double v = nllZ(z);
      if (v < bestValue) {
        bestValue = v;
        best = z;
      }
    }
    double[] lo = new double[k];
    double[] hi = new double[k];
    for (int d = 0; d < k; d++) {
      lo[d] = -5;
      hi[d] = 5;
      CalibrationParameter p = CalibrationParameter.values()[freeIndex[d]];
      if (p != CalibrationParameter.ALONG_TRACK_M && p != CalibrationParameter.CROSS_TRACK_M) {
        // scales and density stay positive: at least 20 % of the baseline
        lo[d] = Math.max(lo[d], (0.2 * baseline[freeIndex[d]] - baseline[freeIndex[d]])
            / p.scale());
      }
    }
    double[] z0 = best;
    if (k >= 2) {
      BOBYQAOptimizer opt = new BOBYQAOptimizer(2 * k + 1, 0.5, 1e-6);
      PointValuePair pv = opt.optimize(new MaxEval(4000),
          new ObjectiveFunction(this::nllZ), GoalType.MINIMIZE, new InitialGuess(best),
          new SimpleBounds(lo, hi));
      if (pv.getValue() < bestValue) {
        z0 = pv.getPoint();
      }
    } else {
      z0 = golden(best[0], lo[0], hi[0]);
    }
    double[] theta = toTheta(z0);
    double value = nll(theta);
    double[] sigma = new double[baseline.length];
    java.util.Arrays.fill(sigma, Double.NaN);
    RealMatrix h = hessian(z0);
    LUDecomposition lu = new LUDecomposition(h);
    if (lu.getDeterminant() > 0) {
      RealMatrix cov = lu.getSolver().getInverse();
      for (int d = 0; d < k; d++) {
        double var = cov.getEntry(d, d);
        sigma[freeIndex[d]] = var > 0
            ? Math.sqrt(var) * CalibrationParameter.values()[freeIndex[d]].scale() : Double.NaN;
      }
    }
    return new Result(true, String.format(java.util.Locale.ROOT,
        "calibrated %d parameter(s) on %d finds: -log L %.4g -> %.4g", k, finds.size(), base,
        value), theta, sigma, free.clone(), base, value, evaluations, residuals(theta));
  }

  /** One-dimensional golden-section refinement within [lo, hi] around the grid optimum. */
  private double[] golden(double start, double lo, double hi) {
    double a = Math.max(lo, start - 1);
    double b = Math.min(hi, start + 1);
    double gr = (Math.sqrt(5) - 1) / 2;
    double c = b - gr * (b - a);
    double d = a + gr * (b - a);
    double fc = nllZ(new double[] {c});
    double fd = nllZ(new double[] {d});
    for (int i = 0; i < 60 && b - a > 1e-7; i++) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - gr * (b - a);
        fc = nllZ(new double[] {c});
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + gr * (b - a);
        fd = nllZ(new double[] {d});
      }
    }
    return new double[] {(a + b) / 2};
  }

  private RealMatrix hessian(double[] z) {
    int k = z.length;
    double e = 1e-3;
    RealMatrix h = MatrixUtils.createRealMatrix(k, k);
    double f0 = nllZ(z);
    for (int i = 0; i < k; i++) {
      for (int j = i; j < k; j++) {
        double v;
        if (i == j) {
          v = (nllZ(shift(z, i, e, i, 0)) - 2 * f0 + nllZ(shift(z, i, -e, i, 0))) / (e * e);
        } else {
          v = (nllZ(shift(z, i, e, j, e)) - nllZ(shift(z, i, e, j, -e))
              - nllZ(shift(z, i, -e, j, e)) + nllZ(shift(z, i, -e, j, -e))) / (4 * e * e);
        }
        h.setEntry(i, j, v);
        h.setEntry(j, i, v);
      }
    }
    return h;
  }

  private static double[] shift(double[] z, int i, double di, int j, double dj) {
    double[] s = z.clone();
    s[i] += di;
    s[j] += dj;
    return s;
  }

  private double[] toTheta(double[] z) {
    double[] t = baseline.clone();
    for (int d = 0; d < z.length; d++) {
      t[freeIndex[d]] = baseline[freeIndex[d]]
          + z[d] * CalibrationParameter.values()[freeIndex[d]].scale();
    }
    return t;
  }

  private double nllZ(double[] z) {
    return nll(toTheta(z));
  }

  /** ℓ(θ); a failed forward run counts as +∞. */
  public double nll(double[] theta) {
    evaluations++;
    double s = 0;
    for (Find f : finds) {
      double[] d = offset(theta, f);
      if (d == null) {
        return Double.MAX_VALUE;
      }
      s += 0.5 * (d[0] * d[0] + d[1] * d[1]) / (f.sigmaM() * f.sigmaM());
    }
    return s;
  }

  private double[] offset(double[] theta, Find f) {
    double[] ll;
    try {
      ll = model.landing(theta, f.massKg());
    } catch (RuntimeException e) {
      return null;
    }
    LatLon pred = new LatLon(ll[0], ll[1]);
    LatLon obs = new LatLon(f.latitudeDeg(), f.longitudeDeg());
    return new double[] {plane.eastM(pred) - plane.eastM(obs),
        plane.northM(pred) - plane.northM(obs)};
  }

  private double[] residuals(double[] theta) {
    List<Double> out = new ArrayList<>();
    for (Find f : finds) {
      double[] d = offset(theta, f);
      out.add(d == null ? Double.NaN : Math.hypot(d[0], d[1]));
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
