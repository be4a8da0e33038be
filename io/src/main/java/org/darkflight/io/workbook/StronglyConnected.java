package org.darkflight.io.workbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Step 4 of the FormulaGraph: circular references as the strongly connected components of the
 * dependency graph, found with Tarjan's algorithm (R. Tarjan, "Depth-first search and linear
 * graph algorithms", SIAM J. Comput. 1(2), 1972), written iteratively so that long recurrence
 * chains (600-row columns) cannot overflow the stack.
 */
final class StronglyConnected {

  private StronglyConnected() {}

  /**
   * The cycles among the included nodes: every component of more than one node, and every single
   * node that reads itself. Each cycle lists its ids ascending; cycles come in the order Tarjan's
   * search completes them, the search starting from the lowest id.
   *
   * @param edges    for each node the nodes it reads; ids at or above {@code edges.length}
   *                 (constant input cells) are ignored
   * @param included which nodes take part (the others and their edges are ignored)
   */
  static List<int[]> cycles(int[][] edges, boolean[] included) {
    int nf = edges.length;
    int[] index = new int[nf];
    int[] low = new int[nf];
    boolean[] onStack = new boolean[nf];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<int[]> out = new ArrayList<>();
    int counter = 0;
    for (int start = 0; start < nf; start++) {
      if (!included[start] || index[start] >= 0) {
        continue;
      }
      Deque<int[]> work = new ArrayDeque<>();
      work.push(new int[] {start, 0});
      while (!work.isEmpty()) {
        int[] frame = work.peek();
        int v = frame[0];
        if (frame[1] == 0 && index[v] < 0) {
          index[v] = counter;
          low[v] = counter;
          counter++;
          stack.push(v);
          onStack[v] = true;
        }
        int[] pre = edges[v];
        boolean descended = false;
        while (frame[1] < pre.length) {
          int w = pre[frame[1]++];
          if (w >= nf || !included[w]) {
            continue;
          }
          if (index[w] < 0) {
            work.push(new int[] {w, 0});
            descended = true;
            break;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        }
        if (descended) {
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          List<Integer> comp = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            comp.add(w);
          } while (w != v);
          boolean selfLoop = false;
          for (int p : pre) {
            if (p == v) {
              selfLoop = true;
            }
          }
          if (comp.size() > 1 || selfLoop) {
            out.add(comp.stream().sorted().mapToInt(Integer::intValue).toArray());
          }
        }
      }
    }
    return out;
  }
}
