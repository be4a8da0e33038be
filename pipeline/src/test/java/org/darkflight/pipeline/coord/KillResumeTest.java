package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a run, then a rerun, gives the same artifacts as an uninterrupted
 * run. The killed run is a child JVM running the CLI, killed with {@code destroyForcibly}
 * (SIGKILL on Unix) once stage S4 is in the cache, i.e. while the Beam ensemble runs.
 */
class KillResumeTest {

  @TempDir Path tmp;

  @Test
  void killNineThenRerunEqualsAnUninterruptedRun() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    Map<String, byte[]> uninterrupted = ProjectFixture.outputs(root);
    for (String d : List.of("artifacts", "cache", "logs", "data/events/synthetic-calm/processed")) {
      ProjectFixture.delete(root.resolve(d));
    }

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), "org.darkflight.pipeline.cli.DarkflightCli",
        "process", "--event-dir", ProjectFixture.eventDir(root).toString(),
        "--produced-utc", ProjectFixture.CREATED.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    Path fragmentsCache = root.resolve("cache/fragments");
    boolean killedMidRun = false;
    while (child.isAlive()) {
      if (hasEntry(fragmentsCache)) {
        child.destroyForcibly();
        killedMidRun = true;
        break;
      }
      Thread.sleep(10);
    }
    assertThat("child finished before it could be killed; see " + tmp.resolve("child.log"),
        killedMidRun, is(true));
    assertThat(child.waitFor(60, TimeUnit.SECONDS), is(true));
    Path manifest = root.resolve("artifacts/synthetic-calm/"
        + "synthetic-calm__output_manifest__v1.json");
    assertThat("killed before the end", Files.exists(manifest), is(false));

    Coordinator.Result rerun = ProjectFixture.process(root, false);
    assertThat(rerun.succeeded(), is(true));
    // S1–S4 finished before the kill and are served from the cache
    assertThat(rerun.stages().get(3).outcome(), is(Coordinator.Outcome.HIT));
    Map<String, byte[]> resumed = ProjectFixture.outputs(root);
    assertThat(resumed.keySet(), equalTo(uninterrupted.keySet()));
    for (String k : uninterrupted.keySet()) {
      assertArrayEquals(uninterrupted.get(k), resumed.get(k), k);
    }
  }

  /**
   * What a kill can leave (a temporary file of an atomic write, an unfinished cache entry) is
   * removed by the next run; another event's unfinished entry is not touched.
   */
  @Test
  void rerunRemovesTheLeftoversOfAKilledWrite() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    Map<String, byte[]> first = ProjectFixture.outputs(root);
    Path processed = ProjectFixture.eventDir(root).resolve("processed");
    Path staleOutput = processed.resolve(".synthetic-calm__fragments__v1.json.915766767993836963.tmp");
    Path staleArtifact = root.resolve("artifacts/synthetic-calm/geo/"
        + ".synthetic-calm__strewn_field__v1.kml.-42.tmp");
    Path staleEntry = root.resolve("cache/ensemble/.tmp-synthetic-calm__123");
    // an event whose id starts with this one's
    Path otherEventsEntry = root.resolve("cache/ensemble/.tmp-synthetic-calm-2__123");
    Path otherEventsLog = root.resolve("logs/.synthetic-calm-2__metrics.json.7.tmp");
    for (Path p : List.of(staleOutput, staleArtifact, staleEntry.resolve("half.json"),
        otherEventsEntry.resolve("half.json"), otherEventsLog)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "half");
    }
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    for (Path p : List.of(staleOutput, staleArtifact, staleEntry)) {
      assertThat(p + " removed", Files.exists(p), is(false));
    }
    for (Path p : List.of(otherEventsEntry, otherEventsLog)) {
      assertThat(p + " kept", Files.exists(p), is(true));
    }
    Map<String, byte[]> second = ProjectFixture.outputs(root);
    assertThat(second.keySet(), equalTo(first.keySet()));
  }

  private static boolean hasEntry(Path stageCache) throws Exception {
    if (!Files.isDirectory(stageCache)) {
      return false;
    }
    try (Stream<Path> s = Files.list(stageCache)) {
      return s.anyMatch(p -> Files.isRegularFile(p.resolve(Coordinator.RECORD)));
    }
  }
}
