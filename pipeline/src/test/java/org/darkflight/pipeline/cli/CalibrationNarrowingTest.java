package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.analysis.uq.NarrowingReport;
import org.darkflight.analysis.uq.PhysicsForwardModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight calibrate --rerun-ensemble}: synthetic finds generated with the luminous end
 * moved 700 m along and 400 m left of the track and the drag scaled by 1.1 pull the calibrated
 * ensemble's 90 % ellipses toward the finds and shrink them (the luminous-end position spread of
 * the ensemble, σ ≈ 330–450 m, is replaced by the much smaller posterior of the offsets); with one
 * find the baseline is kept and the report says so.
 */
class CalibrationNarrowingTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");
  static final double[] MASSES_KG = {0.03, 0.3, 3};

  @TempDir
  Path dir;

  private int calibrate(Path finds, Path out) throws Exception {
    Path ensemble = dir.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 90, "random_seed": 11, "sampling": "latin_hypercube",
         "distributions": {
           "cd": {"dist": "normal", "params": {"sigma": 0.03}},
           "lat": {"dist": "normal", "params": {"sigma": 0.004}},
           "lon": {"dist": "normal", "params": {"sigma": 0.004}},
           "altitude_m": {"dist": "normal", "params": {"sigma": 300}},
           "azimuth_deg": {"dist": "normal", "params": {"sigma": 1}},
           "wind_scale": {"dist": "uniform", "params": {"min": 0.9, "max": 1.1}}},
         "samples_per_element": 45}
        """, StandardCharsets.UTF_8);
    StringBuilder fr = new StringBuilder(
        "{\"$schema\": \"https://darkflight.org/schemas/fragments.schema.json\", \"fragments\": [");
    for (int i = 0; i < MASSES_KG.length; i++) {
      fr.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"id\": \"f%d\", "
          + "\"mass_kg\": %s, \"density_kgm3\": 3320, \"cd\": 0.92, \"shape_factor\": %s}", i,
          MASSES_KG[i], Fragment.SPHERE_SHAPE_FACTOR));
    }
    fr.append("], \"meta\": {\"schema_version\": \"1.0\", \"units\": {\"mass_kg\": \"kg\"},"
        + " \"provenance\": {\"source\": \"synthetic\"}}}");
    Path fragments = dir.resolve("fragments.json");
    Files.writeString(fragments, fr.toString(), StandardCharsets.UTF_8);
    return DarkflightCli.run("calibrate", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--finds", finds.toString(), "--fragments", fragments.toString(),
        "--rerun-ensemble", ensemble.toString(), "--out", out.toString(),
        "--produced-utc", "2026-01-01T00:00:00Z");
  }

  private Path finds(double... massesKg) throws Exception {
    PhysicsForwardModel m = new PhysicsForwardModel(
        new ProfileAtmosphere(AtmosProfiles.read(EVENT.resolve("atmos_profile.json"))
            .atmosLevels()),
        PhysicsConfigFiles.read(EVENT.resolve("physics_config.json")),
        EventFiles.read(EVENT.resolve("event.json")).luminousEnd(),
        new Fragment("find", 1.0, 3320, 0.92, Fragment.SPHERE_SHAPE_FACTOR));
    StringBuilder b = new StringBuilder("{\"finds\": [");
    for (int i = 0; i < massesKg.length; i++) {
      double[] ll = m.landing(new double[] {700, -400, 1.1, 1, 3320}, massesKg[i]);
      b.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "{\"id\": \"F%d\", "
          + "\"latitude_deg\": %.8f, \"longitude_deg\": %.8f, \"mass_kg\": %s, "
          + "\"position_sigma_m\": 50}", i, ll[0], ll[1], massesKg[i]));
    }
    Path f = dir.resolve("finds" + massesKg.length + ".json");
    Files.writeString(f, b.append("]}").toString(), StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void calibratedEnsembleMovesTowardTheFindsAndShrinks() throws Exception {
    Path out = dir.resolve("out");
    assertThat(calibrate(finds(MASSES_KG), out), equalTo(0));
    JsonNode doc = JsonSchemas.read(out.resolve(NarrowingReport.FILE));
    assertThat(JsonSchemas.violations(doc, "calibration_narrowing"), empty());
    assertThat(doc.get("calibrated").asBoolean(), equalTo(true));
    assertThat(doc.get("finds").size(), equalTo(3));
    for (JsonNode f : doc.get("finds")) {
      double before = f.get("distance_to_center_before_m").asDouble();
      double after = f.get("distance_to_center_after_m").asDouble();
      assertThat(f.toString(), after, lessThan(0.3 * before));
    }
    for (JsonNode c : doc.get("classes")) {
      assertThat(c.toString(), c.get("area_ratio").asDouble(), lessThan(0.6));
    }
  }

  @Test
  void oneFindKeepsTheBaselineAndTheReportSaysSo() throws Exception {
    Path out = dir.resolve("one");
    assertThat(calibrate(finds(0.3), out), equalTo(0));
    JsonNode doc = JsonSchemas.read(out.resolve(NarrowingReport.FILE));
    assertThat(JsonSchemas.violations(doc, "calibration_narrowing"), empty());
    assertThat(doc.get("calibrated").asBoolean(), equalTo(false));
    assertThat(doc.get("message").asText(), containsString("baseline kept"));
    for (JsonNode c : doc.get("classes")) {
      assertThat(c.get("area_ratio").asDouble(), closeTo(1.0, 0.0));
    }
    assertThat(Files.exists(out.resolve("ensemble_calibrated")), equalTo(false));
  }
}
