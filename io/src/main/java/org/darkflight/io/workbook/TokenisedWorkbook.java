package org.darkflight.io.workbook;

import java.util.List;
import java.util.Map;

/**
 * What {@link FormulaTokeniser} finds in a workbook: the formula cells that passed the allowlist
 * (ids are positions in {@code formulas}, in sheet, row, column order) and the other cells.
 *
 * @param formulas       the formula cells, in sheet, row, column order
 * @param formulaIds     formula id by {@link CellAddresses#key}
 * @param sheetCells     the non-blank cells and labels of each sheet, by sheet index
 * @param sheets         per-sheet counts, in workbook order
 * @param errorValued    formula cells whose cached value in the file is an error
 * @param tokenCounts    occurrences of each POI token type over all formula cells
 * @param functionCounts occurrences of each function over all formula cells
 */
record TokenisedWorkbook(
    List<FormulaCell> formulas,
    Map<Long, Integer> formulaIds,
    List<SheetCells> sheetCells,
    List<FormulaGraph.SheetInfo> sheets,
    int errorValued,
    Map<String, Integer> tokenCounts,
    Map<String, Integer> functionCounts) {}
