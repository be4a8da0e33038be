package org.darkflight.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.darkflight.io.WriteBoundaries;

/**
 * The CLI in a child JVM on the test class path (test support for the crash tests): killed by
 * the test, or halted by itself at the N-th write boundary ({@link WriteBoundaries}), as
 * {@code kill -9} would.
 */
public final class ChildCli {

  /**
   * System property: halt at every {@code stride}-th write boundary, then at every boundary of
   * the last {@code 2·stride − 1} (default 4; 1: at every boundary, as the nightly run does).
   */
  public static final String STRIDE = "darkflight.test.crash-stride";

  /** One child run halted at boundary {@code n}: true when it halted, false when it finished. */
  @FunctionalInterface
  public interface Attempt {
    boolean halted(int n) throws Exception;
  }

  private ChildCli() {}

  /**
   * Kills children at write boundaries: every {@link #STRIDE}-th from the first, and every one
   * near the end (where publication happens), until a child finishes. Returns the boundaries a
   * child halted at, in the order tried; the last attempt is the one that finished.
   */
  public static List<Integer> atWriteBoundaries(Attempt attempt) throws Exception {
    int stride = Math.max(1, Integer.getInteger(STRIDE, 4));
    List<Integer> halted = new ArrayList<>();
    int last = 0;
    int n = 1;
    while (attempt.halted(n)) {
      halted.add(n);
      last = n;
      n += stride;
      if (n > 500) {
        throw new AssertionError("more than 500 write boundaries");
      }
    }
    // the boundaries before the last halted one that the stride skipped
    for (int m = Math.max(1, last - stride + 1); m < last; m++) {
      if (attempt.halted(m)) {
        halted.add(m);
      } else {
        throw new AssertionError("boundary " + m + " came before " + last + " but a child "
            + "halted there ran to the end");
      }
    }
    // the boundaries after it, up to the end of the run
    for (int m = last + 1; attempt.halted(m); m++) {
      halted.add(m);
    }
    return halted;
  }

  /** The command line of a child JVM running {@code darkflight args…}. */
  public static List<String> command(int haltAt, String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
    if (haltAt > 0) {
      cmd.add("-D" + WriteBoundaries.HALT_AT + "=" + haltAt);
    }
    cmd.add(DarkflightCli.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /**
   * Runs {@code darkflight args…} in a child JVM that halts at write boundary {@code haltAt}
   * (0: never), output to {@code log}; its exit status ({@link WriteBoundaries#HALTED} when it
   * halted).
   */
  public static int run(Path log, int haltAt, String... args) throws Exception {
    Process p = new ProcessBuilder(command(haltAt, args)).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("child did not end in 10 min; see " + log);
    }
    return p.exitValue();
  }
}
