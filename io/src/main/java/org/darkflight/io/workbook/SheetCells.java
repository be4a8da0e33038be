package org.darkflight.io.workbook;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * The non-blank cells of one sheet, for range expansion (which rows of a column exist) and for
 * segment tagging (the text labels around a cell).
 */
final class SheetCells {

  private final Map<Integer, TreeMap<Integer, Boolean>> rowsByCol = new HashMap<>();
  private final Map<Integer, TreeMap<Integer, String>> labelsByCol = new HashMap<>();
  private final Map<Integer, TreeMap<Integer, String>> labelsByRow = new HashMap<>();

  /** Records a non-blank cell. */
  void add(int row, int col) {
    rowsByCol.computeIfAbsent(col, k -> new TreeMap<>()).put(row, Boolean.TRUE);
  }

  /** Records a non-blank text cell as a label. */
  void addLabel(int row, int col, String text) {
    labelsByCol.computeIfAbsent(col, k -> new TreeMap<>()).put(row, text);
    labelsByRow.computeIfAbsent(row, k -> new TreeMap<>()).put(col, text);
  }

  /** Whether the cell holds something. */
  boolean exists(int row, int col) {
    TreeMap<Integer, Boolean> rows = rowsByCol.get(col);
    return rows != null && rows.containsKey(row);
  }

  /** The existing rows of column {@code col} in {@code firstRow..lastRow}, ascending. */
  NavigableSet<Integer> rows(int col, int firstRow, int lastRow) {
    TreeMap<Integer, Boolean> rows = rowsByCol.get(col);
    return rows == null ? Collections.emptyNavigableSet() : rows.subMap(firstRow, true, lastRow, true).navigableKeySet();
  }

  /** Text labels near a cell: above in its column, above in the column to its left, left. */
  String header(int row, int col) {
    StringBuilder sb = new StringBuilder();
    for (int c = col; c >= Math.max(0, col - 1); c--) {
      TreeMap<Integer, String> above = labelsByCol.get(c);
      if (above != null) {
        Map.Entry<Integer, String> e = above.floorEntry(c == col ? row - 1 : row);
        if (e != null) {
          sb.append(e.getValue()).append(" | ");
        }
      }
    }
    TreeMap<Integer, String> left = labelsByRow.get(row);
    if (left != null) {
      Map.Entry<Integer, String> e = left.lowerEntry(col);
      if (e != null) {
        sb.append(e.getValue());
      }
    }
    return sb.toString();
  }
}
