package org.darkflight.io.heatmap;

/**
 * How a heatmap is estimated.
 *
 * @param cellM       requested cell size (edge length), m (&gt; 0)
 * @param method      {@link Method#COUNTS} (histogram) or {@link Method#KERNEL} (Gaussian kernel)
 * @param bandwidthM  standard deviation of the Gaussian kernel, m (&gt; 0; ignored for counts)
 * @param maxCellsPerAxis  largest grid edge in cells; when the landings spread wider the cell is
 *                    enlarged (by whole multiples) and the grid says which size it used
 */
public record HeatmapOptions(double cellM, Method method, double bandwidthM, int maxCellsPerAxis) {

  /** Estimator of the landing density. */
  public enum Method {
    /** Fraction of the class's landings in each cell. */
    COUNTS,
    /** Each landing spread by an isotropic Gaussian kernel, integrated exactly over the cells. */
    KERNEL
  }

  /** Kernel windows are cut at this many bandwidths (mass outside: 2·Φ(−4) ≈ 6e-5, renormalised). */
  public static final double KERNEL_CUTOFF_SIGMAS = 4.0;

  public HeatmapOptions {
    if (!(cellM > 0) || Double.isInfinite(cellM)) {
      throw new IllegalArgumentException("heatmap cell size must be > 0 m, got " + cellM);
    }
    if (method == null) {
      throw new IllegalArgumentException("heatmap method must be given");
    }
    if (!(bandwidthM > 0) || Double.isInfinite(bandwidthM)) {
      throw new IllegalArgumentException("heatmap kernel bandwidth must be > 0 m, got "
          + bandwidthM);
    }
    if (maxCellsPerAxis < 2 || maxCellsPerAxis > 8192) {
      throw new IllegalArgumentException("heatmap max cells per axis must be in [2, 8192], got "
          + maxCellsPerAxis);
    }
  }

  /** Gaussian kernel with bandwidth = cell size, at most 2000 cells per axis. */
  public static HeatmapOptions kernel(double cellM) {
    return new HeatmapOptions(cellM, Method.KERNEL, cellM, 2000);
  }

  /** Counts per cell, at most 2000 cells per axis. */
  public static HeatmapOptions counts(double cellM) {
    return new HeatmapOptions(cellM, Method.COUNTS, cellM, 2000);
  }
}
