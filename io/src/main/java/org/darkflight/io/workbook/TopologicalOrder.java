package org.darkflight.io.workbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Step 3 of the FormulaGraph: Kahn's algorithm (A. B. Kahn, "Topological sorting of large
 * networks", CACM 5(11), 1962) over the formula cells, precedents first. Among the cells that are
 * ready at the same time the smallest id goes first, so the order is the (sheet, row, column)
 * order wherever the dependencies allow, and the same on every run. Cells on or downstream of a
 * cycle are never ready and stay out of the order.
 *
 * @param sorted   the ids in topological order
 * @param position for each id its index in {@code sorted}, −1 when it is not sorted
 */
record TopologicalOrder(int[] sorted, int[] position) {

  /**
   * Sorts nodes {@code 0..precedents.length−1}; a precedent id at or above
   * {@code precedents.length} (a constant input cell) imposes no constraint.
   */
  static TopologicalOrder of(int[][] precedents) {
    int nf = precedents.length;
    int[] indeg = new int[nf];
    List<List<Integer>> succ = new ArrayList<>(nf);
    for (int i = 0; i < nf; i++) {
      succ.add(new ArrayList<>(2));
    }
    for (int i = 0; i < nf; i++) {
      for (int p : precedents[i]) {
        if (p < nf) {
          indeg[i]++;
          succ.get(p).add(i);
        }
      }
    }
    int[] position = new int[nf];
    Arrays.fill(position, -1);
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < nf; i++) {
      if (indeg[i] == 0) {
        ready.add(i);
      }
    }
    int[] sorted = new int[nf];
    int count = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      position[i] = count;
      sorted[count++] = i;
      for (int j : succ.get(i)) {
        if (--indeg[j] == 0) {
          ready.add(j);
        }
      }
    }
    return new TopologicalOrder(Arrays.copyOf(sorted, count), position);
  }

  /** Whether every node is in the order (there is no cycle). */
  boolean complete() {
    return sorted.length == position.length;
  }

  /** The ids in topological order followed by the unsorted ones in id order. */
  int[] sortedThenRest() {
    int[] out = Arrays.copyOf(sorted, position.length);
    int k = sorted.length;
    for (int i = 0; i < position.length; i++) {
      if (position[i] < 0) {
        out[k++] = i;
      }
    }
    return out;
  }
}
