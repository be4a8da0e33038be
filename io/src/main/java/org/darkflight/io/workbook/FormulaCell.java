package org.darkflight.io.workbook;

import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * One formula cell that passed the allowlist.
 *
 * @param sheet   0-based sheet index
 * @param row     0-based row
 * @param col     0-based column
 * @param formula the formula text (shared formulas expanded to this cell)
 * @param tokens  POI's parse of the formula
 * @param cell    the POI cell, for constant folding
 */
record FormulaCell(int sheet, int row, int col, String formula, Ptg[] tokens, XSSFCell cell) {}
