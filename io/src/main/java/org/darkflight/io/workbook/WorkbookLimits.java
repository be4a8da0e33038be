package org.darkflight.io.workbook;

/**
 * Limits a workbook must stay within before anything in it is parsed; a file beyond any of them
 * is rejected at once with a one-line reason.
 *
 * @param maxFileBytes          size of the .xlsx file itself
 * @param maxEntries            number of entries in its zip archive
 * @param maxUncompressedBytes  total size of all entries once inflated (measured, not declared)
 * @param maxInflateRatio       largest inflated/compressed ratio of an entry larger than
 *                              {@code ratioCheckMinBytes} (zip bombs reach thousands)
 * @param ratioCheckMinBytes    entries smaller than this are not ratio-checked
 * @param maxCells              number of non-empty cells over all sheets
 * @param maxFormulaChars       length of one formula
 * @param maxCellsPerSheet      number of non-empty cells of one sheet
 */
public record WorkbookLimits(long maxFileBytes, int maxEntries, long maxUncompressedBytes,
    double maxInflateRatio, long ratioCheckMinBytes, long maxCells, int maxFormulaChars,
    long maxCellsPerSheet) {

  public WorkbookLimits {
    if (maxFileBytes <= 0 || maxEntries <= 0 || maxUncompressedBytes <= 0
        || !(maxInflateRatio > 1) || ratioCheckMinBytes < 0 || maxCells <= 0
        || maxFormulaChars <= 0 || maxCellsPerSheet <= 0) {
      throw new IllegalArgumentException("workbook limits must be positive");
    }
  }

  /**
   * Defaults: 64 MiB file, 10 000 entries, 512 MiB inflated, ratio 100 (POI's own default
   * minimum inflate ratio is 0.01) for entries above 1 MiB, 8 192-character formulas (Excel's
   * own limit), and the cell limits of {@link org.darkflight.io.InputLimits} (500 000 cells in
   * all, 250 000 per sheet, overridable): a loaded workbook takes ~0.8 kB of heap per cell, so
   * these keep it well under 1 GB.
   */
  public static WorkbookLimits defaults() {
    return new WorkbookLimits(64L << 20, 10_000, 512L << 20, 100, 1L << 20,
        org.darkflight.io.InputLimits.maxWorkbookCells(), 8192,
        org.darkflight.io.InputLimits.maxSheetCells());
  }

  /** A copy with another cell limit. */
  public WorkbookLimits withMaxCells(long cells) {
    return new WorkbookLimits(maxFileBytes, maxEntries, maxUncompressedBytes, maxInflateRatio,
        ratioCheckMinBytes, cells, maxFormulaChars, Math.min(maxCellsPerSheet, cells));
  }

  /** A copy with another limit on the inflated size. */
  public WorkbookLimits withMaxUncompressedBytes(long bytes) {
    return new WorkbookLimits(maxFileBytes, maxEntries, bytes, maxInflateRatio,
        ratioCheckMinBytes, maxCells, maxFormulaChars, maxCellsPerSheet);
  }
}
