package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.workbook.FormulaGraphExtractor;
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

  private static Path runDir(Path dir) throws Exception {
    Path run = dir.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("strewn_field_points.geojson"),
        "{\"type\":\"FeatureCollection\",\"features\":[]}");
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
    assertThat(report, containsString("pf-1000g"));
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
        dir.resolve("out").toString());
    assertThat(code, equalTo(0));
  }

  @Test
  void goldenEditedWithoutNewMetadataHashIsRejected(@TempDir Path dir) throws Exception {
    Path spec = perturbed(dir, 5.0, false);
    int code = DarkflightCli.run("validate", "--spec", spec.toString(), "--out",
        dir.resolve("out").toString());
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
        dir.resolve("out").toString());
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
        dir.resolve("out").toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(Files.exists(dir.resolve("out/validation_report.md")), is(false));
  }
}
