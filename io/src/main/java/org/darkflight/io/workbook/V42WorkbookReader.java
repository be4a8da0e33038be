package org.darkflight.io.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.RaobRow;

/**
 * Reads the inputs of a JÖRMUNGANDR v.42 workbook: the red input cells of
 * {@code particle parameters}, the pasted profile in {@code RAOB Used for Calcs!B1:G600} and the
 * constants {@code Vz!I1:I600} and {@code Vz!T19}. Only stored values are read; no formula is
 * evaluated.
 */
public final class V42WorkbookReader {

  /** Sheet with inputs and readouts. */
  public static final String PARAMS = "particle parameters";
  /** Sheet with the profile the calculation uses. */
  public static final String RAOB = "RAOB Used for Calcs";
  /** Sheet with the vertical-speed columns and two constants. */
  public static final String VZ = "Vz";

  private final WorkbookLimits limits;

  public V42WorkbookReader() {
    this(WorkbookLimits.defaults());
  }

  public V42WorkbookReader(WorkbookLimits limits) {
    this.limits = limits;
  }

  /** Reads a workbook file. */
  public FriesV42Inputs read(Path file) throws InputException {
    XSSFWorkbook wb = SafeWorkbooks.open(file, limits);
    try {
      return read(file, wb);
    } finally {
      SafeWorkbooks.close(wb);
    }
  }

  /** Reads an open workbook; {@code file} names it in errors. */
  public static FriesV42Inputs read(Path file, XSSFWorkbook wb) throws InputException {
    Sheet params = sheet(file, wb, PARAMS);
    Sheet raob = sheet(file, wb, RAOB);
    Sheet vz = sheet(file, wb, VZ);
    double cd = number(file, vz, "I1");
    for (int r = 2; r <= FriesV42.ROWS; r++) {
      double v = number(file, vz, "I" + r);
      if (v != cd) {
        throw new InputException(file, "'" + VZ + "'!I" + r, "first-iteration drag "
            + "coefficients differ between rows (" + v + " vs " + cd + " in I1); the v.42 mode "
            + "takes one value");
      }
    }
    List<RaobRow> rows = new ArrayList<>();
    int last = 0;
    for (int r = 1; r <= FriesV42.ROWS; r++) {
      double[] v = new double[6];
      for (int c = 0; c < 6; c++) {
        String ref = (char) ('B' + c) + String.valueOf(r);
        v[c] = numberOrZero(file, raob, ref);
      }
      RaobRow row = new RaobRow(v[0], v[1], v[2], v[3], v[4], v[5]);
      rows.add(row);
      if (!row.equals(RaobRow.EMPTY)) {
        last = r;
      }
    }
    if (last == 0) {
      throw new InputException(file, "'" + RAOB + "'!B1:G600", "the profile is empty");
    }
    Row beyond = raob.getRow(FriesV42.ROWS);
    if (beyond != null && beyond.getCell(2) != null
        && beyond.getCell(2).getCellType() == CellType.NUMERIC) {
      throw new InputException(file, "'" + RAOB + "'!C601", "the workbook's formulas stop at "
          + "row 600; levels below row 600 would be ignored");
    }
    try {
      return new FriesV42Inputs(
          number(file, params, "B6"), number(file, params, "C6"),
          number(file, params, "B16"), number(file, params, "B18"),
          number(file, params, "B19"), number(file, params, "B21"),
          number(file, params, "B24"), number(file, params, "B25"),
          number(file, params, "B26"), cd, number(file, vz, "T19"),
          rows.subList(0, last));
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "'" + PARAMS + "'", e.getMessage(), e);
    }
  }

  private static Sheet sheet(Path file, XSSFWorkbook wb, String name) throws InputException {
    Sheet s = wb.getSheet(name);
    if (s == null) {
      throw new InputException(file, "sheet '" + name + "'", "missing; not a JÖRMUNGANDR "
          + "v.42 workbook");
    }
    return s;
  }

  private static Cell cell(Sheet sheet, String ref) {
    CellReference cr = new CellReference(ref);
    Row row = sheet.getRow(cr.getRow());
    return row == null ? null : row.getCell(cr.getCol());
  }

  /** A number cell; a formula cell gives its cached value. */
  static double number(Path file, Sheet sheet, String ref) throws InputException {
    Cell c = cell(sheet, ref);
    String where = "'" + sheet.getSheetName() + "'!" + ref;
    if (c == null) {
      throw new InputException(file, where, "must hold a number, is empty");
    }
    CellType t = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType()
        : c.getCellType();
    if (t != CellType.NUMERIC) {
      throw new InputException(file, where, "must hold a number, holds " + t);
    }
    double v = c.getNumericCellValue();
    if (!Double.isFinite(v)) {
      throw new InputException(file, where, "must be finite");
    }
    return v;
  }

  private static double numberOrZero(Path file, Sheet sheet, String ref) throws InputException {
    Cell c = cell(sheet, ref);
    if (c == null || c.getCellType() == CellType.BLANK) {
      return 0;
    }
    if (c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank()) {
      return 0;
    }
    return number(file, sheet, ref);
  }
}
