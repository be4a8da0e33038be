package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.fragments.FragmentsFiles;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the fragments file reader ({@link FragmentsFiles#read}): it must accept the bytes or
 * refuse them with our input error ({@link Fuzzing#accept}). Seeds: {@code
 * FragmentsJsonFuzzTestInputs/fuzz/} beside this class in the test resources. How the fuzz tests
 * run: {@link Fuzzing}.
 */
class FragmentsJsonFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".json", FragmentsFiles::read);
  }
}
