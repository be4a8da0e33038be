package org.darkflight.io.radar.solution;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.io.testsupport.SortedKeys;
import org.junit.jupiter.api.Test;

/**
 * radar_solution.json and radar_layers.geojson as the records write them: every shape of a
 * return and of a suite mass passes the schema, with nulls where a figure is not finite and
 * absent keys where it does not apply.
 */
class RadarSolutionDocumentTest {

  private static final Instant T = Instant.parse("2003-03-27T05:50:26Z");
  private static final ArtifactMeta.Block META = new ArtifactMeta.Block("1.0", "test", T,
      "model", null, List.of(new InputRef("r.json", "0".repeat(64))));
  private static final List<List<Double>> COV = RadarSolutionDocument.matrix(
      new double[][] {{4, 1}, {1, 9}});

  private static JsonNode valid(Object doc, String schema) throws Exception {
    byte[] bytes = Json.toCanonicalBytes(doc);
    SortedKeys.check(bytes);
    JsonNode n = Json.mapper().readTree(bytes);
    assertThat(schema, JsonSchemas.violations(n, schema), empty());
    return n;
  }

  @Test
  void everyKindOfReturnAndSuiteMassFollowsTheSchema() throws Exception {
    RadarSolutionDocument.Impact impact = new RadarSolutionDocument.Impact(41.4, -87.7, T, 100,
        30, 1.2);
    List<RadarSolutionDocument.ReturnEntry> returns = List.of(
        new RadarSolutionDocument.SolvedReturn("a", "KLOT", T, 41.4, -87.8, 7000, 1, "solved", 30.8,
            140.0, 4.0, 12, 1.3, RadarSolutionDocument.finiteOrNull(Double.NaN), 1.5, impact,
            new RadarSolutionDocument.CalculatedTerminus(41.3, -87.8, 16000, 0, "backward",
                RadarSolutionDocument.finiteOrNull(Double.POSITIVE_INFINITY), 1, 2, COV)),
        new RadarSolutionDocument.UnsolvedReturn("b", "KLOT", T, 41.4, -87.8, 7000, 0.5,
            "no_mass_fits", "too high for any mass", 30.8, null, 4.0, 9, null),
        new RadarSolutionDocument.UnsolvedReturn("c", "KLOT", T, 41.4, -87.8, 7000, 0.5,
            "failed", "no terminus", 30.8, 140.0, 4.0, 9, 2.0));
    RadarSolutionDocument doc = new RadarSolutionDocument(META, null,
        new RadarSolutionDocument.EventTerminus(T, 41.3, -87.8, 16000, 15000, 200, 60),
        new RadarSolutionDocument.Settings(1e-3, 1e3, 3500, 1, 1.21, List.of(0.001, 0.01)),
        returns,
        new RadarSolutionDocument.RefinedTerminus(T, 41.3, -87.8, 16000, 1, 2, 1, 1.0, COV, COV,
            COV, 3, 2, 10),
        List.of(RadarSolutionDocument.LandedMass.of(0.001, impact),
            RadarSolutionDocument.FailedMass.of(0.01, "integration failed")));
    JsonNode n = valid(doc, "radar_solution");
    assertThat(n.has("event_id"), is(false));
    assertThat(n.at("/returns/0/status").asText(), is("solved"));
    assertThat(n.at("/returns/0/mass_at_plus_sigma_height_kg").isNull(), is(true));
    assertThat(n.at("/returns/0/calculated_terminus/backward_gap_m").isNull(), is(true));
    assertThat(n.at("/returns/1").has("mass_kg"), is(false));
    assertThat(n.at("/returns/1").has("mass_at_plus_sigma_height_kg"), is(false));
    assertThat(n.at("/returns/1/lightest_time_s").isNull(), is(true));
    assertThat(n.at("/returns/2/mass_kg").asDouble(), is(2.0));
    assertThat(n.at("/strewn_field/0/status").asText(), is("landed"));
    assertThat(n.at("/strewn_field/1/status").asText(), is("failed"));
    assertThat(n.at("/strewn_field/1").has("impact"), is(false));
    assertThat(n.at("/meta/model").asText(), is("model"));
    assertThrows(IllegalArgumentException.class, () -> new RadarSolutionDocument.UnsolvedReturn(
        "d", "KLOT", T, 0, 0, 0, 1, "solved", "x", 1, null, null, 0, null));
  }

  @Test
  void theLayersAreGeoJsonWithRoundedCoordinates() throws Exception {
    RadarLayersDocument.Point p = RadarLayersDocument.Point.of(-87.123456789, 41.5, 7816.34);
    RadarLayersDocument.Point flat = RadarLayersDocument.Point.of(-87.1, 41.5, Double.NaN);
    List<List<java.math.BigDecimal>> ring = List.of(
        List.of(RadarLayersDocument.degrees(0), RadarLayersDocument.degrees(0)),
        List.of(RadarLayersDocument.degrees(1), RadarLayersDocument.degrees(0)),
        List.of(RadarLayersDocument.degrees(1), RadarLayersDocument.degrees(1)),
        List.of(RadarLayersDocument.degrees(0), RadarLayersDocument.degrees(0)));
    RadarLayersDocument doc = new RadarLayersDocument(new ArtifactMeta.Block("1.0", "test", T,
        null, null, List.of()), List.of(
            new RadarLayersDocument.Feature(p, new RadarLayersDocument.ReturnProperties(
                "radar_returns", "a", "KLOT", T, Json.roundedDecimal(7816.34, 1),
                Json.roundedDecimal(177.7, 1), "unsolved", null)),
            new RadarLayersDocument.Feature(flat, new RadarLayersDocument.SuiteProperties(
                "mass_suite", 0.001, T, Json.roundedDecimal(375.566, 2))),
            new RadarLayersDocument.Feature(new RadarLayersDocument.Polygon(List.of(ring)),
                new RadarLayersDocument.EllipseProperties("refined_terminus", 2,
                    Json.roundedDecimal(700, 1), Json.roundedDecimal(200, 1),
                    Json.roundedDecimal(140, 2)))));
    JsonNode n = valid(doc, "radar_layers");
    String text = new String(Json.toCanonicalBytes(doc), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text.contains("-87.1234568,"), is(true));
    assertThat(text.contains("7816.3\n"), is(true));
    assertThat(n.get("type").asText(), equalTo("FeatureCollection"));
    assertThat(n.at("/features/0/type").asText(), equalTo("Feature"));
    assertThat(n.at("/features/0/properties/layer").asText(), equalTo("radar_returns"));
    assertThat(n.at("/features/0/properties").has("mass_kg"), is(false));
    assertThat(n.at("/features/1/geometry/coordinates").size(), is(2));
    assertThat(n.at("/features/2/geometry/type").asText(), equalTo("Polygon"));
    assertThat(n.at("/features/2/properties/layer").asText(), equalTo("refined_terminus"));
  }
}
