package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end through the files: the synthetic Park Forest returns (a 1.5 kg stone simulated from
 * the Park Forest event and seen from KLOT and KILX) must give back the 1.5 kg and the event's
 * terminus.
 */
class RadarCommandTest {

  static final Path EVENT_DIR = Path.of("..", "testdata", "events", "park-forest-2003");
  static final Path RETURNS = Path.of("..", "testdata", "radar",
      "park-forest-synthetic-returns.json");
  static final Path SITES = Path.of("..", "testdata", "radar", "radar_sites.json");

  @TempDir Path tmp;

  private int run(StringWriter out, StringWriter err, Path returns, Path outDir) {
    return run(out, err, returns, outDir, EVENT_DIR.resolve("physics_config.json"));
  }

  private int run(StringWriter out, StringWriter err, Path returns, Path outDir, Path config) {
    CommandLine cl = DarkflightCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute("radar",
        "--event", EVENT_DIR.resolve("event.json").toString(),
        "--returns", returns.toString(),
        "--sites", SITES.toString(),
        "--atmos", EVENT_DIR.resolve("atmos_profile.json").toString(),
        "--config", config.toString(),
        "--fragments", EVENT_DIR.resolve("fragments.json").toString(),
        "--out", outDir.toString());
  }

  /**
   * The same fall with the event's height on the WGS84 ellipsoid (altitude + N): the radar sites
   * (mean sea level), the profile and the ground are converted into the event's reference, so
   * the whole scene moves up by N and the same stone and terminus come out, stated as ellipsoid.
   */
  @Test
  void anEllipsoidalEventConvertsSitesProfileAndGroundIntoItsReference() throws Exception {
    ObjectNode ev = (ObjectNode) Json.mapper().readTree(EVENT_DIR.resolve("event.json").toFile());
    ObjectNode le = (ObjectNode) ev.get("luminous_end");
    double n = org.darkflight.io.geoid.Egm96.undulationM(le.get("lat").asDouble(),
        le.get("lon").asDouble());
    double msl = le.get("altitude_m").asDouble();
    le.put("altitude_m", msl + n);
    le.put("height_reference", "ellipsoid");
    Path event = tmp.resolve("event-ellipsoid.json");
    Json.mapper().writeValue(event.toFile(), ev);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("ell");
    CommandLine cl = DarkflightCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("radar", "--event", event.toString(), "--returns", RETURNS.toString(),
        "--sites", SITES.toString(),
        "--atmos", EVENT_DIR.resolve("atmos_profile.json").toString(),
        "--config", EVENT_DIR.resolve("physics_config.json").toString(),
        "--fragments", EVENT_DIR.resolve("fragments.json").toString(),
        "--out", dir.toString());
    assertThat(err.toString(), code, is(0));
    JsonNode sol = JsonSchemas.readValidated(dir.resolve("radar_solution.json"),
        "radar_solution");
    assertThat(sol.at("/height_reference").asText(), equalTo("ellipsoid"));
    for (JsonNode r : sol.at("/returns")) {
      assertThat(r.get("return_id").asText(), r.get("status").asText(), equalTo("solved"));
      assertThat(r.get("return_id").asText(), r.get("mass_kg").asDouble(),
          closeTo(1.5, 0.015));
    }
    assertThat(Math.hypot(sol.at("/refined_terminus/east_m").asDouble(),
        sol.at("/refined_terminus/north_m").asDouble()), lessThan(10.0));
    assertThat(sol.at("/refined_terminus/altitude_m").asDouble(), closeTo(msl + n, 20.0));
  }

