package org.darkflight.io.geojson;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.io.searchplan.SearchPlanFixtures;
import org.darkflight.io.testsupport.Ogrinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search_areas.geojson}: its JSON Schema, RFC 7946 ring order, fields, and GDAL. */
class SearchAreasWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private Path write(String name) throws Exception {
    Path out = dir.resolve(name);
    int n = new SearchAreasWriter(GeoOutputOptions.defaults()).write(out,
        SearchPlanFixtures.plan());
    assertThat(n, equalTo(2));
    return out;
  }

  @Test
  void matchesItsSchema() throws Exception {
    JsonNode doc = MAPPER.readTree(write(SearchPlan.AREAS_FILE).toFile());
    assertThat(GeoJsonSchemas.validate("schemas/search_areas.schema.json", doc), empty());
    assertThat(doc.path("meta").path("product").asText(), equalTo("search_areas"));
    // The schema can fail: a missing unit-named field is reported.
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("features").get(0)
        .path("properties")).remove("area_m2");
    assertThat(GeoJsonSchemas.validate("schemas/search_areas.schema.json", doc).toString(),
        org.hamcrest.Matchers.containsString("area_m2"));
  }

  @Test
  void writesMultiPolygonsWithHolesAndTheFigures() throws Exception {
    JsonNode doc = MAPPER.readTree(write("a.geojson").toFile());
    JsonNode f90 = doc.path("features").get(1);
    JsonNode polygons = f90.path("geometry").path("coordinates");
    assertThat(f90.path("geometry").path("type").asText(), equalTo("MultiPolygon"));
    assertThat(polygons.size(), equalTo(2));
    assertThat(polygons.get(0).size(), equalTo(2)); // exterior + hole
    // RFC 7946 §3.1.6: exterior counter-clockwise (positive shoelace area), holes clockwise.
    assertThat(shoelace(polygons.get(0).get(0)), greaterThan(0.0));
    assertThat(shoelace(polygons.get(0).get(1)), lessThan(0.0));
    JsonNode p = f90.path("properties");
    assertThat(p.path("probability").asDouble(), equalTo(0.9));
    assertThat(p.path("area_m2").asLong(), equalTo(982_500L));
    assertThat(p.path("area_km2").asDouble(), closeTo(0.9825, 1e-9));
    assertThat(p.path("polygon_count").asInt(), equalTo(2));
    assertThat(p.path("transect_legs").asInt(), equalTo(15));
    assertThat(p.path("transect_length_m").asLong(), equalTo(19_750L));
    assertThat(p.path("walking_time_h").asDouble(), equalTo(10.6)); // (19 750 + 1 500) m / 2 km/h
    assertThat(p.path("transect_spacing_m").asDouble(), equalTo(50.0));
  }

  @Test
  void gdalReadsTheAreas() throws Exception {
    assumeTrue(Ogrinfo.available(), Ogrinfo.MISSING);
    Map<String, String[]> layers = Ogrinfo.layers(write(SearchPlan.AREAS_FILE));
    assertThat(layers.size(), equalTo(1));
    String[] layer = layers.values().iterator().next();
    assertThat(layer[0], equalTo("Multi Polygon"));
    assertThat(layer[1], equalTo("2"));
  }

  @Test
  void sameBytesEveryTime() throws Exception {
    assertThat(Files.mismatch(write("a.geojson"), write("b.geojson")), equalTo(-1L));
  }

  private static double shoelace(JsonNode ring) {
    double s = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      s += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
          - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
    }
    return s / 2;
  }
}
