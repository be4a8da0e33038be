package org.darkflight.io.workbook;

import static org.darkflight.io.workbook.MinimalXlsx.f;
import static org.darkflight.io.workbook.MinimalXlsx.n;
import static org.darkflight.io.workbook.MinimalXlsx.row;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StronglyConnectedTest {

  private static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    Arrays.fill(b, true);
    return b;
  }

  private static List<List<Integer>> cycles(int[][] edges, boolean[] included) {
    return StronglyConnected.cycles(edges, included).stream()
        .map(c -> Arrays.stream(c).boxed().toList()).toList();
  }

  @Test
  void findsTheOneCycleOfAHandGraph() {
    // 0 <- 1 <- 2 <- 3 -> 1 (cycle 1, 2, 3); 4 reads 3 and input cell 7; 5 reads nothing
    int[][] reads = {{}, {0, 3}, {1}, {2}, {3, 7}, {}};
    assertThat(cycles(reads, all(6)), contains(List.of(1, 2, 3)));
  }

  @Test
  void selfReferenceIsACycleOfOneCell() {
    int[][] reads = {{0}, {0}};
    assertThat(cycles(reads, all(2)), contains(List.of(0)));
  }

  @Test
  void twoSeparateCyclesAreTwoComponents() {
    // 0 <-> 1, 2 -> 3 -> 4 -> 2, 5 reads both
    int[][] reads = {{1}, {0}, {4}, {2}, {3}, {0, 2}};
    assertThat(cycles(reads, all(6)), contains(List.of(0, 1), List.of(2, 3, 4)));
  }

  @Test
  void acyclicGraphHasNoCycle() {
    int[][] reads = {{}, {0}, {0, 1}, {2, 1, 9}};
    assertThat(cycles(reads, all(4)), is(empty()));
  }

  @Test
  void excludedNodesBreakNoCycleButAreIgnored() {
    // the cycle 1 <-> 2 survives when 0 (a sorted precedent) is excluded
    int[][] reads = {{}, {0, 2}, {1}};
    assertThat(cycles(reads, new boolean[] {false, true, true}), contains(List.of(1, 2)));
    // excluding a node of the cycle removes it
    assertThat(cycles(reads, new boolean[] {true, true, false}), is(empty()));
  }

  @Test
  void longChainDoesNotOverflowTheStack() {
    int n = 200_000;
    int[][] reads = new int[n][];
    for (int i = 0; i < n; i++) {
      reads[i] = new int[] {(i + 1) % n};
    }
    List<int[]> out = StronglyConnected.cycles(reads, all(n));
    assertThat(out.size(), is(1));
    assertThat(out.get(0).length, is(n));
  }

  @Test
  void circularReferenceInAWorkbookIsReportedAndLeftUnsorted(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("circular.xlsx");
    new MinimalXlsx().sheet("S", row(1, f("A1", "B1+1"), f("B1", "A1*2"), f("C1", "B1"),
        n("D1", 1), f("E1", "D1*2"))).write(file);
    FormulaGraph g = new FormulaGraphExtractor().extract(file);
    assertThat(g.cycles(), contains(List.of("'S'!A1", "'S'!B1")));
    assertThat(g.nodes().stream().map(node -> node.cell() + " " + node.order()).toList(),
        contains("'S'!E1 0", "'S'!A1 -1", "'S'!B1 -1", "'S'!C1 -1"));
  }
}
