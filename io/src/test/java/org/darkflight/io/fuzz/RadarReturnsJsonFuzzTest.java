package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.radar.returns.RadarReturnsReader;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the radar returns reader ({@link RadarReturnsReader#read}, with the shipped site table):
 * it must accept the bytes or refuse them with our input error ({@link Fuzzing#accept}). Seeds:
 * {@code RadarReturnsJsonFuzzTestInputs/fuzz/} beside this class in the test resources. How the
 * fuzz tests run: {@link Fuzzing}.
 */
class RadarReturnsJsonFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".json", f -> RadarReturnsReader.read(f, Fuzzing.radarSites()));
  }
}
