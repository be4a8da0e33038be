package org.darkflight.io.netcdf;

/**
 * Locates a point in a horizontal grid and gives bilinear weights for the four surrounding nodes.
 *
 * <p>Rectilinear grids (1-D latitude and longitude axes, any direction, longitudes in either
 * [−180, 180) or [0, 360)) are located by search along each axis. Curvilinear grids (2-D latitude
 * and longitude, e.g. HRRR's Lambert-conformal grid) are located by testing each cell and
 * inverting its bilinear map with Newton's method. In both cases the interpolant is bilinear in
 * the cell's (s, t) parameters, so any field that is linear in latitude and longitude is
 * reproduced exactly.
 */
final class HorizontalGrid {

  /** Result: lower-left node indices and fractional position in the cell. */
  record Cell(int j, int i, double t, double s) {
    /** Weight of node (j + dj, i + di). */
    double weight(int dj, int di) {
      return (dj == 0 ? 1 - t : t) * (di == 0 ? 1 - s : s);
    }
  }

  private HorizontalGrid() {}

  /** Normalises {@code lonDeg} into the 360° window starting at {@code firstLonDeg}. */
  static double normaliseLon(double lonDeg, double minLonDeg) {
    double x = lonDeg;
    if (Math.abs(x - minLonDeg) > 720) {
      // far outside the window: reduce exactly first
      x = minLonDeg + (x - minLonDeg) % 360.0;
    }
    // now at most two turns away; the bound also ends the loops when 360 is below the
    // resolution of minLonDeg (a corrupt grid the reader refuses anyway)
    for (int turns = 0; x < minLonDeg && turns < 3; turns++) {
      x += 360.0;
    }
    for (int turns = 0; x >= minLonDeg + 360.0 && turns < 3; turns++) {
      x -= 360.0;
    }
    return x;
  }

  /** Locates (lat, lon) in 1-D axes; returns null when outside the grid. */
  static Cell locateRectilinear(double[] lats, double[] lons, double latDeg, double lonDeg) {
    double minLon = Math.min(lons[0], lons[lons.length - 1]);
    double x = normaliseLon(lonDeg, minLon);
    int[] jt = bracket(lats, latDeg);
    int[] is = bracket(lons, x);
    if (jt == null || is == null) {
      return null;
    }
    double t = frac(lats, jt[0], latDeg);
    double s = frac(lons, is[0], x);
    return new Cell(jt[0], is[0], t, s);
  }

  private static double frac(double[] axis, int k, double x) {
    if (axis.length == 1) {
      return 0.0;
    }
    return (x - axis[k]) / (axis[k + 1] - axis[k]);
  }

  /** Index k with x between axis[k] and axis[k+1] (monotonic axis either way); null if outside. */
  private static int[] bracket(double[] axis, double x) {
    int n = axis.length;
    if (n == 1) {
      return axis[0] == x ? new int[] {0} : null;
    }
    boolean up = axis[n - 1] > axis[0];
    for (int k = 0; k < n - 1; k++) {
      double a = axis[k];
      double b = axis[k + 1];
      if (up ? (x >= a && x <= b) : (x <= a && x >= b)) {
        return new int[] {Math.min(k, n - 2)};
      }
    }
    return null;
  }

  /**
   * Locates (lat, lon) in 2-D coordinate arrays {@code lat[j][i]}, {@code lon[j][i]}; returns null
   * when no cell contains the point.
   */
  static Cell locateCurvilinear(double[][] lat, double[][] lon, double latDeg, double lonDeg) {
    int ny = lat.length;
    int nx = lat[0].length;
    double minLon = Double.POSITIVE_INFINITY;
    for (double[] row : lon) {
      for (double v : row) {
        minLon = Math.min(minLon, v);
      }
    }
    double x = normaliseLon(lonDeg, minLon);
    for (int j = 0; j < ny - 1; j++) {
      for (int i = 0; i < nx - 1; i++) {
        double[] st = invert(lat, lon, j, i, latDeg, x);
        if (st != null) {
          return new Cell(j, i, st[1], st[0]);
        }
      }
    }
    return null;
  }

  /**
   * Solves for (s, t) in [0, 1]² with bilinear(lon) = x, bilinear(lat) = y in cell (j, i) by
   * Newton's method; null when the point is not in the cell.
   */
  private static double[] invert(double[][] lat, double[][] lon, int j, int i, double y,
      double x) {
    double x00 = lon[j][i];
    double x10 = lon[j][i + 1];
    double x01 = lon[j + 1][i];
    double x11 = lon[j + 1][i + 1];
    double y00 = lat[j][i];
    double y10 = lat[j][i + 1];
    double y01 = lat[j + 1][i];
    double y11 = lat[j + 1][i + 1];
    double pad = 1e-9;
    if (x < Math.min(Math.min(x00, x10), Math.min(x01, x11)) - pad
        || x > Math.max(Math.max(x00, x10), Math.max(x01, x11)) + pad
        || y < Math.min(Math.min(y00, y10), Math.min(y01, y11)) - pad
        || y > Math.max(Math.max(y00, y10), Math.max(y01, y11)) + pad) {
      return null;
    }
    double s = 0.5;
    double t = 0.5;
    for (int it = 0; it < 50; it++) {
      double fx = (1 - s) * (1 - t) * x00 + s * (1 - t) * x10 + (1 - s) * t * x01 + s * t * x11
          - x;
      double fy = (1 - s) * (1 - t) * y00 + s * (1 - t) * y10 + (1 - s) * t * y01 + s * t * y11
          - y;
      double dxds = (1 - t) * (x10 - x00) + t * (x11 - x01);
      double dxdt = (1 - s) * (x01 - x00) + s * (x11 - x10);
      double dyds = (1 - t) * (y10 - y00) + t * (y11 - y01);
      double dydt = (1 - s) * (y01 - y00) + s * (y11 - y10);
      double det = dxds * dydt - dxdt * dyds;
      if (det == 0) {
        return null;
      }
      double ds = (fx * dydt - fy * dxdt) / det;
      double dt = (dxds * fy - dyds * fx) / det;
      s -= ds;
      t -= dt;
      if (Math.abs(ds) < 1e-14 && Math.abs(dt) < 1e-14) {
        break;
      }
    }
    double eps = 1e-9;
    if (s < -eps || s > 1 + eps || t < -eps || t > 1 + eps) {
      return null;
    }
    return new double[] {Math.min(1, Math.max(0, s)), Math.min(1, Math.max(0, t))};
  }
}
