package org.darkflight.io.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AttrPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType;

/**
 * Step 1 of the FormulaGraph: walks every non-blank cell of every sheet, parses each formula
 * with POI's parser (shared formulas expanded to the cell) and checks its tokens against the
 * {@link FormulaPolicy} allowlist. Data-table formulas, formulas longer than
 * {@link WorkbookLimits#maxFormulaChars()} and formulas that do not parse are refused too. All
 * refusals of a workbook are collected (the first {@value #MAX_REPORTED_REFUSALS} named) and
 * reported as one {@link InputException}; a refused formula is never evaluated.
 */
final class FormulaTokeniser {

  static final int MAX_REPORTED_REFUSALS = 20;

  private final WorkbookLimits limits;
  private final FormulaPolicy policy;

  FormulaTokeniser(WorkbookLimits limits, FormulaPolicy policy) {
    this.limits = limits;
    this.policy = policy;
  }

  /** The refused cells: how many, and the first {@value #MAX_REPORTED_REFUSALS} described. */
  private static final class Refusals {
    final List<String> reported = new ArrayList<>();
    int count;

    void add(String where, String reason, String formula) {
      count++;
      if (reported.size() < MAX_REPORTED_REFUSALS) {
        reported.add(where + ": " + reason + (formula.isEmpty() ? "" : " in =" + formula));
      }
    }

    /** One exception naming the first refused cell as field and the others in the reason. */
    InputException exception(Path file) {
      String first = reported.get(0);
      String more = count > 1 ? " (and " + (count - 1) + " more refused cell"
          + (count > 2 ? "s" : "") + ": " + String.join("; ",
              reported.subList(1, reported.size())) + ")" : "";
      int sep = first.indexOf(": ");
      return new InputException(file, first.substring(0, sep), first.substring(sep + 2) + more);
    }
  }

  /**
   * Tokenises the formulas of an opened workbook.
   *
   * @param file the workbook file, for messages
   * @throws InputException when any formula is refused (the message names sheet and cell)
   */
  TokenisedWorkbook tokenise(Path file, XSSFWorkbook wb) throws InputException {
    XSSFEvaluationWorkbook ewb = XSSFEvaluationWorkbook.create(wb);
    List<FormulaCell> formulas = new ArrayList<>();
    Map<Long, Integer> formulaIds = new HashMap<>();
    List<SheetCells> sheetCells = new ArrayList<>();
    List<FormulaGraph.SheetInfo> sheetInfos = new ArrayList<>();
    Refusals refusals = new Refusals();
    int errorValued = 0;
    for (int s = 0; s < wb.getNumberOfSheets(); s++) {
      Sheet sheet = wb.getSheetAt(s);
      SheetCells cells = new SheetCells();
      sheetCells.add(cells);
      int nFormula = 0;
      int nValue = 0;
      for (Row row : sheet) {
        for (Cell cell : row) {
          CellType type = cell.getCellType();
          if (type == CellType.BLANK) {
            continue;
          }
          record(cells, cell, type);
          if (type != CellType.FORMULA) {
            nValue++;
            continue;
          }
          nFormula++;
          FormulaCell f = parse((XSSFCell) cell, s, sheet.getSheetName(), ewb, refusals);
          if (f == null) {
            continue;
          }
          if (f.cell().getCachedFormulaResultType() == CellType.ERROR) {
            errorValued++;
          }
          formulaIds.put(CellAddresses.key(s, f.row(), f.col()), formulas.size());
          formulas.add(f);
        }
      }
      sheetInfos.add(new FormulaGraph.SheetInfo(s, sheet.getSheetName(), nFormula, nValue));
    }
    if (refusals.count > 0) {
      throw refusals.exception(file);
    }
    Map<String, Integer> tokenCounts = new TreeMap<>();
    Map<String, Integer> functionCounts = new TreeMap<>();
    for (FormulaCell f : formulas) {
      count(f.tokens(), tokenCounts, functionCounts);
    }
    return new TokenisedWorkbook(formulas, formulaIds, sheetCells, sheetInfos, errorValued,
        tokenCounts, functionCounts);
  }

  /** Records a non-blank cell, and its text as a label when it is a non-blank string. */
  private static void record(SheetCells cells, Cell cell, CellType type) {
    int r = cell.getRowIndex();
    int c = cell.getColumnIndex();
    cells.add(r, c);
    if (type == CellType.STRING) {
      String text = cell.getStringCellValue();
      if (!text.isBlank()) {
        cells.addLabel(r, c, text);
      }
    }
  }

  /**
   * Parses one formula cell and checks it against the limits and the allowlist; null (and a
   * refusal recorded) when it does not pass.
   */
  private FormulaCell parse(XSSFCell xc, int s, String sheetName, XSSFEvaluationWorkbook ewb,
      Refusals refusals) {
    int r = xc.getRowIndex();
    int c = xc.getColumnIndex();
    String where = CellAddresses.a1(sheetName, r, c);
    CTCellFormula ctf = xc.getCTCell().getF();
    if (ctf != null && ctf.getT() == STCellFormulaType.DATA_TABLE) {
      refusals.add(where, "data-table formulas are not allowed", "");
      return null;
    }
    String formula;
    Ptg[] tokens;
    try {
      formula = xc.getCellFormula();
      if (formula.length() > limits.maxFormulaChars()) {
        refusals.add(where, "formula longer than " + limits.maxFormulaChars() + " characters",
            "");
        return null;
      }
      tokens = FormulaParser.parse(formula, ewb, FormulaType.CELL, s, r);
    } catch (FormulaParseException | IllegalArgumentException | IllegalStateException e) {
      String text = ctf == null || ctf.getStringValue() == null ? "" : ctf.getStringValue();
      refusals.add(where, "formula cannot be parsed (" + e.getMessage() + ")", text);
      return null;
    }
    String violation = policy.violation(tokens);
    if (violation != null) {
      refusals.add(where, violation, formula);
      return null;
    }
    return new FormulaCell(s, r, c, formula, tokens, xc);
  }

  /** Counts token types and functions ({@code SUM} also when written as the attribute token). */
  static void count(Ptg[] tokens, Map<String, Integer> tokenCounts,
      Map<String, Integer> functionCounts) {
    for (Ptg t : tokens) {
      tokenCounts.merge(t.getClass().getSimpleName(), 1, Integer::sum);
      if (t instanceof AbstractFunctionPtg fn) {
        functionCounts.merge(fn.getName(), 1, Integer::sum);
      } else if (t instanceof AttrPtg attr && attr.isSum()) {
        functionCounts.merge("SUM", 1, Integer::sum);
      }
    }
  }
}
