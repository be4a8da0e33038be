package org.darkflight.io.workbook;

import static org.darkflight.io.workbook.MinimalXlsx.f;
import static org.darkflight.io.workbook.MinimalXlsx.n;
import static org.darkflight.io.workbook.MinimalXlsx.row;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstantFoldingTest {

  @Test
  void constantChainFoldsAndAnythingReadingAnInputDoesNot() {
    // 0 = PI(); 1 reads 0; 2 reads 1; 3 reads input 9; 4 reads 2 and 3; 5 is unsorted (cycle)
    int[][] reads = {{}, {0}, {1}, {9}, {2, 3}, {5}};
    int[] sorted = {0, 1, 2, 3, 4};
    boolean[] constant = ConstantFolding.constant(reads, sorted);
    assertThat(constant, equalTo(new boolean[] {true, true, true, false, false, false}));
    assertThat(ConstantFolding.count(constant), is(3));
  }

  @Test
  void foldsTheValuesOfAConstantChainInAWorkbook(@TempDir Path dir)
      throws IOException, InputException {
    Path file = dir.resolve("chain.xlsx");
    new MinimalXlsx().sheet("S", row(1, f("A1", "SQRT(16)"), f("B1", "A1*2.5"),
        f("C1", "B1-MAX(A1,1)"), n("D1", 5), f("E1", "C1+D1"))).write(file);
    FormulaGraph g = new FormulaGraphExtractor().extract(file);
    Map<String, Double> folded = new HashMap<>();
    g.nodes().forEach(node -> folded.put(node.cell(), node.foldedValue()));
    assertThat(folded.get("'S'!A1"), is(4.0));
    assertThat(folded.get("'S'!B1"), is(10.0));
    assertThat(folded.get("'S'!C1"), is(6.0));
    assertThat(folded.get("'S'!E1"), is(nullValue()));
    assertThat(g.foldedConstants(), is(3));
  }
}
