package org.darkflight.io.heatmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.geo.MassClasses;
import org.hipparchus.special.Erf;

/**
 * Estimates, per mass class, the probability of landing in each ground cell from the landing
 * points of an ensemble.
 *
 * <p>Counts: the fraction of the class's landings in each cell. Kernel: each landing is spread by
 * an isotropic Gaussian of standard deviation h (the bandwidth); the mass it puts in a cell is the
 * exact integral of the Gaussian over the cell, a product of normal-CDF differences
 * [Φ((x₁−e)/h) − Φ((x₀−e)/h)]·[Φ((y₁−n)/h) − Φ((y₀−n)/h)] (Silverman, <i>Density Estimation</i>,
 * 1986, §4.2; Φ(z) = ½·erfc(−z/√2)). The window is cut at {@value HeatmapOptions#KERNEL_CUTOFF_SIGMAS}
 * h and renormalised, so every landing adds exactly 1/n to its class and the class sums to 1.
 * The grid covers all landings of all classes (plus the kernel window), so every class shares it.
 */
public final class GroundHeatmap {

  /** The grid and one map per mass class (empty classes are all-zero). */
  public record Result(HeatmapGrid grid, HeatmapOptions options, List<ClassHeatmap> classes) {}

  private GroundHeatmap() {}

  /**
   * Builds the heatmaps. {@code points} is iterated twice and must yield the same sequence each
   * time.
   *
   * @param origin  tangent-plane origin, e.g. the luminous end's latitude/longitude
   * @throws IllegalArgumentException when there is no landing point at all
   */
  public static Result build(Iterable<LandingPoint> points, MassClasses classes, LatLon origin,
      HeatmapOptions options) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(options, "options");
    LocalTangentPlane plane = new LocalTangentPlane(Objects.requireNonNull(origin, "origin"));
    double minE = Double.POSITIVE_INFINITY;
    double maxE = Double.NEGATIVE_INFINITY;
    double minN = Double.POSITIVE_INFINITY;
    double maxN = Double.NEGATIVE_INFINITY;
    long[] counts = new long[classes.size()];
    for (LandingPoint p : points) {
      classes.check(p.massClassIndex(), p.massClass());
      LatLon ll = new LatLon(p.latitudeDeg(), p.longitudeDeg());
      double e = plane.eastM(ll);
      double n = plane.northM(ll);
      minE = Math.min(minE, e);
      maxE = Math.max(maxE, e);
      minN = Math.min(minN, n);
      maxN = Math.max(maxN, n);
      counts[p.massClassIndex()]++;
    }
    if (minE > maxE) {
      throw new IllegalArgumentException("a heatmap needs at least one landing point");
    }
    HeatmapGrid grid = grid(origin, options, minE, maxE, minN, maxN);
    double[][] maps = new double[classes.size()][grid.cells()];
    double h = options.bandwidthM();
    for (LandingPoint p : points) {
      LatLon ll = new LatLon(p.latitudeDeg(), p.longitudeDeg());
      double e = plane.eastM(ll);
      double n = plane.northM(ll);
      double[] map = maps[p.massClassIndex()];
      double share = 1.0 / counts[p.massClassIndex()];
      if (options.method() == HeatmapOptions.Method.COUNTS) {
        int col = clamp((int) Math.floor((e - grid.westM()) / grid.cellM()), grid.columns());
        int row = clamp((int) Math.floor((grid.northM() - n) / grid.cellM()), grid.rows());
        map[grid.index(row, col)] += share;
      } else {
        double reach = HeatmapOptions.KERNEL_CUTOFF_SIGMAS * h;
        int c0 = clamp((int) Math.floor((e - reach - grid.westM()) / grid.cellM()), grid.columns());
        int c1 = clamp((int) Math.floor((e + reach - grid.westM()) / grid.cellM()), grid.columns());
        int r0 = clamp((int) Math.floor((grid.northM() - n - reach) / grid.cellM()), grid.rows());
        int r1 = clamp((int) Math.floor((grid.northM() - n + reach) / grid.cellM()), grid.rows());
        double[] we = new double[c1 - c0 + 1];
        double sumE = 0;
        for (int c = c0; c <= c1; c++) {
          double x0 = grid.westM() + c * grid.cellM();
          we[c - c0] = phi((x0 + grid.cellM() - e) / h) - phi((x0 - e) / h);
          sumE += we[c - c0];
        }
        double[] wn = new double[r1 - r0 + 1];
        double sumN = 0;
        for (int r = r0; r <= r1; r++) {
          double y1 = grid.northM() - r * grid.cellM();
          wn[r - r0] = phi((y1 - n) / h) - phi((y1 - grid.cellM() - n) / h);
          sumN += wn[r - r0];
        }
        double scale = share / (sumE * sumN);
        for (int r = r0; r <= r1; r++) {
          double rowWeight = wn[r - r0] * scale;
          int base = grid.index(r, 0);
          for (int c = c0; c <= c1; c++) {
            map[base + c] += rowWeight * we[c - c0];
          }
        }
      }
    }
    List<ClassHeatmap> out = new ArrayList<>();
    for (int k = 0; k < classes.size(); k++) {
      out.add(new ClassHeatmap(k, classes.label(k), counts[k], maps[k]));
    }
    return new Result(grid, options, List.copyOf(out));
  }

  /** Standard normal CDF. */
  static double phi(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }

  /** The grid: cell edges on whole multiples of the cell size, enlarged if too many cells. */
  static HeatmapGrid grid(LatLon origin, HeatmapOptions options, double minE, double maxE,
      double minN, double maxN) {
    double margin = options.method() == HeatmapOptions.Method.KERNEL
        ? HeatmapOptions.KERNEL_CUTOFF_SIGMAS * options.bandwidthM() : 0;
    double cell = options.cellM();
    for (int attempt = 0; ; attempt++) {
      double west = Math.floor((minE - margin) / cell) * cell;
      double south = Math.floor((minN - margin) / cell) * cell;
      int cols = Math.max(1, (int) Math.min(Integer.MAX_VALUE,
          Math.floor((maxE + margin - west) / cell) + 1));
      int rows = Math.max(1, (int) Math.min(Integer.MAX_VALUE,
          Math.floor((maxN + margin - south) / cell) + 1));
      int widest = Math.max(cols, rows);
      if (widest <= options.maxCellsPerAxis()) {
        return new HeatmapGrid(origin, cell, west, south, cols, rows);
      }
      if (attempt > 60) {
        throw new IllegalArgumentException("landings spread too wide for a heatmap grid");
      }
      cell *= Math.ceil((double) widest / options.maxCellsPerAxis());
    }
  }
}
