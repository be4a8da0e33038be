package org.darkflight.pipeline.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run directory is all of one run (issue 19 §4). */
class RunStagingTest {

  @TempDir Path tmp;

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A pid that is not alive (a finished child process's). */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void publishingReplacesTheWholePreviousRun() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("old_only.kml"), "old");
    Files.writeString(out.resolve("output_manifest.json"), "old");
    RunStaging s = RunStaging.begin(out);
    Files.writeString(s.dir().resolve("output_manifest.json"), "new");
    // nothing of the new run is visible before publishing
    assertThat(Files.readString(out.resolve("output_manifest.json")), is("old"));
    s.publish();
    assertThat(names(out), is(List.of("output_manifest.json")));
    assertThat(Files.readString(out.resolve("output_manifest.json")), is("new"));
    assertThat(names(tmp), is(List.of("out")));
  }

  @Test
  void anAbandonedRunLeavesThePreviousRunUntouched() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("output_manifest.json"), "old");
    RunStaging s = RunStaging.begin(out);
    Files.writeString(s.dir().resolve("strewn_field_points.geojson"), "half");
    s.abandon();
    assertThat(names(out), is(List.of("output_manifest.json")));
    assertThat(names(tmp), is(List.of("out")));
  }

  @Test
  void theNextRunSweepsAKilledRunsLeftovers() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve(".darkflight-shards-123").resolve("x"));
    Files.writeString(out.resolve(".darkflight-shards-123").resolve("x").resolve("s"), "16MB");
    Files.writeString(out.resolve(".metrics.json.42.tmp"), "partial");
    Files.writeString(out.resolve("output_manifest.json"), "complete");
    long dead = deadPid();
    Path staging = tmp.resolve(".out.staging-" + dead);
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("points"), "half");
    RunStaging s = RunStaging.begin(out);
    assertThat(names(out), is(List.of("output_manifest.json")));
    assertThat(Files.exists(staging), is(false));
    s.abandon();
    assertThat(names(tmp), is(List.of("out")));
  }

  @Test
  void aRunKilledBetweenTheTwoRenamesGetsThePreviousRunBack() throws Exception {
    Path out = tmp.resolve("out");
    Path old = tmp.resolve(".out.old-" + deadPid());
    Files.createDirectories(old);
    Files.writeString(old.resolve("output_manifest.json"), "complete");
    RunStaging s = RunStaging.begin(out);
    assertThat(Files.readString(out.resolve("output_manifest.json")), is("complete"));
    s.abandon();
    assertThat(names(tmp), is(List.of("out")));
  }
}
