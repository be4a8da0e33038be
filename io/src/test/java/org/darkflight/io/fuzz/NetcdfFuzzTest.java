package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.netcdf.NwpNetcdfReader;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the NWP netCDF reader ({@link NwpNetcdfReader#read}: header, variables, units, axes): it
 * must accept the bytes or refuse them with our input error ({@link Fuzzing#accept}). Seeds: {@code
 * NetcdfFuzzTestInputs/fuzz/} beside this class in the test resources. How the fuzz tests run:
 * {@link Fuzzing}.
 */
class NetcdfFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".nc", f -> NwpNetcdfReader.read(f, Fuzzing.REQUEST, "fuzz"));
  }
}
