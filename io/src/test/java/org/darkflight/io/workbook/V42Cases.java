package org.darkflight.io.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The altered input sets of the v.42 parity tests: edits of the red input cells. */
final class V42Cases {

  /** One edit of an input cell. */
  record Edit(String cell, double value) {}

  /** One input set: a name and (cell, value) edits of sheet "particle parameters". */
  record Case(String name, List<Edit> edits) {
    /** Applies the edits; returns the previous values, for {@link #restore}. */
    double[] apply(XSSFWorkbook wb) {
      Sheet s = wb.getSheet(V42WorkbookReader.PARAMS);
      double[] old = new double[edits.size()];
      for (int i = 0; i < edits.size(); i++) {
        Edit e = edits.get(i);
        CellReference cr = new CellReference(e.cell());
        Cell c = s.getRow(cr.getRow()).getCell(cr.getCol());
        old[i] = c.getNumericCellValue();
        c.setCellValue(e.value());
      }
      return old;
    }

    /** Puts back the values {@link #apply} returned. */
    void restore(XSSFWorkbook wb, double[] old) {
      Sheet s = wb.getSheet(V42WorkbookReader.PARAMS);
      for (int i = 0; i < edits.size(); i++) {
        CellReference cr = new CellReference(edits.get(i).cell());
        s.getRow(cr.getRow()).getCell(cr.getCol()).setCellValue(old[i]);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Case> ALTERED = List.of(
      new Case("mass 1 g", List.of(new Edit("B21", 1.0))),
      new Case("mass 100 kg", List.of(new Edit("B21", 100_000.0))),
      new Case("mass 10 g, 30 deg, 2000 m/s, heading 270",
          List.of(new Edit("B21", 10.0), new Edit("B26", 30.0),
              new Edit("B25", 2000.0), new Edit("B24", 270.0))),
      new Case("mass 25 kg iron, 80 deg, 4500 m/s, heading 135",
          List.of(new Edit("B21", 25_000.0), new Edit("B16", 7.5),
              new Edit("B26", 80.0), new Edit("B25", 4500.0),
              new Edit("B24", 135.0))),
      new Case("mass 250 g, window 2000-22000 m, 45 deg, 3500 m/s",
          List.of(new Edit("B21", 250.0), new Edit("B18", 2000.0),
              new Edit("B19", 22000.0), new Edit("B26", 45.0),
              new Edit("B25", 3500.0))),
      new Case("mass 5 kg carbonaceous, 20 deg, heading 200, start moved",
          List.of(new Edit("B21", 5000.0), new Edit("B16", 2.11),
              new Edit("B26", 20.0), new Edit("B24", 200.0),
              new Edit("B6", 400000.0), new Edit("C6", 4600000.0))));

  private V42Cases() {}
}
