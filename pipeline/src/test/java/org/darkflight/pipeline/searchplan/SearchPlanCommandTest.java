package org.darkflight.pipeline.searchplan;

import static org.darkflight.pipeline.cli.CliOutcome.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.pipeline.cli.CliOutcome;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

/**
 * The search plan end to end on a 300-sample Park Forest ensemble: {@code darkflight run} writes
 * it; {@code run --no-search-plan} followed by {@code search-plan --run} gives the same bytes;
 * the GPX passes the GPX 1.1 XSD and GDAL reads it; the GeoJSON passes its schema and GDAL reads
 * it; the manifest lists both with their hashes; the waypoints are the nominal landings.
 */
class SearchPlanCommandTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");
  static final Path GPX_XSD = Path.of("../io/src/test/resources/org/darkflight/io/gpx/gpx.xsd");
  static final String PRODUCED = "--produced-utc=2024-01-01T00:00:00Z";

  @TempDir static Path tmp;
  static Path ensemble;
  static Path planned;
  static Path later;
  static CliOutcome runOut;
  static CliOutcome laterOut;

  @BeforeAll
  static void runs() throws Exception {
    ensemble = tmp.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 300, "random_seed": 20030327,
         "sampling": "latin_hypercube", "samples_per_element": 100,
         "distributions": {
           "mass_kg": {"dist": "lognormal", "params": {"sigma": 0.3}},
           "cd": {"dist": "normal", "params": {"sigma": 0.05}},
           "lat": {"dist": "normal", "params": {"sigma": 0.005}},
           "lon": {"dist": "normal", "params": {"sigma": 0.005}},
           "azimuth_deg": {"dist": "normal", "params": {"sigma": 2}},
           "wind_scale": {"dist": "uniform", "params": {"min": 0.9, "max": 1.1}}}}""");
    planned = tmp.resolve("planned");
    runOut = runEnsemble(planned);
    assertThat(runOut.err(), runOut.exit(), is(0));
    later = tmp.resolve("later");
    CliOutcome bare = runEnsemble(later, "--no-search-plan");
    assertThat(bare.err(), bare.exit(), is(0));
    assertThat(Files.exists(later.resolve("search_plan.gpx")), is(false));
    laterOut = run("search-plan", "--run", later.toString());
    assertThat(laterOut.err(), laterOut.exit(), is(0));
  }

  static CliOutcome runEnsemble(Path out, String... extra) {
    List<String> a = new ArrayList<>(List.of("run",
        "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config_ensemble.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(), "--out", out.toString(), PRODUCED));
    a.addAll(List.of(extra));
    return run(a.toArray(new String[0]));
  }

  static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    }
  }

  @Test
  void searchPlanAfterTheRunGivesTheSameBytesAsDuringIt() throws Exception {
    assertThat(files(planned), hasItems("search_areas.geojson", "search_plan.gpx",
        "strewn_field.kml", "strewn_field.kmz", "output_manifest.json", "report.html"));
    assertThat(files(later), equalTo(files(planned)));
    for (String f : files(planned)) {
      if (!f.equals("metrics.json")) { // wall-clock figures
        assertThat(f, Files.mismatch(planned.resolve(f), later.resolve(f)), is(-1L));
      }
    }
    assertThat(runOut.out(), containsString("search plan: transects every 20 m across"));
    assertThat(laterOut.out(), containsString("updated " + later.resolve("strewn_field.kmz")));
    assertThat(laterOut.out(), containsString("redrew " + later.resolve("report.html")));
  }

  @Test
  void planningAgainChangesNothing() throws Exception {
    Path again = tmp.resolve("again");
    copy(planned, again);
    CliOutcome r = run("search-plan", "--run", again.toString());
    assertThat(r.err(), r.exit(), is(0));
    for (String f : files(planned)) {
      assertThat(f, Files.mismatch(planned.resolve(f), again.resolve(f)), is(-1L));
    }
  }

  @Test
  void manifestListsThePlanWithTrueHashes() throws Exception {
    JsonNode om = JsonSchemas.readValidated(planned.resolve("output_manifest.json"),
        "output_manifest");
    Map<String, String> types = new HashMap<>();
    for (JsonNode a : om.get("artifacts")) {
      Path f = planned.resolve(a.get("path").asText());
      assertThat(a.get("path").asText(), a.get("sha256").asText(), is(RunInputs.sha256(f)));
      assertThat(a.get("bytes").asLong(), is(Files.size(f)));
      types.put(a.get("path").asText(), a.get("type").asText());
    }
    assertThat(types.get("search_areas.geojson"), is("geojson"));
    assertThat(types.get("search_plan.gpx"), is("gpx"));
  }

  @Test
  void areasMatchTheirSchemaAndEveryPopulatedClassHasTwo() throws Exception {
    JsonNode areas = JsonSchemas.readValidated(planned.resolve("search_areas.geojson"),
        "search_areas");
    JsonNode points = Json.mapper().readTree(planned.resolve("strewn_field_points.geojson")
        .toFile());
    Map<Integer, Integer> perClass = new HashMap<>();
    points.get("features").forEach(f -> perClass.merge(
        f.path("properties").path("mass_class_index").asInt(), 1, Integer::sum));
    long planned = perClass.values().stream().filter(n -> n >= 20).count();
    assertThat(planned, greaterThan(1L));
    assertThat(areas.get("features").size(), is((int) (2 * planned)));
    for (JsonNode f : areas.get("features")) {
      JsonNode p = f.get("properties");
      assertThat(p.get("landings").asInt(), is(perClass.get(p.get("mass_class_index").asInt())));
      assertThat(p.get("landing_fraction_inside").asDouble(),
          closeTo(p.get("probability").asDouble(), 0.06));
      double length = p.get("transect_length_m").asDouble();
      // Parallel lines 20 m apart across an area are about area / 20 m long.
      assertThat(length / (p.get("area_m2").asDouble() / 20), closeTo(1.0, 0.1));
      assertThat(p.get("walking_time_h").asDouble(), closeTo(
          (length + p.get("hop_length_m").asDouble()) / 2000, 0.051));
    }
  }

  @Test
  void gpxValidatesAgainstGpx11AndCarriesTheNominalLandings() throws Exception {
    byte[] gpx = Files.readAllBytes(planned.resolve("search_plan.gpx"));
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    Validator v = f.newSchema(GPX_XSD.toFile()).newValidator();
    List<String> problems = new ArrayList<>();
    v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
      @Override
      public void warning(SAXParseException e) {
        problems.add(e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        problems.add(e.getMessage());
      }
    });
    v.validate(new StreamSource(new ByteArrayInputStream(gpx)));
    assertThat(problems, empty());
    // The waypoints are where the KML's nominal trajectories (same fragments, unperturbed
    // inputs) end.
    String text = new String(gpx, StandardCharsets.UTF_8);
    String kml = Files.readString(planned.resolve("strewn_field.kml"), StandardCharsets.UTF_8);
    Matcher w = Pattern.compile("<wpt lat=\"([-0-9.]+)\" lon=\"([-0-9.]+)\">\\s*<name>([^<]+)"
        + "</name>").matcher(text);
    int n = 0;
    while (w.find()) {
      n++;
      Matcher t = Pattern.compile("<name>" + Pattern.quote(w.group(3))
          + " \\([^<]*kg\\)</name>.*?<coordinates>([^<]*)</coordinates>", Pattern.DOTALL)
          .matcher(kml);
      assertThat("trajectory of " + w.group(3), t.find(), is(true));
      String[] coords = t.group(1).trim().split("\\s+");
      String[] last = coords[coords.length - 1].split(",");
      assertThat(Double.parseDouble(last[0]), closeTo(Double.parseDouble(w.group(2)), 2e-6));
      assertThat(Double.parseDouble(last[1]), closeTo(Double.parseDouble(w.group(1)), 2e-6));
    }
    assertThat(n, is(5));
  }

  @Test
  void gdalReadsTheGpxTheAreasAndTheKmlFolder() throws Exception {
    Assumptions.assumeTrue(onPath("ogrinfo"),
        "ogrinfo not found on PATH: install GDAL (apt-get install gdal-bin) to run this check");
    JsonNode areas = Json.mapper().readTree(planned.resolve("search_areas.geojson").toFile());
    long parts = 0;
    long legs = 0;
    for (JsonNode f : areas.get("features")) {
      if (f.path("properties").path("probability").asDouble() == 0.9) {
        parts += f.path("properties").path("polygon_count").asLong();
        legs += f.path("properties").path("transect_legs").asLong();
      }
    }
    Map<String, Long> gpx = counts(ogrinfo(planned.resolve("search_plan.gpx")));
    assertThat(gpx.get("waypoints"), is(5L));
    assertThat(gpx.get("tracks"), is(parts));
    assertThat(gpx.get("track_points"), is(2 * legs));
    Map<String, Long> geojson = counts(ogrinfo(planned.resolve("search_areas.geojson")));
    assertThat(geojson.get("search_areas"), is((long) areas.get("features").size()));
    Map<String, Long> kml = counts(ogrinfo(planned.resolve("strewn_field.kml")));
    long searchPlacemarks = kml.entrySet().stream()
        .filter(e -> e.getKey().startsWith("Search: ")).mapToLong(Map.Entry::getValue).sum();
    // Per class: its areas and tracks; the waypoints go to the class of their final mass.
    assertThat(searchPlacemarks, is(areas.get("features").size() + parts + 5));
  }

  @Test
  void settingsTakeEffect() throws Exception {
    Path wide = tmp.resolve("wide");
    copy(planned, wide);
    CliOutcome r = run("search-plan", "--run", wide.toString(), "--transect-spacing-m", "40",
        "--transect-orientation", "along", "--walking-speed-kmh", "3", "--no-report");
    assertThat(r.err(), r.exit(), is(0));
    JsonNode a = Json.mapper().readTree(planned.resolve("search_areas.geojson").toFile());
    JsonNode b = Json.mapper().readTree(wide.resolve("search_areas.geojson").toFile());
    JsonNode pa = a.get("features").get(1).get("properties");
    JsonNode pb = b.get("features").get(1).get("properties");
    assertThat(pb.get("transect_spacing_m").asDouble(), is(40.0));
    assertThat(pb.get("walking_speed_kmh").asDouble(), is(3.0));
    assertThat(pb.get("transect_length_m").asDouble() / pa.get("transect_length_m").asDouble(),
        closeTo(0.5, 0.05));
    double across = pa.get("transect_azimuth_deg").asDouble();
    double along = pb.get("transect_azimuth_deg").asDouble();
    assertThat(Math.abs(Math.abs(across - along) - 90), lessThan(1e-6));
    // The report was not redrawn, so it is the run's.
    assertThat(Files.mismatch(planned.resolve("report.html"), wide.resolve("report.html")),
        is(-1L));
  }

  @Test
  void badInputIsOneLineAndExitTwo() {
    CliOutcome missing = run("search-plan", "--run", tmp.resolve("nothing").toString());
    assertThat(missing.exit(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(missing.err(), containsString("strewn_field_points.geojson"));
    assertThat(missing.err().strip().lines().count(), is(1L));
    CliOutcome spacing = run("search-plan", "--run", planned.toString(),
        "--transect-spacing-m", "0");
    assertThat(spacing.exit(), is(2));
    assertThat(spacing.err(), containsString("--transect-spacing-m must be > 0"));
    CliOutcome orientation = run("search-plan", "--run", planned.toString(),
        "--transect-orientation", "diagonal");
    assertThat(orientation.exit(), is(2));
    assertThat(orientation.err(), containsString("expected across or along"));
  }

  static void copy(Path from, Path to) throws Exception {
    for (String f : files(from)) {
      Path t = to.resolve(f);
      Files.createDirectories(t.getParent());
      Files.copy(from.resolve(f), t);
    }
  }

  static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  static String ogrinfo(Path file) throws Exception {
    Process p = new ProcessBuilder("ogrinfo", "-ro", "-al", "-so", file.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out, p.waitFor(), is(0));
    return out;
  }

  static Map<String, Long> counts(String summary) {
    Matcher m = Pattern.compile("Layer name: (.*)\\R(?:.*\\R)*?Feature Count: (\\d+)")
        .matcher(summary);
    Map<String, Long> out = new HashMap<>();
    while (m.find()) {
      out.put(m.group(1).strip(), Long.parseLong(m.group(2)));
    }
    return out;
  }
}
