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
import java.util.stream.Stream;
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
 * JVM that halts at write boundary N ({@link ChildCli#atWriteBoundaries}: every 4th, and every
 * one near the end; {@code -Ddarkflight.test.crash-stride=1}: every one), each from A again.
 * After every halt the event's output manifest is A's or B's with every listed artifact
 * verifying, or absent (visibly unfinished: the manifest is removed before the first artifact
 * changes and published last); never {@code complete} over a mix. The finished run equals an
 * uninterrupted B, and what the halted children left (temporary files) has been swept.
 */
class ProcessKillAtEveryWriteTest {

  @TempDir Path tmp;

  private static final String B = "ensemble.samples=13";

  private static Path manifest(Path root) {
    return root.resolve("artifacts/" + ProjectFixture.EVENT + "/" + ProjectFixture.EVENT
        + "__output_manifest__v1.json");
  }

  /**
   * Puts back the outputs of A, keeping the hidden files a halted child left (temporary files of
   * interrupted writes), which the next {@code process} must sweep.
   */
  private static void restore(Path root, Map<String, byte[]> outputs) throws Exception {
    for (Path dir : List.of(root.resolve("artifacts"),
        ProjectFixture.eventDir(root).resolve("processed"))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.filter(Files::isRegularFile)
            .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
          Files.delete(f);
        }
      }
    }
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
    int[] absent = {0};
    long[] leftovers = {0};
    ChildCli.atWriteBoundaries(n -> {
      restore(root, outA);
      Path log = tmp.resolve("child-" + n + ".log");
      int rc = ChildCli.run(log, n, "process", "--event-dir",
          ProjectFixture.eventDir(root).toString(), "--produced-utc",
          ProjectFixture.CREATED.toString(), "--set", B);
      if (rc != WriteBoundaries.HALTED) {
        assertThat("child " + n + " ended normally; see " + log, rc, is(0));
        return false;
      }
      String h = Files.readString(log).lines().filter(l -> l.startsWith("halted at"))
          .findFirst().orElse("?");
      halted.add(h);
      try (Stream<Path> s = Files.walk(root.resolve("artifacts"))) {
        leftovers[0] += s.filter(org.darkflight.io.AtomicFiles::isTempFile).count();
      }
      Path m = manifest(root);
      if (Files.exists(m)) {
        byte[] bytes = Files.readAllBytes(m);
        assertThat(h, java.util.Arrays.equals(bytes, manifestA)
            || java.util.Arrays.equals(bytes, manifestB), is(true));
        assertVerifies(root, m, h);
      } else {
        absent[0]++;
      }
      return true;
    });
    System.out.println(getClass().getSimpleName() + ": halted at " + halted.size()
        + " write boundaries:\n  " + String.join("\n  ", halted));
    assertThat(String.join("\n", halted), absent[0], greaterThan(3));
    assertThat("halted children left temporary files to sweep", leftovers[0], greaterThan(0L));
    assertThat(String.join("\n", halted), halted.stream()
        .anyMatch(h -> h.contains("before delete " + manifest(root))), is(true));
    assertThat(String.join("\n", halted), halted.stream()
        .anyMatch(h -> h.contains("before rename ") && h.endsWith(" to " + manifest(root))),
        is(true));
    // byte-identical to B, no hidden leftover among the outputs, no unfinished cache entry
    Map<String, byte[]> finished = ProjectFixture.outputs(root);
    try (Stream<Path> s = Files.walk(root.resolve("cache"))) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList(),
          equalTo(List.of()));
    }
    assertThat(finished.keySet(), equalTo(outB.keySet()));
    for (String k : outB.keySet()) {
      assertArrayEquals(outB.get(k), finished.get(k), k);
    }
  }
}
