package org.darkflight.io.geoid;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The EGM96 geoid: undulation N (height of the geoid above the WGS84 ellipsoid, so that
 * h_ellipsoid = H_msl + N) from NGA's 15′ grid {@code WW15MGH.DAC}, shipped unchanged as the
 * resource {@code egm96-15.bin} (2 076 480 bytes, sha256 9dcaf4ef…5acc; NGA, public domain —
 * testdata/README.md and docs/MODEL_ASSUMPTIONS.md record the origin).
 *
 * <p>Layout (NGA's readme): big-endian signed 16-bit integers in centimetres, 721 rows × 1440
 * columns without header; row r at latitude 90° − r/4 (north to south), column c at longitude
 * c/4 °E (from 0°E, no repeated 360° column).
 *
 * <p>Interpolation is bilinear in latitude and longitude between the four surrounding nodes, as
 * NGA's {@code intptdac.f} does with {@code IWINDO=0} (NGA's default is a 4×4 spline; against it
 * bilinear differs by at most 0.5 m and 0.04 m RMS over 20 000 random points, and by at most
 * 0.07 m at NGA's published check points — negligible for dark flight).
 */
public final class Egm96 {

  /** Rows of the grid (90°N to 90°S). */
  public static final int ROWS = 721;
  /** Columns of the grid (0°E to 359.75°E). */
  public static final int COLUMNS = 1440;
  /** Grid spacing, degrees. */
  public static final double STEP_DEG = 0.25;
  /** Description for artifacts. */
  public static final String DESCRIPTION = "EGM96 geoid, NGA 15' grid WW15MGH.DAC, bilinear";

  private static final short[] GRID = load();

  private Egm96() {}

  private static short[] load() {
    short[] g = new short[ROWS * COLUMNS];
    try (InputStream in = Egm96.class.getResourceAsStream("egm96-15.bin")) {
      if (in == null) {
        throw new IllegalStateException("resource egm96-15.bin missing from the io jar");
      }
      DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
      for (int i = 0; i < g.length; i++) {
        g[i] = d.readShort();
      }
      if (d.read() != -1) {
        throw new IllegalStateException("egm96-15.bin is longer than 721 x 1440 values");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read egm96-15.bin", e);
    }
    return g;
  }

  /** The grid value at a node, metres. */
  static double node(int row, int col) {
    return GRID[row * COLUMNS + col] / 100.0;
  }

  /**
   * Geoid undulation N at a point, metres (h_ellipsoid = H_msl + N).
   *
   * @param latitudeDeg  geodetic latitude, [-90, 90]
   * @param longitudeDeg longitude, degrees east (any range; wrapped)
   */
  public static double undulationM(double latitudeDeg, double longitudeDeg) {
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90) || !Double.isFinite(longitudeDeg)) {
      throw new IllegalArgumentException("latitude/longitude out of range: " + latitudeDeg + ", "
          + longitudeDeg);
    }
    double lon = longitudeDeg % 360.0;
    if (lon < 0) {
      lon += 360.0;
    }
    double r = (90.0 - latitudeDeg) / STEP_DEG;
    double c = lon / STEP_DEG;
    int r0 = Math.min((int) Math.floor(r), ROWS - 2);
    int c0 = Math.min((int) Math.floor(c), COLUMNS - 1);
    int c1 = (c0 + 1) % COLUMNS;
    double fr = r - r0;
    double fc = c - c0;
    double top = node(r0, c0) + (node(r0, c1) - node(r0, c0)) * fc;
    double bottom = node(r0 + 1, c0) + (node(r0 + 1, c1) - node(r0 + 1, c0)) * fc;
    return top + (bottom - top) * fr;
  }
}
