package org.darkflight.io.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.MassClassColours;
import org.darkflight.io.geo.TrajectoryLine;
import org.darkflight.io.geo.TrajectoryPoint3d;
import org.darkflight.io.json.Json;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.uq.SensitivityDocument;

/**
 * Renders {@code report.html}: one self-contained UTF-8 page. Leaflet 1.9.4 (from its webjar on
 * the class path; BSD-2-Clause) is inlined, its CSS images become {@code data:} URIs, heatmap PNGs
 * too, and a Content-Security-Policy ({@code default-src 'none'}) forbids every network request,
 * so the page shows the same thing offline and cannot leak. Tables are rendered here (every input
 * string HTML-escaped by {@link HtmlText#escape}); the map data travels as JSON in a
 * {@code <script type="application/json">} element with {@code < > & '} escaped
 * ({@link HtmlText.ScriptJsonEscapes}) and is only ever put into the page as text by the script.
 *
 * <p>The page reports its own health in the hidden element {@code #darkflight-status} (JSON:
 * Leaflet version, features per layer, script errors and CSP violations), which the Chromium
 * integration test reads. The output depends only on {@link ReportData}: no clock, no locale.
 */
public final class ReportHtml {

  /** File name in the run directory. */
  public static final String FILE = "report.html";
  /** Leaflet version inlined (the webjar on the class path). */
  public static final String LEAFLET_VERSION = "1.9.4";
  /** The page's Content-Security-Policy: nothing but inline code and data: images. */
  public static final String CSP = "default-src 'none'; script-src 'unsafe-inline'; "
      + "style-src 'unsafe-inline'; img-src data:";

  private static final String LEAFLET_DIR =
      "META-INF/resources/webjars/leaflet/" + LEAFLET_VERSION + "/dist/";
  private static final Pattern CSS_URL = Pattern.compile("url\\((images/[A-Za-z0-9_.-]+\\.png)\\)");

  private ReportHtml() {}

  /** Writes the report atomically. */
  public static void write(Path target, ReportData d) throws IOException {
    AtomicFiles.write(target, render(d).getBytes(StandardCharsets.UTF_8));
  }

