package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.darkflight.io.json.Json;
import org.darkflight.io.trajectory.TrajectoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrajectoryCommandTest {

  @TempDir Path tmp;

  /** Exit code, stdout and stderr of one CLI run. */
  record Run(int exit, String out, String err) {}

  static Path testdata(String relative) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path c = dir.resolve("testdata").resolve(relative);
      if (Files.exists(c)) {
        return c;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("testdata/" + relative + " not found");
  }

  static Run cli(String... args) {
    CommandLine cl = DarkflightCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run trajectory(Path event, Path fragments, Path atmos, Path config, Path out) {
    return cli("trajectory", "--event", event.toString(), "--fragments", fragments.toString(),
        "--atmos", atmos.toString(), "--config", config.toString(), "--out", out.toString());
  }

  static Run runEvent(String name, Path out) {
    String d = "events/" + name + "/";
    return trajectory(testdata(d + "event.json"), testdata(d + "fragments.json"),
        testdata(d + "atmos_profile.json"), testdata(d + "physics_config.json"), out);
  }

  static long regularFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  static JsonNode landing(Path out, String id) throws Exception {
    return TrajectoryFiles.read(TrajectoryFiles.pathFor(out, id)).get("landing");
  }

  @Test
  void calmEventWritesOneValidTrajectoryPerFragment() throws Exception {
    Path out = tmp.resolve("out");
    Run r = runEvent("synthetic-calm", out);
    assertThat(r.err(), r.exit(), equalTo(0));
    assertThat(regularFiles(out), equalTo(2L));
    assertThat(r.out(), containsString("wrote " + TrajectoryFiles.pathFor(out, "f1kg")));
    assertThat(r.out(), containsString("f100g: "));
    for (String id : List.of("f100g", "f1kg")) {
      JsonNode doc = TrajectoryFiles.read(TrajectoryFiles.pathFor(out, id));
      JsonNode l = doc.get("landing");
      // Launched towards the east (azimuth 90) in calm air: lands east, on the same parallel.
      assertThat(l.get("lon").asDouble(), greaterThan(10.0));
      assertThat(l.get("lat").asDouble(), closeTo(45.0, 0.01));
      assertThat(l.get("drift_bearing_deg").asDouble(), closeTo(90.0, 1.0));
      // ground 0 m above mean sea level -> ellipsoidal: + EGM96 N at the luminous end (45 N, 10 E;
      // Egm96Test checks the grid against NGA's published undulations)
      assertThat(l.get("height_m").asDouble(),
          closeTo(0.0 + org.darkflight.io.geoid.Egm96.undulationM(45.0, 10.0), 1e-3));
      // The sampled series starts at the luminous end and ends on the ground.
      JsonNode pts = doc.get("points");
      // 20 000 m above mean sea level, output above the ellipsoid (+ N, as the ground above)
      assertThat(pts.get(0).get("height_m").asDouble(),
          closeTo(20000.0 + org.darkflight.io.geoid.Egm96.undulationM(45.0, 10.0), 1.0));
      assertThat(pts.get(pts.size() - 1).get("height_m").asDouble(),
          closeTo(0.0 + org.darkflight.io.geoid.Egm96.undulationM(45.0, 10.0), 0.01));
    }
  }

  /**
   * Independent estimate of the fall time: after the fast entry phase the stone falls at its
   * local terminal speed v_t(z) = sqrt(2 m g / (ρ(z) Cd S)), so t ≈ ∫ dz / v_t(z), with ρ = p/(R T)
   * from the profile levels (trapezoid). The real fall is a little shorter (it starts fast).
   */
  @Test
  void calmFallTimeMatchesTheTerminalVelocityEstimate() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(runEvent("synthetic-calm", out).exit(), equalTo(0));
    JsonNode prof = Json.mapper().readTree(testdata("events/synthetic-calm/atmos_profile.json")
        .toFile());
    double m = 1.0;
    double area = 1.21 * Math.pow(m / 3500.0, 2.0 / 3.0);
    double estimate = 0;
    JsonNode lv = prof.get("levels");
    for (int i = 1; i < lv.size(); i++) {
      double z0 = lv.get(i - 1).get("altitude_m").asDouble();
      double z1 = lv.get(i).get("altitude_m").asDouble();
      if (z0 >= 20000) {
        break;
      }
      double top = Math.min(z1, 20000);
      double inv0 = 1 / vt(lv.get(i - 1), m, area);
      double inv1 = 1 / vt(lv.get(i), m, area);
      estimate += (top - z0) * (inv0 + inv1 * (top - z0) / (z1 - z0)
          + inv0 * (1 - (top - z0) / (z1 - z0))) / 2;
    }
    double fall = landing(out, "f1kg").get("fall_time_s").asDouble();
    assertThat(fall, allOf(greaterThan(0.7 * estimate), lessThan(1.02 * estimate)));
    // A lighter stone falls slower.
    assertThat(landing(out, "f100g").get("fall_time_s").asDouble(), greaterThan(fall));
  }

  private static double vt(JsonNode level, double m, double area) {
    double rho = level.get("pressure_Pa").asDouble() / (287.05 * level.get("temperature_K")
        .asDouble());
    return Math.sqrt(2 * m * 9.80665 / (rho * 1.0 * area));
  }

  @Test
  void landsDownwind() throws Exception {
    // Same event with a uniform 20 m/s wind from the south (v = +20 m/s, towards the north).
    Path in = tmp.resolve("windy");
    Files.createDirectories(in);
    ObjectNode prof = (ObjectNode) Json.mapper().readTree(
        testdata("events/synthetic-calm/atmos_profile.json").toFile());
    prof.get("levels").forEach(l -> ((ObjectNode) l).put("wind_v_mps", 20.0));
    Path atmos = in.resolve("atmos_profile.json");
    Files.writeString(atmos, Json.mapper().writeValueAsString(prof));
    String d = "events/synthetic-calm/";
    Path calmOut = tmp.resolve("calm");
    Path windyOut = tmp.resolve("windyOut");
    assertThat(runEvent("synthetic-calm", calmOut).exit(), equalTo(0));
    Run r = trajectory(testdata(d + "event.json"), testdata(d + "fragments.json"), atmos,
        testdata(d + "physics_config.json"), windyOut);
    assertThat(r.err(), r.exit(), equalTo(0));
    JsonNode calm = landing(calmOut, "f1kg");
    JsonNode windy = landing(windyOut, "f1kg");
    GeodesicData g = Geodesic.WGS84.Inverse(calm.get("lat").asDouble(),
        calm.get("lon").asDouble(), windy.get("lat").asDouble(), windy.get("lon").asDouble());
    // Displaced towards the north, by less than wind × fall time (the stone only gradually
    // picks up the wind) but by most of it (it spends most of its fall near terminal speed).
    double fall = windy.get("fall_time_s").asDouble();
    assertThat(Math.abs(g.azi1), lessThan(5.0));
    assertThat(g.s12, allOf(greaterThan(0.6 * 20 * fall), lessThan(1.0 * 20 * fall)));
  }

  @Test
  void parkForestSuiteLandsPlausibly() throws Exception {
    Path out = tmp.resolve("pf");
    Run r = runEvent("park-forest-2003", out);
    assertThat(r.err(), r.exit(), equalTo(0));
    assertThat(regularFiles(out), equalTo(5L));
    double startLat = 41.3467765;
    double startLon = -87.7877524;
    double previousFall = Double.POSITIVE_INFINITY;
    for (String id : List.of("m0001g", "m0010g", "m0100g", "m1000g", "m10kg")) {
      JsonNode l = landing(out, id);
      GeodesicData g = Geodesic.WGS84.Inverse(startLat, startLon, l.get("lat").asDouble(),
          l.get("lon").asDouble());
      // Within 40 km of the point below the luminous end, which the stones pass at 16 km height.
      assertThat(id, g.s12, lessThan(40_000.0));
      assertThat(l.get("drift_distance_m").asDouble(), closeTo(g.s12, 1.0));
      double fall = l.get("fall_time_s").asDouble();
      // Heavier stones fall faster: fall times decrease along the decadal suite.
      assertThat(id, fall, lessThan(previousFall));
      previousFall = fall;
      // ground 218 m above mean sea level -> ellipsoidal: + EGM96 N at the luminous end
      // (N = -33.58 m there; Egm96Test checks the grid against NGA's published undulations)
      assertThat(l.get("height_m").asDouble(),
          closeTo(218.0 + org.darkflight.io.geoid.Egm96.undulationM(startLat, startLon), 1e-3));
    }
    // The 10 kg stone keeps the fireball's northward motion (azimuth 3°) longest.
    assertThat(landing(out, "m10kg").get("lat").asDouble(), greaterThan(startLat));
  }

  @Test
  void outputIsByteIdenticalAcrossRuns() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(runEvent("synthetic-calm", a).exit(), equalTo(0));
    assertThat(runEvent("synthetic-calm", b).exit(), equalTo(0));
    assertThat(Files.readAllBytes(TrajectoryFiles.pathFor(a, "f1kg")),
        equalTo(Files.readAllBytes(TrajectoryFiles.pathFor(b, "f1kg"))));
  }

  // ------------------------------------------------------------------------------ bad input

  private Run withBadInput(String file, Consumer<ObjectNode> mutation, Path out)
      throws IOException {
    String d = "events/synthetic-calm/";
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Path[] paths = new Path[4];
    String[] names = {"event.json", "fragments.json", "atmos_profile.json", "physics_config.json"};
    for (int i = 0; i < 4; i++) {
      ObjectNode n = (ObjectNode) Json.mapper().readTree(testdata(d + names[i]).toFile());
      if (names[i].equals(file)) {
        mutation.accept(n);
      }
      paths[i] = in.resolve(names[i]);
      Files.writeString(paths[i], Json.mapper().writeValueAsString(n));
    }
    return trajectory(paths[0], paths[1], paths[2], paths[3], out);
  }

  private void assertRejected(Run r, Path out, String file, String field) throws IOException {
    assertThat(r.exit(), equalTo(DarkflightCli.EXIT_BAD_INPUT));
    String line = r.err().strip();
    assertThat(line.lines().count(), equalTo(1L));
    assertThat(line, containsString(file));
    assertThat(line, containsString(field));
    assertThat(regularFiles(out), equalTo(0L));
  }

  @Test
  void badEventIsReportedAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("out");
    Run r = withBadInput("event.json",
        n -> ((ObjectNode) n.get("luminous_end")).put("elevation_deg", 120), out);
    assertRejected(r, out, "event.json", "/luminous_end/elevation_deg");
  }

  @Test
  void badFragmentIsReportedAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("out");
    Run r = withBadInput("fragments.json",
        n -> ((ObjectNode) n.get("fragments").get(1)).put("mass_kg", -1), out);
    assertRejected(r, out, "fragments.json", "/fragments/1/mass_kg");
  }

  @Test
  void unsortedProfileIsReportedAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("out");
    Run r = withBadInput("atmos_profile.json",
        n -> ((ObjectNode) n.get("levels").get(4)).put("altitude_m", 500), out);
    assertRejected(r, out, "atmos_profile.json", "/levels/4/altitude_m");
  }

  @Test
  void badConfigIsReportedAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("out");
    Run r = withBadInput("physics_config.json", n -> n.put("drag_model", "magic"), out);
    assertRejected(r, out, "physics_config.json", "/drag_model");
  }

  @Test
  void luminousEndBelowTheGroundIsReported() throws Exception {
    // -100 m is a valid altitude on its own (the schema allows down to -500 m), but it is below
    // the configuration's ground height of 0 m.
    Path out = tmp.resolve("out");
    Run r = withBadInput("event.json",
        n -> ((ObjectNode) n.get("luminous_end")).put("altitude_m", -100), out);
    assertRejected(r, out, "event.json", "/luminous_end/altitude_m");
    assertThat(r.err(), containsString("physics_config.json"));
  }

  // ------------------------------------------------------------------ budgets (issue 19 §1)

  @Test
  void aMicrosecondOutputIntervalIsRefusedBeforeAnyWork() throws Exception {
    Path out = tmp.resolve("out");
    Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60), () -> withBadInput("physics_config.json",
            n -> n.put("output_interval_s", 1e-6), out));
    assertRejected(r, out, "physics_config.json", "/integration");
    assertThat(r.err(), containsString("integration.max_recorded_points"));
  }

  @Test
  void nanosecondStepsAreRefusedBeforeAnyWork() throws Exception {
    Path out = tmp.resolve("out");
    Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60), () -> withBadInput("physics_config.json", n -> {
          ObjectNode i = (ObjectNode) n.get("integration");
          i.put("dt_initial_s", 1e-9).put("dt_min_s", 1e-9).put("dt_max_s", 1e-9);
        }, out));
    assertRejected(r, out, "physics_config.json", "/integration");
    assertThat(r.err(), containsString("integration.max_steps"));
  }

  @Test
  void aVanishingMassEndsAtTheStepBudgetWithOneLineAndExitTwo() throws Exception {
    Path out = tmp.resolve("out");
    Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(120), () -> withBadInput("fragments.json",
            n -> ((ObjectNode) n.get("fragments").get(0)).put("mass_kg", 1e-300), out));
    assertThat(r.exit(), equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err().strip().lines().count(), equalTo(1L));
    assertThat(r.err(), allOf(containsString("STEP_BUDGET_EXCEEDED"),
        containsString("integration.max_steps")));
    assertThat(regularFiles(out), equalTo(0L));
  }

  @Test
  void theBudgetIsReadFromTheConfiguration() throws Exception {
    // a budget of 5 points cannot hold a fall of minutes at 1 s spacing
    Path out = tmp.resolve("out");
    Run r = withBadInput("physics_config.json",
        n -> ((ObjectNode) n.get("integration")).put("max_recorded_points", 5), out);
    assertRejected(r, out, "physics_config.json", "/integration");
    assertThat(r.err(), containsString("integration.max_recorded_points = 5"));
  }

  @Test
  void missingFileIsReported() throws Exception {
    Path out = tmp.resolve("out");
    String d = "events/synthetic-calm/";
    Run r = trajectory(tmp.resolve("nope.json"), testdata(d + "fragments.json"),
        testdata(d + "atmos_profile.json"), testdata(d + "physics_config.json"), out);
    assertThat(r.exit(), equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err(), containsString("nope.json: file not found"));
    assertThat(regularFiles(out), equalTo(0L));
  }

  @Test
  void runReturnsTheBadInputExitCode() {
    // fragments.json given as --event: named by its $schema.
    Path out = tmp.resolve("out");
    String d = "events/synthetic-calm/";
    int code = DarkflightCli.run("trajectory", "--event", testdata(d + "fragments.json")
        .toString(), "--fragments", testdata(d + "fragments.json").toString(), "--atmos",
        testdata(d + "atmos_profile.json").toString(), "--config",
        testdata(d + "physics_config.json").toString(), "--out", out.toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(Files.exists(out), equalTo(false));
  }
}
