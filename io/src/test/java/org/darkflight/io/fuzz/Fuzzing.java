package org.darkflight.io.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.io.radar.returns.RadarSiteTable;

/**
 * Shared harness of the Jazzer parser fuzz tests, the {@code *FuzzTest} classes of this package
 * with an {@code @FuzzTest} method (issue 19 §8; docs/reliability.md "Fuzzing"): a parser may
 * accept an input or refuse it with {@link InputException}, our documented input-error type;
 * anything else it throws (a runtime exception, an error such as OutOfMemoryError, a hang past
 * {@link #TIMEOUT_S}) is a finding, which Jazzer reports with the input that caused it.
 *
 * <p>One class per target, because Jazzer fuzzes one target per JVM: {@code tools/fuzz.sh} runs
 * them all in one Maven call with a fresh JVM per class. In the normal build ({@code
 * JAZZER_FUZZ} unset) each target runs once per file of its committed seed corpus, {@code
 * src/test/resources/org/darkflight/io/fuzz/<Class>Inputs/fuzz/} (the shipped test data and the
 * inputs of past findings), plus the empty input.
 */
public final class Fuzzing {

  /** Fuzzing time per target on CI ({@code .ci/run}); {@code tools/nightly.sh} repeats it. */
  public static final String CI_DURATION = "20s";
  /** Per-input time limit, seconds: a parser that takes longer has hung. */
  public static final int TIMEOUT_S = 120;

  /** The event time and place the netCDF reader is asked for (Park Forest 2003). */
  public static final SourceRequest REQUEST = new SourceRequest(
      Instant.parse("2003-03-27T05:50:26Z"), 41.48, -87.68);

  private static Path dir;
  private static RadarSiteTable sites;

  private Fuzzing() {}

  /** A parser of one input file. */
  @FunctionalInterface
  public interface FileParser {
    /** Parses {@code file}. */
    Object parse(Path file) throws InputException;
  }

  /** A parser of text. */
  @FunctionalInterface
  public interface Parser {
    /** Parses. */
    Object parse() throws InputException;
  }

  /** Runs {@code parser}; a refusal with {@link InputException} is a correct outcome. */
  public static void accept(Parser parser) {
    try {
      parser.parse();
    } catch (InputException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("an input error without a message", expected);
      }
    }
  }

  /** Writes {@code data} to a temporary file named {@code *suffix}, parses it and deletes it. */
  public static void file(byte[] data, String suffix, FileParser parser) {
    Path f;
    try {
      f = Files.createTempFile(tempDir(), "fuzz-", suffix);
      Files.write(f, data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      accept(() -> parser.parse(f));
    } finally {
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // the JVM's temp directory is cleared by the OS; one file left is harmless
      }
    }
  }

  /** The shipped radar site table, so that returns naming a site reach the geometry checks. */
  public static synchronized RadarSiteTable radarSites() {
    if (sites == null) {
      try {
        sites = RadarSiteTable.read(Path.of("../testdata/radar/radar_sites.json"));
      } catch (InputException e) {
        throw new IllegalStateException("shipped radar site table unreadable", e);
      }
    }
    return sites;
  }

  private static synchronized Path tempDir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("darkflight-fuzz-");
      dir.toFile().deleteOnExit();
    }
    return dir;
  }
}
