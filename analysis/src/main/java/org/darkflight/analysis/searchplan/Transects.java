package org.darkflight.analysis.searchplan;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Parallel search transects across one polygon (east/north metres), in walking order.
 *
 * <p>Lines run along the azimuth α; they are {@code spacing} apart across it, centred on the
 * polygon's extent so that swaths of width {@code spacing} around the lines cover the polygon
 * (N = ⌈width / spacing⌉ lines; a polygon narrower than the spacing gets one line through an
 * interior point). Each line is clipped to the polygon by a scan line (even–odd crossings of the
 * ring edges, {@link #pieces}); its pieces are the legs. Lines are taken in order along the
 * perpendicular direction of azimuth (α + 90°) mod 180° — from the western end for lines running
 * north–south, from the southern end for lines running east–west — and walked boustrophedon:
 * the first line in the direction of α, each next one in the direction whose first leg starts
 * nearest the end of the previous leg (on ties, opposite to the previous line). Legs of one line
 * are walked in order along it.
 */
final class Transects {

  private Transects() {}

  /**
   * The legs across {@code part}, in walking order, each a segment from where the searcher
   * starts to where they stop.
   *
   * @param spacingM         distance between lines, m (&gt; 0)
   * @param lineAzimuthDeg   azimuth of the lines, clockwise from north, degrees
   */
  static List<LineSegment> across(Polygon part, double spacingM, double lineAzimuthDeg) {
    double a = Math.toRadians(lineAzimuthDeg);
    double[] d = {Math.sin(a), Math.cos(a)};
    double m0 = Math.toRadians(((lineAzimuthDeg + 90) % 180 + 180) % 180);
    double[] m = {Math.sin(m0), Math.cos(m0)};
    double sMin = Double.POSITIVE_INFINITY;
    double sMax = Double.NEGATIVE_INFINITY;
    for (Coordinate c : part.getExteriorRing().getCoordinates()) {
      double s = c.x * m[0] + c.y * m[1];
      sMin = Math.min(sMin, s);
      sMax = Math.max(sMax, s);
    }
    int lines = (int) Math.max(1, Math.ceil((sMax - sMin) / spacingM));
    double mid = (sMin + sMax) / 2;
    if (lines == 1) {
      Point inner = part.getInteriorPoint();
      mid = inner.getX() * m[0] + inner.getY() * m[1];
    }
    List<LineSegment> legs = new ArrayList<>();
    Coordinate at = null;
    boolean forward = false;
    for (int k = 0; k < lines; k++) {
      double s = mid + (k - (lines - 1) / 2.0) * spacingM;
      List<double[]> pieces = pieces(part, m, d, s);
      if (pieces.isEmpty()) {
        continue;
      }
      boolean next;
      if (at == null) {
        next = true;
      } else {
        double df = at.distance(point(m, d, s, pieces.get(0)[0]));
        double dr = at.distance(point(m, d, s, pieces.get(pieces.size() - 1)[1]));
        next = df < dr || (df == dr && !forward);
      }
      forward = next;
      for (int i = 0; i < pieces.size(); i++) {
        double[] p = pieces.get(forward ? i : pieces.size() - 1 - i);
        Coordinate from = point(m, d, s, forward ? p[0] : p[1]);
        Coordinate to = point(m, d, s, forward ? p[1] : p[0]);
        legs.add(new LineSegment(from, to));
        at = to;
      }
    }
    return legs;
  }

  /**
   * The pieces of segment {@code seg} inside {@code region} (a Polygon or MultiPolygon), in order
   * from its start, each directed like {@code seg}.
   */
  static List<LineSegment> inside(LineSegment seg, Geometry region) {
    double len = seg.getLength();
    if (!(len > 0)) {
      return List.of();
    }
    double[] d = {(seg.p1.x - seg.p0.x) / len, (seg.p1.y - seg.p0.y) / len};
    double[] m = {d[1], -d[0]};
    double s = seg.p0.x * m[0] + seg.p0.y * m[1];
    double t0 = seg.p0.x * d[0] + seg.p0.y * d[1];
    List<LineSegment> out = new ArrayList<>();
    for (double[] p : pieces(region, m, d, s)) {
      double lo = Math.max(p[0], t0);
      double hi = Math.min(p[1], t0 + len);
      if (hi > lo) {
        out.add(new LineSegment(point(m, d, s, lo), point(m, d, s, hi)));
      }
    }
    return out;
  }

  /**
   * Pieces {t0, t1} (ascending, disjoint, t along the unit vector d) of the line of points x with
   * x·m = s inside {@code region} (a Polygon or MultiPolygon; m ⟂ d), by the even–odd rule: the
   * line crosses every ring edge whose end points lie on either side of it (an end point exactly
   * on the line counts as below — half-open, so a vertex on the line is crossed once or not at
   * all); the sorted crossings pair up into pieces. Pieces that touch are merged.
   */
  static List<double[]> pieces(Geometry region, double[] m, double[] d, double s) {
    List<Double> ts = new ArrayList<>();
    for (int g = 0; g < region.getNumGeometries(); g++) {
      if (!(region.getGeometryN(g) instanceof Polygon p)) {
        continue;
      }
      crossings(p.getExteriorRing().getCoordinateSequence(), m, d, s, ts);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        crossings(p.getInteriorRingN(h).getCoordinateSequence(), m, d, s, ts);
      }
    }
    ts.sort(null);
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < ts.size(); i += 2) {
      double lo = ts.get(i);
      double hi = ts.get(i + 1);
      if (!(hi > lo)) {
        continue;
      }
      double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && lo <= last[1]) {
        last[1] = Math.max(last[1], hi);
      } else {
        out.add(new double[] {lo, hi});
      }
    }
    return out;
  }

  private static void crossings(CoordinateSequence ring, double[] m, double[] d, double s,
      List<Double> ts) {
    int n = ring.size();
    for (int i = 0; i + 1 < n; i++) {
      double ax = ring.getX(i);
      double ay = ring.getY(i);
      double bx = ring.getX(i + 1);
      double by = ring.getY(i + 1);
      double sa = ax * m[0] + ay * m[1];
      double sb = bx * m[0] + by * m[1];
      if ((sa <= s) == (sb <= s)) {
        continue;
      }
      double f = (s - sa) / (sb - sa);
      double ta = ax * d[0] + ay * d[1];
      double tb = bx * d[0] + by * d[1];
      ts.add(ta + f * (tb - ta));
    }
  }

  private static Coordinate point(double[] m, double[] d, double s, double t) {
    return new Coordinate(s * m[0] + t * d[0], s * m[1] + t * d[1]);
  }
}
