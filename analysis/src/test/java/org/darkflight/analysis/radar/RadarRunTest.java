package org.darkflight.analysis.radar;

import static org.darkflight.analysis.radar.SyntheticRadarScenario.TERMINUS;
import static org.darkflight.analysis.radar.SyntheticRadarScenario.TEMPLATE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.radar.RadarObservation;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadarRunTest {

  static final Path SITES = Path.of("..", "testdata", "radar", "radar_sites.json");

  @TempDir Path tmp;

  /** radar_returns.json of the synthetic returns, sites by id. */
  static ObjectNode returnsJson(List<GeolocatedReturn> returns) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("event_id", "synthetic-illinois");
    ArrayNode arr = root.putArray("returns");
    for (GeolocatedReturn g : returns) {
      RadarObservation o = g.radarReturn().observation();
      ObjectNode r = arr.addObject();
      r.put("id", g.radarReturn().id());
      r.put("site", o.site().id());
      r.put("time_utc", o.timeUtc().toString());
      r.put("elevation_deg", o.elevationDeg());
      r.put("azimuth_deg", o.azimuthDeg());
      r.put("slant_range_m", o.slantRangeM());
      r.put("reflectivity_dbz", 20.0);
    }
    return root;
  }

  private RadarRun.Inputs inputs(Path returnsFile, PhysicsConfig config) {
    return new RadarRun.Inputs("synthetic-illinois", TERMINUS,
        SyntheticRadarScenario.ATMOSPHERE, config, tmp.resolve("physics_config.json"), TEMPLATE,
        returnsFile, SITES, List.of(), 1e-3, 1e3, SuiteLanding.DECADAL_MASSES_KG);
  }

  @Test
  void writesSlicesSolutionAndLayerThatValidate() throws Exception {
    DarkflightSimulator sim = SyntheticRadarScenario.simulator();
    double fall = sim.land(TERMINUS, SyntheticRadarScenario.truthFragment()).fallTimeS();
    List<GeolocatedReturn> returns = SyntheticRadarScenario.returns(sim,
        new double[] {Math.round(0.3 * fall), Math.round(0.6 * fall)}, 0.0, 1L);
    Path returnsFile = tmp.resolve("radar_returns.json");
    Files.write(returnsFile, Json.toCanonicalBytes(returnsJson(returns)));
    Path out = tmp.resolve("out");

    RadarRun.Result result = RadarRun.run(inputs(returnsFile, PhysicsConfig.defaults()), out);

    assertThat(result.slices().size(), is(2));
    for (Path slice : result.slices()) {
      JsonSchemas.validate(JsonSchemas.read(slice), "radar_slice", slice.toString());
    }
    JsonNode sol = JsonSchemas.readValidated(result.solutionFile(), "radar_solution");
    assertThat(sol.at("/returns/0/status").asText(), equalTo("solved"));
    assertThat(sol.at("/returns/0/mass_kg").asDouble(), closeTo(2.0, 0.02));
    assertThat(Math.hypot(sol.at("/refined_terminus/east_m").asDouble(),
        sol.at("/refined_terminus/north_m").asDouble()), lessThan(10.0));
    assertThat(sol.at("/strewn_field").size(), is(6));
    assertThat(sol.at("/strewn_field/3/status").asText(), equalTo("landed"));

    JsonNode geo = JsonSchemas.readValidated(result.geoJsonFile(), "radar_layers");
    assertThat(geo.get("type").asText(), equalTo("FeatureCollection"));
    Map<String, Integer> layers = new HashMap<>();
    for (JsonNode f : geo.get("features")) {
      layers.merge(f.at("/properties/layer").asText(), 1, Integer::sum);
    }
    assertThat(layers.get("radar_returns"), is(2));
    assertThat(layers.get("calculated_termini"), is(2));
    assertThat(layers.get("refined_terminus"), is(3)); // point + 1σ and 2σ ellipses
    assertThat(layers.get("predicted_impacts"), is(2));
    assertThat(layers.get("mass_suite"), is(6));

    // The strewn field through the geospatial writers: suite + one impact per return, and the
    // radar folders in the KML.
    JsonNode points = Json.mapper().readTree(out.resolve("strewn_field_points.geojson").toFile());
    assertThat(points.get("features").size(), is(8));
    String kml = Files.readString(out.resolve("strewn_field.kml"));
    assertThat(kml, containsString("<name>Radar Returns</name>"));
    assertThat(kml, containsString("<name>Calculated Termini</name>"));
    assertThat(kml, containsString("<name>refined terminus</name>"));
    assertThat(Files.exists(out.resolve("strewn_field.kmz")), is(true));
    assertThat(result.strewnField().files().size(), is(4));
  }

  @Test
  void massLabelsAndDecades() {
    assertThat(RadarStrewnFieldExport.massLabel(0.001), equalTo("1 g"));
    assertThat(RadarStrewnFieldExport.massLabel(0.1), equalTo("100 g"));
    assertThat(RadarStrewnFieldExport.massLabel(10), equalTo("10 kg"));
    assertThat(RadarStrewnFieldExport.decade(1.0), is(0));
    assertThat(RadarStrewnFieldExport.decade(0.001), is(-3));
    assertThat(RadarStrewnFieldExport.decade(0.0999), is(-2));
    assertThat(RadarStrewnFieldExport.decade(2.0), is(0));
  }

  @Test
  void badInputWritesNothing() throws Exception {
    DarkflightSimulator sim = SyntheticRadarScenario.simulator();
    List<GeolocatedReturn> returns = SyntheticRadarScenario.returns(sim, new double[] {60.0},
        0.0, 1L);
    ObjectNode json = returnsJson(returns);
    ((ObjectNode) json.get("returns").get(0)).put("site", "KNOPE");
    Path returnsFile = tmp.resolve("radar_returns.json");
    Files.write(returnsFile, Json.toCanonicalBytes(json));
    Path out = tmp.resolve("out");
    InputException e = assertThrows(InputException.class,
        () -> RadarRun.run(inputs(returnsFile, PhysicsConfig.defaults()), out));
    assertThat(e.getMessage(), containsString("unknown radar site KNOPE"));
    assertThat(Files.exists(out), is(false));

    PhysicsConfig ablating = new PhysicsConfig(PhysicsConfig.DragModelKind.SIMPLE_CONSTANT, 1.0,
        new PhysicsConfig.Ablation(true, PhysicsConfig.AblationMethod.CLASSICAL, Double.NaN,
            1e-8, Double.NaN), PhysicsConfig.GravityModelKind.WGS84_LOCAL, false, 0.0,
        PhysicsConfig.defaults().integration(), 1.0, PhysicsConfig.LegacyMode.NONE);
    Files.write(returnsFile, Json.toCanonicalBytes(returnsJson(returns)));
    InputException abl = assertThrows(InputException.class,
        () -> RadarRun.run(inputs(returnsFile, ablating), out));
    assertThat(abl.field(), equalTo("/ablation/enabled"));
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.anyMatch(p -> p.getFileName().toString().equals("out")), is(false));
    }
  }
}
