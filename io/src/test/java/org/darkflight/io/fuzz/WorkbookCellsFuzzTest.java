package org.darkflight.io.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.workbook.FormulaGraphExtractor;
import org.darkflight.io.workbook.V42WorkbookReader;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the workbook readers with well-formed workbooks: the v.42 sheets and fuzzed cells
 * (numbers, text, booleans, formulas, at the addresses the reader uses and elsewhere), which
 * reach the cell-level checks of the v.42 reader ({@link V42WorkbookReader}) and wbextract's
 * formula graph ({@link FormulaGraphExtractor}) that random archive bytes rarely reach. Seeds:
 * {@code WorkbookCellsFuzzTestInputs/fuzz/}. How the fuzz tests run: {@link Fuzzing}.
 */
class WorkbookCellsFuzzTest {

  @FuzzTest(maxDuration = Fuzzing.CI_DURATION)
  @Timeout(Fuzzing.TIMEOUT_S)
  void fuzz(FuzzedDataProvider in) {
    byte[] xlsx = workbook(in);
    if (xlsx == null) {
      return;
    }
    Fuzzing.file(xlsx, ".xlsx", f -> new V42WorkbookReader().read(f));
    Fuzzing.file(xlsx, ".xlsx", f -> new FormulaGraphExtractor().extract(f));
  }

  private static final String[] SHEETS = {V42WorkbookReader.PARAMS, V42WorkbookReader.RAOB,
      V42WorkbookReader.VZ, "Timing Altitude", "Sheet"};

  /** The workbook {@code in} describes, or null when POI refuses to build it. */
  static byte[] workbook(FuzzedDataProvider in) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      int sheets = in.consumeInt(1, SHEETS.length);
      for (int s = 0; s < sheets; s++) {
        wb.createSheet(SHEETS[s]);
      }
      int cells = in.consumeInt(0, 400);
      for (int i = 0; i < cells && in.remainingBytes() > 0; i++) {
        Sheet sheet = wb.getSheetAt(in.consumeInt(0, sheets - 1));
        // mostly the reader's columns A–T and rows 1–601; sometimes anywhere
        int r = in.consumeBoolean() ? in.consumeInt(0, 601) : in.consumeInt(0, 1_048_575);
        int c = in.consumeBoolean() ? in.consumeInt(0, 19) : in.consumeInt(0, 16_383);
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.createCell(c);
        switch (in.consumeInt(0, 4)) {
          case 0 -> cell.setCellValue(in.consumeDouble());
          case 1 -> cell.setCellValue(in.consumeRegularDouble(-1e5, 1e5));
          case 2 -> cell.setCellValue(in.consumeString(40));
          case 3 -> cell.setCellValue(in.consumeBoolean());
          default -> cell.setCellFormula(in.consumeString(60));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException refusedByPoiWhileBuilding) {
      // a formula POI cannot parse, a sheet/cell it cannot hold: not an input we could read
      return null;
    }
  }
}
