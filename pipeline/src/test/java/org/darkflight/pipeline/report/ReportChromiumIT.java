package org.darkflight.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a real run's {@code report.html} in headless Chromium (apt {@code chromium}): the page's
 * status element says Leaflet initialised with one feature per expected item (counted
 * independently from the GeoJSON/KML/media files) and saw no script error or CSP violation; the
 * SVG in the DOM has those features; a proxy that refuses everything shows no network request was
 * attempted; the screenshot's map area is not blank. Skipped when Chromium is missing, except on
 * CI ({@code CI} set), where it must run.
 */
class ReportChromiumIT {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path tmp;
  static Path run;
  static String chromium;

  @BeforeAll
  static void runEnsemble() throws Exception {
    chromium = findChromium();
    if (chromium == null) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("chromium is required on CI (apt-get install chromium)");
      }
      Assumptions.abort("chromium not installed (apt-get install chromium): ReportChromiumIT "
          + "skipped");
    }
    run = tmp.resolve("run");
    int rc = DarkflightCli.run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", "../testdata/uq/park-forest-mc-small.json",
        "--out", run.toString(), "--produced-utc", "2026-01-01T00:00:00Z",
        "--heatmap-cell-m", "250", "--search-min-landings", "5");
    assertThat(rc, is(0));
    // A sensitivity.json as the uq stage writes it (contract in docs/report.md); the report
    // command then rebuilds the page from the directory alone.
    Files.writeString(run.resolve("sensitivity.json"), """
        {"$schema": "https://darkflight.org/schemas/sensitivity.schema.json",
         "meta": {"schema_version": "1.0.0", "product": "sensitivity",
           "created_utc": "2026-01-01T00:00:00Z", "producer": "darkflight test fixture",
           "event_id": "park-forest-2003", "inputs": []},
         "method": {"output": "landing east/north", "index_definition": "share of variance",
           "first_order_estimator": "Saltelli 2010", "total_estimator": "Jansen 1999",
           "design": "A, B, A_B", "sampling": "monte_carlo", "random_seed": 1,
           "base_rows_per_class": 8, "landings": 60, "bootstrap_resamples": 100,
           "confidence_level": 0.95, "oat_definition": "shift per +-1 sigma"},
         "classes": [{"mass_class": "all", "fragment_id": "m1000g", "fragment_mass_kg": 1.0,
           "samples": 60, "rows_drawn": 60, "parameters": [
          {"name": "mass_kg", "unit": "kg", "first_order_index": 0.41,
           "first_order_ci95": [0.30, 0.52], "total_index": 0.47, "total_ci95": [0.35, 0.6],
           "oat_shift_m": 812.0}]}]}
        """);
    assertThat(DarkflightCli.run("report", "--run", run.toString()), is(0));
  }

  @Test
  void pageLoadsOfflineWithEveryLayerAndNoErrors() throws Exception {
    Path report = run.resolve("report.html");
    Files.copy(report, Path.of("target/ReportChromiumIT-report.html"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Run r = chromium(List.of("--dump-dom", report.toUri().toString()));
    String dom = r.stdout;
    Matcher m = Pattern.compile("<pre id=\"darkflight-status\" hidden=\"\">(.*?)</pre>",
        Pattern.DOTALL).matcher(dom);
    assertThat("status element in the DOM", m.find(), is(true));
    JsonNode status = JSON.readTree(m.group(1).replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&"));
    assertThat(status.toString(), status.path("ready").asBoolean(), is(true));
    assertThat(status.path("leaflet").asText(), equalTo("1.9.4"));
    List<String> errors = new ArrayList<>();
    status.path("errors").forEach(e -> errors.add(e.asText()));
    assertThat(errors, is(empty()));

    // Expected counts from the run's files, independently of the report code.
    JsonNode points = JSON.readTree(run.resolve("strewn_field_points.geojson").toFile());
    JsonNode ellipses = JSON.readTree(run.resolve("uncertainty_ellipses.geojson").toFile());
    String kml = Files.readString(run.resolve("strewn_field.kml"), StandardCharsets.UTF_8);
    long heatPngs;
    try (Stream<Path> s = Files.list(run.resolve("media"))) {
      heatPngs = s.filter(p -> p.getFileName().toString().matches("heatmap_class_\\d+\\.png"))
          .count();
    }
    // Trajectories: the LineStrings of the KML's Trajectories folder (the Search Areas folder
    // has LineStrings too, the transects).
    int trajectoriesAt = kml.indexOf("<name>Trajectories</name>");
    int lineStrings = count(kml.substring(trajectoriesAt, kml.indexOf("</Folder>",
        trajectoriesAt)), "<LineString>");
    JsonNode searchAreas = JSON.readTree(run.resolve("search_areas.geojson").toFile());
    String gpx = Files.readString(run.resolve("search_plan.gpx"), StandardCharsets.UTF_8);
    int tracks = count(gpx, "<trk>");
    int waypoints = count(gpx, "<wpt ");
    assertThat(searchAreas.get("features").size(), greaterThan(0));
    assertThat(tracks, greaterThan(0));
    assertThat(points.get("features").size(), greaterThan(0));
    assertThat(ellipses.get("features").size(), greaterThan(0));
    assertThat(heatPngs, greaterThan(0L));
    assertThat(lineStrings, greaterThan(0));

    JsonNode layers = status.path("layers");
    assertThat(layers.path("points").asInt(), is(points.get("features").size()));
    assertThat(layers.path("ellipses").asInt(), is(ellipses.get("features").size()));
    assertThat(layers.path("heatmaps").asLong(), is(heatPngs));
    assertThat(layers.path("trajectories").asInt(), is(lineStrings));
    assertThat(layers.path("search_areas").asInt(), is(searchAreas.get("features").size()));
    assertThat(layers.path("transects").asInt(), is(tracks));
    assertThat(layers.path("waypoints").asInt(), is(waypoints));
    // ... and Leaflet really put them into the page.
    assertThat(classed(dom, "df-point"), is(points.get("features").size()));
    assertThat(classed(dom, "df-ellipse"), is(ellipses.get("features").size()));
    // one heatmap shows at first (the others are ticked on in the layer list, docs/report.md)
    assertThat((long) classed(dom, "df-heatmap"), is(Math.min(heatPngs, 1L)));
    assertThat(classed(dom, "df-trajectory"), is(lineStrings));
    assertThat(classed(dom, "df-search-area"), is(searchAreas.get("features").size()));
    assertThat(classed(dom, "df-waypoint"), is(waypoints));
    assertThat(dom, containsString("Search plan"));
    assertThat(dom, containsString("mass_kg"));

    // Every request would go to a dead proxy; Chromium logs failed loads and console errors.
    for (String line : r.stderr.split("\n")) {
      if (line.contains("CONSOLE") || line.contains("ERR_")) {
        assertThat("no console error or failed request: " + line,
            line.matches(".*(Uncaught|Refused|ERR_|Failed to load).*"), is(false));
      }
    }
  }

  @Test
  void screenshotShowsTheMapLayers() throws Exception {
    Path png = tmp.resolve("shot.png");
    chromium(List.of("--screenshot=" + png, "--window-size=1280,900",
        run.resolve("report.html").toUri().toString()));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth(), is(1280));
    // Map region: below the header, above the bottom of the 640 px map.
    Set<Integer> colours = new HashSet<>();
    int classColoured = 0;
    int background = 0xeef1f4;
    int nonBackground = 0;
    for (int y = 80; y < 600; y++) {
      for (int x = 0; x < 1000; x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        if (rgb != background) {
          nonBackground++;
        }
        int red = rgb >> 16 & 0xff;
        int green = rgb >> 8 & 0xff;
        int blue = rgb & 0xff;
        if (red > 200 && blue < 90 && green > 40) {
          classColoured++; // the yellow-to-red mass-class ramp (and heatmap warm colours)
        }
      }
    }
    assertThat("distinct colours in the map", colours.size(), greaterThan(20));
    assertThat("non-background pixels", nonBackground, greaterThan(5000));
    assertThat("mass-class coloured pixels", classColoured, greaterThan(50));
  }

  /**
   * Issue 17 §5 in the rendered DOM: every ellipse path is drawn in its class's colour with a
   * dash pattern per confidence level, so the (colour, dash) pairs are as many as the (class,
   * level) pairs in {@code uncertainty_ellipses.geojson}; the legend lists exactly the populated
   * classes (those with landings in {@code strewn_field_points.geojson}, all shown at this size),
   * in pairwise distinct colours, and every ellipse colour is a legend colour.
   */
  @Test
  void ellipsesAndLegendHaveDistinctStylesPerClassAndLevel() throws Exception {
    String dom = chromium(List.of("--dump-dom", run.resolve("report.html").toUri().toString()))
        .stdout;
    JsonNode ellipses = JSON.readTree(run.resolve("uncertainty_ellipses.geojson").toFile());
    Set<String> classLevels = new HashSet<>();
    Set<String> ellipseClasses = new HashSet<>();
    Set<String> levels = new HashSet<>();
    for (JsonNode f : ellipses.get("features")) {
      JsonNode p = f.get("properties");
      classLevels.add(p.get("mass_class").asText() + "|" + p.get("confidence_level").asText());
      ellipseClasses.add(p.get("mass_class").asText());
      levels.add(p.get("confidence_level").asText());
    }
    assertThat("the fixture has several classes", ellipseClasses.size(), greaterThan(1));
    assertThat("the fixture has several levels", levels.size(), greaterThan(1));

    Set<String> looks = new HashSet<>();
    Set<String> strokes = new HashSet<>();
    Set<String> dashes = new HashSet<>();
    Matcher path = Pattern.compile("<path [^>]*class=\"[^\"]*\\bdf-ellipse\\b[^>]*>")
        .matcher(dom);
    int paths = 0;
    while (path.find()) {
      String tag = path.group();
      String stroke = attribute(tag, "stroke");
      String dash = attribute(tag, "stroke-dasharray");
      strokes.add(stroke.toLowerCase(java.util.Locale.ROOT));
      dashes.add(dash == null ? "solid" : dash);
      looks.add(stroke + "|" + dash);
      paths++;
    }
    assertThat(paths, is(ellipses.get("features").size()));
    assertThat("a colour per class", strokes.size(), is(ellipseClasses.size()));
    assertThat("a line pattern per level", dashes.size(), is(levels.size()));
    assertThat("a look per class and level", looks.size(), is(classLevels.size()));

    JsonNode points = JSON.readTree(run.resolve("strewn_field_points.geojson").toFile());
    Set<String> populated = new HashSet<>();
    points.get("features").forEach(f -> populated.add(f.get("properties").get("mass_class")
        .asText()));
    Matcher legendBox = Pattern.compile(
        "<div class=\"[^\"]*df-legend[^\"]*\">(.*?)</div></div>", Pattern.DOTALL).matcher(dom);
    assertThat("legend in the DOM", legendBox.find(), is(true));
    Matcher row = Pattern.compile("<span class=\"swatch\" style=\"background: ([^;\"]+);?\">"
        + "</span>([^<(]+) \\(").matcher(legendBox.group(1));
    Set<String> labels = new HashSet<>();
    List<String> swatches = new ArrayList<>();
    while (row.find()) {
      swatches.add(hex(row.group(1)));
      labels.add(row.group(2).trim().replace("&lt;", "<").replace("&gt;", ">")
          .replace("&amp;", "&"));
    }
    assertThat("legend rows = populated classes", labels, equalTo(populated));
    assertThat("legend colours pairwise distinct", new HashSet<>(swatches).size(),
        is(swatches.size()));
    assertThat("every ellipse colour is a class colour of the legend",
        new HashSet<>(swatches).containsAll(strokes), is(true));
  }

  /** The value of attribute {@code name} in the tag, or null. */
  static String attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? m.group(1) : null;
  }

  /** {@code rgb(r, g, b)} or {@code #rrggbb} as lower-case {@code #rrggbb}. */
  static String hex(String css) {
    Matcher m = Pattern.compile("rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)").matcher(css);
    if (m.find()) {
      return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }
    return css.trim().toLowerCase(java.util.Locale.ROOT);
  }

  record Run(String stdout, String stderr) {}

  static Run chromium(List<String> extra) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile-");
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=10000", "--user-data-dir=" + profile));
    cmd.addAll(extra);
    Path out = tmp.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = tmp.resolve("chromium-" + System.nanoTime() + ".err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat("chromium exit code; stderr:\n" + stderr, p.exitValue(), is(0));
    return new Run(Files.readString(out, StandardCharsets.UTF_8), stderr);
  }

  /** Elements whose class attribute holds {@code cls} (not the script text naming it). */
  static int classed(String dom, String cls) {
    Matcher m = Pattern.compile("class=\"[^\"]*\\b" + cls + "\\b[^\"]*\"").matcher(dom);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static String findChromium() {
    String env = System.getenv("DARKFLIGHT_CHROMIUM");
    if (env != null && new File(env).canExecute()) {
      return env;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    return null;
  }
}
