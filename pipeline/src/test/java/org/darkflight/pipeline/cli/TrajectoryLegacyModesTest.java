package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.analysis.ensemble.LegacySlices;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.trajectory.TrajectoryFiles;
import org.darkflight.io.workbook.UtmZone;
import org.darkflight.io.workbook.V42RunDocument;
import org.darkflight.io.workbook.V42WorkbookReader;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.geodesy.Geodesics;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.FriesV42Result;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.Landing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 §1: physics_config.json {@code legacy} selects the method of {@code trajectory}. The
 * shipped Park Forest workbook's inputs (testdata/legacy) become trajectory inputs: the luminous
 * end at the workbook's start B6/C6 (UTM 16N, converted with Apache SIS at full precision), B19
 * high, B25/B24/B26; the 1000 g fragment at B16; the shipped atmos_profile.json (the workbook's
 * 'RAOB Used for Calcs' rows); ground = B18, the bottom of the workbook's window.
 */
class TrajectoryLegacyModesTest {

  @TempDir Path tmp;

  static final UtmZone ZONE = UtmZone.parse("16N");
  static FriesV42Inputs wb;
  static V42RunDocument.Point workbookLanding;
  Path event;
  Path fragments;
  Path atmos;

  /** The workbook run: read once (POI is slow on this workbook). */
  @BeforeAll
  static void workbookRun() throws Exception {
    wb = new V42WorkbookReader().read(
        TrajectoryCommandTest.testdata("legacy/park-forest-2003-jormungandr-v42.xlsx"));
    FriesV42Result r = new FriesV42().run(wb);
    workbookLanding = V42RunDocument.of("wb", "0", wb, ZONE, r).landing();
  }

  @BeforeEach
  void workbookInputs() throws Exception {
    double[] start = ZONE.toGeographic(wb.startEastingM(), wb.startNorthingM());
    ObjectNode ev = (ObjectNode) Json.mapper().readTree(
        TrajectoryCommandTest.testdata("events/park-forest-2003/event.json").toFile());
    ObjectNode le = (ObjectNode) ev.get("luminous_end");
    le.put("lat", start[0]);
    le.put("lon", start[1]);
    le.put("altitude_m", wb.highAltitudeM());
    le.put("speed_mps", wb.speedMps());
    le.put("azimuth_deg", wb.azimuthDeg());
    le.put("elevation_deg", wb.angleBelowHorizontalDeg());
    event = tmp.resolve("event.json");
    Files.write(event, Json.toCanonicalBytes(ev));
    fragments = tmp.resolve("fragments.json");
    ObjectNode fr = (ObjectNode) Json.mapper().readTree(
        TrajectoryCommandTest.testdata("events/park-forest-2003/fragments.json").toFile());
    com.fasterxml.jackson.databind.node.ArrayNode list =
        (com.fasterxml.jackson.databind.node.ArrayNode) fr.get("fragments");
    ObjectNode one = (ObjectNode) list.get(0);
    one.put("id", "workbook");
    one.put("mass_kg", wb.massG() / 1000);
    one.put("density_kgm3", wb.densityGcm3() * 1000);
    list.removeAll();
    list.add(one);
    Files.write(fragments, Json.toCanonicalBytes(fr));
    atmos = TrajectoryCommandTest.testdata("events/park-forest-2003/atmos_profile.json");
  }

  Path config(String legacy) throws Exception {
    ObjectNode pc = (ObjectNode) Json.mapper().readTree(
        TrajectoryCommandTest.testdata("events/park-forest-2003/physics_config.json").toFile());
    pc.put("legacy", legacy);
    pc.put("ground_altitude_m", wb.lowAltitudeM());
    Path p = tmp.resolve("physics_config_" + legacy + ".json");
    Files.write(p, Json.toCanonicalBytes(pc));
    return p;
  }

  /** The landing as {@code trajectory} computes it (same readers, same simulator factory). */
  Landing landingInMemory(Path config) throws Exception {
    PhysicsConfig pc = PhysicsConfigFiles.read(config);
    DarkflightSimulator sim = PhysicsModels.simulator(LegacySlices.atmosphere(pc, atmos,
        AtmosProfiles.read(atmos).atmosLevels()), pc);
    return sim.land(EventFiles.read(event).luminousEnd(),
        FragmentsFiles.read(fragments).fragments().get(0));
  }

  static double distanceM(double lat1, double lon1, double lat2, double lon2) {
    return Geodesics.inverse(lat1, lon1, lat2, lon2).distanceM();
  }

