package org.darkflight.io.workbook;

import static org.darkflight.io.workbook.MinimalXlsx.f;
import static org.darkflight.io.workbook.MinimalXlsx.n;
import static org.darkflight.io.workbook.MinimalXlsx.row;
import static org.darkflight.io.workbook.MinimalXlsx.s;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokeniser and the dependency graph on tiny hand-made workbooks. */
class DependencyGraphTest {

  @TempDir Path dir;

  private record Built(TokenisedWorkbook book, DependencyGraph graph) {}

  private Built build(MinimalXlsx xlsx) throws IOException, InputException {
    Path file = dir.resolve("book.xlsx");
    xlsx.write(file);
    XSSFWorkbook wb = SafeWorkbooks.open(file, WorkbookLimits.defaults());
    try {
      TokenisedWorkbook book = new FormulaTokeniser(WorkbookLimits.defaults(),
          new FormulaPolicy()).tokenise(file, wb);
      return new Built(book, DependencyGraph.build(book, wb::getSheetIndex));
    } finally {
      SafeWorkbooks.close(wb);
    }
  }

  @Test
  void tokeniserKeepsFormulasInSheetRowColumnOrderAndCountsTokens() throws Exception {
    Built b = build(new MinimalXlsx()
        .sheet("In", row(1, s("A1", "mass"), n("B1", 2)))
        .sheet("Calc", row(1, f("B1", "SUM(In!B1:B3)"), f("A1", "In!B1*2"))
            + row(2, f("A2", "MAX(A1,B1)"))));
    TokenisedWorkbook book = b.book();
    assertThat(book.formulas().stream().map(c -> c.row() + ":" + c.col()).toList(),
        contains("0:0", "0:1", "1:0"));
    assertThat(book.sheets(), contains(new FormulaGraph.SheetInfo(0, "In", 0, 2),
        new FormulaGraph.SheetInfo(1, "Calc", 3, 0)));
    assertThat(book.functionCounts().get("SUM"), is(1));
    assertThat(book.functionCounts().get("MAX"), is(1));
    assertThat(book.tokenCounts().get("Area3DPxg"), is(1));
    assertThat(book.tokenCounts().get("Ref3DPxg"), is(1));
  }

  @Test
  void rangesExpandToExistingCellsAndInputsAreNumberedByFirstRead() throws Exception {
    // A1..A3 hold values, A4 is empty; B1 reads the whole column A (3 inputs), C1 reads
    // A2 again, the empty A9 (no edge) and B1 (a formula)
    Built b = build(new MinimalXlsx().sheet("S",
        row(1, n("A1", 1), f("B1", "SUM(A:A)"), f("C1", "A2+A9+B1"))
            + row(2, n("A2", 2)) + row(3, n("A3", 3))));
    DependencyGraph g = b.graph();
    assertThat(g.formulaCount(), is(2));
    assertThat(g.precedents()[0], equalTo(new int[] {2, 3, 4}));
    assertThat(g.precedents()[1], equalTo(new int[] {3, 0}));
    assertThat(g.inputCells(), is(3));
    assertThat(g.edges(), is(5L));
    assertThat(g.emptyReferences(), is(1));
    assertThat(g.references().get(0), contains("A:A"));
    assertThat(g.references().get(1), contains("A2", "A9", "B1"));
  }

  @Test
  void crossSheetReferencesResolveAndMissingSheetsAreListed() throws Exception {
    Built b = build(new MinimalXlsx()
        .sheet("In", row(1, n("A1", 1)))
        .sheet("Calc", row(1, f("A1", "In!A1+Gone!A1+Gone!B1:B2"))));
    DependencyGraph g = b.graph();
    assertThat(g.precedents()[0], equalTo(new int[] {1}));
    assertThat(g.unresolvedSheets(), contains("Gone"));
    assertThat(g.references().get(0).size(), is(3));
  }

  @Test
  void headerReadsLabelsAboveAndLeft() {
    SheetCells cells = new SheetCells();
    cells.addLabel(0, 1, "drag");
    cells.addLabel(2, 0, "Cd");
    cells.addLabel(5, 0, "below");
    assertThat(cells.header(4, 1), is("drag | Cd | "));
    assertThat(cells.header(0, 1), is(""));
    assertThat(cells.header(5, 2), is("drag | below"));
  }

  @Test
  void segmentIsTheFirstMatchingRuleElseOther() {
    SegmentTagger tagger = new SegmentTagger(List.of(
        new SegmentRule("drag", null, "\\bCd\\b"),
        new SegmentRule("wind", "^wind", null),
        new SegmentRule("late", "^wind", "Cd")));
    assertThat(tagger.segment("wind velocity", "cd | x"), is("drag"));
    assertThat(tagger.segment("Wind velocity", "speed"), is("wind"));
    assertThat(tagger.segment("Vz", "speed"), is(SegmentRule.OTHER));
  }
}
