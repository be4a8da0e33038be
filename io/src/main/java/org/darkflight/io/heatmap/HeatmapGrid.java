package org.darkflight.io.heatmap;

import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;

/**
 * A regular grid of square ground cells in the event's local tangent plane
 * ({@link LocalTangentPlane} at {@code origin}: east/north metres, mapped linearly to latitude and
 * longitude with the radii of curvature at the origin). Because that map is linear, the grid is
 * also a regular latitude/longitude grid, which is what a GeoTIFF in EPSG:4326 and a KML
 * {@code LatLonBox} need. Row 0 is the northern-most row, column 0 the western-most column.
 *
 * @param origin       tangent-plane origin (the luminous end's ground point)
 * @param cellM        cell edge, m
 * @param westM        east coordinate of the western edge, m
 * @param southM       north coordinate of the southern edge, m
 * @param columns      cells west to east
 * @param rows         cells north to south
 */
public record HeatmapGrid(LatLon origin, double cellM, double westM, double southM, int columns,
    int rows) {

  public HeatmapGrid {
    if (origin == null || !(cellM > 0) || columns < 1 || rows < 1
        || !Double.isFinite(westM) || !Double.isFinite(southM)) {
      throw new IllegalArgumentException("invalid heatmap grid");
    }
  }

  /** The tangent plane of the grid. */
  public LocalTangentPlane plane() {
    return new LocalTangentPlane(origin);
  }

  /** East coordinate of the eastern edge, m. */
  public double eastM() {
    return westM + columns * cellM;
  }

  /** North coordinate of the northern edge, m. */
  public double northM() {
    return southM + rows * cellM;
  }

  /** Latitude of the northern edge, degrees. */
  public double northDeg() {
    return plane().toLatLon(westM, northM()).latitudeDeg();
  }

  /** Latitude of the southern edge, degrees. */
  public double southDeg() {
    return plane().toLatLon(westM, southM).latitudeDeg();
  }

  /** Longitude of the western edge, degrees. */
  public double westDeg() {
    return plane().toLatLon(westM, southM).longitudeDeg();
  }

  /** Longitude of the eastern edge, degrees. */
  public double eastDeg() {
    return plane().toLatLon(eastM(), southM).longitudeDeg();
  }

  /** Cell height in degrees of latitude. */
  public double cellLatDeg() {
    return (northDeg() - southDeg()) / rows;
  }

  /** Cell width in degrees of longitude. */
  public double cellLonDeg() {
    return (eastDeg() - westDeg()) / columns;
  }

  /** Index into a row-major cell array, row 0 north. */
  public int index(int row, int column) {
    return row * columns + column;
  }

  /** Number of cells. */
  public int cells() {
    return rows * columns;
  }
}