  @Test
  void recoversTheSimulatedStoneAndTerminusFromTheShippedReturns() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("out");
    int code = run(out, err, RETURNS, dir);
    assertThat(err.toString(), code, is(0));
    JsonNode sol = JsonSchemas.readValidated(dir.resolve("radar_solution.json"),
        "radar_solution");
    assertThat(sol.at("/returns").size(), is(4));
    for (JsonNode r : sol.at("/returns")) {
      assertThat(r.get("return_id").asText(), r.get("status").asText(), equalTo("solved"));
      assertThat(r.get("return_id").asText(), r.get("mass_kg").asDouble(),
          closeTo(1.5, 0.015));
    }
    assertThat(Math.hypot(sol.at("/refined_terminus/east_m").asDouble(),
        sol.at("/refined_terminus/north_m").asDouble()), lessThan(10.0));
    assertThat(sol.at("/event_id").asText(), equalTo("park-forest-2003"));
    assertThat(sol.at("/height_reference").asText(), equalTo("msl"));
    for (String id : new String[] {"pf1", "pf2", "pf3", "pf4"}) {
      Path slice = dir.resolve("radar_slices").resolve(id + ".json");
      JsonSchemas.validate(JsonSchemas.read(slice), "radar_slice", slice.toString());
    }
    assertThat(Files.exists(dir.resolve("radar_layers.geojson")), is(true));
    assertThat(out.toString(), containsString("refined terminus:"));
  }

  /**
   * Issue 15 §7: with the recommended adaptive configuration (rkf45, dt_max 5 s) every return
   * failed with "forward shooting did not converge in 20 iterations"; the shooting now uses rk4
   * at dt_initial_s and says so.
   */
  @Test
  void solvesEveryReturnWithTheRecommendedAdaptiveConfig() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("adaptive");
    int code = run(out, err, RETURNS, dir, EVENT_DIR.resolve("physics_config_ensemble.json"));
    assertThat(err.toString(), code, is(0));
    assertThat(out.toString(), containsString(
        "mass search and forward shooting: rk4 with a fixed 0.05 s step"));
    JsonNode sol = JsonSchemas.readValidated(dir.resolve("radar_solution.json"),
        "radar_solution");
    assertThat(sol.at("/returns").size(), is(4));
    for (JsonNode r : sol.at("/returns")) {
      assertThat(r.get("return_id").asText() + ": " + r, r.get("status").asText(),
          equalTo("solved"));
      assertThat(r.get("return_id").asText(), r.get("mass_kg").asDouble(),
          closeTo(1.5, 0.015));
    }
    assertThat(Math.hypot(sol.at("/refined_terminus/east_m").asDouble(),
        sol.at("/refined_terminus/north_m").asDouble()), lessThan(10.0));
  }

  @Test
  void refusesALegacyModeInOneLine() throws Exception {
    ObjectNode pc = (ObjectNode) Json.mapper().readTree(
        EVENT_DIR.resolve("physics_config.json").toFile());
    pc.put("legacy", "fries_v42");
    Path config = tmp.resolve("physics_config.json");
    Files.write(config, Json.toCanonicalBytes(pc));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(out, err, RETURNS, tmp.resolve("legacy"), config);
    assertThat(code, is(2));
    assertThat(err.toString().trim().lines().count(), is(1L));
    assertThat(err.toString(), containsString("/legacy"));
    assertThat(Files.exists(tmp.resolve("legacy").resolve("radar_solution.json")), is(false));
  }

  @Test
  void optionalEnsembleRunsFromTheRefinedTerminus() throws Exception {
    Path ens = tmp.resolve("ensemble_config.json");
    Files.writeString(ens, "{\"mode\": \"monte_carlo\", \"samples\": 30, \"random_seed\": 7,"
        + " \"distributions\": {\"mass_kg\": {\"dist\": \"lognormal\","
        + " \"params\": {\"sigma\": 0.3}}}, \"samples_per_element\": 15}");
    Path dir = tmp.resolve("out");
    CommandLine cl = DarkflightCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("radar",
        "--event", EVENT_DIR.resolve("event.json").toString(),
        "--returns", RETURNS.toString(),
        "--sites", SITES.toString(),
        "--atmos", EVENT_DIR.resolve("atmos_profile.json").toString(),
        "--config", EVENT_DIR.resolve("physics_config.json").toString(),
        "--fragments", EVENT_DIR.resolve("fragments.json").toString(),
        "--ensemble", ens.toString(),
        "--out", dir.toString());
    assertThat(err.toString(), code, is(0));
    assertThat(out.toString(), containsString("ensemble from the refined terminus: 30 samples"));
    JsonNode points = Json.mapper().readTree(
        dir.resolve("ensemble").resolve("strewn_field_points.geojson").toFile());
    assertThat(points.get("features").size(), is(30));
  }

  @Test
  void returnBeforeTheFireballExitsWithBadInputAndWritesNothing() throws Exception {
    ObjectNode json = (ObjectNode) JsonSchemas.read(RETURNS);
    ((ObjectNode) json.get("returns").get(2)).put("time_utc", "2003-03-27T05:50:00Z");
    Path bad = tmp.resolve("early.json");
    Files.write(bad, Json.toCanonicalBytes(json));
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("out");
    int code = run(new StringWriter(), err, bad, dir);
    assertThat(code, is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(err.toString(), containsString("/returns/2/time_utc"));
    assertThat(err.toString(), containsString("before the fireball"));
    assertThat(Files.exists(dir), is(false));
  }

  @Test
  void returnAboveTheTerminusExitsWithBadInput() throws Exception {
    ObjectNode json = (ObjectNode) JsonSchemas.read(RETURNS);
    // 40 km from KLOT at 30° elevation: ≈ 23 km up, above the 16 km terminus.
    ((ObjectNode) json.get("returns").get(0)).put("elevation_deg", 30.0);
    Path bad = tmp.resolve("high.json");
    Files.write(bad, Json.toCanonicalBytes(json));
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, bad, tmp.resolve("out"));
    assertThat(code, is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(err.toString(), containsString("above the terminus altitude"));
  }

  /** Issue 19 §3: a vanishing confidence is refused by name instead of ending in NaN weights. */
  @Test
  void aVanishingConfidenceIsRefusedNamingTheField() throws Exception {
    ObjectNode json = (ObjectNode) JsonSchemas.read(RETURNS);
    ((ObjectNode) json.get("returns").get(1)).put("confidence", 1e-200);
    ((ObjectNode) json.get("returns").get(2)).put("confidence", 1e-200);
    Path bad = tmp.resolve("faint.json");
    Files.write(bad, Json.toCanonicalBytes(json));
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("out");
    int code = run(new StringWriter(), err, bad, dir);
    assertThat(code, is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(err.toString(), containsString("/returns/1/confidence"));
    assertThat(err.toString(), org.hamcrest.Matchers.not(containsString("NaN")));
    assertThat(Files.exists(dir), is(false));
  }
}
