package org.darkflight.io.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.json.Json;

/**
 * The search plan in {@code report.html}: the "Search plan" table (per mass class and level: area,
 * share of the landings inside, transects and walking time) and the map data the page's script
 * draws as the layers "Search areas 50 %/90 %", "Search transects" and "Search waypoints".
 */
final class SearchPlanHtml {

  private SearchPlanHtml() {}

  /** The section (a note when the run has no search plan). */
  static void section(StringBuilder h, ReportData d) {
    h.append("<h2>Search plan</h2>\n");
    SearchPlanLayers plan = d.searchPlan();
    if (plan == null) {
      h.append("<p>No search plan in this run (<code>darkflight search-plan --run DIR</code> ")
          .append("writes one).</p>\n");
      return;
    }
    h.append("<p class=\"note\">From <code>search_areas.geojson</code> and ")
        .append("<code>search_plan.gpx</code>: per mass class the smallest areas holding 50 % and ")
        .append("90 % of the simulated landings (highest-density regions of a kernel density), ")
        .append("the walking transects across the 90 % area (layer \"Search transects\", off at ")
        .append("first), and the waypoints. Walking times are for one searcher (docs/outputs.md).")
        .append("</p>\n");
    if (plan.areas().isEmpty()) {
      h.append("<p>No mass class has enough landings for a search area.</p>\n");
    } else {
      h.append("<table>\n<tr><th>class</th><th>level</th><th>area (km²)</th>")
          .append("<th>landings inside</th><th>transect legs</th><th>transects (km)</th>")
          .append("<th>walking (h)</th></tr>\n");
      for (SearchPlanLayers.Area a : plan.areas()) {
        h.append("<tr><td>").append(HtmlText.escape(a.massClass())).append("</td><td class=\"num\">")
            .append(fmt("%.0f %%", 100 * a.probability())).append("</td><td class=\"num\">")
            .append(fmt("%.3f", a.areaM2() / 1e6)).append("</td><td class=\"num\">")
            .append(fmt("%.1f %%", 100 * a.fractionInside())).append("</td><td class=\"num\">")
            .append(a.transectLegs()).append("</td><td class=\"num\">")
            .append(fmt("%.2f", a.transectLengthM() / 1000)).append("</td><td class=\"num\">")
            .append(fmt("%.1f", a.walkingTimeH())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("<p>").append(plan.waypoints().size()).append(" waypoints, ")
        .append(plan.tracks().size()).append(" transect tracks in <code>search_plan.gpx</code>.")
        .append("</p>\n");
  }

  /** The map data: {@code search_areas}, {@code transects}, {@code waypoints} (empty lists if none). */
  static void json(JsonGenerator g, ReportData d) throws IOException {
    SearchPlanLayers plan = d.searchPlan();
    g.writeArrayFieldStart("search_areas");
    if (plan != null) {
      for (SearchPlanLayers.Area a : plan.areas()) {
        g.writeStartObject();
        g.writeNumberField("cls", a.massClassIndex());
        g.writeStringField("label", a.massClass());
        g.writeNumberField("level", a.probability());
        g.writeNumberField("km2", Json.roundedSignificant(a.areaM2() / 1e6, 4));
        g.writeNumberField("inside", Json.roundedDecimal(100 * a.fractionInside(), 1));
        g.writeNumberField("km", Json.roundedDecimal(a.transectLengthM() / 1000, 2));
        g.writeNumberField("h", Json.roundedDecimal(a.walkingTimeH(), 1));
        g.writeArrayFieldStart("polygons");
        for (List<List<LatLon>> polygon : a.polygons()) {
          g.writeStartArray();
          for (List<LatLon> ring : polygon) {
            path(g, ring);
          }
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("transects");
    if (plan != null) {
      for (SearchPlanLayers.Track t : plan.tracks()) {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField("cmt", t.comment());
        g.writeArrayFieldStart("segments");
        for (List<LatLon> s : t.segments()) {
          path(g, s);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("waypoints");
    if (plan != null) {
      for (SearchPlanLayers.Waypoint w : plan.waypoints()) {
        g.writeStartObject();
        g.writeStringField("name", w.name());
        g.writeStringField("desc", w.description());
        g.writeNumberField("lat", Json.roundedDecimal(w.position().latitudeDeg(), 6));
        g.writeNumberField("lon", Json.roundedDecimal(w.position().longitudeDeg(), 6));
        g.writeEndObject();
      }
    }
    g.writeEndArray();
  }

  private static void path(JsonGenerator g, List<LatLon> points) throws IOException {
    g.writeStartArray();
    for (LatLon p : points) {
      g.writeStartArray();
      g.writeNumber(Json.roundedDecimal(p.latitudeDeg(), 6));
      g.writeNumber(Json.roundedDecimal(p.longitudeDeg(), 6));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
