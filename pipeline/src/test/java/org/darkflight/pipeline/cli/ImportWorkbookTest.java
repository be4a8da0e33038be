package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFile;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.json.Json;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.geodesy.Geodesics;
import org.darkflight.physics.legacy.LegacySimulator;
import org.darkflight.physics.trajectory.Landing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight import workbook} on the shipped Park Forest workbook: the inputs equal the
 * hand-converted testdata/events/park-forest-2003, and a round trip through the v.42 method on
 * the imported files lands where {@code darkflight workbook run} lands on the workbook itself.
 */
class ImportWorkbookTest {

  static final Path BOOK = TrajectoryCommandTest.testdata(
      "legacy/park-forest-2003-jormungandr-v42.xlsx");
  static final Path SHIPPED = TrajectoryCommandTest.testdata("events/park-forest-2003");

  @TempDir static Path tmp;
  static Path out;
  static CliOutcome imported;

  @BeforeAll
  static void importIt() {
    out = tmp.resolve("imported");
    imported = CliOutcome.run("import", "workbook", BOOK.toString(), "--utm-zone", "16N",
        "--date", "2003-03-27", "--out", out.toString());
  }

  @Test
  void writesTheCanonicalInputs() {
    assertThat(imported.err(), imported.exit(), is(0));
    for (String f : List.of("event.json", "fragments.json", "atmos_profile.json",
        "physics_config.json")) {
      assertThat(f, Files.exists(out.resolve(f)), is(true));
      assertThat(imported.out(), containsString(out.resolve(f).toString()));
    }
  }

  @Test
  void inputsEqualTheHandConvertedParkForestEvent() throws Exception {
    Event ev = EventFiles.read(out.resolve("event.json"));
    LuminousEnd a = ev.luminousEnd();
    LuminousEnd b = EventFiles.read(SHIPPED.resolve("event.json")).luminousEnd();
    assertThat(a.timeUtc(), is(Instant.parse("2003-03-27T05:50:15Z")));
    assertThat(a.timeUtc(), is(b.timeUtc()));
    assertThat(a.latitudeDeg(), closeTo(b.latitudeDeg(), 1e-7));
    assertThat(a.longitudeDeg(), closeTo(b.longitudeDeg(), 1e-7));
    assertThat(a.altitudeM(), is(b.altitudeM()));
    assertThat(a.speedMps(), is(b.speedMps()));
    assertThat(a.azimuthDeg(), is(b.azimuthDeg()));
    assertThat(a.elevationDeg(), is(b.elevationDeg()));
    FragmentsFile f = FragmentsFiles.read(out.resolve("fragments.json"));
    assertThat(f.fragments().size(), is(1));
    assertThat(f.fragments().get(0).id(), is("m1000g"));
    assertThat(f.fragments().get(0).massKg(), is(1.0));
    assertThat(f.fragments().get(0).densityKgM3(), closeTo(3320, 1e-9));
    List<AtmosLevel> got = AtmosProfiles.read(out.resolve("atmos_profile.json")).atmosLevels();
    List<AtmosLevel> want = AtmosProfiles.read(SHIPPED.resolve("atmos_profile.json"))
        .atmosLevels();
    assertThat(got.size(), is(want.size()));
    for (int i = 0; i < got.size(); i++) {
      assertThat(got.get(i).altitudeM(), closeTo(want.get(i).altitudeM(), 1e-3));
      assertThat(got.get(i).pressurePa(), closeTo(want.get(i).pressurePa(), 1e-3));
      assertThat(got.get(i).temperatureK(), closeTo(want.get(i).temperatureK(), 1e-4));
      assertThat(got.get(i).windUMps(), closeTo(want.get(i).windUMps(), 1e-4));
      assertThat(got.get(i).windVMps(), closeTo(want.get(i).windVMps(), 1e-4));
    }
    assertThat(PhysicsConfigFiles.read(out.resolve("physics_config.json")).groundAltitudeM(),
        is(218.0));
  }

