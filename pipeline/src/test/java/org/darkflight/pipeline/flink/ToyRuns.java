package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.darkflight.io.InputException;
import org.darkflight.pipeline.runner.RunnerOptions;

/** Runs {@link ToyEnsemble} on a runner and compares output directories byte for byte. */
final class ToyRuns {

  static final long SEED = 20_260_125L;

  private ToyRuns() {}

  /** Runs the toy ensemble with {@code runner}'s options into {@code out}; returns the state. */
  static PipelineResult.State run(RunnerOptions runner, long samples, long delayMillis, Path out)
      throws InputException {
    PipelineOptions options = runner.create();
    options.setJobName("toy-ensemble-" + out.getFileName());
    Pipeline p = Pipeline.create(options);
    ToyEnsemble.build(p, samples, SEED, delayMillis, out.toAbsolutePath().toString());
    return p.run().waitUntilFinish();
  }

  /** The shaded CLI jar built by this module's package phase (what users stage). */
  static Path cliJar() {
    Path jar = Paths.get(System.getProperty("darkflight.cliJar", "target/darkflight-cli.jar"))
        .toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run the ITs with ./mvnw verify");
    }
    return jar;
  }

  /**
   * A jar of this package's test classes (the toy pipeline's DoFns), which the cluster's
   * TaskManagers need besides the CLI jar.
   */
  static Path testClassesJar(Path dir) throws IOException {
    Path classes = Paths.get(ToyEnsemble.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath());
    Path pkg = classes.resolve("org/darkflight/pipeline/flink");
    Path jar = dir.resolve("toy-ensemble-tests.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(pkg)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Asserts both directories hold the same relative file names with the same bytes. */
  static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<String> names = relativeFiles(expected);
    assertThat("reference output is empty", names, not(equalTo(List.of())));
    assertThat("files in " + actual, relativeFiles(actual), equalTo(names));
    for (String n : names) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(n)), Files.readAllBytes(actual.resolve(n)),
          n + " differs between " + expected + " and " + actual);
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
