package org.darkflight.analysis.searchplan;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.geo.MassClasses;
import org.darkflight.io.heatmap.GroundHeatmap;
import org.darkflight.io.heatmap.HeatmapGrid;
import org.darkflight.io.heatmap.HeatmapOptions;

/**
 * The landing density of one mass class on a grid of the event's local tangent plane (east/north
 * metres at the luminous end's ground point, {@link LocalTangentPlane}).
 *
 * <p>Estimator: the Gaussian kernel heatmap of {@link GroundHeatmap} (each landing spread by an
 * isotropic Gaussian of standard deviation h and integrated exactly over the cells; Silverman,
 * <i>Density Estimation</i>, 1986, §4.2), divided by the cell area: the density, probability per
 * m², is the cell average, taken to sit at the cell centre; between centres it is interpolated
 * bilinearly, outside the grid it is 0.
 *
 * <p>Bandwidth rule (when none is given): h = σ<sub>minor</sub>·n<sup>−1/6</sup>, Silverman's
 * normal-reference rule for two dimensions (Silverman 1986, eq. 4.14: h = A·σ·n<sup>−1/(d+4)</sup>
 * with A = 1 for d = 2) applied to σ<sub>minor</sub>, the square root of the smaller eigenvalue
 * of the class's east/north sample covariance, never below {@value #MIN_BANDWIDTH_M} m. The minor
 * spread sets it because the width of a strewn field (across the fall line) is where the density
 * changes fastest: a kernel as wide as the major spread would blur a banana-shaped field into an
 * ellipse. Grid rule (when no cell is given): cell = h/{@value #CELLS_PER_BANDWIDTH}; the grid
 * covers the landings plus 4 h, and its cell is enlarged by whole multiples when that would need
 * more than {@code maxCellsPerAxis} cells along an axis.
 */
public final class LandingDensity {

  /** Smallest bandwidth the rule gives, m (about the accuracy of a handheld GPS fix). */
  public static final double MIN_BANDWIDTH_M = 5.0;
  /** Default grid cells per bandwidth. */
  public static final int CELLS_PER_BANDWIDTH = 3;
  /** Default largest grid edge in cells. */
  public static final int DEFAULT_MAX_CELLS_PER_AXIS = 1024;

  private final HeatmapGrid grid;
  private final double[] densityPerM2;
  private final double bandwidthM;

  private LandingDensity(HeatmapGrid grid, double[] densityPerM2, double bandwidthM) {
    this.grid = grid;
    this.densityPerM2 = densityPerM2;
    this.bandwidthM = bandwidthM;
  }

  /**
   * Estimates the density of one class's landings.
   *
   * @param latitudeDeg    landing latitudes, degrees (at least one)
   * @param longitudeDeg   landing longitudes, degrees
   * @param origin         tangent-plane origin (the luminous end's ground point)
   * @param bandwidthM     kernel standard deviation, m, or NaN for the rule above
   * @param cellM          grid cell, m, or NaN for h/{@value #CELLS_PER_BANDWIDTH}
   * @param maxCellsPerAxis largest grid edge in cells (2..8192)
   */
  public static LandingDensity estimate(double[] latitudeDeg, double[] longitudeDeg,
      LatLon origin, double bandwidthM, double cellM, int maxCellsPerAxis) {
    if (latitudeDeg.length == 0 || latitudeDeg.length != longitudeDeg.length) {
      throw new IllegalArgumentException("a landing density needs landings");
    }
    LocalTangentPlane plane = new LocalTangentPlane(origin);
    int n = latitudeDeg.length;
    double[] e = new double[n];
    double[] no = new double[n];
    for (int i = 0; i < n; i++) {
      LatLon p = new LatLon(latitudeDeg[i], longitudeDeg[i]);
      e[i] = plane.eastM(p);
      no[i] = plane.northM(p);
    }
    double h = Double.isNaN(bandwidthM) ? ruleBandwidthM(e, no) : bandwidthM;
    double cell = Double.isNaN(cellM) ? h / CELLS_PER_BANDWIDTH : cellM;
    String label = "class";
    Iterable<LandingPoint> points = () -> new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < n;
      }

