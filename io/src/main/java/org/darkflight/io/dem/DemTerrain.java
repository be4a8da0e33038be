package org.darkflight.io.dem;

import java.util.Locale;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.physics.trajectory.Terrain;

/**
 * A DEM as a {@link Terrain}: a regular latitude/longitude grid of heights, interpolated
 * bilinearly between the four surrounding cell centres, converted to ellipsoidal heights with
 * EGM96 when the DEM's heights are above mean sea level. Outside the grid (half a cell beyond the
 * outer cell centres) or where a surrounding cell has no data, it throws
 * {@link Terrain.TerrainException} naming the place.
 */
public final class DemTerrain implements Terrain {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final int width;
  private final int height;
  private final double lon0;
  private final double dLon;
  private final double lat0;
  private final double dLat;
  private final float[] heights;
  private final HeightReference reference;
  private final double maxHeightM;

  /**
   * @param name      file name, for messages
   * @param width     columns
   * @param height    rows
   * @param lon0      longitude of the centre of column 0, degrees east
   * @param dLon      column spacing, degrees (> 0)
   * @param lat0      latitude of the centre of row 0, degrees
   * @param dLat      row spacing, degrees (negative for north-up grids)
   * @param heights   row-major heights, m; NaN = no data
   * @param reference what the heights are measured from
   */
  public DemTerrain(String name, int width, int height, double lon0, double dLon, double lat0,
      double dLat, float[] heights, HeightReference reference) {
    if (width < 2 || height < 2 || heights.length != width * height || !(dLon > 0)
        || dLat == 0 || !Double.isFinite(dLat)) {
      throw new IllegalArgumentException("DEM grid needs at least 2 x 2 cells and regular steps");
    }
    this.name = name;
    this.width = width;
    this.height = height;
    this.lon0 = lon0;
    this.dLon = dLon;
    this.lat0 = lat0;
    this.dLat = dLat;
    this.heights = heights.clone();
    this.reference = reference;
    double max = Double.NEGATIVE_INFINITY;
    for (float f : heights) {
      if (!Float.isNaN(f)) {
        max = Math.max(max, f);
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("the DEM " + name + " holds no heights (all NoData)");
    }
    // + the largest |N| of EGM96 (107 m) for heights above mean sea level, + 1 m
    this.maxHeightM = max + (reference == HeightReference.MSL ? 108 : 1);
  }

  @Override
  public double maxHeightM() {
    return maxHeightM;
  }

  /** What the DEM's heights are measured from. */
  public HeightReference reference() {
    return reference;
  }

  /** The extent of the cell centres: {south, north, west, east}, degrees. */
  public double[] extentDeg() {
    double latA = lat0;
    double latB = lat0 + (height - 1) * dLat;
    return new double[] {Math.min(latA, latB), Math.max(latA, latB), lon0,
        lon0 + (width - 1) * dLon};
  }

  /** Columns × rows. */
  public String describe() {
    double[] e = extentDeg();
    return String.format(Locale.ROOT, "DEM %s: %d x %d cells, %.6f..%.6f N, %.6f..%.6f E, "
        + "heights above %s", name, width, height, e[0], e[1], e[2], e[3],
        reference.description());
  }

  /** The DEM's own height (as stored, no datum conversion) at a point, m. */
  public double storedHeightM(double latitudeDeg, double longitudeDeg) {
    double lon = longitudeDeg;
    // bring the longitude next to the grid (a far value is reduced exactly first, so the loops
    // run at most twice; the bound also ends them when 360 is below the resolution of lon0)
    if (Math.abs(lon - lon0) > 720) {
      lon = lon0 + (lon - lon0) % 360.0;
    }
    for (int turns = 0; lon < lon0 - 180 && turns < 3; turns++) {
      lon += 360;
    }
    for (int turns = 0; lon > lon0 + 180 && turns < 3; turns++) {
      lon -= 360;
    }
    double x = (lon - lon0) / dLon;
    double y = (latitudeDeg - lat0) / dLat;
    if (x < -0.5 || y < -0.5 || x > width - 0.5 || y > height - 0.5) {
      throw new TerrainException(String.format(Locale.ROOT, "%.6f, %.6f lies outside the DEM %s"
          + " (cell centres %.6f..%.6f N, %.6f..%.6f E)", latitudeDeg, longitudeDeg, name,
          extentDeg()[0], extentDeg()[1], extentDeg()[2], extentDeg()[3]));
    }
    // half a cell beyond the outer centres: hold the edge value
    x = Math.min(Math.max(x, 0), width - 1);
    y = Math.min(Math.max(y, 0), height - 1);
    int x0 = Math.min((int) Math.floor(x), width - 2);
    int y0 = Math.min((int) Math.floor(y), height - 2);
    double fx = x - x0;
    double fy = y - y0;
    double a = heights[y0 * width + x0];
    double b = heights[y0 * width + x0 + 1];
    double c = heights[(y0 + 1) * width + x0];
    double d = heights[(y0 + 1) * width + x0 + 1];
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
      throw new TerrainException(String.format(Locale.ROOT, "the DEM %s has NoData at %.6f, "
          + "%.6f (cells %d..%d, %d..%d)", name, latitudeDeg, longitudeDeg, x0, x0 + 1, y0,
          y0 + 1));
    }
    double top = a + (b - a) * fx;
    double bottom = c + (d - c) * fx;
    return top + (bottom - top) * fy;
  }

  @Override
  public double heightM(double latitudeDeg, double longitudeDeg) {
    return reference.toEllipsoidM(storedHeightM(latitudeDeg, longitudeDeg), latitudeDeg,
        longitudeDeg);
  }
}
