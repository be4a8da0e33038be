package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fries_v42 against LibreOffice's own recalculation of the Park Forest workbook, for the shipped
 * inputs and the six altered input sets (written into copies of the workbook with POI).
 * Recalculation is proven by the altered copies: their cached values (stale, written by POI)
 * equal the original's, LibreOffice's recalculated values move away from them and match Java.
 */
class FriesV42LibreOfficeIT {

  static final List<String> READOUTS = List.of("E7", "F7", "B12", "B13");

  @Test
  void javaMatchesLibreOfficeRecalculation(@TempDir Path work) throws Exception {
    List<Path> inputs = new ArrayList<>();
    List<FriesV42Result> java = new ArrayList<>();
    XSSFWorkbook wb;
    try (InputStream in = Files.newInputStream(LegacyTestFiles.PARK_FOREST)) {
      wb = new XSSFWorkbook(in);
    }
    List<V42Cases.Case> cases = new ArrayList<>();
    cases.add(new V42Cases.Case("shipped", List.of()));
    cases.addAll(V42Cases.ALTERED);
    for (int i = 0; i < cases.size(); i++) {
      V42Cases.Case c = cases.get(i);
      double[] old = c.apply(wb);
      java.add(new FriesV42().run(V42WorkbookReader.read(LegacyTestFiles.PARK_FOREST, wb)));
      Path file = work.resolve("case-" + i + ".xlsx");
      try (OutputStream out = Files.newOutputStream(file)) {
        wb.write(out);
      }
      c.restore(wb, old);
      inputs.add(file);
    }
    wb.close();

    List<Path> outs = LibreOfficeRecalc.recalc(inputs, work);
    double[] original = {2927.6492392323757, 8885.3941972814082};
    for (int i = 0; i < cases.size(); i++) {
      Map<String, Double> lo = LibreOfficeRecalc.values(outs.get(i),
          V42WorkbookReader.PARAMS, READOUTS);
      Map<String, Double> stale = LibreOfficeRecalc.values(inputs.get(i),
          V42WorkbookReader.PARAMS, READOUTS);
      FriesV42Result r = java.get(i);
      String what = cases.get(i).name() + ": ";
      if (i > 0) {
        // the copy still carries the original's cached values; LibreOffice's moved
        assertThat(what + "stale cache", stale.get("E7"), closeTo(original[0], 1e-9));
        assertThat(what + "recalculated", Math.abs(lo.get("E7") - original[0])
            + Math.abs(lo.get("F7") - original[1]), greaterThan(1e-3));
      }
      assertThat(what + "east", r.displacementEastM(), closeTo(lo.get("E7"), 1e-6));
      assertThat(what + "north", r.displacementNorthM(), closeTo(lo.get("F7"), 1e-6));
      assertThat(what + "fall time", r.fallTimeS(), closeTo(lo.get("B12"), 1e-9));
      assertThat(what + "max Vz", r.maxFallSpeedMps(), closeTo(lo.get("B13"), 1e-9));
    }
  }
}
