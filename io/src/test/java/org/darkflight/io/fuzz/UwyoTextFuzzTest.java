package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.radiosonde.UwyoTextListParser;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the University of Wyoming sounding text parser ({@link UwyoTextListParser#parse}): it must
 * accept the bytes or refuse them with our input error ({@link Fuzzing#accept}). Seeds: {@code
 * UwyoTextFuzzTestInputs/fuzz/} beside this class in the test resources. How the fuzz tests run:
 * {@link Fuzzing}.
 */
class UwyoTextFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".html", UwyoTextListParser::parse);
  }
}