  @Test
  void fries42LandsWhereWorkbookRunLandsAndFarFromModernPhysics() throws Exception {
    assertThat(wb.profile().size(), equalTo(AtmosProfiles.read(atmos).atmosLevels().size()));
    Landing v42 = landingInMemory(config("fries_v42"));
    double d = distanceM(v42.latitudeDeg(), v42.longitudeDeg(), workbookLanding.lat(),
        workbookLanding.lon());
    assertThat("v.42 trajectory vs workbook run, m", d, lessThan(1e-6));
    // in UTM as well (SIS's forward and inverse UTM agree with each other only to ~5 µm in
    // northing here, so this check is looser than the one above)
    double[] en = ZONE.fromGeographic(v42.latitudeDeg(), v42.longitudeDeg());
    assertThat(Math.abs(en[0] - workbookLanding.eastingM()), lessThan(1e-5));
    assertThat(Math.abs(en[1] - workbookLanding.northingM()), lessThan(1e-5));

    // the CLI: the written file carries the same landing (6 decimals), the method is named
    TrajectoryCommandTest.Run run = TrajectoryCommandTest.trajectory(event, fragments, atmos,
        config("fries_v42"), tmp.resolve("v42"));
    assertThat(run.err(), run.exit(), equalTo(0));
    assertThat(run.out(), containsString("method: fries_v42"));
    JsonNode file = TrajectoryFiles.read(TrajectoryFiles.pathFor(tmp.resolve("v42"), "workbook"));
    assertThat(file.at("/landing/lat").decimalValue(), comparesEqualTo(round6(workbookLanding.lat())));
    assertThat(file.at("/landing/lon").decimalValue(), comparesEqualTo(round6(workbookLanding.lon())));
    assertThat(file.at("/meta/physics/legacy").asText(), equalTo("fries_v42"));

    TrajectoryCommandTest.Run none = TrajectoryCommandTest.trajectory(event, fragments, atmos,
        config("none"), tmp.resolve("none"));
    assertThat(none.err(), none.exit(), equalTo(0));
    assertThat(none.out(), containsString("method: modern integration"));
    JsonNode modern = TrajectoryFiles.read(TrajectoryFiles.pathFor(tmp.resolve("none"),
        "workbook")).get("landing");
    double apart = distanceM(modern.get("lat").asDouble(), modern.get("lon").asDouble(),
        v42.latitudeDeg(), v42.longitudeDeg());
    assertThat("legacy none vs fries_v42, m", apart, greaterThan(1000.0));
  }

  @Test
  void fries2SaysWhichSlicesItUsedAndTakesThemFromVerticalGrid() throws Exception {
    TrajectoryCommandTest.Run plain = TrajectoryCommandTest.trajectory(event, fragments, atmos,
        config("fries_v2"), tmp.resolve("v2"));
    assertThat(plain.err(), plain.exit(), equalTo(0));
    assertThat(plain.out(), containsString("method: fries_v2"));
    assertThat(plain.out(), containsString("no vertical_grid.json"));
    JsonNode v2 = TrajectoryFiles.read(TrajectoryFiles.pathFor(tmp.resolve("v2"), "workbook"))
        .get("landing");

    // a vertical grid next to the profile with other levels (every 250 m): the slices move, and so does
    // the landing; the console names the grid
    Path dir = Files.createDirectories(tmp.resolve("atmosdir"));
    Path atmosCopy = Files.copy(atmos, dir.resolve("atmos_profile.json"));
    double[] levels = new double[41];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = 6000 + 250 * i;
    }
    Files.writeString(dir.resolve("vertical_grid.json"), grid(levels));
    TrajectoryCommandTest.Run gridded = TrajectoryCommandTest.trajectory(event, fragments,
        atmosCopy, config("fries_v2"), tmp.resolve("v2grid"));
    assertThat(gridded.err(), gridded.exit(), equalTo(0));
    assertThat(gridded.out(), containsString("slices at the 41 levels of vertical_grid.json"));
    JsonNode v2g = TrajectoryFiles.read(TrajectoryFiles.pathFor(tmp.resolve("v2grid"),
        "workbook")).get("landing");
    assertThat(distanceM(v2.get("lat").asDouble(), v2.get("lon").asDouble(),
        v2g.get("lat").asDouble(), v2g.get("lon").asDouble()), greaterThan(1.0));
    // v.42 does not read the grid
    TrajectoryCommandTest.Run v42 = TrajectoryCommandTest.trajectory(event, fragments,
        atmosCopy, config("fries_v42"), tmp.resolve("v42grid"));
    assertThat(v42.out(), containsString("289 levels"));
  }

  /** A schema-valid vertical_grid.json with these levels (states taken as a standard day). */
  static String grid(double... altitudes) {
    StringBuilder alts = new StringBuilder();
    StringBuilder slices = new StringBuilder();
    for (int i = 0; i < altitudes.length; i++) {
      alts.append(i > 0 ? ", " : "").append(altitudes[i]);
    }
    for (int k = 0; k + 1 < altitudes.length; k++) {
      double top = altitudes[altitudes.length - 1 - k];
      double bottom = altitudes[altitudes.length - 2 - k];
      slices.append(k > 0 ? ", " : "").append("{\"index\": ").append(k)
          .append(", \"top_m\": ").append(top).append(", \"bottom_m\": ").append(bottom)
          .append(", \"thickness_m\": ").append(top - bottom)
          .append(", \"top\": ").append(state(top)).append(", \"bottom\": ")
          .append(state(bottom)).append("}");
    }
    return "{\"$schema\": \"https://darkflight.org/schemas/vertical_grid.schema.json\","
        + " \"meta\": {\"schema_version\": \"1.0\", \"event_id\": \"park-forest-2003\","
        + " \"profile_time_utc\": \"2003-03-27T00:00:00Z\", \"grid_source\": \"test\","
        + " \"units\": {\"altitude_m\": \"m\", \"density_kg_m3\": \"kg/m3\","
        + " \"pressure_Pa\": \"Pa\", \"temperature_K\": \"K\", \"wind_u_mps\": \"m/s\","
        + " \"wind_v_mps\": \"m/s\"}, \"provenance\": {\"source\": \"test\", \"method\":"
        + " \"test\", \"notes\": \"test\", \"inputs\": []}},"
        + " \"altitudes_m\": [" + alts + "], \"slices\": [" + slices + "]}";
  }

  static String state(double z) {
    return "{\"altitude_m\": " + z + ", \"pressure_Pa\": 50000, \"temperature_K\": 250,"
        + " \"density_kg_m3\": 0.7, \"wind_u_mps\": 0, \"wind_v_mps\": 0}";
  }

  static BigDecimal round6(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
  }
}
