package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.darkflight.io.workbook.FormulaGraphExtractor;
import org.darkflight.io.workbook.V42WorkbookReader;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes a workbook as bytes: the archive checks, POI's parser, the v.42 reader ({@link
 * V42WorkbookReader}) and wbextract ({@link FormulaGraphExtractor}): it must accept the bytes or
 * refuse them with our input error ({@link Fuzzing#accept}). Seeds: {@code
 * WorkbookFileFuzzTestInputs/fuzz/} beside this class in the test resources. How the fuzz tests
 * run: {@link Fuzzing}.
 */
class WorkbookFileFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(byte[] data) {
    Fuzzing.file(data, ".xlsx", f -> new V42WorkbookReader().read(f));
    Fuzzing.file(data, ".xlsx", f -> new FormulaGraphExtractor().extract(f));
  }
}
