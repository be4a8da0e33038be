package org.darkflight.analysis.searchplan;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.coverage.CoverageUnion;

/**
 * The region where a {@link LandingDensity} is at least a level, as polygons in east/north
 * metres: marching squares (Lorensen &amp; Cline, "Marching cubes", SIGGRAPH 1987, in two
 * dimensions) on the lattice of cell centres, padded by a ring of zeros so every contour closes.
 *
 * <p>Each lattice square contributes the part of it where the density, interpolated linearly
 * along the square's edges, is at least the level: the square itself when all four corners are,
 * otherwise the polygon found by walking its corners counter-clockwise and cutting each edge
 * where the level is crossed. The two ambiguous (saddle) squares are resolved by the mean of
 * the corners: at or above the level the two corners are joined through the square, else they
 * are cut off separately. Each edge crossing is computed from the edge's end points in one fixed
 * order, so neighbouring squares share exactly the same points and the pieces form a polygonal
 * coverage (no overlaps, identical shared edges), which JTS's {@link CoverageUnion} dissolves
 * into one geometry by dropping the shared edges (holes and separate parts come out as they
 * are: a Polygon or MultiPolygon).
 */
final class SuperlevelSet {

  private SuperlevelSet() {}

  /** The region {density ≥ level} (level &gt; 0), possibly empty. */
  static Geometry of(LandingDensity d, double level, GeometryFactory gf) {
    if (!(level > 0)) {
      throw new IllegalArgumentException("the level must be > 0, got " + level);
    }
    int rows = d.grid().rows();
    int cols = d.grid().columns();
    List<Geometry> pieces = new ArrayList<>();
    // Squares between lattice rows r and r+1 and columns c and c+1, r, c from -1 (padding).
    for (int r = -1; r < rows; r++) {
      for (int c = -1; c < cols; c++) {
        square(d, level, gf, r, c, pieces);
      }
    }
    if (pieces.isEmpty()) {
      return gf.createPolygon();
    }
    return CoverageUnion.union(pieces.toArray(new Geometry[0]));
  }

  /** The part of square (r, c) at or above the level, if any. */
  private static void square(LandingDensity d, double level, GeometryFactory gf, int r, int c,
      List<Geometry> pieces) {
    // Corners counter-clockwise (east = x, north = y): BL, BR, TR, TL; row r is the upper one.
    int[][] corner = {{r + 1, c}, {r + 1, c + 1}, {r, c + 1}, {r, c}};
    double[] v = new double[4];
    boolean[] in = new boolean[4];
    int inside = 0;
    for (int k = 0; k < 4; k++) {
      v[k] = d.node(corner[k][0], corner[k][1]);
      in[k] = v[k] >= level;
      inside += in[k] ? 1 : 0;
    }
    if (inside == 0) {
      return;
    }
    if (inside == 4) {
      pieces.add(gf.createPolygon(new Coordinate[] {point(d, corner[0]), point(d, corner[1]),
          point(d, corner[2]), point(d, corner[3]), point(d, corner[0])}));
      return;
    }
    boolean saddle = inside == 2 && in[0] == in[2];
    if (saddle && (v[0] + v[1] + v[2] + v[3]) / 4 < level) {
      // Two separate corners: cut each off on its own.
      for (int k = 0; k < 4; k++) {
        if (in[k]) {
          int prev = (k + 3) % 4;
          int next = (k + 1) % 4;
          pieces.add(gf.createPolygon(new Coordinate[] {point(d, corner[k]),
              crossing(d, level, corner[k], v[k], corner[next], v[next]),
              crossing(d, level, corner[prev], v[prev], corner[k], v[k]),
              point(d, corner[k])}));
        }
      }
      return;
    }
    List<Coordinate> ring = new ArrayList<>(7);
    for (int k = 0; k < 4; k++) {
      int next = (k + 1) % 4;
      if (in[k]) {
        ring.add(point(d, corner[k]));
      }
      if (in[k] != in[next]) {
        ring.add(crossing(d, level, corner[k], v[k], corner[next], v[next]));
      }
    }
    ring.add(new Coordinate(ring.get(0)));
    pieces.add(gf.createPolygon(ring.toArray(new Coordinate[0])));
  }

  private static Coordinate point(LandingDensity d, int[] node) {
    return new Coordinate(d.nodeEastM(node[1]), d.nodeNorthM(node[0]));
  }

  /**
   * Where the level is crossed on the edge between two lattice nodes (linear interpolation),
   * computed from the node that comes first in (row, column) order, so that both squares of an
   * edge get the same point.
   */
  private static Coordinate crossing(LandingDensity d, double level, int[] a, double va, int[] b,
      double vb) {
    boolean swap = a[0] > b[0] || (a[0] == b[0] && a[1] > b[1]);
    int[] p = swap ? b : a;
    int[] q = swap ? a : b;
    double vp = swap ? vb : va;
    double vq = swap ? va : vb;
    double t = (level - vp) / (vq - vp);
    double x0 = d.nodeEastM(p[1]);
    double y0 = d.nodeNorthM(p[0]);
    return new Coordinate(x0 + t * (d.nodeEastM(q[1]) - x0), y0 + t * (d.nodeNorthM(q[0]) - y0));
  }
}
