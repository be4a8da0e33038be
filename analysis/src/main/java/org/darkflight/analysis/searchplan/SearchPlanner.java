package org.darkflight.analysis.searchplan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.searchplan.RunLandings;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.io.searchplan.SearchPlanText;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes the {@link SearchPlan} of a run from its landings (and, when known, the nominal landings
 * of its fragments).
 *
 * <p>Per mass class with at least {@link Options#minLandings()} landings:
 * <ol>
 *   <li>the landing density f̂ ({@link LandingDensity}: Gaussian kernel on the event's local
 *       east/north grid; bandwidth and cell by the rule documented there, or as given);</li>
 *   <li>for each probability p (50 % and 90 %), the highest-density region {f̂ ≥ f<sub>p</sub>}
 *       whose level f<sub>p</sub> is the (1 − p) quantile of f̂ at the class's own landings —
 *       the estimator of Hyndman, "Computing and graphing highest density regions", <i>The
 *       American Statistician</i> 50(2), 1996, §3.2 — so that the region holds the share p of
 *       the simulated landings (the count is checked and written as
 *       {@code landing_fraction_inside}) without inheriting the kernel's own spread;</li>
 *   <li>the region as polygons ({@link SuperlevelSet}), vertices closer than
 *       {@value #MIN_VERTEX_SPACING_M} m to the previous one dropped, areas in the tangent
 *       plane;</li>
 *   <li>transects across each part of the 90 % region ({@link Transects}), the parts largest
 *       first; their length, legs and the walking between legs inside every region.</li>
 * </ol>
 * The transects of all classes share one direction: across (or along) the strewn field's major
 * axis, the major axis of the east/north covariance of all landings pooled — the fall line along
 * which the masses sort. Across is the default: the lines are short (a field's width), cross a
 * banana-shaped field once each, and a day's work ends at any line. Waypoints: the nominal
 * landings when given, else the density mode of each planned class.
 */
public final class SearchPlanner {

  /** Vertices closer than this to the previous vertex of a ring are dropped, m. */
  public static final double MIN_VERTEX_SPACING_M = 0.5;

  /**
   * How to plan.
   *
   * @param transectSpacingM  distance between transects, m (default {@value #DEFAULT_SPACING_M})
   * @param orientation       transects across (default) or along the field's major axis
   * @param walkingSpeedKmh   searcher's speed on a transect, km/h (default
   *                          {@value #DEFAULT_SPEED_KMH}, a slow search walk over rough ground)
   * @param bandwidthM        kernel bandwidth, m, or NaN for the per-class rule
   * @param gridCellM         grid cell, m, or NaN for the per-class rule
   * @param maxCellsPerAxis   largest grid edge in cells
   * @param minLandings       fewest landings of a class that gets search areas
   */
  public record Options(double transectSpacingM, SearchPlan.Orientation orientation,
      double walkingSpeedKmh, double bandwidthM, double gridCellM, int maxCellsPerAxis,
      int minLandings) {

    /** Default transect spacing, m. */
    public static final double DEFAULT_SPACING_M = 20;
    /** Default walking speed, km/h. */
    public static final double DEFAULT_SPEED_KMH = 2;
    /** Default fewest landings per class. */
    public static final int DEFAULT_MIN_LANDINGS = 20;
    /** The probability levels of the search areas. */
    public static final List<Double> LEVELS = List.of(0.5, 0.9);
    /** The level whose areas the transects cover. */
    public static final double TRANSECT_LEVEL = 0.9;

    public Options {
      if (!(transectSpacingM > 0) || Double.isInfinite(transectSpacingM)) {
        throw new IllegalArgumentException("the transect spacing must be > 0 m, got "
            + transectSpacingM);
      }
      if (orientation == null) {
        throw new IllegalArgumentException("the transect orientation must be given");
      }
      if (!(walkingSpeedKmh > 0) || Double.isInfinite(walkingSpeedKmh)) {
        throw new IllegalArgumentException("the walking speed must be > 0 km/h, got "
            + walkingSpeedKmh);
      }
      if (!Double.isNaN(bandwidthM) && (!(bandwidthM > 0) || Double.isInfinite(bandwidthM))) {
        throw new IllegalArgumentException("the kernel bandwidth must be > 0 m, got "
            + bandwidthM);
      }
      if (!Double.isNaN(gridCellM) && (!(gridCellM > 0) || Double.isInfinite(gridCellM))) {
        throw new IllegalArgumentException("the grid cell must be > 0 m, got " + gridCellM);
      }
      if (maxCellsPerAxis < 16 || maxCellsPerAxis > 8192) {
        throw new IllegalArgumentException("the grid's cells per axis must be in [16, 8192], got "
            + maxCellsPerAxis);
      }
      if (minLandings < 3) {
        throw new IllegalArgumentException("a search area needs at least 3 landings");
      }
    }

    /** 20 m across the field, 2 km/h, bandwidth and grid by rule. */
    public static Options defaults() {
      return new Options(DEFAULT_SPACING_M, SearchPlan.Orientation.ACROSS, DEFAULT_SPEED_KMH,
          Double.NaN, Double.NaN, LandingDensity.DEFAULT_MAX_CELLS_PER_AXIS,
          DEFAULT_MIN_LANDINGS);
    }
  }

  private final Options options;
  private final GeometryFactory gf = new GeometryFactory();

  public SearchPlanner(Options options) {
    this.options = options;
  }

  /** What was computed for one class, in east/north metres. */
  private record ClassWork(RunLandings.ClassLandings landings, LandingDensity density,
      double[] levels, double[] thresholds, Geometry[] regions, double[] fractions,
      List<Polygon> parts, List<List<LineSegment>> legs) {}

  /**
   * The plan.
   *
   * @param run      the run's landings (and provenance)
   * @param nominal  nominal landings of the run's fragments, or an empty list when unknown
   * @param notes    sentences to pass on (e.g. why there are no nominal landings)
   */
  public SearchPlan plan(RunLandings run, List<NominalLandings.Landing> nominal,
      List<String> notes) {
    LatLon origin = run.run().luminousEnd();
    LocalTangentPlane plane = new LocalTangentPlane(origin);
    List<String> allNotes = new ArrayList<>(notes);
    double axis = fieldAxisAzimuthDeg(run, plane);
    double lineAz = options.orientation() == SearchPlan.Orientation.ACROSS
        ? (axis + 90) % 180 : axis;
    SearchPlan.Settings settings = new SearchPlan.Settings(options.transectSpacingM(),
        options.orientation(), axis, lineAz, options.walkingSpeedKmh(), Options.LEVELS,
        Options.TRANSECT_LEVEL, options.bandwidthM(), options.gridCellM());

    List<ClassWork> work = new ArrayList<>();
    for (RunLandings.ClassLandings c : run.classes()) {
      if (c.size() < options.minLandings()) {
        allNotes.add("mass class " + c.massClass() + ": " + c.size() + " landing"
            + (c.size() == 1 ? "" : "s") + ", too few for a search area (at least "
            + options.minLandings() + ")");
        continue;
      }
      work.add(classWork(c, plane, lineAz));
    }

    List<SearchPlan.Waypoint> waypoints = new ArrayList<>();
    if (!nominal.isEmpty()) {
      for (NominalLandings.Landing l : nominal) {
        waypoints.add(new SearchPlan.Waypoint(SearchPlan.WaypointKind.NOMINAL_LANDING,
            SearchPlanText.ascii(l.fragmentId()), l.massClassIndex(), l.massClass(),
            l.position(), l.fragmentId(), l.massInitialKg(), l.massFinalKg()));
      }
    } else {
      for (ClassWork w : work) {
        double[] mode = w.density().modeEastNorthM();
        waypoints.add(new SearchPlan.Waypoint(SearchPlan.WaypointKind.DENSITY_MODE,
            "mode " + SearchPlanText.ascii(w.landings().massClass()),
            w.landings().massClassIndex(), w.landings().massClass(),
            plane.toLatLon(mode[0], mode[1]), null, Double.NaN, Double.NaN));
      }
    }

    List<SearchPlan.Area> areas = new ArrayList<>();
    List<SearchPlan.Track> tracks = new ArrayList<>();
    for (ClassWork w : work) {
      RunLandings.ClassLandings c = w.landings();
      for (int i = 0; i < w.levels().length; i++) {
        Geometry region = w.regions()[i];
        if (region == null) {
          continue;
        }
        double[] stats = transectStats(w, region, w.levels()[i] == Options.TRANSECT_LEVEL);
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(region);
        int inside = 0;
        for (SearchPlan.Waypoint p : waypoints) {
          if (p.massClassIndex() == c.massClassIndex() && locator.locate(new Coordinate(
              plane.eastM(p.position()), plane.northM(p.position()))) != Location.EXTERIOR) {
            inside++;
          }
        }
        areas.add(new SearchPlan.Area(c.massClassIndex(), c.massClass(), w.levels()[i],
            c.size(), w.fractions()[i], w.thresholds()[i] * 1e6, region.getArea(),
            w.density().bandwidthM(), w.density().grid().cellM(), polygons(region, plane),
            (int) stats[0], stats[1], stats[2], inside));
      }
      for (int p = 0; p < w.parts().size(); p++) {
        List<LineSegment> legs = w.legs().get(p);
        if (legs.isEmpty()) {
          continue;
        }
        List<List<LatLon>> ll = new ArrayList<>();
        for (LineSegment s : legs) {
          ll.add(List.of(plane.toLatLon(s.p0.x, s.p0.y), plane.toLatLon(s.p1.x, s.p1.y)));
        }
        tracks.add(new SearchPlan.Track(c.massClassIndex(), c.massClass(),
            Options.TRANSECT_LEVEL, p + 1, w.parts().size(), w.parts().get(p).getArea(), ll,
            length(legs), hops(legs)));
      }
    }
    return new SearchPlan(run.run(), settings, areas, tracks, waypoints, allNotes);
  }

  private ClassWork classWork(RunLandings.ClassLandings c, LocalTangentPlane plane,
      double lineAz) {
    LandingDensity density = LandingDensity.estimate(c.latitudeDeg(), c.longitudeDeg(),
        plane.origin(), options.bandwidthM(), options.gridCellM(), options.maxCellsPerAxis());
    int n = c.size();
    Coordinate[] at = new Coordinate[n];
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      LatLon p = c.position(i);
      at[i] = new Coordinate(plane.eastM(p), plane.northM(p));
      f[i] = density.at(at[i].x, at[i].y);
    }
    double[] sorted = f.clone();
    Arrays.sort(sorted);
    int levels = Options.LEVELS.size();
    double[] probability = new double[levels];
    double[] thresholds = new double[levels];
    Geometry[] regions = new Geometry[levels];
    double[] fractions = new double[levels];
    List<Polygon> parts = List.of();
    List<List<LineSegment>> legs = new ArrayList<>();
    for (int i = 0; i < levels; i++) {
      double p = Options.LEVELS.get(i);
      probability[i] = p;
      int k = Math.min(n - 1, Math.max(0, (int) Math.floor((1 - p) * n)));
      thresholds[i] = sorted[k];
      if (!(sorted[k] > 0)) {
        continue;
      }
      Geometry region = clean(SuperlevelSet.of(density, sorted[k], gf));
      if (region.isEmpty()) {
        continue;
      }
      regions[i] = region;
      IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(region);
      int inside = 0;
      for (Coordinate a : at) {
        inside += locator.locate(a) != Location.EXTERIOR ? 1 : 0;
      }
      fractions[i] = (double) inside / n;
      if (p == Options.TRANSECT_LEVEL) {
        parts = parts(region);
        for (Polygon part : parts) {
          legs.add(Transects.across(part, options.transectSpacingM(), lineAz));
        }
      }
    }
    return new ClassWork(c, density, probability, thresholds, regions, fractions, parts, legs);
  }

  /**
   * {legs, transect length m, hop length m} of the class's transects inside {@code region}: for
   * the transect level the legs themselves, else their pieces inside the region, hops counted
   * between consecutive pieces of the same track.
   */
  private double[] transectStats(ClassWork w, Geometry region, boolean transectLevel) {
    int legs = 0;
    double length = 0;
    double hops = 0;
    for (List<LineSegment> track : w.legs()) {
      List<LineSegment> pieces = new ArrayList<>();
      if (transectLevel) {
        pieces.addAll(track);
      } else {
        for (LineSegment s : track) {
          pieces.addAll(Transects.inside(s, region));
        }
      }
      legs += pieces.size();
      length += length(pieces);
      hops += hops(pieces);
    }
    return new double[] {legs, length, hops};
  }

  private static double length(List<LineSegment> legs) {
    double s = 0;
    for (LineSegment l : legs) {
      s += l.getLength();
    }
    return s;
  }

  private static double hops(List<LineSegment> legs) {
    double s = 0;
    for (int i = 1; i < legs.size(); i++) {
      s += legs.get(i - 1).p1.distance(legs.get(i).p0);
    }
    return s;
  }

  /** Azimuth of the major axis of all landings pooled, degrees [0, 180). */
  private static double fieldAxisAzimuthDeg(RunLandings run, LocalTangentPlane plane) {
    int total = run.classes().stream().mapToInt(RunLandings.ClassLandings::size).sum();
    double[] e = new double[total];
    double[] n = new double[total];
    int j = 0;
    for (RunLandings.ClassLandings c : run.classes()) {
      for (int i = 0; i < c.size(); i++) {
        LatLon p = c.position(i);
        e[j] = plane.eastM(p);
        n[j] = plane.northM(p);
        j++;
      }
    }
    return LandingDensity.majorAxisAzimuthDeg(LandingDensity.covariance(e, n));
  }

  /** The polygons of a region, largest first (ties: west, then south first). */
  private static List<Polygon> parts(Geometry region) {
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < region.getNumGeometries(); i++) {
      if (region.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
        parts.add(p);
      }
    }
    parts.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea())
        .thenComparingDouble(p -> p.getCentroid().getX())
        .thenComparingDouble(p -> p.getCentroid().getY()));
    return parts;
  }

  /**
   * {@code region} with ring vertices closer than {@value #MIN_VERTEX_SPACING_M} m to the
   * previous kept one removed and rings left with fewer than four positions dropped; unchanged
   * if that would make it invalid.
   */
  private Geometry clean(Geometry region) {
    List<Polygon> out = new ArrayList<>();
    for (Polygon p : parts(region)) {
      LinearRing shell = ring(p.getExteriorRing().getCoordinates());
      if (shell == null) {
        continue;
      }
      List<LinearRing> holes = new ArrayList<>();
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        LinearRing hole = ring(p.getInteriorRingN(h).getCoordinates());
        if (hole != null) {
          holes.add(hole);
        }
      }
      out.add(gf.createPolygon(shell, holes.toArray(new LinearRing[0])));
    }
    Geometry cleaned = out.size() == 1 ? out.get(0)
        : gf.createMultiPolygon(out.toArray(new Polygon[0]));
    return cleaned.isValid() && !cleaned.isEmpty() ? cleaned : region;
  }

  private LinearRing ring(Coordinate[] c) {
    List<Coordinate> kept = new ArrayList<>();
    for (int i = 0; i < c.length - 1; i++) {
      if (kept.isEmpty() || kept.get(kept.size() - 1).distance(c[i]) >= MIN_VERTEX_SPACING_M) {
        kept.add(c[i]);
      }
    }
    while (kept.size() > 1
        && kept.get(kept.size() - 1).distance(kept.get(0)) < MIN_VERTEX_SPACING_M) {
      kept.remove(kept.size() - 1);
    }
    if (kept.size() < 3) {
      return null;
    }
    kept.add(new Coordinate(kept.get(0)));
    return gf.createLinearRing(kept.toArray(new Coordinate[0]));
  }

  /** The region's polygons in WGS84, exterior rings counter-clockwise, holes clockwise. */
  private static List<SearchPlan.Polygon> polygons(Geometry region, LocalTangentPlane plane) {
    List<SearchPlan.Polygon> out = new ArrayList<>();
    for (Polygon p : parts(region)) {
      List<List<LatLon>> holes = new ArrayList<>();
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        holes.add(latLon(p.getInteriorRingN(h).getCoordinates(), false, plane));
      }
      out.add(new SearchPlan.Polygon(latLon(p.getExteriorRing().getCoordinates(), true, plane),
          holes));
    }
    return out;
  }

  private static List<LatLon> latLon(Coordinate[] ring, boolean ccw, LocalTangentPlane plane) {
    Coordinate[] c = ring.clone();
    // East/north → lon/lat is linear with positive scales, so orientation carries over.
    if (Orientation.isCCW(c) != ccw) {
      for (int i = 0, j = c.length - 1; i < j; i++, j--) {
        Coordinate t = c[i];
        c[i] = c[j];
        c[j] = t;
      }
    }
    List<LatLon> out = new ArrayList<>(c.length);
    for (Coordinate p : c) {
      out.add(plane.toLatLon(p.x, p.y));
    }
    return out;
  }
}
