package org.darkflight.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Size limits on what is read, so that memory is bounded by design: no input within them needs
 * more than 1 GB of heap (docs/reliability.md). Each has a documented override, a system
 * property or an environment variable (the property wins):
 *
 * <ul>
 *   <li>JSON and text inputs: {@value #DEFAULT_MAX_INPUT_MB} MB per file
 *       ({@code -Ddarkflight.maxInputMb=N} or {@code DARKFLIGHT_MAX_INPUT_MB=N});
 *   <li>workbooks: {@value #DEFAULT_MAX_WORKBOOK_CELLS} cells in all
 *       ({@code darkflight.maxWorkbookCells} / {@code DARKFLIGHT_MAX_WORKBOOK_CELLS}) and
 *       {@value #DEFAULT_MAX_SHEET_CELLS} per sheet ({@code darkflight.maxSheetCells} /
 *       {@code DARKFLIGHT_MAX_SHEET_CELLS}), counted in the sheet XML before the workbook is
 *       loaded.
 * </ul>
 */
public final class InputLimits {

  /** Default largest JSON or text input, MB (2^20 bytes). */
  public static final long DEFAULT_MAX_INPUT_MB = 32;
  /** Default most non-empty cells of a workbook, over all sheets. */
  public static final long DEFAULT_MAX_WORKBOOK_CELLS = 500_000;
  /** Default most non-empty cells of one worksheet. */
  public static final long DEFAULT_MAX_SHEET_CELLS = 250_000;

  private InputLimits() {}

  /** Largest JSON or text input, bytes. */
  public static long maxInputBytes() {
    return setting("darkflight.maxInputMb", "DARKFLIGHT_MAX_INPUT_MB", DEFAULT_MAX_INPUT_MB)
        << 20;
  }

  /** Most cells of a workbook in all. */
  public static long maxWorkbookCells() {
    return setting("darkflight.maxWorkbookCells", "DARKFLIGHT_MAX_WORKBOOK_CELLS",
        DEFAULT_MAX_WORKBOOK_CELLS);
  }

  /** Most cells of one worksheet. */
  public static long maxSheetCells() {
    return setting("darkflight.maxSheetCells", "DARKFLIGHT_MAX_SHEET_CELLS",
        DEFAULT_MAX_SHEET_CELLS);
  }

  /**
   * Refuses a JSON or text input larger than {@link #maxInputBytes()}.
   *
   * @throws InputException naming the file, its size and the override
   */
  public static void checkInputSize(Path file) throws InputException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "", "file not found");
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read file: " + e, e);
    }
    long max = maxInputBytes();
    if (size > max) {
      throw new InputException(file, "", String.format(Locale.ROOT,
          "the file is %.1f MB, over the input limit of %d MB (an input this large is almost"
              + " certainly not what was meant; raise the limit with DARKFLIGHT_MAX_INPUT_MB)",
          size / 1048576.0, max >> 20));
    }
  }

  private static long setting(String property, String env, long fallback) {
    String v = System.getProperty(property);
    String source = "-D" + property;
    if (v == null) {
      v = System.getenv(env);
      source = env;
    }
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException(source + " must be a whole number > 0, got '" + v + "'");
  }
}
