package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.physics.legacy.FriesV2;
import org.darkflight.physics.legacy.FriesV2Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** fries_v2 against POI's recalculation of the generated v2 workbook, three scenarios. */
class FriesV2PoiParityTest {

  static List<V2WorkbookGenerator.Scenario> scenarios() {
    return V2WorkbookGenerator.scenarios();
  }

  /** Recalculates a generated workbook with POI and reads the results sheet. */
  static Map<String, Double> poiResults(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      // rows are evaluated in sheet order, so each slice finds the previous one cached
      XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
      Sheet res = wb.getSheet("results");
      Map<String, Double> out = new HashMap<>();
      for (int i = 0; i < V2WorkbookGenerator.RESULTS.size(); i++) {
        out.put(V2WorkbookGenerator.RESULTS.get(i),
            res.getRow(i).getCell(1).getNumericCellValue());
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void javaMatchesPoiWithinSpecTolerances(V2WorkbookGenerator.Scenario s, @TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("v2.xlsx");
    V2WorkbookGenerator.write(s.inputs(), file);
    // the generated workbook passes the FormulaGraph allowlist and has no cycle
    FormulaGraph g = new FormulaGraphExtractor().extract(file);
    assertThat(g.cycles().size(), lessThan(1));
    FriesV2Result r = new FriesV2().run(s.inputs());
    FriesV2Parity.assertWithinSpec(s.name(), r, poiResults(file));
  }

  @Test
  void slicesChainFinalStateIntoNextInitialState() {
    V2WorkbookGenerator.Scenario s = V2WorkbookGenerator.scenarios().get(0);
    FriesV2Result r = new FriesV2().run(s.inputs());
    assertThat(r.slices().size(), org.hamcrest.Matchers.equalTo(s.inputs().levels().size() - 1));
    double t = 0;
    for (FriesV2Result.SliceState st : r.slices()) {
      assertThat(st.timeS(), greaterThan(t));
      t = st.timeS();
    }
    // lands at the ground altitude, after slowing to near terminal speed
    assertThat(r.slices().get(r.slices().size() - 1).altitudeM(), closeTo(200, 1e-9));
    assertThat(r.impactSpeedMps(), closeTo(r.terminalVelocityMps(), 0.3 * r.terminalVelocityMps()));
  }

  @Test
  void noWindStraightDownLandsBelowTheStart() {
    List<org.darkflight.physics.legacy.FriesV2Inputs.Level> calm =
        V2WorkbookGenerator.sounding(10_000, 0, 100, 0, 0, 0);
    FriesV2Result r = new FriesV2().run(new org.darkflight.physics.legacy.FriesV2Inputs(1, 3300,
        10_000, 0, 1000, 0, 90, 9.81, calm));
    assertThat(r.driftM(), closeTo(0, 1e-9));
  }

}
