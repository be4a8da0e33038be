package org.darkflight.io.workbook;

import org.apache.poi.ss.util.CellReference;

/** Cell keys for hash lookups and {@code 'Sheet'!A1} names for messages and the graph. */
final class CellAddresses {

  private CellAddresses() {}

  /** One long per (sheet, 0-based row, 0-based column). */
  static long key(int sheet, int row, int col) {
    return ((long) sheet << 40) | ((long) row << 16) | col;
  }

  /** The cell as {@code 'Sheet'!A1} (quotes in the sheet name doubled). */
  static String a1(String sheet, int row, int col) {
    return "'" + sheet.replace("'", "''") + "'!" + CellReference.convertNumToColString(col)
        + (row + 1);
  }
}
