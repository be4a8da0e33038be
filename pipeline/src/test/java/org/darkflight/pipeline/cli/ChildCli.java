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

  private ChildCli() {}

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
