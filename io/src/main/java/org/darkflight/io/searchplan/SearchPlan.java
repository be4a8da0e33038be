package org.darkflight.io.searchplan;

import java.util.List;
import java.util.Objects;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.RunInfo;

/**
 * What a search team takes into the field, for one run: per mass class the highest-density
 * regions (HDR) holding 50 % and 90 % of the simulated landings, parallel walking transects
 * across each class's 90 % region, and waypoints at the nominal landings (or, without them, at
 * the density mode of each class). Written as {@value #AREAS_FILE} (GeoJSON),
 * {@value #GPX_FILE} (GPX 1.1) and a "Search Areas" folder in the KML/KMZ; computed by
 * {@code org.darkflight.analysis.searchplan.SearchPlanner} (the method is in docs/outputs.md).
 *
 * <p>All positions are WGS84 degrees; lengths m, areas m², speeds km/h, times h.
 *
 * @param run        provenance of the run the plan was made from (the {@code meta} of its
 *                   {@code strewn_field_points.geojson})
 * @param settings   how the plan was made
 * @param areas      search areas, by mass class index then probability
 * @param tracks     transect tracks in walking order, by mass class index then part
 * @param waypoints  waypoints, nominal landings in fragment order, or density modes by class
 * @param notes      what could not be planned and why (e.g. a class with too few landings), and
 *                   where the waypoints come from; one sentence each
 */
