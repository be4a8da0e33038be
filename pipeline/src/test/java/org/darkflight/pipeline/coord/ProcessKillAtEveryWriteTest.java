package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkflight.io.Hashing;
import org.darkflight.io.WriteBoundaries;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.pipeline.cli.ChildCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at every write boundary while {@code darkflight process} publishes (issue 19 §4).
 * The event's outputs are those of a complete run A; the stage cache already holds run B
 * ({@code ensemble.samples=13}), so a {@code process} for B only publishes. It runs in a child
 * JVM that halts at write boundary N, for N = 1, 2, … until one finishes, each from A again.
 * After every halt the event's output manifest is A's or B's with every listed artifact
 * verifying, or absent (visibly unfinished: the manifest is removed before the first artifact
 * changes and published last); never {@code complete} over a mix. The finished run equals an
 * uninterrupted B.
 */
class ProcessKillAtEveryWriteTest {

  @TempDir Path tmp;

  private static final String B = "ensemble.samples=13";

  private static Path manifest(Path root) {
    return root.resolve("artifacts/" + ProjectFixture.EVENT + "/" + ProjectFixture.EVENT
        + "__output_manifest__v1.json");
  }

  private static void restore(Path root, Map<String, byte[]> outputs) throws Exception {
    ProjectFixture.delete(root.resolve("artifacts"));
    ProjectFixture.delete(ProjectFixture.eventDir(root).resolve("processed"));
    for (Map.Entry<String, byte[]> e : outputs.entrySet()) {
      Path f = root.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.write(f, e.getValue());
    }
  }

  /** Every artifact the manifest lists (relative to the project root) has its recorded hash. */
  private static void assertVerifies(Path root, Path manifest, String what) throws Exception {
    OutputManifestDocument m = OutputManifestDocument.read(manifest);
    assertThat(what, ((OutputManifestDocument.ProcessRunSummary) m.run()).status(),
        is("complete"));
    for (OutputManifestDocument.Artifact a : m.artifacts()) {
      Path f = root.resolve(a.path());
      assertThat(what + ": " + a.path() + " exists", Files.isRegularFile(f), is(true));
      assertThat(what + ": " + a.path() + " hash", Hashing.sha256Hex(f), is(a.sha256()));
    }
  }

  @Test
  void processKilledAtAnyPublishingWriteNeverLeavesACompleteManifestOverAMix()
      throws Exception {
    // B first (its outputs, and its stages in the cache), then A: the outputs to start from
    Path root = ProjectFixture.copy(Files.createDirectories(tmp.resolve("project")));
    assertThat(ProjectFixture.process(root, false, B).succeeded(), is(true));
    Map<String, byte[]> outB = ProjectFixture.outputs(root);
    byte[] manifestB = Files.readAllBytes(manifest(root));
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    Map<String, byte[]> outA = ProjectFixture.outputs(root);
    byte[] manifestA = Files.readAllBytes(manifest(root));
    assertThat("A and B differ", java.util.Arrays.equals(manifestA, manifestB), is(false));

    List<String> halted = new ArrayList<>();
    int absent = 0;
    int n = 1;
    while (true) {
      restore(root, outA);
      Path log = tmp.resolve("child-" + n + ".log");
      int rc = ChildCli.run(log, n, "process", "--event-dir",
          ProjectFixture.eventDir(root).toString(), "--produced-utc",
          ProjectFixture.CREATED.toString(), "--set", B);
      if (rc != WriteBoundaries.HALTED) {
        assertThat("child " + n + " ended normally; see " + log, rc, is(0));
        break;
      }
      String h = Files.readString(log).lines().filter(l -> l.startsWith("halted at"))
          .findFirst().orElse("?");
      halted.add(h);
      Path m = manifest(root);
      if (Files.exists(m)) {
        byte[] bytes = Files.readAllBytes(m);
        assertThat(h, java.util.Arrays.equals(bytes, manifestA)
            || java.util.Arrays.equals(bytes, manifestB), is(true));
        assertVerifies(root, m, h);
      } else {
        absent++;
      }
      n++;
      assertThat("more write boundaries than expected", n < 200, is(true));
    }
    System.out.println(getClass().getSimpleName() + ": halted at " + halted.size()
        + " write boundaries:\n  " + String.join("\n  ", halted));
    assertThat(String.join("\n", halted), absent, greaterThan(3));
    assertThat(String.join("\n", halted), halted.stream()
        .anyMatch(h -> h.contains("output_manifest")), is(true));
    Map<String, byte[]> finished = ProjectFixture.outputs(root);
    assertThat(finished.keySet(), equalTo(outB.keySet()));
    for (String k : outB.keySet()) {
      assertArrayEquals(outB.get(k), finished.get(k), k);
    }
  }
}
