package org.darkflight.io.kml;

import static org.darkflight.io.kml.KmlTestSupport.childText;
import static org.darkflight.io.kml.KmlTestSupport.children;
import static org.darkflight.io.kml.KmlTestSupport.data;
import static org.darkflight.io.kml.KmlTestSupport.elements;
import static org.darkflight.io.kml.KmlTestSupport.folder;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoNumbers;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class StrewnFieldKmlTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private static List<LandingPoint> points(int n) {
    List<LandingPoint> points = new ArrayList<>(GeoFixtures.points(n));
    points.add(GeoFixtures.hostilePoint());
    return points;
  }

  private static KmlProduct build(GeoOutputOptions options, RunInfo run,
      List<LandingPoint> points) throws IOException {
    return new StrewnFieldKml(options).build(run, GeoFixtures.CLASSES, points.iterator(),
        GeoFixtures.ellipses(), GeoFixtures.trajectories());
  }

  private static Document doc(KmlProduct p) throws IOException {
    return KmlTestSupport.parse(p.kmlBytes());
  }

  /** Minimal HTML entity decoding, written independently of the code under test. */
  private static String unescapeHtml(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  @Test
  void documentHasTheSpecFoldersInOrder() throws IOException {
    Document d = doc(build(GeoOutputOptions.defaults(), GeoFixtures.run(), points(60)));
    Element document = elements(d, "Document").get(0);
    List<String> names = new ArrayList<>();
    for (Element f : children(document, "Folder")) {
      names.add(childText(f, "name"));
    }
    assertThat(names, equalTo(List.of("Event Overview", "Fragments", "Uncertainty Ellipses",
        "Trajectories")));
    assertThat(elements(folder(d, "Uncertainty Ellipses"), "Polygon").size(), equalTo(4));
    assertThat(elements(folder(d, "Trajectories"), "LineString").size(), equalTo(2));
    assertThat(elements(folder(d, "Fragments"), "Placemark").size(), equalTo(61));
  }

  @Test
  void trajectoriesCanBeSwitchedOff() throws IOException {
    Document d = doc(build(GeoOutputOptions.defaults().withTrajectories(false), GeoFixtures.run(),
        points(10)));
    assertThat(elements(d, "LineString").size(), equalTo(0));
    KmlSummary s = build(GeoOutputOptions.defaults().withTrajectories(false), GeoFixtures.run(),
        points(10)).summary();
    assertThat(s.trajectories(), equalTo(0));
  }

  @Test
  void fragmentPlacemarksCarryStyleTimeAndExtendedData() throws IOException {
    List<LandingPoint> points = points(30);
    Document d = doc(build(GeoOutputOptions.defaults(), GeoFixtures.run(), points));
    Map<String, String> styleColour = new HashMap<>();
    for (Element s : elements(d, "Style")) {
      List<Element> icon = children(s, "IconStyle");
      if (!icon.isEmpty()) {
        styleColour.put("#" + s.getAttribute("id"), childText(icon.get(0), "color"));
      }
    }
    assertThat("first populated class Okabe-Ito orange #E69F00 (aabbggrr)",
        styleColour.get("#mass-class-0"), equalTo("ff009fe6"));
    assertThat("fifth populated class Okabe-Ito blue #0072B2", styleColour.get("#mass-class-4"),
        equalTo("ffb27200"));

    LandingPoint p = points.get(12);
    Element pm = placemarkNamed(d, p.fragmentId() + " #12");
    assertThat(childText(pm, "styleUrl"), equalTo("#mass-class-" + p.massClassIndex()));
    assertThat(elements(pm, "when").get(0).getTextContent(),
        equalTo(p.landingTimeUtc().toString()));
    assertThat(Double.parseDouble(data(pm, "ballistic_coefficient")),
        closeTo(p.ballisticCoefficientKgM2(), 1e-6));
    assertThat(data(pm, "beta"), equalTo(data(pm, "ballistic_coefficient")));
    assertThat(Double.parseDouble(data(pm, "time_aloft_s")), closeTo(p.timeAloftS(), 1e-9));
    assertThat(Double.parseDouble(data(pm, "density_kg_m3")), closeTo(3400, 1e-9));
    assertThat(Double.parseDouble(data(pm, "drag_coefficient")), closeTo(1.2, 1e-12));
    assertThat(Double.parseDouble(data(pm, "mass_final_kg")), closeTo(p.massFinalKg(),
        1e-8 * p.massFinalKg()));
    assertThat(Double.parseDouble(data(pm, "impact_speed_mps")), closeTo(p.impactSpeedMps(),
        1e-6));
    String[] lonLat = elements(pm, "coordinates").get(0).getTextContent().split(",");
    assertThat(Double.parseDouble(lonLat[0]), closeTo(p.longitudeDeg(), 0.5e-6));
    assertThat(Double.parseDouble(lonLat[1]), closeTo(p.latitudeDeg(), 0.5e-6));
  }

  @Test
  void heavierClassesGetLargerIcons() throws IOException {
    Document d = doc(build(GeoOutputOptions.defaults(), GeoFixtures.run(), points(200)));
    double previous = 0;
    for (int c = 0; c < GeoFixtures.CLASSES.size(); c++) {
      for (Element s : elements(d, "Style")) {
        if (s.getAttribute("id").equals("mass-class-" + c)) {
          double scale = Double.parseDouble(elements(s, "scale").get(0).getTextContent());
          assertThat(scale >= previous, is(true));
          previous = scale;
        }
      }
    }
    assertThat(previous, closeTo(StrewnFieldKml.MAX_ICON_SCALE, 1e-12));
  }

  @Test
  void coordinatesUseTheConfiguredPrecision() throws IOException {
    for (int decimals : new int[] {6, 5}) {
      Document d = doc(build(GeoOutputOptions.defaults().withPrecisionDecimals(decimals),
          GeoFixtures.run(), points(20)));
      String number = "-?[0-9]{1,3}\\.[0-9]{" + decimals + "}";
      for (Element pm : elements(folder(d, "Fragments"), "Point")) {
        String coords = childText(pm, "coordinates");
        assertThat(coords, coords.matches(number + "," + number), is(true));
      }
    }
  }

  @Test
  void hostileStringsAreEscapedAndRoundTrip() throws IOException {
    RunInfo run = GeoFixtures.run("EV<&\"]]>", "run'<script>");
    KmlProduct product = build(GeoOutputOptions.defaults(), run, points(5));
    String raw = new String(product.kmlBytes(), StandardCharsets.UTF_8);
    assertThat(raw, not(containsString("<frag")));
    assertThat(raw, not(containsString("]]>")));
    assertThat(raw, not(containsString("<script>")));
    assertThat(raw, not(containsString("\u0001")));
    Document d = KmlTestSupport.parse(product.kmlBytes());
    String cleaned = GeoFixtures.HOSTILE.replace('\u0001', '\uFFFD');
    Element pm = placemarkNamed(d, cleaned);
    assertThat(data(pm, "fragment_id"), equalTo(cleaned));
    assertThat(childText(elements(d, "Document").get(0), "name"),
        equalTo("Darkflight strewn field: EV<&\"]]>"));
  }

  @Test
  void documentDescriptionHoldsEscapedProvenanceJson() throws IOException {
    RunInfo run = GeoFixtures.run("EV<&\"]]>", "run-7");
    Document d = doc(build(GeoOutputOptions.defaults(), run, points(5)));
    String html = childText(elements(d, "Document").get(0), "description");
    assertThat("JSON is HTML-escaped inside the balloon", html, containsString("&quot;event_id&quot;"));
    int start = html.indexOf("<pre>") + "<pre>".length();
    int end = html.indexOf("</pre>");
    JsonNode meta = MAPPER.readTree(unescapeHtml(html.substring(start, end)));
    assertThat(meta.get("event_id").asText(), equalTo("EV<&\"]]>"));
    assertThat(meta.get("run_id").asText(), equalTo("run-7"));
    assertThat(meta.get("git_commit").asText(), equalTo("0123456789abcdef0123456789abcdef01234567"));
    assertThat(meta.at("/inputs/1/sha256").asText(),
        equalTo("0123456789".repeat(6) + "abcd"));
    assertThat(meta.get("validation_status").asText(), equalTo("passed"));
  }

  @Test
  void eventOverviewMarksTheLuminousEndInThreeDimensions() throws IOException {
    Document d = doc(build(GeoOutputOptions.defaults(), GeoFixtures.run(), points(5)));
    Element overview = folder(d, "Event Overview");
    Element point = elements(overview, "Point").get(0);
    assertThat(childText(point, "altitudeMode"), equalTo("absolute"));
    // KML's absolute altitudes are above mean sea level: the fixture's 21 500 m above the
    // ellipsoid less the EGM96 undulation there (tested against NGA's points in Egm96Test)
    double n = org.darkflight.io.geoid.Egm96.undulationM(46.123456, 7.654321);
    assertThat("the geoid is well above the ellipsoid in the Alps", n, greaterThan(40.0));
    String[] xyz = childText(point, "coordinates").split(",");
    assertThat(xyz[0] + "," + xyz[1], equalTo("7.654321,46.123456"));
    assertThat(Double.parseDouble(xyz[2]), closeTo(21_500 - n, 1e-4)); // written to 0.1 mm
    // a run whose heights are above mean sea level already (radar in the msl frame, legacy
    // workbooks) is drawn unchanged
    Document msl = doc(build(GeoOutputOptions.defaults(),
        GeoFixtures.run().withHeightsAboveEllipsoid(false), points(5)));
    assertThat(childText(elements(folder(msl, "Event Overview"), "Point").get(0),
        "coordinates"), equalTo("7.654321,46.123456,21500"));
    assertThat(elements(overview, "when").get(0).getTextContent(),
        equalTo("2026-11-24T21:13:07.250Z"));
    String balloon = childText(elements(overview, "Placemark").get(0), "description");
    assertThat(balloon, containsString("<th align=\"left\">Validation status</th><td>passed</td>"));
  }

  @Test
  void ellipsesAndTrajectoriesUseTheSpecStyles() throws IOException {
    Document d = doc(build(GeoOutputOptions.defaults(), GeoFixtures.run(), points(5)));
    Map<String, Element> styles = new HashMap<>();
    for (Element s : elements(d, "Style")) {
      styles.put(s.getAttribute("id"), s);
    }
    Element ellipse = styles.get("ellipse-4-90");
    assertThat("outline in the class colour (#0072B2)", elements(ellipse, "color").get(0)
        .getTextContent(), equalTo("ffb27200"));
    assertThat("90 % fill alpha 0x30 of the class colour", childText(children(ellipse,
        "PolyStyle").get(0), "color"), equalTo("30b27200"));
    assertThat("#8888FF", elements(styles.get("trajectory"), "color").get(0).getTextContent(),
        equalTo("ffff8888"));
    for (Element line : elements(folder(d, "Trajectories"), "LineString")) {
      assertThat(childText(line, "altitudeMode"), equalTo("absolute"));
      String first = childText(line, "coordinates").split(" ")[0];
      double n = org.darkflight.io.geoid.Egm96.undulationM(46.123456, 7.654321);
      assertThat(first, equalTo("7.654321,46.123456,"
          + GeoNumbers.quantity(Math.round((21_500 - n) * 10) / 10.0)));
    }
    for (Element pm : elements(folder(d, "Uncertainty Ellipses"), "Placemark")) {
      assertThat(childText(pm, "styleUrl"), startsWith("#ellipse-"));
    }
  }

  @Test
  void largeEnsembleIsReducedToADocumentedSubset() throws IOException {
    KmlProduct p = build(GeoOutputOptions.defaults().withKmlMaxPoints(25), GeoFixtures.run(),
        points(1000));
    Document d = doc(p);
    assertThat(elements(folder(d, "Fragments"), "Placemark").size(), equalTo(25));
    assertThat(p.summary().fragmentPlacemarks(), equalTo(25));
    assertThat(p.summary().landingPointsTotal(), equalTo(1001L));
    String html = childText(elements(d, "Document").get(0), "description");
    assertThat(html, containsString("Showing 25 of 1001 landing points"));
    assertThat(html, containsString("stratified by mass class"));
    String folderHtml = childText(folder(d, "Fragments"), "description");
    assertThat("class labels are HTML-escaped in balloons", folderHtml,
        containsString("&lt;1 g "));
    assertThat(folderHtml, not(containsString("<1 g")));
  }

  @Test
  void sameInputGivesIdenticalBytesWhateverTheArrivalOrder() throws IOException {
    List<LandingPoint> points = points(500);
    byte[] first = build(GeoOutputOptions.defaults().withKmlMaxPoints(40), GeoFixtures.run(),
        points).kmlBytes();
    List<LandingPoint> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(7));
    byte[] second = build(GeoOutputOptions.defaults().withKmlMaxPoints(40), GeoFixtures.run(),
        shuffled).kmlBytes();
    assertArrayEquals(first, second);
    Path a = dir.resolve("a.kml");
    build(GeoOutputOptions.defaults(), GeoFixtures.run(), points).writeKml(a);
    Path b = dir.resolve("b.kml");
    build(GeoOutputOptions.defaults(), GeoFixtures.run(), points).writeKml(b);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void noGoogleExtensionsAreEmitted() throws IOException {
    String raw = new String(build(GeoOutputOptions.defaults(), GeoFixtures.run(), points(5))
        .kmlBytes(), StandardCharsets.UTF_8);
    assertThat(raw, not(containsString("gx:")));
    assertThat(raw, containsString("xmlns=\"http://www.opengis.net/kml/2.2\""));
  }

  @Test
  void pointOfAnUnknownMassClassIsRejected() {
    LandingPoint stray = new LandingPoint("x", 0, "10–100 kg", 5, 0, 0, 1, 1, 1,
        GeoFixtures.CREATED, 1, 1, 1, 1, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> build(GeoOutputOptions.defaults(),
        GeoFixtures.run(), List.of(stray)));
  }

  @Test
  void emptyRunWithoutGitCommitStillGivesAValidDocument() throws Exception {
    RunInfo base = GeoFixtures.run();
    RunInfo run = new RunInfo(base.eventId(), base.runId(), null, base.createdUtc(),
        base.luminousEndLatitudeDeg(), base.luminousEndLongitudeDeg(),
        base.luminousEndAltitudeM(), base.luminousEndTimeUtc(), base.producer(),
        base.artifacts(), "not_run", Map.of());
    KmlProduct p = new StrewnFieldKml(GeoOutputOptions.defaults()).build(run,
        GeoFixtures.CLASSES, List.<LandingPoint>of().iterator(), List.of(), List.of());
    assertThat(KmlTestSupport.validate(p.kmlBytes()), org.hamcrest.Matchers.empty());
    Document d = KmlTestSupport.parse(p.kmlBytes());
    assertThat(data(elements(folder(d, "Event Overview"), "Placemark").get(0), "git_commit"),
        equalTo("unknown"));
    assertThat(elements(folder(d, "Fragments"), "Placemark").size(), equalTo(0));
    assertThat(p.readme(), containsString("Git commit:         unknown"));
    assertThat(p.readme(), containsString("Validation status:  not_run"));
  }

  private static Element placemarkNamed(Document d, String name) {
    for (Element pm : elements(folder(d, "Fragments"), "Placemark")) {
      if (name.equals(childText(pm, "name"))) {
        return pm;
      }
    }
    throw new AssertionError("no placemark named " + name);
  }
}