public record SearchPlan(RunInfo run, Settings settings, List<Area> areas, List<Track> tracks,
    List<Waypoint> waypoints, List<String> notes) {

  /** File name of the search-area GeoJSON. */
  public static final String AREAS_FILE = "search_areas.geojson";
  /** File name of the GPX. */
  public static final String GPX_FILE = "search_plan.gpx";
  /** Schema version of {@value #AREAS_FILE} (its {@code meta.schema_version}). */
  public static final String AREAS_SCHEMA_VERSION = "1.0.0";
  /** Product name in the GeoJSON {@code meta.product}. */
  public static final String AREAS_PRODUCT = "search_areas";

  public SearchPlan {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(settings, "settings");
    areas = List.copyOf(areas);
    tracks = List.copyOf(tracks);
    waypoints = List.copyOf(waypoints);
    notes = List.copyOf(notes);
  }

  /** Which way the transects run relative to the strewn field's major axis. */
  public enum Orientation {
    /** Perpendicular to the major axis (across the fall line): short lines, one crossing each. */
    ACROSS,
    /** Parallel to the major axis (along the fall line): few long lines. */
    ALONG
  }

  /**
   * How the plan was made.
   *
   * @param transectSpacingM       distance between neighbouring transects, m (&gt; 0)
   * @param orientation            transects across or along the field's major axis
   * @param fieldAxisAzimuthDeg    azimuth of the strewn field's major axis (all landings pooled),
   *                               clockwise from true north, [0, 180)
   * @param transectAzimuthDeg     azimuth along which the transects run, [0, 180)
   * @param walkingSpeedKmh        walking speed of one searcher on a transect, km/h (&gt; 0)
   * @param levels                 probabilities of the search areas, ascending, in (0, 1)
   * @param transectLevel          the level whose area the transects cover (one of
   *                               {@code levels})
   * @param bandwidthM             kernel bandwidth asked for, m, or NaN for the per-class rule
   * @param gridCellM              density grid cell asked for, m, or NaN for the per-class rule
   */
  public record Settings(double transectSpacingM, Orientation orientation,
      double fieldAxisAzimuthDeg, double transectAzimuthDeg, double walkingSpeedKmh,
      List<Double> levels, double transectLevel, double bandwidthM, double gridCellM) {

    public Settings {
      positive("transect_spacing_m", transectSpacingM);
      Objects.requireNonNull(orientation, "orientation");
      azimuth("field_axis_azimuth_deg", fieldAxisAzimuthDeg);
      azimuth("transect_azimuth_deg", transectAzimuthDeg);
      positive("walking_speed_kmh", walkingSpeedKmh);
      levels = List.copyOf(levels);
      if (levels.isEmpty()) {
        throw new IllegalArgumentException("a search plan needs at least one probability level");
      }
      for (int i = 0; i < levels.size(); i++) {
        double p = levels.get(i);
        if (!(p > 0 && p < 1) || (i > 0 && !(p > levels.get(i - 1)))) {
          throw new IllegalArgumentException("search-area levels must be ascending in (0, 1), got "
              + levels);
        }
      }
      if (!levels.contains(transectLevel)) {
        throw new IllegalArgumentException("the transect level " + transectLevel
            + " is not one of the levels " + levels);
      }
      if (!Double.isNaN(bandwidthM)) {
        positive("bandwidth_m", bandwidthM);
      }
      if (!Double.isNaN(gridCellM)) {
        positive("grid_cell_m", gridCellM);
      }
    }

    /** Hours of walking {@code metres} at {@link #walkingSpeedKmh}. */
    public double walkingTimeH(double metres) {
      return metres / (walkingSpeedKmh * 1000);
    }
  }

  /**
   * One polygon of a search area, in the RFC 7946 ring order: the exterior ring
   * counter-clockwise, holes clockwise; every ring closed (first position = last), at least four
   * positions.
   */
  public record Polygon(List<LatLon> exterior, List<List<LatLon>> holes) {
    public Polygon {
      exterior = ring("exterior", exterior);
      holes = holes.stream().map(h -> ring("hole", h)).toList();
    }

    private static List<LatLon> ring(String what, List<LatLon> ring) {
      List<LatLon> r = List.copyOf(ring);
      if (r.size() < 4 || !r.get(0).equals(r.get(r.size() - 1))) {
        throw new IllegalArgumentException("a polygon " + what
            + " ring needs at least 4 positions and must be closed");
      }
      return r;
    }
  }

  /**
   * The highest-density region of one mass class at one probability level: the smallest area
   * that holds that share of the class's simulated landings under the kernel density estimate.
   *
   * @param massClassIndex         mass class index, 0 = lightest
   * @param massClass              its label
   * @param probability            the level, e.g. 0.9
   * @param landings               landings of the class the density was estimated from
   * @param landingFractionInside  share of those landings inside the polygons (counted), [0, 1]
   * @param densityThresholdPerKm2 the density level the area is cut at, probability per km²
   * @param areaM2                 area of the polygons on the ground, m² (local tangent plane)
   * @param bandwidthM             kernel standard deviation used for the class, m
   * @param gridCellM              density grid cell edge used for the class, m
   * @param polygons               the region, one or more parts, largest first
   * @param transectLegs           transect pieces (of the class's transects) inside the area
   * @param transectLengthM        their total length, m
   * @param hopLengthM             walking between consecutive pieces in the GPX order, m
   * @param waypointsInside        waypoints of the class inside the area
   */
  public record Area(int massClassIndex, String massClass, double probability, long landings,
      double landingFractionInside, double densityThresholdPerKm2, double areaM2,
      double bandwidthM, double gridCellM, List<Polygon> polygons, int transectLegs,
      double transectLengthM, double hopLengthM, int waypointsInside) {

    public Area {
      if (massClassIndex < 0) {
        throw new IllegalArgumentException("mass_class_index must be >= 0");
      }
      Objects.requireNonNull(massClass, "massClass");
      if (!(probability > 0 && probability < 1)) {
        throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
      }
      if (landings < 1) {
        throw new IllegalArgumentException("a search area needs landings");
      }
      if (!(landingFractionInside >= 0 && landingFractionInside <= 1)) {
        throw new IllegalArgumentException("landing fraction must be in [0, 1]");
      }
      positive("density_threshold_per_km2", densityThresholdPerKm2);
      positive("area_m2", areaM2);
      positive("bandwidth_m", bandwidthM);
      positive("grid_cell_m", gridCellM);
      polygons = List.copyOf(polygons);
      if (polygons.isEmpty()) {
        throw new IllegalArgumentException("a search area needs at least one polygon");
      }
      if (transectLegs < 0 || waypointsInside < 0) {
        throw new IllegalArgumentException("counts must be >= 0");
      }
      nonNegative("transect_length_m", transectLengthM);
      nonNegative("hop_length_m", hopLengthM);
    }
  }

  /**
   * The transects across one part of a class's search area, in walking order: each leg is a
   * straight piece of a transect, first position where the searcher starts; consecutive legs
   * alternate direction (boustrophedon) so that the hop to the next leg is short.
   *
   * @param massClassIndex   mass class index
   * @param massClass        its label
   * @param probability      level of the area covered, e.g. 0.9
   * @param part             1-based part of the area (parts are ordered largest first)
   * @param parts            number of parts of the area
   * @param partAreaM2       area of this part, m²
   * @param legs             the legs, each two or more positions along a straight line
   * @param transectLengthM  total length of the legs, m
   * @param hopLengthM       total straight-line distance from each leg's end to the next leg's
   *                         start, m
   */
  public record Track(int massClassIndex, String massClass, double probability, int part,
      int parts, double partAreaM2, List<List<LatLon>> legs, double transectLengthM,
      double hopLengthM) {
    public Track {
      Objects.requireNonNull(massClass, "massClass");
      if (part < 1 || part > parts) {
        throw new IllegalArgumentException("part must be in [1, parts]");
      }
      legs = legs.stream().map(List::copyOf).toList();
      if (legs.isEmpty() || legs.stream().anyMatch(l -> l.size() < 2)) {
        throw new IllegalArgumentException("a track needs legs of at least two positions");
      }
      positive("part_area_m2", partAreaM2);
      nonNegative("transect_length_m", transectLengthM);
      nonNegative("hop_length_m", hopLengthM);
    }
  }

  /** Where a waypoint comes from. */
  public enum WaypointKind {
    /** Landing of a fragment of the run's inputs flown with the unperturbed (nominal) inputs. */
    NOMINAL_LANDING,
    /** Highest landing density of a mass class (used when no nominal landing is available). */
    DENSITY_MODE
  }

  /**
   * One waypoint.
   *
   * @param kind            where it comes from
   * @param name            short GPS name (ASCII)
   * @param massClassIndex  mass class of the landing (the final mass's class)
   * @param massClass       its label
   * @param position        the point
   * @param fragmentId      the fragment, or null for a density mode
   * @param massInitialKg   the fragment's mass at the luminous end, kg, or NaN
   * @param massFinalKg     its mass at the ground, kg, or NaN
   */
  public record Waypoint(WaypointKind kind, String name, int massClassIndex, String massClass,
      LatLon position, String fragmentId, double massInitialKg, double massFinalKg) {
    public Waypoint {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(massClass, "massClass");
      Objects.requireNonNull(position, "position");
      if (kind == WaypointKind.NOMINAL_LANDING && fragmentId == null) {
        throw new IllegalArgumentException("a nominal landing names its fragment");
      }
    }
  }

  private static void positive(String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(field + " must be > 0 and finite, got " + v);
    }
  }

  private static void nonNegative(String field, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(field + " must be >= 0 and finite, got " + v);
    }
  }

  private static void azimuth(String field, double v) {
    if (!(v >= 0 && v < 180)) {
      throw new IllegalArgumentException(field + " must be in [0, 180), got " + v);
    }
  }
}
