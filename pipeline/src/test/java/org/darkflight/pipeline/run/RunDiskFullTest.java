package org.darkflight.pipeline.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.darkflight.pipeline.cli.ChildCli;
import org.darkflight.pipeline.cli.CliOutcome;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk at the report step leaves nothing that looks complete (issue 19 §4). The run
 * directory lives on a small tmpfs, mounted in a private mount namespace of the child
 * ({@code unshare -rm}, no privileges needed where user namespaces are allowed; the test is
 * skipped where they are not). The tmpfs holds a complete run A made with {@code --no-report}
 * and room for run B up to, but not including, its report.html. Run B fails with one line
 * (exit 1) and {@code --out} is still exactly A, with no staging directory left.
 */
class RunDiskFullTest {

  static final Path EVENT = Path.of("../testdata/project/data/events/synthetic-calm/raw");
  private static final long PAGE = 4096;

  @TempDir Path tmp;

  private List<String> args(long seed, Path out, String... extra) throws Exception {
    Path ensemble = tmp.resolve("ensemble-" + seed + ".json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 8, "random_seed": %d,
         "distributions": {"cd": {"dist": "normal", "params": {"sigma": 0.05}}}}"""
        .formatted(seed));
    List<String> a = new ArrayList<>(List.of("run",
        "--event", EVENT.resolve("event.json").toAbsolutePath().toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toAbsolutePath().toString(),
        "--config", EVENT.resolve("physics_config.json").toAbsolutePath().toString(),
        "--fragments", EVENT.resolve("fragments.json").toAbsolutePath().toString(),
        "--ensemble", ensemble.toString(), "--out", out.toString(),
        "--produced-utc=2024-01-01T00:00:00Z"));
    a.addAll(List.of(extra));
    return a;
  }

  /** Space a tree takes on tmpfs: whole pages per file and per directory. */
  private static long pages(Path dir) throws Exception {
    long n = 0;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.toList()) {
        n += Files.isDirectory(p) ? 1 : (Files.size(p) + PAGE - 1) / PAGE;
      }
    }
    return n;
  }

  @Test
  void aFullDiskAtTheReportStepLeavesThePreviousRunAsItWas() throws Exception {
    // sizes from runs on the ordinary disk
    Path refA = tmp.resolve("ref/a");
    Path refB = tmp.resolve("ref/b");
    CliOutcome a = CliOutcome.run(args(1, refA, "--no-report").toArray(new String[0]));
    assertThat(a.err(), a.exit(), is(0));
    CliOutcome b = CliOutcome.run(args(2, refB).toArray(new String[0]));
    assertThat(b.err(), b.exit(), is(0));
    long report = pages(refB.resolve("report.html"));
    long beforeReport = pages(refA) + pages(refB) - report;
    // room for A and all of B but its report (with a margin of 16 pages, less than the report)
    long size = (beforeReport + 16) * PAGE;
    assertThat("report.html is larger than the margin", 16L, lessThan(report));

    Path seed = Files.createDirectories(tmp.resolve("seed"));
    RunKillAtEveryWriteTest.copy(refA, seed.resolve("out"));
    Path mnt = Files.createDirectories(tmp.resolve("mnt"));
    Path snap = Files.createDirectories(tmp.resolve("snap"));
    List<String> cmd = new ArrayList<>(List.of("unshare", "-rm", "sh", "-c",
        "size=$1; mnt=$2; seed=$3; snap=$4; shift 4; "
            + "mount -t tmpfs -o size=$size tmpfs \"$mnt\" || exit 97; "
            + "cp -a \"$seed\"/. \"$mnt\"/ || exit 98; "
            + "\"$@\"; rc=$?; cp -a \"$mnt\"/. \"$snap\"/; exit $rc",
        "sh", Long.toString(size), mnt.toString(), seed.toString(), snap.toString()));
    cmd.addAll(ChildCli.command(0, args(2, mnt.resolve("out")).toArray(new String[0])));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectOutput(tmp.resolve("child.out").toFile())
          .redirectError(tmp.resolve("child.err").toFile()).start();
    } catch (java.io.IOException e) {
      Assumptions.abort("no unshare here: " + e.getMessage());
      return;
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES), is(true));
    String err = Files.readString(tmp.resolve("child.err"));
    Assumptions.assumeTrue(p.exitValue() != 97 && !err.contains("unshare:"),
        "cannot mount a tmpfs in a user namespace here: " + err);
    assertThat(err, p.exitValue(), is(DarkflightCli.EXIT_FAILURE));
    List<String> errorLines = err.lines().filter(l -> l.startsWith("error:")).toList();
    assertThat(err, errorLines.size(), is(1));
    assertThat(err, errorLines.get(0), containsString("No space left on device"));
    assertThat(err, errorLines.get(0), containsString("nothing was published"));
    // --out is exactly A, nothing else is left on the file system
    assertThat(RunKillAtEveryWriteTest.names(snap), equalTo(List.of("out")));
    assertThat(RunKillAtEveryWriteTest.isWhole(snap.resolve("out"), refA), is(true));
    for (String f : RunKillAtEveryWriteTest.files(refA)) {
      if (Files.isRegularFile(refA.resolve(f))) {
        assertThat(f, Files.mismatch(refA.resolve(f), snap.resolve("out").resolve(f)),
            is(-1L));
      }
    }
  }
}
