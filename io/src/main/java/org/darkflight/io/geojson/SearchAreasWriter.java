package org.darkflight.io.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.ProvenanceJson;
import org.darkflight.io.searchplan.SearchPlan;

/**
 * Writes {@code search_areas.geojson}: an RFC 7946 FeatureCollection with one MultiPolygon
 * feature per (mass class, probability level) of a {@link SearchPlan}, in the plan's order (mass
 * class index, then probability), with the run's provenance {@code meta} member.
 *
 * <p>Feature properties, in this order (units in the names): {@code mass_class},
 * {@code mass_class_index}, {@code probability}, {@code landings},
 * {@code landing_fraction_inside}, {@code density_threshold_per_km2}, {@code area_m2},
 * {@code area_km2}, {@code polygon_count}, {@code bandwidth_m}, {@code grid_cell_m},
 * {@code transect_spacing_m}, {@code transect_azimuth_deg}, {@code transect_legs},
 * {@code transect_length_m}, {@code hop_length_m}, {@code walking_speed_kmh},
 * {@code walking_time_h} (transects plus hops at the walking speed, one searcher),
 * {@code waypoints_inside}. Rings: exterior counter-clockwise, holes clockwise (RFC 7946
 * §3.1.6). Schema: {@code schemas/search_areas.schema.json}; fields in docs/outputs.md.
 */
public final class SearchAreasWriter {

  private final GeoOutputOptions options;

  public SearchAreasWriter(GeoOutputOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Writes the file atomically; returns the number of features. */
  public int write(Path target, SearchPlan plan) throws IOException {
    int[] count = new int[1];
    AtomicFiles.write(target, out -> count[0] = write(out, plan));
    return count[0];
  }

  /** Writes the FeatureCollection to {@code out} (flushed, not closed); returns the count. */
  public int write(OutputStream out, SearchPlan plan) throws IOException {
    Objects.requireNonNull(plan, "plan");
    int decimals = options.geoPrecisionDecimals();
    try (JsonGenerator g = GeoJsonFormat.generator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeFieldName("meta");
      ProvenanceJson.write(g, plan.run(), SearchPlan.AREAS_PRODUCT,
          SearchPlan.AREAS_SCHEMA_VERSION, decimals);
      g.writeArrayFieldStart("features");
      for (SearchPlan.Area a : plan.areas()) {
        feature(g, plan.settings(), a, decimals);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
    out.flush();
    return plan.areas().size();
  }

  private static void feature(JsonGenerator g, SearchPlan.Settings s, SearchPlan.Area a,
      int decimals) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "MultiPolygon");
    g.writeArrayFieldStart("coordinates");
    for (SearchPlan.Polygon p : a.polygons()) {
      g.writeStartArray();
      ring(g, p.exterior(), decimals);
      for (List<LatLon> hole : p.holes()) {
        ring(g, hole, decimals);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("mass_class", a.massClass());
    g.writeNumberField("mass_class_index", a.massClassIndex());
    GeoJsonFormat.quantity(g, "probability", a.probability());
    g.writeNumberField("landings", a.landings());
    GeoJsonFormat.quantity(g, "landing_fraction_inside", a.landingFractionInside());
    GeoJsonFormat.quantity(g, "density_threshold_per_km2", a.densityThresholdPerKm2());
    GeoJsonFormat.quantity(g, "area_m2", Math.rint(a.areaM2()));
    GeoJsonFormat.quantity(g, "area_km2", a.areaM2() / 1e6);
    g.writeNumberField("polygon_count", a.polygons().size());
    GeoJsonFormat.quantity(g, "bandwidth_m", a.bandwidthM());
    GeoJsonFormat.quantity(g, "grid_cell_m", a.gridCellM());
    GeoJsonFormat.quantity(g, "transect_spacing_m", s.transectSpacingM());
    GeoJsonFormat.quantity(g, "transect_azimuth_deg", s.transectAzimuthDeg());
    g.writeNumberField("transect_legs", a.transectLegs());
    GeoJsonFormat.quantity(g, "transect_length_m", Math.rint(a.transectLengthM()));
    GeoJsonFormat.quantity(g, "hop_length_m", Math.rint(a.hopLengthM()));
    GeoJsonFormat.quantity(g, "walking_speed_kmh", s.walkingSpeedKmh());
    GeoJsonFormat.quantity(g, "walking_time_h",
        Math.rint(10 * s.walkingTimeH(a.transectLengthM() + a.hopLengthM())) / 10);
    g.writeNumberField("waypoints_inside", a.waypointsInside());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void ring(JsonGenerator g, List<LatLon> ring, int decimals) throws IOException {
    g.writeStartArray();
    for (LatLon p : ring) {
      GeoJsonFormat.position(g, p.latitudeDeg(), p.longitudeDeg(), decimals);
    }
    g.writeEndArray();
  }
}
