package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.darkflight.pipeline.cli.DarkflightCli;
import picocli.CommandLine;

/**
 * Runs the real {@code darkflight run} (in this JVM, through {@link DarkflightCli}) on the shipped
 * Park Forest 2003 event, and compares output directories byte for byte.
 */
final class DarkflightRuns {

  /** Fixed so that reruns are byte-identical. */
  static final String PRODUCED_UTC = "2026-01-01T00:00:00Z";

  /** What one CLI run returned and printed. */
  record Result(int exitCode, String out, String err) {}

  private DarkflightRuns() {}

  static Path repoRoot() {
    return FlinkTestCluster.repoRoot();
  }

  /**
   * Writes the shipped Monte Carlo ensemble config (testdata/ensembles/park-forest-mc.json) with
   * {@code samples} samples into {@code dir}; everything else (seed, distributions) unchanged.
   */
  static Path ensemble(Path dir, long samples) throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode cfg = (ObjectNode) json.readTree(
        repoRoot().resolve("testdata/ensembles/park-forest-mc.json").toFile());
    cfg.put("samples", samples);
    Path file = dir.resolve("park-forest-mc-" + samples + ".json");
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), cfg);
    return file;
  }

  /** {@code darkflight run} of Park Forest with {@code ensemble} into {@code out}, plus {@code extra}. */
  static Result run(Path ensemble, Path out, String... extra) {
    Path event = repoRoot().resolve("testdata/events/park-forest-2003");
    List<String> args = new ArrayList<>(List.of("run",
        "--event", event.resolve("event.json").toString(),
        "--atmos", event.resolve("atmos_profile.json").toString(),
        "--config", event.resolve("physics_config.json").toString(),
        "--fragments", event.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(),
        "--out", out.toString(),
        "--produced-utc", PRODUCED_UTC));
    args.addAll(List.of(extra));
    CommandLine cl = DarkflightCli.commandLine();
    StringWriter out1 = new StringWriter();
    StringWriter err1 = new StringWriter();
    cl.setOut(new PrintWriter(out1, true));
    cl.setErr(new PrintWriter(err1, true));
    int code = cl.execute(args.toArray(String[]::new));
    System.out.print(out1);
    System.err.print(err1);
    return new Result(code, out1.toString(), err1.toString());
  }

  /** Runs and asserts exit code 0. */
  static void runOk(Path ensemble, Path out, String... extra) {
    Result r = run(ensemble, out, extra);
    assertThat("darkflight run failed: " + r.err(), r.exitCode(), equalTo(0));
  }

  /** The shaded CLI jar built by this module's package phase. */
  static Path cliJar() {
    return builtJar("darkflight.cliJar", "target/darkflight-cli.jar");
  }

  /** The lean job jar built next to it, what {@code darkflight run} stages on a cluster. */
  static Path jobJar() {
    return builtJar("darkflight.jobJar", "target/darkflight-flink-job.jar");
  }

  private static Path builtJar(String property, String fallback) {
    Path jar = Paths.get(System.getProperty(property, fallback)).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run the ITs with ./mvnw verify");
    }
    return jar;
  }

  /**
   * Asserts both directories hold the same entries (hidden ones too) with the same bytes, except
   * the wall-clock figures of metrics.json.
   */
  static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<String> names = relativeFiles(expected);
    assertThat("reference output is empty", names, not(equalTo(List.of())));
    assertThat("entries of " + actual, relativeFiles(actual), equalTo(names));
    for (String n : names) {
      Path e = expected.resolve(n);
      if (Files.isRegularFile(e) && !n.equals("metrics.json")) {
        assertArrayEquals(Files.readAllBytes(e), Files.readAllBytes(actual.resolve(n)),
            n + " differs between " + expected + " and " + actual);
      }
    }
  }

  /** Every entry (files and directories, hidden ones too) below {@code dir}, sorted. */
  static List<String> relativeFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted()
          .toList();
    }
  }
}
