package org.darkflight.io.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Step 5 of the FormulaGraph: constant folding. A formula is constant when it reads no constant
 * (input) cell and only constant formulas — {@code =PI()/180}, or a chain built on one; its value
 * cannot change with the workbook's inputs. Constant formulas are evaluated with POI's evaluator
 * (which only ever sees formulas the allowlist passed).
 */
final class ConstantFolding {

  private ConstantFolding() {}

  /**
   * Which formulas are constant, decided in topological order.
   *
   * @param precedents for each formula id the ids it reads (ids at or above
   *                   {@code precedents.length} are constant input cells)
   * @param sorted     the formula ids in topological order (cells not in it are never constant)
   */
  static boolean[] constant(int[][] precedents, int[] sorted) {
    int nf = precedents.length;
    boolean[] folded = new boolean[nf];
    for (int i : sorted) {
      boolean constant = true;
      for (int p : precedents[i]) {
        if (p >= nf || !folded[p]) {
          constant = false;
          break;
        }
      }
      folded[i] = constant;
    }
    return folded;
  }

  /**
   * The numeric values of the constant formulas, evaluated in topological order; null where a
   * formula is not constant or its value is not a number. A formula the evaluator cannot compute
   * adds a note to {@code issues}.
   */
  static Double[] values(XSSFWorkbook wb, List<FormulaCell> formulas, int[] sorted,
      boolean[] constant, List<String> issues) {
    Double[] value = new Double[formulas.size()];
    XSSFFormulaEvaluator evaluator = null;
    for (int i : sorted) {
      if (!constant[i]) {
        continue;
      }
      FormulaCell f = formulas.get(i);
      if (evaluator == null) {
        evaluator = wb.getCreationHelper().createFormulaEvaluator();
      }
      try {
        CellValue v = evaluator.evaluate(f.cell());
        if (v != null && v.getCellType() == CellType.NUMERIC) {
          value[i] = v.getNumberValue();
        }
      } catch (RuntimeException e) {
        issues.add("Constant formula at " + CellAddresses.a1(wb.getSheetName(f.sheet()), f.row(),
            f.col()) + " could not be folded: " + e.getMessage());
      }
    }
    return value;
  }

  /** Number of constant formulas. */
  static int count(boolean[] constant) {
    int n = 0;
    for (boolean b : constant) {
      if (b) {
        n++;
      }
    }
    return n;
  }
}
