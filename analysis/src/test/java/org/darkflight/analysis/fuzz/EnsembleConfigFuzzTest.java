package org.darkflight.analysis.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.analysis.ensemble.EnsembleConfigReader;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz test of the ensemble configuration reader (issue 19 §8; docs/reliability.md
 * "Fuzzing"), the JSON input of the analysis module: bytes written as a file and read by
 * {@link EnsembleConfigReader#read}, which must accept them or refuse them with
 * {@link InputException}; anything else is a finding. The normal build runs it once per file of
 * {@code src/test/resources/org/darkflight/analysis/fuzz/EnsembleConfigFuzzTestInputs/
 * fuzz/}; {@code JAZZER_FUZZ=1} fuzzes it (the io module's
 * {@code org.darkflight.io.fuzz} has the other parsers).
 */
class EnsembleConfigFuzzTest {

  private static Path dir;

  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("darkflight-fuzz-");
      dir.toFile().deleteOnExit();
    }
    return dir;
  }

  @FuzzTest(maxDuration = "20s")
  @Timeout(120)
  void fuzz(byte[] data) throws IOException {
    Path f = Files.createTempFile(dir(), "fuzz-", ".json");
    try {
      Files.write(f, data);
      EnsembleConfigReader.read(f);
    } catch (InputException expected) {
      if (expected.getMessage() == null || expected.getMessage().isBlank()) {
        throw new AssertionError("an input error without a message", expected);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Files.deleteIfExists(f);
    }
  }
}
