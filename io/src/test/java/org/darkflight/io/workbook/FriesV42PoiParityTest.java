package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * fries_v42 against the workbook's own formulas: recalculated by POI's formula evaluator (after
 * the FormulaGraph has passed every formula), and, for the shipped inputs, against the values
 * Excel cached in the file. Landing displacement to 1e-6 m, in-window fall time to 1e-9 s.
 */
class FriesV42PoiParityTest {

  static final double DISPLACEMENT_TOL_M = 1e-6;
  static final double TIME_TOL_S = 1e-9;

  /** Values POI computes for the readouts: E7, F7, B12, B13. */
  static double[] poiReadouts(XSSFWorkbook wb) throws Exception {
    AtomicReference<Object> out = new AtomicReference<>();
    // The vertical-speed recurrence is 600 rows deep; evaluate on a thread with a large stack.
    Thread t = new Thread(null, () -> {
      try {
        FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
        ev.clearAllCachedResultValues();
        double[] r = new double[4];
        String[] refs = {"E7", "F7", "B12", "B13"};
        for (int i = 0; i < refs.length; i++) {
          CellReference cr = new CellReference(refs[i]);
          Cell c = wb.getSheet(V42WorkbookReader.PARAMS).getRow(cr.getRow())
              .getCell(cr.getCol());
          CellValue v = ev.evaluate(c);
          r[i] = v.getNumberValue();
        }
        out.set(r);
      } catch (RuntimeException e) {
        out.set(e);
      }
    }, "poi-eval", 1L << 30);
    t.start();
    t.join();
    if (out.get() instanceof RuntimeException e) {
      throw e;
    }
    return (double[]) out.get();
  }

  static XSSFWorkbook wb;

  @BeforeAll
  static void open() throws Exception {
    // opened once: loading 59 000 formulas is the slow part
    wb = SafeWorkbooks.open(LegacyTestFiles.PARK_FOREST, WorkbookLimits.defaults());
  }

  @AfterAll
  static void close() {
    SafeWorkbooks.close(wb);
  }

  static void assertParity(FriesV42Result java, double[] expected) {
    assertThat("east displacement", java.displacementEastM(),
        closeTo(expected[0], DISPLACEMENT_TOL_M));
    assertThat("north displacement", java.displacementNorthM(),
        closeTo(expected[1], DISPLACEMENT_TOL_M));
    assertThat("fall time", java.fallTimeS(), closeTo(expected[2], TIME_TOL_S));
    assertThat("max Vz", java.maxFallSpeedMps(), closeTo(expected[3], 1e-9));
  }

  @Test
  void shippedInputsMatchExcelsCachedValuesAndPoi() throws Exception {
    {
      FriesV42Result java = new FriesV42().run(V42WorkbookReader.read(
          LegacyTestFiles.PARK_FOREST, wb));
      // Excel's own results, cached in the file when it was saved in 2018:
      assertParity(java, new double[] {2927.6492392323757, 8885.3941972814082,
          44.298438443162361, 2555.1808024291431});
      assertThat(java.endEastingM(), closeTo(437024.64923923236, DISPLACEMENT_TOL_M));
      assertThat(java.endNorthingM(), closeTo(4586438.3941972815, DISPLACEMENT_TOL_M));
      assertParity(java, poiReadouts(wb));
    }
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("org.darkflight.io.workbook.V42Cases#ALTERED")
  void alteredInputsMatchPoiRecalculation(V42Cases.Case c) throws Exception {
    double[] old = c.apply(wb);
    try {
      double[] before = {2927.6492392323757, 8885.3941972814082};
      double[] poi = poiReadouts(wb);
      // the edit really changed the computation
      assertThat(Math.abs(poi[0] - before[0]) + Math.abs(poi[1] - before[1]), greaterThan(1e-3));
      FriesV42Result java = new FriesV42().run(V42WorkbookReader.read(
          LegacyTestFiles.PARK_FOREST, wb));
      assertParity(java, poi);
    } finally {
      c.restore(wb, old);
    }
  }
}
