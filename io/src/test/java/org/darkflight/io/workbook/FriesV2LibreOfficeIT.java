package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkflight.physics.legacy.FriesV2;
import org.darkflight.physics.legacy.FriesV2Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fries_v2 against LibreOffice's recalculation of the generated v2 workbooks (three scenarios),
 * within the spec's tolerances. The generated files carry no cached values (POI writes none), so
 * every value read back was computed by LibreOffice.
 */
class FriesV2LibreOfficeIT {

  @Test
  void javaMatchesLibreOfficeWithinSpecTolerances(@TempDir Path work) throws Exception {
    List<V2WorkbookGenerator.Scenario> scenarios = V2WorkbookGenerator.scenarios();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < scenarios.size(); i++) {
      Path f = work.resolve("v2-" + i + ".xlsx");
      V2WorkbookGenerator.write(scenarios.get(i).inputs(), f);
      files.add(f);
    }
    List<Path> outs = LibreOfficeRecalc.recalc(files, work);
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < V2WorkbookGenerator.RESULTS.size(); i++) {
      refs.add("B" + (i + 1));
    }
    for (int i = 0; i < scenarios.size(); i++) {
      Map<String, Double> cells = LibreOfficeRecalc.values(outs.get(i), "results", refs);
      Map<String, Double> named = new java.util.HashMap<>();
      for (int k = 0; k < refs.size(); k++) {
        named.put(V2WorkbookGenerator.RESULTS.get(k), cells.get(refs.get(k)));
      }
      FriesV2Result r = new FriesV2().run(scenarios.get(i).inputs());
      FriesV2Parity.assertWithinSpec("LibreOffice " + scenarios.get(i).name(), r, named);
      // and POI's recalculation agrees with LibreOffice's
      Map<String, Double> poi = FriesV2PoiParityTest.poiResults(files.get(i));
      assertThat(poi.get("offset_east_m"), closeTo(named.get("offset_east_m"), 1e-6));
    }
  }
}
