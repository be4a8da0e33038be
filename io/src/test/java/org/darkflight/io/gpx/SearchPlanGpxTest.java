package org.darkflight.io.gpx;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.io.searchplan.SearchPlanFixtures;
import org.darkflight.io.testsupport.Ogrinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * {@code search_plan.gpx} against the official GPX 1.1 XSD (TopoGrafix; copy and origin in
 * {@code src/test/resources/org/darkflight/io/gpx/}) with {@code javax.xml.validation}, and read
 * back by GDAL's GPX driver.
 */
class SearchPlanGpxTest {

  @TempDir
  Path dir;

  /** The GPX 1.1 schema from the test class path (no network). */
  public static Schema gpxSchema() throws SAXException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f.newSchema(new StreamSource(SearchPlanGpxTest.class
        .getResource("/org/darkflight/io/gpx/gpx.xsd").toExternalForm()));
  }

  /** Every warning and error of validating {@code gpx} against GPX 1.1; empty when valid. */
  public static List<String> problems(byte[] gpx) throws SAXException, IOException {
    Validator v = gpxSchema().newValidator();
    List<String> problems = new ArrayList<>();
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        problems.add("warning line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void error(SAXParseException e) {
        problems.add("error line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        problems.add("fatal line " + e.getLineNumber() + ": " + e.getMessage());
      }
    });
    v.validate(new StreamSource(new ByteArrayInputStream(gpx)));
    return problems;
  }

  private static byte[] gpx() throws IOException {
    return new SearchPlanGpx(6).bytes(SearchPlanFixtures.plan());
  }

  @Test
  void validatesAgainstTheGpx11Schema() throws Exception {
    assertThat(problems(gpx()), empty());
  }

  @Test
  void schemaCheckCanFail() throws Exception {
    // <sym> before <desc> breaks the wptType sequence.
    String text = new String(gpx(), StandardCharsets.UTF_8);
    String broken = text.replaceFirst("(<desc>[^<]*</desc>)(\\s*<src>[^<]*</src>)"
        + "(\\s*<sym>[^<]*</sym>)", "$3$2$1");
    assertThat(broken.equals(text), equalTo(false));
    assertThat(problems(broken.getBytes(StandardCharsets.UTF_8)), not(empty()));
  }

  @Test
  void gdalReadsTheWaypointsAndTracks() throws Exception {
    assumeTrue(Ogrinfo.available(), Ogrinfo.MISSING);
    Path file = dir.resolve(SearchPlan.GPX_FILE);
    new SearchPlanGpx(6).write(file, SearchPlanFixtures.plan());
    Map<String, String[]> layers = Ogrinfo.layers(file);
    assertThat(Ogrinfo.count(layers, "waypoints"), equalTo(2L));
    assertThat(Ogrinfo.count(layers, "tracks"), equalTo(2L));
    int legs = SearchPlanFixtures.LEGS_PART_1 + SearchPlanFixtures.LEGS_PART_2;
    assertThat(Ogrinfo.count(layers, "track_points"), equalTo(2L * legs));
    assertThat(layers.get("tracks")[0], equalTo("Multi Line String"));
    String tracks = Ogrinfo.run("-al", "-q", file.toString(), "tracks");
    assertThat(tracks, containsString("name (String) = 90% 1 g-10 g (1/2)"));
    assertThat(tracks, containsString("MULTILINESTRING"));
  }

  @Test
  void descriptionsStateAreaLengthAndTimeAndEscapeText() throws Exception {
    byte[] bytes = gpx();
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    String trackDesc = doc.getElementsByTagNameNS(SearchPlanGpx.NS, "trk").item(0)
        .getChildNodes().item(5).getTextContent();
    assertThat(trackDesc, containsString("area 0.960 km2 (96.0 ha)"));
    assertThat(trackDesc, containsString("12 legs every 50 m, 19.00 km of transects plus "
        + "1.40 km between legs; about 10.2 h of walking at 2 km/h"));
    String wptDesc = doc.getElementsByTagNameNS(SearchPlanGpx.NS, "wpt").item(0)
        .getChildNodes().item(5).getTextContent();
    assertThat(wptDesc, containsString(GeoFixtures.HOSTILE.replace('\u0001', '\uFFFD')));
    assertThat(wptDesc, containsString("4 g at the end of luminous flight, 3.8 g at the ground"));
    assertThat(new String(bytes, StandardCharsets.UTF_8),
        containsString("<time>2026-11-25T12:00:00Z</time>"));
  }

  @Test
  void sameBytesEveryTime() throws Exception {
    Path a = dir.resolve("a.gpx");
    Path b = dir.resolve("b.gpx");
    new SearchPlanGpx(6).write(a, SearchPlanFixtures.plan());
    new SearchPlanGpx(6).write(b, SearchPlanFixtures.plan());
    assertThat(Files.mismatch(a, b), equalTo(-1L));
  }
}
