package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TopologicalOrderTest {

  @Test
  void readyCellsGoInIdOrder() {
    // 2 reads 0 and 1; 0 reads 3: 1 and 3 are ready first, 1 (smaller id) goes first
    int[][] reads = {{3}, {}, {0, 1}, {}};
    TopologicalOrder o = TopologicalOrder.of(reads);
    assertThat(o.sorted(), equalTo(new int[] {1, 3, 0, 2}));
    assertThat(o.position(), equalTo(new int[] {2, 0, 3, 1}));
    assertThat(o.complete(), is(true));
  }

  @Test
  void inputCellsImposeNoConstraint() {
    int[][] reads = {{5, 1}, {4}};
    assertThat(TopologicalOrder.of(reads).sorted(), equalTo(new int[] {1, 0}));
  }

  @Test
  void cellsOnOrBelowACycleStayUnsortedAndComeLast() {
    // 1 <-> 2 cycle, 3 reads 2, 0 free
    int[][] reads = {{}, {2}, {1}, {2}};
    TopologicalOrder o = TopologicalOrder.of(reads);
    assertThat(o.sorted(), equalTo(new int[] {0}));
    assertThat(o.position(), equalTo(new int[] {0, -1, -1, -1}));
    assertThat(o.complete(), is(false));
    assertThat(o.sortedThenRest(), equalTo(new int[] {0, 1, 2, 3}));
  }

  /** Random DAGs: edges only from higher to lower ids, so all nodes sort. */
  @Property(tries = 200)
  void everyPrecedentComesBeforeItsDependent(@ForAll @IntRange(min = 1, max = 60) int n,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    int[] label = shuffled(n, rnd);
    int[][] reads = new int[n][];
    for (int i = 0; i < n; i++) {
      List<Integer> pre = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (label[j] < label[i] && rnd.nextInt(4) == 0) {
          pre.add(j);
        }
      }
      if (rnd.nextBoolean()) {
        pre.add(n + rnd.nextInt(10));
      }
      reads[i] = pre.stream().mapToInt(Integer::intValue).toArray();
    }
    TopologicalOrder o = TopologicalOrder.of(reads);
    assertThat(o.complete(), is(true));
    boolean[] seen = new boolean[n];
    for (int k = 0; k < n; k++) {
      int i = o.sorted()[k];
      assertThat(o.position()[i], is(k));
      assertThat(seen[i], is(false));
      seen[i] = true;
      for (int p : reads[i]) {
        if (p < n) {
          assertThat(o.position()[p], lessThan(k));
        }
      }
    }
  }

  private static int[] shuffled(int n, Random rnd) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
