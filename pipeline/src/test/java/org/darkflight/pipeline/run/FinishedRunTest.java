package org.darkflight.pipeline.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.Hashing;
import org.darkflight.io.InputException;
import org.darkflight.pipeline.cli.CliOutcome;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers refuse a directory that is not one finished run, with one line (issue 19 §4). */
class FinishedRunTest {

  @TempDir Path tmp;

  /** A run directory whose manifest lists one artifact, {@code points.geojson}. */
  private Path run(String status) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(dir.resolve("points.geojson"), "{\"type\":\"FeatureCollection\"}");
    String sha = Hashing.sha256Hex(dir.resolve("points.geojson"));
    Files.writeString(dir.resolve("output_manifest.json"), """
        {"event_id": "e", "artifacts": [{"path": "points.geojson", "sha256": "%s",
         "type": "geojson", "bytes": 29}]%s}""".formatted(sha, status == null ? ""
        : ", \"run\": {\"status\": \"" + status + "\", \"paths_relative_to\": \"project_root\","
            + " \"stages\": []}"));
    return dir;
  }

  private static String refused(Path dir) {
    return assertThrows(InputException.class, () -> FinishedRun.require(dir)).getMessage();
  }

  @Test
  void aWholeRunPasses() throws Exception {
    FinishedRun.require(run(null));
    FinishedRun.require(run("complete"));
  }

  @Test
  void aRunWithoutItsManifestIsRefused() throws Exception {
    Path dir = run(null);
    Files.delete(dir.resolve("output_manifest.json"));
    assertThat(refused(dir), startsWith(dir + ": not a finished run: it has no "
        + "output_manifest.json"));
  }

  @Test
  void anArtifactThatIsNotTheOneRecordedIsRefused() throws Exception {
    Path dir = run(null);
    Files.writeString(dir.resolve("points.geojson"), "{\"type\":\"FeatureCollection\" }");
    assertThat(refused(dir), containsString("not one whole run: the manifest lists "
        + "points.geojson with another SHA-256 than the file has"));
    Files.delete(dir.resolve("points.geojson"));
    assertThat(refused(dir), containsString("lists points.geojson, which is missing"));
  }

  @Test
  void aProcessRunThatDidNotCompleteIsRefused() throws Exception {
    assertThat(refused(run("failed")), containsString("run.status: not a finished run: the "
        + "process run recorded here is 'failed'"));
  }

  @Test
  void aRunKilledBetweenTheRenamesOfPublicationIsRefused() throws Exception {
    Path dir = run(null);
    Files.move(dir, tmp.resolve(".run.old-12345"));
    assertThat(refused(dir), containsString("not a finished run: a run publishing into it was "
        + "killed; its previous run is in .run.old-12345 beside it"));
  }

  @Test
  void everyReaderRefusesWithOneLineAndExitTwo() throws Exception {
    Path dir = run(null);
    Files.delete(dir.resolve("output_manifest.json"));
    Path spec = tmp.resolve("spec.json");
    Files.writeString(spec, "{}");
    for (List<String> cmd : List.of(
        List.of("report", "--run", dir.toString()),
        List.of("search-plan", "--run", dir.toString()),
        List.of("validate", "--spec", spec.toString(), "--out", tmp.resolve("v").toString(),
            "--run-dir", dir.toString()))) {
      CliOutcome o = CliOutcome.run(cmd.toArray(new String[0]));
      assertThat(cmd + ": " + o.err(), o.exit(), is(DarkflightCli.EXIT_BAD_INPUT));
      assertThat(cmd + ": " + o.err(), o.err().strip().lines().count(), is(1L));
      assertThat(cmd + ": " + o.err(), o.err(), startsWith("error: " + dir
          + ": not a finished run"));
    }
    assertThat(Files.exists(tmp.resolve("v")), is(false));
  }
}