  /** The page. */
  public static String render(ReportData d) throws IOException {
    StringBuilder h = new StringBuilder(256 * 1024);
    String title = "Darkflight report: " + d.eventId();
    String validation = d.meta().path("validation_status").asText("unknown");
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(HtmlText.escape(title)).append("</title>\n")
        .append("<style>\n").append(leafletCss()).append("\n</style>\n")
        .append("<style>\n").append(resource("report.css")).append("</style>\n")
        .append("</head>\n<body>\n")
        .append("<pre id=\"darkflight-status\" hidden>{\"ready\":false}</pre>\n")
        .append("<script>\n").append(STATUS_JS).append("</script>\n");
    h.append("<header><h1>").append(HtmlText.escape(title)).append("</h1><div class=\"sub\">")
        .append("produced ").append(HtmlText.escape(d.producedUtc()))
        .append(" &middot; validation ").append(badge(validation))
        .append(" &middot; ").append(HtmlText.escape(d.meta().path("producer").asText("")))
        .append("</div></header>\n");
    h.append("<div id=\"map\"></div>\n<main>\n");
    h.append("<p class=\"note\">").append(HtmlText.escape(d.subsetDescription()))
        .append(" Hover a feature for details; the layer list (top right) toggles layers. ")
        .append("No map tiles: the page is self-contained and makes no network request.</p>\n");
    summary(h, d);
    classes(h, d);
    ellipses(h, d);
    SearchPlanHtml.section(h, d);
    trajectories(h, d);
    sensitivity(h, d);
    provenance(h, d);
    h.append("</main>\n");
    h.append("<script type=\"application/json\" id=\"darkflight-data\">")
        .append(mapJson(d)).append("</script>\n");
    h.append("<script>\n").append(leafletJs()).append("\n</script>\n");
    h.append("<script>\n").append(resource("report.js")).append("</script>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** Runs before anything else: collects script errors and CSP violations. */
  private static final String STATUS_JS = """
      window.darkflightStatus = {ready: false, leaflet: null, layers: null, errors: []};
      window.darkflightWriteStatus = function () {
        document.getElementById('darkflight-status').textContent =
            JSON.stringify(window.darkflightStatus);
      };
      window.addEventListener('error', function (e) {
        window.darkflightStatus.errors.push(String(e.message || ('failed to load ' +
            (e.target && (e.target.src || e.target.href)) || e.type))
            + (e.error && e.error.stack ? ' | ' + e.error.stack : ''));
        window.darkflightWriteStatus();
      }, true);
      document.addEventListener('securitypolicyviolation', function (e) {
        window.darkflightStatus.errors.push('CSP violation: ' + e.violatedDirective + ' '
            + e.blockedURI);
        window.darkflightWriteStatus();
      });
      """;

  private static String badge(String status) {
    String cls = switch (status) {
      case "passed" -> "passed";
      case "failed" -> "failed";
      default -> "other";
    };
    return "<span class=\"badge " + cls + "\">" + HtmlText.escape(status) + "</span>";
  }

  private static void summary(StringBuilder h, ReportData d) {
    OutputManifestDocument.EnsembleRunSummary run =
        d.manifest().run() instanceof OutputManifestDocument.EnsembleRunSummary e ? e : null;
    h.append("<h2>Run summary</h2>\n<table>\n");
    row(h, "event", d.eventId());
    row(h, "samples", text(run == null ? null : run.samples(), "–"));
    row(h, "landed", text(run == null ? null : run.landed(), "–"));
    row(h, "failed", text(run == null ? null : run.failed(), "–"));
    StringBuilder reasons = new StringBuilder();
    if (run != null) {
      for (Map.Entry<String, Long> e : run.failureReasonsOrEmpty().entrySet()) {
        reasons.append(reasons.length() == 0 ? "" : ", ").append(e.getKey()).append(": ")
            .append(e.getValue());
      }
    }
    row(h, "failure reasons", reasons.length() == 0 ? "none" : reasons.toString());
    row(h, "mode", text(run == null ? null : run.mode(), "–"));
    row(h, "sampling", text(run == null ? null : run.sampling(), "–"));
    row(h, "random seed", text(run == null ? null : run.randomSeed(), "–"));
    row(h, "validation status", d.meta().path("validation_status").asText("unknown"));
    h.append("</table>\n");
  }

  /** A value of a document as text, {@code absent} when it is missing. */
  private static String text(Object value, String absent) {
    return value == null ? absent : value.toString();
  }

  private static void classes(StringBuilder h, ReportData d) {
    h.append("<h2>Mass classes (legend)</h2>\n<table>\n<tr><th>class</th><th>landing points</th>")
        .append("<th>drawn</th></tr>\n");
    for (int c = 0; c < d.classLabels().size(); c++) {
      h.append("<tr><td><span class=\"swatch\" style=\"background:").append(colour(c, d))
          .append("\"></span>").append(HtmlText.escape(d.classLabels().get(c)))
          .append("</td><td class=\"num\">").append(d.pointsPerClass()[c])
          .append("</td><td class=\"num\">").append(d.shownPerClass()[c]).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void ellipses(StringBuilder h, ReportData d) {
    h.append("<h2>Confidence ellipses</h2>\n");
    if (d.ellipses().isEmpty()) {
      h.append("<p>None (a mass class needs at least 3 landings with spread).</p>\n");
      return;
    }
    h.append("<table>\n<tr><th>class</th><th>level</th><th>samples</th>")
        .append("<th>semi-major axis (m)</th><th>semi-minor axis (m)</th>")
        .append("<th>major-axis azimuth (°)</th></tr>\n");
    for (ReportData.Ellipse e : d.ellipses()) {
      h.append("<tr><td>").append(HtmlText.escape(e.massClass())).append("</td><td class=\"num\">")
          .append(fmt("%.1f %%", e.confidenceLevel() * 100)).append("</td><td class=\"num\">")
          .append(e.sampleCount()).append("</td><td class=\"num\">")
          .append(fmt("%.0f", e.semiMajorAxisM())).append("</td><td class=\"num\">")
          .append(fmt("%.0f", e.semiMinorAxisM())).append("</td><td class=\"num\">")
          .append(fmt("%.1f", e.orientationDeg())).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void trajectories(StringBuilder h, ReportData d) {
    h.append("<h2>Trajectories</h2>\n");
    if (d.trajectories().isEmpty()) {
      h.append("<p>").append(HtmlText.escape(d.trajectoryNote() == null ? "None."
          : d.trajectoryNote())).append("</p>\n");
      return;
    }
    h.append("<p class=\"note\">Nominal dark-flight paths (unperturbed inputs) of up to ")
        .append("12 representative fragments, the same as the KML's Trajectories folder.</p>\n")
        .append("<table>\n<tr><th>fragment</th><th>landing class</th><th>mass (kg)</th>")
        .append("<th>duration (s)</th></tr>\n");
    for (TrajectoryLine t : d.trajectories()) {
      h.append("<tr><td>").append(HtmlText.escape(t.fragmentId())).append("</td><td>")
          .append(HtmlText.escape(t.massClass())).append("</td><td class=\"num\">")
          .append(sig(t.massKg())).append("</td><td class=\"num\">")
          .append(fmt("%.1f", duration(t))).append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void sensitivity(StringBuilder h, ReportData d) {
    h.append("<h2>Sensitivity</h2>\n");
    if (d.sensitivity() == null) {
      h.append("<p>No <code>sensitivity.json</code> in this run.</p>\n");
      return;
    }
    h.append("<p class=\"note\">From <code>sensitivity.json</code>: Sobol first-order and total ")
        .append("indices of the landing position (95 % confidence intervals) and the one-at-a-time ")
        .append("shift of the landing point.</p>\n");
    for (SensitivityDocument.ClassIndices c : d.sensitivity().classes()) {
      h.append("<h3>").append(HtmlText.escape(text(c.massClass(), "?")))
          .append(" <span class=\"note\">(").append(HtmlText.escape(String.valueOf(c.samples())))
          .append(" samples)</span></h3>\n<table>\n<tr><th>parameter</th><th>unit</th>")
          .append("<th>first order</th><th>95 % CI</th><th>total</th><th>95 % CI</th>")
          .append("<th>OAT shift (m)</th></tr>\n");
      for (SensitivityDocument.ParameterIndices p : c.parameters()) {
        h.append("<tr><td>").append(HtmlText.escape(text(p.name(), "?")))
            .append("</td><td>").append(HtmlText.escape(text(p.unit(), "")))
            .append("</td><td class=\"num\">").append(num(p.firstOrderIndex(), "%.3f"))
            .append("</td><td class=\"num\">").append(ci(p.firstOrderCi95()))
            .append("</td><td class=\"num\">").append(num(p.totalIndex(), "%.3f"))
            .append("</td><td class=\"num\">").append(ci(p.totalCi95()))
            .append("</td><td class=\"num\">").append(num(p.oatShiftM(), "%.0f"))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
  }

  private static void provenance(StringBuilder h, ReportData d) {
    JsonNode meta = d.meta();
    h.append("<h2>Provenance</h2>\n<table>\n");
    row(h, "producer", meta.path("producer").asText(""));
    row(h, "git commit", meta.path("git_commit").isTextual() ? meta.get("git_commit").asText()
        : "unknown");
    row(h, "run id", meta.path("run_id").asText(""));
    row(h, "produced (UTC)", d.producedUtc());
    row(h, "provenance hash", text(d.manifest().provenanceHash(), ""));
    JsonNode le = meta.path("luminous_end");
    if (le.isObject()) {
      row(h, "luminous end", le.path("latitude_deg").asText() + "°, "
          + le.path("longitude_deg").asText() + "°, " + le.path("altitude_m").asText() + " m, "
          + le.path("time_utc").asText());
    }
    h.append("</table>\n<h3>Inputs</h3>\n<table>\n<tr><th>role</th><th>path</th>")
        .append("<th>SHA-256</th></tr>\n");
    List<OutputManifestDocument.RoleInput> inputs =
        d.manifest().run() instanceof OutputManifestDocument.EnsembleRunSummary e
            && e.inputs() != null ? e.inputs() : List.of();
    for (OutputManifestDocument.RoleInput in : inputs) {
      h.append("<tr><td>").append(HtmlText.escape(text(in.role(), ""))).append("</td><td>")
          .append(HtmlText.escape(text(in.path(), ""))).append("</td><td class=\"hash\">")
          .append(HtmlText.escape(text(in.sha256(), ""))).append("</td></tr>\n");
    }
    h.append("</table>\n<h3>Artifacts</h3>\n<table>\n<tr><th>path</th><th>type</th>")
        .append("<th>bytes</th><th>SHA-256</th></tr>\n");
    List<OutputManifestDocument.Artifact> artifacts = d.manifest().artifacts() == null ? List.of()
        : d.manifest().artifacts();
    for (OutputManifestDocument.Artifact a : artifacts) {
      if (FILE.equals(a.path())) {
        continue; // the report cannot list its own hash
      }
      h.append("<tr><td>").append(HtmlText.escape(text(a.path(), ""))).append("</td><td>")
          .append(HtmlText.escape(text(a.type(), ""))).append("</td><td class=\"num\">")
          .append(a.bytes()).append("</td><td class=\"hash\">")
          .append(HtmlText.escape(text(a.sha256(), ""))).append("</td></tr>\n");
    }
    h.append("</table>\n<p class=\"note\">Map: Leaflet ").append(LEAFLET_VERSION)
        .append(" (BSD-2-Clause), inlined. Background: plain lat/lon grid, WGS84.</p>\n");
  }

  private static void row(StringBuilder h, String key, String value) {
    h.append("<tr><th>").append(HtmlText.escape(key)).append("</th><td>")
        .append(HtmlText.escape(value)).append("</td></tr>\n");
  }

  private static String num(Double n, String format) {
    return n != null ? fmt(format, n) : "–";
  }

  private static String ci(List<Double> n) {
    return n != null && n.size() == 2 && n.get(0) != null && n.get(1) != null
        ? fmt("[%.3f, %.3f]", n.get(0), n.get(1)) : "–";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static String sig(double v) {
    return Json.roundedSignificant(v, 4).toPlainString();
  }

  private static double duration(TrajectoryLine t) {
    var pts = t.points();
    return pts.get(pts.size() - 1).timeS() - pts.get(0).timeS();
  }

  private static String colour(int index, ReportData d) {
    Color c = MassClassColours.colour(index, d.classLabels().size());
    return fmt("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  /** The map's data as script-safe JSON. */
  static String mapJson(ReportData d) throws IOException {
    StringWriter out = new StringWriter();
    JsonFactory f = new JsonFactory();
    f.setCharacterEscapes(new HtmlText.ScriptJsonEscapes());
    try (JsonGenerator g = f.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("classes");
      for (int c = 0; c < d.classLabels().size(); c++) {
        g.writeStartObject();
        g.writeStringField("label", d.classLabels().get(c));
        g.writeStringField("colour", colour(c, d));
        g.writeNumberField("total", d.pointsPerClass()[c]);
        g.writeNumberField("shown", d.shownPerClass()[c]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("points");
      for (ReportData.Point p : d.points()) {
        g.writeStartArray();
        g.writeNumber(Json.roundedDecimal(p.latitudeDeg(), 6));
        g.writeNumber(Json.roundedDecimal(p.longitudeDeg(), 6));
        g.writeNumber(p.massClassIndex());
        g.writeNumber(Json.roundedSignificant(p.massFinalKg(), 4));
        g.writeNumber(Json.roundedSignificant(p.impactSpeedMps(), 4));
        g.writeNumber(p.sampleIndex());
        g.writeString(p.fragmentId());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("ellipses");
      for (ReportData.Ellipse e : d.ellipses()) {
        g.writeStartObject();
        g.writeNumberField("cls", e.massClassIndex());
        g.writeNumberField("level", e.confidenceLevel());
        g.writeNumberField("n", e.sampleCount());
        g.writeNumberField("a", Math.round(e.semiMajorAxisM()));
        g.writeNumberField("b", Math.round(e.semiMinorAxisM()));
        g.writeNumberField("az", Math.round(e.orientationDeg() * 10) / 10.0);
        g.writeArrayFieldStart("ring");
        for (LatLon p : e.ring()) {
          latLon(g, p.latitudeDeg(), p.longitudeDeg());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("heatmaps");
      for (ReportData.Heatmap m : d.heatmaps()) {
        g.writeStartObject();
        g.writeStringField("name", m.name());
        g.writeNumberField("north", m.northDeg());
        g.writeNumberField("south", m.southDeg());
        g.writeNumberField("east", m.eastDeg());
        g.writeNumberField("west", m.westDeg());
        g.writeNumberField("opacity", m.opacity());
        g.writeStringField("src",
            "data:image/png;base64," + Base64.getEncoder().encodeToString(m.png()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("trajectories");
      for (TrajectoryLine t : d.trajectories()) {
        g.writeStartObject();
        g.writeStringField("id", t.fragmentId());
        g.writeStringField("cls", t.massClass());
        g.writeNumberField("mass", Json.roundedSignificant(t.massKg(), 4));
        g.writeNumberField("dur", Math.round(duration(t) * 10) / 10.0);
        g.writeArrayFieldStart("path");
        for (TrajectoryPoint3d p : t.points()) {
          latLon(g, p.latitudeDeg(), p.longitudeDeg());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      SearchPlanHtml.json(g, d);
      if (d.luminousEnd() != null) {
        g.writeObjectFieldStart("luminous_end");
        g.writeNumberField("lat", d.luminousEnd().latitudeDeg());
        g.writeNumberField("lon", d.luminousEnd().longitudeDeg());
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  private static void latLon(JsonGenerator g, double lat, double lon) throws IOException {
    g.writeStartArray();
    g.writeNumber(Json.roundedDecimal(lat, 6));
    g.writeNumber(Json.roundedDecimal(lon, 6));
    g.writeEndArray();
  }

  /** Leaflet's CSS with its images as data: URIs. */
  static String leafletCss() {
    String css = classpath(LEAFLET_DIR + "leaflet.css");
    Matcher m = CSS_URL.matcher(css);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      byte[] png = classpathBytes(LEAFLET_DIR + m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(
          "url(data:image/png;base64," + Base64.getEncoder().encodeToString(png) + ")"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Leaflet's minified script, without its source-map comment (nothing to fetch). */
  static String leafletJs() {
    String js = classpath(LEAFLET_DIR + "leaflet.js");
    js = js.replaceAll("(?m)^//# sourceMappingURL=.*$", "");
    if (js.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalStateException("leaflet.js contains </script and cannot be inlined");
    }
    return js;
  }

  private static String resource(String name) {
    return new String(classpathBytes("org/darkflight/io/report/" + name), StandardCharsets.UTF_8);
  }

  private static String classpath(String name) {
    return new String(classpathBytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] classpathBytes(String name) {
    try (InputStream in = ReportHtml.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name
            + " (the leaflet webjar must be on the class path)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
