package org.darkflight.analysis.uq;

import java.util.function.ToDoubleFunction;

/**
 * One-at-a-time effects: the central difference of the model output when input i moves by ±δᵢ
 * about the baseline, all other inputs held (Saltelli et al., <i>Global Sensitivity Analysis: The
 * Primer</i>, Wiley 2008, §1.2.3). Gives the local slope ∂f/∂xᵢ ≈ (f(x+δᵢ) − f(x−δᵢ)) / 2δᵢ and
 * the swing f(x+δᵢ) − f(x−δᵢ).
 */
public final class OneAtATime {

  /** Effect of one input: the swing over ±δ and the slope. */
  public record Effect(double delta, double minus, double plus, double swing, double slope) {}

  private OneAtATime() {}

  /** Effects of every input about {@code baseline} with half-steps {@code deltas}. */
  public static Effect[] effects(double[] baseline, double[] deltas,
      ToDoubleFunction<double[]> model) {
    if (baseline.length != deltas.length) {
      throw new IllegalArgumentException("baseline and deltas differ in length");
    }
    Effect[] out = new Effect[baseline.length];
    for (int i = 0; i < baseline.length; i++) {
      if (!(deltas[i] > 0)) {
        throw new IllegalArgumentException("delta " + i + " must be > 0");
      }
      double[] lo = baseline.clone();
      double[] hi = baseline.clone();
      lo[i] -= deltas[i];
      hi[i] += deltas[i];
      double fm = model.applyAsDouble(lo);
      double fp = model.applyAsDouble(hi);
      out[i] = new Effect(deltas[i], fm, fp, fp - fm, (fp - fm) / (2 * deltas[i]));
    }
    return out;
  }
}