      @Override
      public LandingPoint next() {
        if (i >= n) {
          throw new NoSuchElementException();
        }
        // GroundHeatmap reads only the position and the class of a point.
        LandingPoint p = new LandingPoint("landing", i, label, 0, latitudeDeg[i],
            longitudeDeg[i], 1, 1, 0, Instant.EPOCH, 0, Double.NaN, 0, 1, 1, 1);
        i++;
        return p;
      }
    };
    GroundHeatmap.Result r = GroundHeatmap.build(points, new MassClasses(List.of(label)), origin,
        new HeatmapOptions(cell, HeatmapOptions.Method.KERNEL, h, maxCellsPerAxis));
    HeatmapGrid grid = r.grid();
    double[] p = r.classes().get(0).probability();
    double[] density = new double[p.length];
    double area = grid.cellM() * grid.cellM();
    for (int i = 0; i < p.length; i++) {
      density[i] = p[i] / area;
    }
    return new LandingDensity(grid, density, h);
  }

  /**
   * The bandwidth rule: σ<sub>minor</sub>·n<sup>−1/6</sup>, at least {@value #MIN_BANDWIDTH_M}
   * m (east/north coordinates in m).
   */
  public static double ruleBandwidthM(double[] eastM, double[] northM) {
    double[] cov = covariance(eastM, northM);
    double minor = Math.sqrt(Math.max(0, eigen(cov)[1]));
    double h = minor * Math.pow(eastM.length, -1.0 / 6);
    return Math.max(MIN_BANDWIDTH_M, h);
  }

  /** Sample covariance {cee, cnn, cen} (m²) of east/north offsets; zeros below 2 points. */
  static double[] covariance(double[] e, double[] n) {
    int count = e.length;
    if (count < 2) {
      return new double[3];
    }
    double me = 0;
    double mn = 0;
    for (int i = 0; i < count; i++) {
      me += e[i];
      mn += n[i];
    }
    me /= count;
    mn /= count;
    double see = 0;
    double snn = 0;
    double sen = 0;
    for (int i = 0; i < count; i++) {
      double de = e[i] - me;
      double dn = n[i] - mn;
      see += de * de;
      snn += dn * dn;
      sen += de * dn;
    }
    return new double[] {see / (count - 1), snn / (count - 1), sen / (count - 1)};
  }

  /** Eigenvalues {major, minor} of the symmetric 2×2 matrix {cee, cnn, cen}. */
  static double[] eigen(double[] c) {
    double mean = (c[0] + c[1]) / 2;
    double r = Math.hypot((c[0] - c[1]) / 2, c[2]);
    return new double[] {mean + r, mean - r};
  }

  /**
   * Azimuth of the major axis of {cee, cnn, cen}, clockwise from north, degrees in [0, 180):
   * the angle φ = ½·atan2(2·cen, cee − cnn) of the major eigenvector from east, as an azimuth
   * 90° − φ.
   */
  static double majorAxisAzimuthDeg(double[] c) {
    double phi = 0.5 * Math.toDegrees(Math.atan2(2 * c[2], c[0] - c[1]));
    double az = 90 - phi;
    az = ((az % 180) + 180) % 180;
    return az >= 180 ? 0 : az;
  }

  /** The grid (its plane, cell and extent). */
  public HeatmapGrid grid() {
    return grid;
  }

  /** The kernel bandwidth used, m. */
  public double bandwidthM() {
    return bandwidthM;
  }

  /** Density at cell centre (row, column), probability per m²; 0 outside the grid. */
  public double node(int row, int column) {
    if (row < 0 || column < 0 || row >= grid.rows() || column >= grid.columns()) {
      return 0;
    }
    return densityPerM2[grid.index(row, column)];
  }

  /** East coordinate of the centre of column {@code c}, m. */
  public double nodeEastM(int column) {
    return grid.westM() + (column + 0.5) * grid.cellM();
  }

  /** North coordinate of the centre of row {@code r} (row 0 north), m. */
  public double nodeNorthM(int row) {
    return grid.northM() - (row + 0.5) * grid.cellM();
  }

  /** Density at a point, probability per m²: bilinear between the cell centres. */
  public double at(double eastM, double northM) {
    double u = (eastM - grid.westM()) / grid.cellM() - 0.5;
    double v = (grid.northM() - northM) / grid.cellM() - 0.5;
    int c0 = (int) Math.floor(u);
    int r0 = (int) Math.floor(v);
    double fu = u - c0;
    double fv = v - r0;
    return (1 - fv) * ((1 - fu) * node(r0, c0) + fu * node(r0, c0 + 1))
        + fv * ((1 - fu) * node(r0 + 1, c0) + fu * node(r0 + 1, c0 + 1));
  }

  /** The cell centre of highest density (the first in row-major order on ties), east/north m. */
  public double[] modeEastNorthM() {
    int best = 0;
    for (int i = 1; i < densityPerM2.length; i++) {
      if (densityPerM2[i] > densityPerM2[best]) {
        best = i;
      }
    }
    return new double[] {nodeEastM(best % grid.columns()), nodeNorthM(best / grid.columns())};
  }
}
