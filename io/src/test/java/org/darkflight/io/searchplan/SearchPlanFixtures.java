package org.darkflight.io.searchplan;

import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;

/**
 * A small hand-made {@link SearchPlan} around {@link GeoFixtures}' luminous end: class 1 with a
 * 50 % square and a 90 % area of two parts (a square with a square hole, and a small square
 * apart), transect tracks over both parts, a nominal waypoint with hostile text and a density
 * mode. Sizes in metres on the local tangent plane.
 */
public final class SearchPlanFixtures {

  public static final LocalTangentPlane PLANE =
      new LocalTangentPlane(new LatLon(GeoFixtures.END_LAT, GeoFixtures.END_LON));
  /** Legs per part: 10 lines across the 1 km square, two of them split by the hole; 3 lines. */
  public static final int LEGS_PART_1 = 12;
  public static final int LEGS_PART_2 = 3;

  private SearchPlanFixtures() {}

  public static SearchPlan plan() {
    SearchPlan.Settings settings = new SearchPlan.Settings(50, SearchPlan.Orientation.ACROSS,
        90, 0, 2, List.of(0.5, 0.9), 0.9, Double.NaN, Double.NaN);
    SearchPlan.Polygon core = new SearchPlan.Polygon(square(0, 0, 300, true), List.of());
    SearchPlan.Polygon big = new SearchPlan.Polygon(square(0, 0, 500, true),
        List.of(square(200, 200, 100, false)));
    SearchPlan.Polygon small = new SearchPlan.Polygon(square(2000, 0, 75, true), List.of());
    List<SearchPlan.Area> areas = List.of(
        new SearchPlan.Area(1, "1 g–10 g", 0.5, 400, 0.5, 12.5, 360_000, 40, 13.3,
            List.of(core), 12, 3600, 600, 1),
        new SearchPlan.Area(1, "1 g–10 g", 0.9, 400, 0.9025, 3.25, 982_500, 40, 13.3,
            List.of(big, small), LEGS_PART_1 + LEGS_PART_2, 19_750, 1500, 1));
    List<SearchPlan.Track> tracks = List.of(
        new SearchPlan.Track(1, "1 g–10 g", 0.9, 1, 2, 960_000, legs(0, 500, 10, 200, 200, 100),
            19_000, 1400),
        new SearchPlan.Track(1, "1 g–10 g", 0.9, 2, 2, 22_500, legs(2000, 75, 3, 0, 0, 0), 450,
            100));
    List<SearchPlan.Waypoint> waypoints = List.of(
        new SearchPlan.Waypoint(SearchPlan.WaypointKind.NOMINAL_LANDING, "frag_1", 1,
            "1 g–10 g", PLANE.toLatLon(10, -20), GeoFixtures.HOSTILE, 0.004, 0.0038),
        new SearchPlan.Waypoint(SearchPlan.WaypointKind.DENSITY_MODE, "mode 1 g-10 g", 1,
            "1 g–10 g", PLANE.toLatLon(-5, 5), null, Double.NaN, Double.NaN));
    return new SearchPlan(GeoFixtures.run(), settings, areas, tracks, waypoints,
        List.of("mass class <1 g: 3 landings, too few for a search area (at least 20)"));
  }

  /** A closed square ring of half-width h around (e, n) m, counter-clockwise or clockwise. */
  public static List<LatLon> square(double e, double n, double h, boolean ccw) {
    double[][] c = ccw
        ? new double[][] {{-h, -h}, {h, -h}, {h, h}, {-h, h}, {-h, -h}}
        : new double[][] {{-h, -h}, {-h, h}, {h, h}, {h, -h}, {-h, -h}};
    List<LatLon> ring = new ArrayList<>();
    for (double[] p : c) {
      ring.add(PLANE.toLatLon(e + p[0], n + p[1]));
    }
    return ring;
  }

  /**
   * North–south legs across a square of half-width h at east offset e0, {@code lines} lines
   * alternating direction; lines through a hole of half-width hh at (he, hn) are split in two.
   */
  static List<List<LatLon>> legs(double e0, double h, int lines, double he, double hn,
      double hh) {
    List<List<LatLon>> out = new ArrayList<>();
    double spacing = 2 * h / lines;
    for (int k = 0; k < lines; k++) {
      double e = e0 - h + (k + 0.5) * spacing;
      boolean up = k % 2 == 0;
      List<double[]> pieces = new ArrayList<>();
      if (hh > 0 && Math.abs(e - he) < hh) {
        pieces.add(new double[] {-h, hn - hh});
        pieces.add(new double[] {hn + hh, h});
      } else {
        pieces.add(new double[] {-h, h});
      }
      if (!up) {
        java.util.Collections.reverse(pieces);
      }
      for (double[] p : pieces) {
        double from = up ? p[0] : p[1];
        double to = up ? p[1] : p[0];
        out.add(List.of(PLANE.toLatLon(e, from), PLANE.toLatLon(e, to)));
      }
    }
    return out;
  }
}
