package org.darkflight.io.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.OperandPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;

/**
 * Step 2 of the FormulaGraph: the cross-sheet cell dependency graph. Node ids
 * {@code 0..formulaCount−1} are the formula cells of the {@link TokenisedWorkbook}; ids from
 * {@code formulaCount} on are the constant cells that formulas read, numbered in the order they
 * are first read. Single-cell references to empty cells add no edge (Excel reads them as 0 or
 * ""; they are counted); ranges and whole columns expand to the cells that exist.
 *
 * @param precedents       for each formula id, the distinct ids it reads, in reference order
 * @param references       for each formula id, its reference tokens as written
 * @param inputCells       number of constant cells read by formulas
 * @param edges            number of cell-to-cell dependencies after range expansion
 * @param emptyReferences  single-cell references to cells that hold nothing
 * @param unresolvedSheets names of referenced sheets that do not exist, in order of appearance
 */
record DependencyGraph(
    int[][] precedents,
    List<List<String>> references,
    int inputCells,
    long edges,
    int emptyReferences,
    Set<String> unresolvedSheets) {

  /** Number of formula cells (the ids below which a node is a formula). */
  int formulaCount() {
    return precedents.length;
  }

  /**
   * Resolves every reference token of every formula.
   *
   * @param book       the tokenised workbook
   * @param sheetIndex index of a sheet by name, negative when there is no such sheet
   */
  static DependencyGraph build(TokenisedWorkbook book, ToIntFunction<String> sheetIndex) {
    Builder b = new Builder(book, sheetIndex);
    List<FormulaCell> formulas = book.formulas();
    int[][] precedents = new int[formulas.size()][];
    List<List<String>> references = new ArrayList<>(formulas.size());
    long edges = 0;
    for (int i = 0; i < formulas.size(); i++) {
      FormulaCell f = formulas.get(i);
      Set<Integer> pre = new LinkedHashSet<>();
      List<String> refs = new ArrayList<>();
      for (Ptg t : f.tokens()) {
        if (t instanceof OperandPtg) {
          b.resolve(t, f.sheet(), pre, refs);
        }
      }
      precedents[i] = pre.stream().mapToInt(Integer::intValue).toArray();
      edges += precedents[i].length;
      references.add(refs);
    }
    return new DependencyGraph(precedents, references, b.valueIds.size(), edges, b.emptyRefs,
        b.unresolvedSheets);
  }

  /** The state shared by the formulas: input cell ids, empty references, missing sheets. */
  private static final class Builder {
    final TokenisedWorkbook book;
    final ToIntFunction<String> sheetIndex;
    final int nf;
    final Map<Long, Integer> valueIds = new HashMap<>();
    final Set<String> unresolvedSheets = new LinkedHashSet<>();
    int emptyRefs;

    Builder(TokenisedWorkbook book, ToIntFunction<String> sheetIndex) {
      this.book = book;
      this.sheetIndex = sheetIndex;
      this.nf = book.formulas().size();
    }

    /**
     * Adds the reference as written to {@code refs} and the ids it reads to {@code pre}.
     *
     * @param sheet the sheet of the formula (references without a sheet name are on it)
     */
    void resolve(Ptg t, int sheet, Set<Integer> pre, List<String> refs) {
      if (t instanceof Ref3DPxg r3) {
        sheet = sheetIndex.applyAsInt(r3.getSheetName());
        refs.add(r3.toFormulaString());
        if (sheet < 0) {
          unresolvedSheets.add(r3.getSheetName());
          return;
        }
      } else if (t instanceof Area3DPxg a3) {
        sheet = sheetIndex.applyAsInt(a3.getSheetName());
        refs.add(a3.toFormulaString());
        if (sheet < 0) {
          unresolvedSheets.add(a3.getSheetName());
          return;
        }
      }
      SheetCells cells = book.sheetCells().get(sheet);
      if (t instanceof RefPtgBase r) {
        if (!(t instanceof Ref3DPxg)) {
          refs.add(r.toFormulaString());
        }
        Integer id = book.formulaIds().get(CellAddresses.key(sheet, r.getRow(), r.getColumn()));
        if (id == null) {
          if (!cells.exists(r.getRow(), r.getColumn())) {
            emptyRefs++;
            return;
          }
          id = inputId(sheet, r.getRow(), r.getColumn());
        }
        pre.add(id);
      } else if (t instanceof AreaPtgBase a) {
        if (!(t instanceof Area3DPxg)) {
          refs.add(a.toFormulaString());
        }
        for (int c = a.getFirstColumn(); c <= a.getLastColumn(); c++) {
          for (int r : cells.rows(c, a.getFirstRow(), a.getLastRow())) {
            Integer id = book.formulaIds().get(CellAddresses.key(sheet, r, c));
            pre.add(id != null ? id : inputId(sheet, r, c));
          }
        }
      }
    }

    /** The id of a constant cell, numbered in the order cells are first read. */
    int inputId(int sheet, int row, int col) {
      long k = CellAddresses.key(sheet, row, col);
      return nf + valueIds.computeIfAbsent(k, x -> valueIds.size());
    }
  }
}