  @Test
  void roundTripThroughTheV42MethodLandsWhereWorkbookRunLands() throws Exception {
    Path json = tmp.resolve("v42.json");
    CliOutcome wb = CliOutcome.run("workbook", "run", BOOK.toString(), "--utm-zone", "16N",
        "--json", json.toString());
    assertThat(wb.err(), wb.exit(), is(0));
    JsonNode landing = Json.mapper().readTree(json.toFile()).get("landing");

    // the v.42 method on the imported files: window from B18 (6670 m) to the event's altitude
    ObjectNode cfg = (ObjectNode) Json.mapper().readTree(out.resolve("physics_config.json")
        .toFile());
    cfg.put("legacy", "fries_v42");
    cfg.put("ground_altitude_m", 6670);
    PhysicsConfig v42 = PhysicsConfigFiles.fromTree(cfg, "v42 config");
    AtmosProfile profile = AtmosProfiles.read(out.resolve("atmos_profile.json"));
    Landing l = new LegacySimulator(profile.atmosLevels(), v42).land(
        EventFiles.read(out.resolve("event.json")).luminousEnd(),
        FragmentsFiles.read(out.resolve("fragments.json")).fragments().get(0));
    double d = Geodesics.inverse(l.latitudeDeg(), l.longitudeDeg(),
        landing.get("lat").asDouble(), landing.get("lon").asDouble()).distanceM();
    // The same method on the same numbers, and the offset laid down the same way: the legacy
    // simulator adds v.42's displacement in the start's UTM zone (B8 = B6 + E7) as workbook run
    // does, so the two land together (below 1 cm: the imported start is rounded to 1e-7 deg).
    assertThat(d, lessThan(0.01));
    System.out.printf("import workbook round trip: v.42 landing %.7f %.7f vs workbook run "
        + "%.7f %.7f: %.4f m apart%n",
        l.latitudeDeg(), l.longitudeDeg(), landing.get("lat").asDouble(),
        landing.get("lon").asDouble(), d);
  }

  @Test
  void importedInputsRunAndLandWhereTheShippedEventLands() throws Exception {
    CliOutcome a = CliOutcome.run("trajectory", "--event", out.resolve("event.json").toString(),
        "--atmos", out.resolve("atmos_profile.json").toString(),
        "--config", out.resolve("physics_config.json").toString(),
        "--fragments", out.resolve("fragments.json").toString(),
        "--out", tmp.resolve("traj-imported").toString());
    assertThat(a.err(), a.exit(), is(0));
    CliOutcome b = CliOutcome.run("trajectory", "--event", SHIPPED.resolve("event.json")
            .toString(),
        "--atmos", SHIPPED.resolve("atmos_profile.json").toString(),
        "--config", SHIPPED.resolve("physics_config.json").toString(),
        "--fragments", out.resolve("fragments.json").toString(),
        "--out", tmp.resolve("traj-shipped").toString());
    assertThat(b.err(), b.exit(), is(0));
    JsonNode la = Json.mapper().readTree(tmp.resolve("traj-imported/trajectories/m1000g.json")
        .toFile()).get("landing");
    JsonNode lb = Json.mapper().readTree(tmp.resolve("traj-shipped/trajectories/m1000g.json")
        .toFile()).get("landing");
    assertThat(la.get("lat").asDouble(), closeTo(lb.get("lat").asDouble(), 2e-6));
    assertThat(la.get("lon").asDouble(), closeTo(lb.get("lon").asDouble(), 2e-6));
  }

  @Test
  void withoutADateItAsksForOne() {
    CliOutcome r = CliOutcome.run("import", "workbook", BOOK.toString(), "--utm-zone", "16N",
        "--out", tmp.resolve("nodate").toString());
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("--date"));
    assertThat(Files.exists(tmp.resolve("nodate")), is(false));
  }
}
