package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.radiosonde.RadiosondeJsonReader;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the radiosonde JSON reader ({@link RadiosondeJsonReader#read}): it must accept the bytes
 * or refuse them with our input error ({@link Fuzzing#accept}). Seeds: {@code
 * RadiosondeJsonFuzzTestInputs/fuzz/} beside this class in the test resources. How the fuzz tests
 * run: {@link Fuzzing}.
 */
class RadiosondeJsonFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".json", f -> RadiosondeJsonReader.read(f, "fuzz"));
  }
}
