package org.darkflight.io.radar.returns;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.radar.RadarGeolocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadarReturnsReaderTest {

  static final Path SITES = Path.of("..", "testdata", "radar", "radar_sites.json");

  @TempDir Path tmp;

  private Path write(String name, String json) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, json, StandardCharsets.UTF_8);
    return p;
  }

  private static String oneReturn(String fields) {
    return "{\"returns\": [{\"id\": \"r1\", \"site\": \"KLOT\", \"time_utc\":"
        + " \"2026-04-01T03:00:12Z\", \"elevation_deg\": 0.5, \"azimuth_deg\": 210.0,"
        + " \"slant_range_m\": 60000" + fields + "}]}";
  }

  @Test
  void shippedSiteTableHasTheFourNexradSitesWithTowerHeights() throws Exception {
    RadarSiteTable t = RadarSiteTable.read(SITES);
    assertThat(t.entries().size(), is(4));
    RadarSiteTable.Entry klot = t.find("klot").orElseThrow();
    assertThat(klot.site().latitudeDeg(), closeTo(41.60444, 1e-9));
    assertThat(klot.site().longitudeDeg(), closeTo(-88.08472, 1e-9));
    // 663 ft ground (NCEI) + 20 m tower (ROC)
    assertThat(klot.site().antennaHeightM(), closeTo(663 * 0.3048 + 20, 0.01));
    assertThat(t.find("KMKX").orElseThrow().site().antennaHeightM(),
        closeTo(958 * 0.3048 + 10, 0.01));
  }

  @Test
  void readsReturnsWithDefaultsAndSiteLookup() throws Exception {
    Path f = write("r.json", oneReturn(", \"reflectivity_dbz\": 24.5"));
    RadarReturnsFile file = RadarReturnsReader.read(f, RadarSiteTable.read(SITES));
    assertThat(file.returns(), hasSize(1));
    RadarReturn r = file.returns().get(0);
    assertThat(r.observation().site().id(), equalTo("KLOT"));
    assertThat(r.observation().beamWidthDeg(), closeTo(0.95, 0));
    assertThat(r.observation().gateLengthM(), closeTo(250, 0));
    assertThat(r.confidence(), closeTo(1.0, 0));
    assertThat(r.reflectivityDbz(), closeTo(24.5, 0));
    assertThat(r.observation().timeUtc(), equalTo(Instant.parse("2026-04-01T03:00:12Z")));
  }

  @Test
  void inlineSiteNeedsNoTable() throws Exception {
    Path f = write("r.json", "{\"returns\": [{\"id\": \"a\", \"site\": {\"id\": \"XYZ\","
        + " \"lat\": 10, \"lon\": 20, \"antenna_height_m\": 30}, \"time_utc\":"
        + " \"2026-04-01T03:00:12Z\", \"elevation_deg\": 1.5, \"azimuth_deg\": 0,"
        + " \"slant_range_m\": 20000, \"beam_width_deg\": 1.0, \"gate_length_m\": 1000,"
        + " \"confidence\": 0.5}]}");
    RadarReturn r = RadarReturnsReader.read(f, RadarSiteTable.empty()).returns().get(0);
    assertThat(r.observation().site().latitudeDeg(), closeTo(10, 0));
    assertThat(r.observation().gateLengthM(), closeTo(1000, 0));
    assertThat(r.confidence(), closeTo(0.5, 0));
  }

  @Test
  void unknownSiteIsAClearError() throws Exception {
    Path f = write("r.json", oneReturn("").replace("KLOT", "KXYZ"));
    InputException e = assertThrows(InputException.class,
        () -> RadarReturnsReader.read(f, RadarSiteTable.read(SITES)));
    assertThat(e.field(), equalTo("/returns/0/site"));
    assertThat(e.getMessage(), containsString("unknown radar site KXYZ"));
  }

  @Test
  void schemaViolationNamesTheField() throws Exception {
    Path f = write("r.json", oneReturn("").replace("\"elevation_deg\": 0.5",
        "\"elevation_deg\": 95"));
    InputException e = assertThrows(InputException.class,
        () -> RadarReturnsReader.read(f, RadarSiteTable.read(SITES)));
    assertThat(e.field(), equalTo("/returns/0/elevation_deg"));
  }

  @Test
  void unknownFieldAndBadTimeAreRejected() throws Exception {
    Path f1 = write("a.json", oneReturn(", \"range_km\": 3"));
    assertThrows(InputException.class,
        () -> RadarReturnsReader.read(f1, RadarSiteTable.read(SITES)));
    Path f2 = write("b.json", oneReturn("").replace("03:00:12Z", "03:00:12"));
    InputException e = assertThrows(InputException.class,
        () -> RadarReturnsReader.read(f2, RadarSiteTable.read(SITES)));
    assertThat(e.field(), equalTo("/returns/0/time_utc"));
  }

  @Test
  void duplicateIdsAndBrokenJsonAreRejected() throws Exception {
    String item = "{\"id\": \"r1\", \"site\": \"KLOT\", \"time_utc\": \"2026-04-01T03:00:12Z\","
        + " \"elevation_deg\": 0.5, \"azimuth_deg\": 210.0, \"slant_range_m\": 60000}";
    String two = "{\"returns\": [" + item + ", " + item + "]}";
    Path f = write("d.json", two);
    InputException e = assertThrows(InputException.class,
        () -> RadarReturnsReader.read(f, RadarSiteTable.read(SITES)));
    assertThat(e.field(), equalTo("/returns/1/id"));
    Path broken = write("x.json", "{\"returns\": [");
    InputException e2 = assertThrows(InputException.class,
        () -> RadarReturnsReader.read(broken, RadarSiteTable.read(SITES)));
    assertThat(e2.reason(), containsString("malformed JSON"));
  }

  @Test
  void impossibleGeometryIsReportedForTheReturn() throws Exception {
    Path f = write("g.json", oneReturn("").replace("\"elevation_deg\": 0.5",
        "\"elevation_deg\": -2.0"));
    RadarReturnsFile file = RadarReturnsReader.read(f, RadarSiteTable.read(SITES));
    InputException e = assertThrows(InputException.class,
        () -> GeolocatedReturn.locateAll(file));
    assertThat(e.field(), equalTo("/returns/0"));
    assertThat(e.reason(), containsString("impossible geometry"));
  }

  @Test
  void siteTableRejectsInconsistentAntennaHeight() throws Exception {
    Path f = write("s.json", "{\"sites\": [{\"id\": \"K1\", \"lat\": 1, \"lon\": 2,"
        + " \"ground_elevation_m\": 100, \"tower_height_m\": 20, \"antenna_height_m\": 150}]}");
    InputException e = assertThrows(InputException.class, () -> RadarSiteTable.read(f));
    assertThat(e.field(), equalTo("/sites/0/antenna_height_m"));
  }

  @Test
  void slicesValidateAndCarryTheGeolocatedPosition() throws Exception {
    Path f = write("r.json", oneReturn(", \"reflectivity_dbz\": 30"));
    RadarReturnsFile file = RadarReturnsReader.read(f, RadarSiteTable.read(SITES));
    List<GeolocatedReturn> located = GeolocatedReturn.locateAll(file);
    ArtifactMeta meta = new ArtifactMeta(RadarSliceWriter.SCHEMA_VERSION, "test",
        Instant.parse("2026-01-01T00:00:00Z"), List.of(f));
    List<Path> written = RadarSliceWriter.writeAll(tmp.resolve("radar_slices"), located, meta);
    assertThat(written.get(0).getFileName().toString(), equalTo("r1.json"));
    JsonNode node = Json.mapper().readTree(written.get(0).toFile());
    JsonSchemas.validate(node, "radar_slice", written.get(0).toString());
    var fix = RadarGeolocator.locate(file.returns().get(0).observation());
    assertThat(node.at("/position/altitude_m").asDouble(), closeTo(fix.heightM(), 1e-9));
    assertThat(node.at("/position/lat").asDouble(), closeTo(fix.latitudeDeg(), 1e-12));
    assertThat(node.at("/meta/inputs/0/sha256").asText(), equalTo(ArtifactMeta.sha256(f)));
    assertThat(node.at("/measured/reflectivity_dbz").asDouble(), closeTo(30, 0));
    // Same inputs and creation time: byte-identical output.
    byte[] again = RadarSliceWriter.toBytes(RadarSliceWriter.document(located.get(0), meta));
    assertThat(Files.readAllBytes(written.get(0)), equalTo(again));
  }
}
