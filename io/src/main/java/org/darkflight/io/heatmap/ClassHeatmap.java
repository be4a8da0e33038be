package org.darkflight.io.heatmap;

/**
 * The landing probability of one mass class per ground cell.
 *
 * @param massClassIndex  index of the mass class, 0 = lightest
 * @param massClass       its label
 * @param landings        landings of the class the map was estimated from
 * @param probability     probability per cell, row-major, row 0 north (sums to 1 when
 *                        {@code landings > 0}, else all 0)
 */
public record ClassHeatmap(int massClassIndex, String massClass, long landings,
    double[] probability) {

  /** Sum of the cell probabilities (1 up to rounding for a non-empty class). */
  public double total() {
    double s = 0;
    for (double p : probability) {
      s += p;
    }
    return s;
  }

  /** Largest cell probability. */
  public double max() {
    double m = 0;
    for (double p : probability) {
      m = Math.max(m, p);
    }
    return m;
  }
}
