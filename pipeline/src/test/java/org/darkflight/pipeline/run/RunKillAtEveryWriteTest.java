package org.darkflight.pipeline.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.darkflight.io.FileTrees;
import org.darkflight.io.InputException;
import org.darkflight.io.WriteBoundaries;
import org.darkflight.pipeline.cli.ChildCli;
import org.darkflight.pipeline.cli.CliOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at every write boundary of {@code darkflight run} (issue 19 §4). {@code --out} holds a
 * complete run A; run B (another seed) is started into it in a child JVM that halts at write
 * boundary N ({@link ChildCli#atWriteBoundaries}: every 4th, and every one near the end, where
 * publication happens; {@code -Ddarkflight.test.crash-stride=1}: every one). After every halt {@code --out} is the
 * whole of A or the whole of B (same files, its manifest byte-identical, every listed hash
 * verifying), or, killed between the two renames of publication, absent with A waiting beside
 * it, which the next run puts back; never a mix. The next run sweeps what the halted one left.
 */
class RunKillAtEveryWriteTest {

  static final Path EVENT = Path.of("../testdata/project/data/events/synthetic-calm/raw");

  @TempDir Path tmp;

  private String[] args(Path ensemble, Path out) {
    return new String[] {"run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(), "--out", out.toString(),
        "--produced-utc=2024-01-01T00:00:00Z"};
  }

  private Path ensemble(long seed) throws Exception {
    Path f = tmp.resolve("ensemble-" + seed + ".json");
    Files.writeString(f, """
        {"mode": "monte_carlo", "samples": 8, "random_seed": %d,
         "distributions": {"cd": {"dist": "normal", "params": {"sigma": 0.05}},
           "azimuth_deg": {"dist": "normal", "params": {"sigma": 2}}}}"""
        .formatted(seed));
    return f;
  }

  static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    }
  }

  static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Whether {@code dir} is the whole of the reference run {@code ref}. */
  static boolean isWhole(Path dir, Path ref) throws Exception {
    if (!files(dir).equals(files(ref)) || Files.mismatch(dir.resolve("output_manifest.json"),
        ref.resolve("output_manifest.json")) != -1) {
      return false;
    }
    FinishedRun.require(dir); // every artifact the manifest lists has its recorded hash
    return true;
  }

  static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to);
    for (String f : files(from)) {
      Path s = from.resolve(f);
      Path t = to.resolve(f);
      if (Files.isDirectory(s)) {
        Files.createDirectories(t);
      } else {
        Files.copy(s, t);
      }
    }
  }

  @Test
  void aRunKilledAtAnyWriteLeavesTheOldRunOrTheNewOneNeverAMix() throws Exception {
    Path a = ensemble(1);
    Path b = ensemble(2);
    Path refA = tmp.resolve("ref/a");
    Path refB = tmp.resolve("ref/b");
    for (Object[] r : new Object[][] {{a, refA}, {b, refB}}) {
      CliOutcome o = CliOutcome.run(args((Path) r[0], (Path) r[1]));
      assertThat(o.err(), o.exit(), is(0));
    }
    assertThat("the two runs differ", Files.mismatch(refA.resolve("output_manifest.json"),
        refB.resolve("output_manifest.json")), is(not(-1L)));
    Path pub = Files.createDirectories(tmp.resolve("pub"));
    Path out = pub.resolve("out");
    copy(refA, out);

    List<String> halted = new ArrayList<>();
    int[] finished = {0};
    List<Integer> at = ChildCli.atWriteBoundaries(n -> {
      Path log = tmp.resolve("child-" + n + ".log");
      int rc = ChildCli.run(log, n, args(b, out));
      if (rc != WriteBoundaries.HALTED) {
        assertThat("child " + n + " ended normally; see " + log, rc, is(0));
        // the finished run is B, and it swept every leftover of the halted ones
        assertThat(isWhole(out, refB), is(true));
        assertThat(names(pub), equalTo(List.of("out")));
        assertThat(files(out).stream().filter(f -> Path.of(f).getFileName().toString()
            .startsWith(".")).toList(), equalTo(List.of()));
        finished[0]++;
        FileTrees.delete(out);
        copy(refA, out);
        return false;
      }
      String h = Files.readString(log).lines().filter(l -> l.startsWith("halted at"))
          .findFirst().orElse("?");
      halted.add(h);
      if (Files.exists(out)) {
        boolean whole = isWhole(out, refA) || isWhole(out, refB);
        assertThat(h + ": " + files(out), whole, is(true));
      } else {
        // between the renames: the old run waits beside it; readers refuse the missing --out
        List<String> aside = names(pub).stream().filter(x -> x.startsWith(".out.old-"))
            .toList();
        assertThat(h, aside, hasSize(1));
        assertThat(isWhole(pub.resolve(aside.get(0)), refA), is(true));
        InputException e = assertThrows(InputException.class, () -> FinishedRun.require(out));
        assertThat(e.getMessage(), startsWith(out + ": not a finished run"));
      }
      if (Files.exists(out) && isWhole(out, refB)) {
        // start the next boundary from the old run again
        FileTrees.delete(out);
        copy(refA, out);
      }
      return true;
    });
    System.out.println(getClass().getSimpleName() + ": halted at " + halted.size()
        + " write boundaries:\n  " + String.join("\n  ", halted));
    assertThat("halted at " + halted, halted.size(), greaterThan(5));
    assertThat("tried " + at, at.size(), is(halted.size()));
    // each step of publication was among them
    String all = String.join("\n", halted);
    assertThat(all, halted.stream().anyMatch(h -> h.contains("before rename " + out + " to ")),
        is(true));
    assertThat(all, halted.stream().anyMatch(h -> h.contains(".out.staging-")
        && h.endsWith(" to " + out)), is(true));
    assertThat(all, halted.stream().anyMatch(h -> h.contains("before delete "
        + pub.resolve(".out.old-"))), is(true));
    assertThat(finished[0], greaterThan(0));
  }
}
