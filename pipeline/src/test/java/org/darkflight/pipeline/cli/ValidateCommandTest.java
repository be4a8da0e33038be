package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.validate.ValidationDiffDocument;
import org.darkflight.io.workbook.FormulaGraphExtractor;
import org.darkflight.io.workbook.UtmZone;
import org.darkflight.analysis.validate.ParityGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  static final Path REPO = findRepo();
  static final Path GOLDEN_DIR = REPO.resolve("testdata/golden");

  static Path findRepo() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("testdata/golden"))) {
      p = p.getParent();
    }
    return p;
  }

  /** Luminous-end time of the shipped Park Forest event. */
  static final Instant START = Instant.parse("2003-03-27T05:50:15Z");

  /**
   * A run directory whose one landing of fragment m1000g is the golden's (its UTM 16N point
   * converted to WGS84, its fall time, its mass), as a v.42 run of the workbook would give.
   */
  private static Path runDir(Path dir) throws Exception {
    JsonNode g = new ObjectMapper().readTree(GOLDEN_DIR.resolve("park-forest-2003-v42.json")
        .toFile()).get("fragments").get(0);
    double[] latLon = UtmZone.parse("16N").toGeographic(g.get("easting_m").asDouble(),
        g.get("northing_m").asDouble());
    long fallNs = Math.round(g.get("fall_time_s").asDouble() * 1e9);
    return runDir(dir, "m1000g", latLon[0], latLon[1], START.plusNanos(fallNs), 1.0);
  }

  private static Path runDir(Path dir, String fragmentId, double lat, double lon,
      Instant landed, double massKg) throws Exception {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("strewn_field_points.geojson"), String.format(Locale.ROOT,
        "{\"type\":\"FeatureCollection\",\"meta\":{\"event_id\":\"park-forest-2003\","
        + "\"luminous_end\":{\"time_utc\":\"%s\"}},\"features\":[{\"type\":\"Feature\","
        + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.17g,%.17g]},"
        + "\"properties\":{\"fragment_id\":\"%s\",\"mass_final_kg\":%.17g,"
        + "\"impact_speed_mps\":40.5,\"landing_time_utc\":\"%s\"}}]}", START, lon, lat,
        fragmentId, massKg, landed));
    Files.writeString(run.resolve("metrics.json"), "{\"total_runtime_s\": 4.25}");
    Files.writeString(run.resolve("output_manifest.json"), "{\"event_id\":\"park-forest\"}");
    Files.writeString(run.resolve("search_plan.gpx"), "<gpx/>");
    return run;
  }

  @Test
  void shippedGoldenPassesAndPublishes(@TempDir Path dir) throws Exception {
    Path run = runDir(dir);
    int code = DarkflightCli.run("validate", "--spec",
        GOLDEN_DIR.resolve("validation_spec.json").toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString());
    String report = Files.readString(dir.resolve("out/validation_report.md"));
    assertThat(report, code, equalTo(0));
    assertThat(report, containsString("PASSED"));
    assertThat(ValidateCommand.manifestStatus(run), equalTo("passed"));
    assertThat(Files.exists(run.resolve("published/strewn_field_points.geojson")), is(true));
    assertThat(Files.exists(run.resolve("published/search_plan.gpx")), is(true));
  }

  @Test
  void runLandingOnTheGoldenPassesWithEveryMetricFromTheRun(@TempDir Path dir) throws Exception {
    Path run = runDir(dir);
    int code = DarkflightCli.run("validate", "--spec",
        GOLDEN_DIR.resolve("validation_spec.json").toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString());
    assertThat(code, equalTo(0));
    ValidationDiffDocument diff = ValidationDiffDocument.read(
        dir.resolve("out/validation_diff.json"));
    Map<String, Double> values = new HashMap<>();
    diff.metrics().forEach(m -> values.put(m.name(), m.value()));
    // the run's metrics.json, the run's landing time minus its luminous-end time
    assertThat(values.get("runtime"), equalTo(4.25));
    assertThat(values.get("fall_time_delta"), lessThan(1e-6));
    assertThat(values.get("max_point_delta"), lessThan(1e-3));
    assertThat(diff.fragments().get(0).samples(), equalTo(1L));
  }

  @Test
  void modernPhysicsRunAgainstTheV42GoldenFailsWithAReadableReport(@TempDir Path dir)
      throws Exception {
    Path pf = REPO.resolve("testdata/events/park-forest-2003");
    Path run = dir.resolve("modern");
    int ran = DarkflightCli.run("run", "--event", pf.resolve("event.json").toString(),
        "--atmos", pf.resolve("atmos_profile.json").toString(), "--config",
        pf.resolve("physics_config.json").toString(), "--fragments",
        pf.resolve("fragments.json").toString(), "--no-report", "--no-search-plan",
        "--out", run.toString());
    assertThat(ran, equalTo(0));
    int code = DarkflightCli.run("validate", "--spec",
        GOLDEN_DIR.resolve("validation_spec.json").toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_FAILURE));
    String report = Files.readString(dir.resolve("out/validation_report.md"));
    assertThat(report, containsString("FAILED — publication blocked"));
    assertThat(report, containsString("| park-forest-2003 | fall_time_delta | "));
    ValidationDiffDocument diff = ValidationDiffDocument.read(
        dir.resolve("out/validation_diff.json"));
    Map<String, ValidationDiffDocument.Metric> m = new HashMap<>();
    diff.metrics().forEach(x -> m.put(x.name(), x));
    // modern RK4/mach_regime to the ground lands about 4.5 km from v.42 (docs/legacy.md §5)
    assertThat(m.get("centroid_delta").value(), greaterThan(4000.0));
    assertThat(m.get("centroid_delta").breached(), is(true));
    assertThat(m.get("fall_time_delta").breached(), is(true));
    assertThat(ValidateCommand.manifestStatus(run), equalTo("failed"));
    assertThat(Files.exists(run.resolve("published")), is(false));
  }

  @Test
  void runWithoutTheGoldensFragmentFailsNamingIt(@TempDir Path dir) throws Exception {
    Path run = runDir(dir, "m0100g", 41.4, -87.7, START.plusSeconds(40), 0.1);
    int code = DarkflightCli.run("validate", "--spec",
        GOLDEN_DIR.resolve("validation_spec.json").toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_FAILURE));
    assertThat(Files.readString(dir.resolve("out/validation_report.md")), containsString(
        "the run has no landing of golden fragment 'm1000g' (fragments landed in the run: "
            + "m0100g)"));
  }

  @Test
  void failingAgainAfterAPassWithdrawsThePublishedCopies(@TempDir Path dir) throws Exception {
    Path run = runDir(dir);
    String spec = GOLDEN_DIR.resolve("validation_spec.json").toString();
    assertThat(DarkflightCli.run("validate", "--spec", spec, "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString()), equalTo(0));
    assertThat(Files.exists(run.resolve("published/strewn_field_points.geojson")), is(true));
    runDir(dir, "m1000g", 41.4, -87.7, START.plusSeconds(40), 1.0);
    assertThat(DarkflightCli.run("validate", "--spec", spec, "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString()),
        equalTo(DarkflightCli.EXIT_FAILURE));
    assertThat(Files.exists(run.resolve("published")), is(false));
  }

  @Test
  void validateNeedsARunDirectory(@TempDir Path dir) {
    int code = DarkflightCli.run("validate", "--spec",
        GOLDEN_DIR.resolve("validation_spec.json").toString(), "--out",
        dir.resolve("out").toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_BAD_INPUT));
  }

  /** Writes a perturbed copy of the golden (hashes updated) and a spec pointing at it. */
  private static Path perturbed(Path dir, double eastShiftM, boolean updateHashes)
      throws Exception {
    ObjectMapper om = new ObjectMapper();
    ObjectNode g = (ObjectNode) om.readTree(GOLDEN_DIR.resolve("park-forest-2003-v42.json")
        .toFile());
    g.put("workbook", REPO.resolve("testdata/legacy/park-forest-2003-jormungandr-v42.xlsx")
        .toString());
    ObjectNode frag = (ObjectNode) g.get("fragments").get(0);
    frag.put("easting_m", frag.get("easting_m").asDouble() + eastShiftM);
    if (updateHashes) {
      ((ObjectNode) g.get("meta")).put("metadata_hash", ParityGuard.metadataHash(g));
    }
    Path golden = dir.resolve("golden.json");
    Files.write(golden, om.writerWithDefaultPrettyPrinter().writeValueAsBytes(g));
    String hash = FormulaGraphExtractor.sha256(golden);
    Path spec = dir.resolve("spec.json");
    Files.writeString(spec, "{\"tolerances\":{\"centroid_error_m\":1.0,\"point_error_m\":1.0},"
        + "\"metrics\":[\"centroid_delta\",\"max_point_delta\",\"mass_rmse\"],"
        + "\"golden_events\":[{\"id\":\"pf-perturbed\",\"artifact_hash\":\"" + hash
        + "\",\"golden\":\"golden.json\"}]}");
    return spec;
  }

  @Test
  void perturbedGoldenFailsWithReadableReportAndBlocksPublication(@TempDir Path dir)
      throws Exception {
    Path run = runDir(dir);
    Path spec = perturbed(dir, 5.0, true);
    int code = DarkflightCli.run("validate", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", run.toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_FAILURE));
    String report = Files.readString(dir.resolve("out/validation_report.md"));
    assertThat(report, containsString("FAILED — publication blocked"));
    assertThat(report, containsString("| pf-perturbed | max_point_delta | 5.00000 m | 1.00000 m "
        + "| **BREACH** |"));
    assertThat(report, containsString("| pf-perturbed | centroid_delta | 5.00000 m"));
    assertThat(report, containsString("m1000g"));
    String diff = Files.readString(dir.resolve("out/validation_diff.json"));
    assertThat(diff, containsString("\"passed\" : false"));
    assertThat(ValidateCommand.manifestStatus(run), equalTo("failed"));
    // every artifact kept, nothing published
    assertThat(Files.exists(run.resolve("strewn_field_points.geojson")), is(true));
    assertThat(Files.exists(run.resolve("published")), is(false));
  }

  @Test
  void smallPerturbationWithinToleranceStillPasses(@TempDir Path dir) throws Exception {
    Path spec = perturbed(dir, 0.5, true);
    int code = DarkflightCli.run("validate", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", runDir(dir).toString());
    assertThat(code, equalTo(0));
  }

  @Test
  void goldenEditedWithoutNewMetadataHashIsRejected(@TempDir Path dir) throws Exception {
    Path spec = perturbed(dir, 5.0, false);
    int code = DarkflightCli.run("validate", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", runDir(dir).toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_FAILURE));
    assertThat(Files.readString(dir.resolve("out/validation_report.md")),
        containsString("metadata hash mismatch"));
  }

  @Test
  void goldenChangedBehindTheSpecIsRejected(@TempDir Path dir) throws Exception {
    Path spec = perturbed(dir, 0.0, true);
    Files.writeString(dir.resolve("golden.json"), Files.readString(dir.resolve("golden.json"))
        + "\n");
    int code = DarkflightCli.run("validate", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", runDir(dir).toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_FAILURE));
    assertThat(Files.readString(dir.resolve("out/validation_report.md")),
        containsString("artifact hash mismatch"));
  }

  @Test
  void specOutsideTheSchemaIsBadInput(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("bad.json");
    Files.writeString(spec, "{\"tolerances\":{\"centroid_error_m\":1,\"point_error_m\":1},"
        + "\"metrics\":[\"wiggle\"],\"golden_events\":[]}");
    int code = DarkflightCli.run("validate", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString(), "--run-dir", runDir(dir).toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(Files.exists(dir.resolve("out/validation_report.md")), is(false));
  }
}
