package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the physics configuration reader ({@link PhysicsConfigFiles#read}): it must accept the
 * bytes or refuse them with our input error ({@link Fuzzing#accept}). Seeds: {@code
 * PhysicsConfigJsonFuzzTestInputs/fuzz/} beside this class in the test resources. How the fuzz
 * tests run: {@link Fuzzing}.
 */
class PhysicsConfigJsonFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".json", PhysicsConfigFiles::read);
  }
}
