package org.darkflight.io.heatmap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.geo.MassClasses;
import org.junit.jupiter.api.Test;

class GroundHeatmapTest {

  static final LatLon ORIGIN = new LatLon(GeoFixtures.END_LAT, GeoFixtures.END_LON);
  static final MassClasses TWO = new MassClasses(List.of("light", "heavy"));

  /** A landing {@code eastM}/{@code northM} from the origin in class {@code c}. */
  static LandingPoint at(double eastM, double northM, int c, long i) {
    LatLon ll = new LocalTangentPlane(ORIGIN).toLatLon(eastM, northM);
    return new LandingPoint("F", i, TWO.label(c), c, ll.latitudeDeg(), ll.longitudeDeg(), 0.01,
        0.02, 30, GeoFixtures.LUMINOUS_END_TIME.plusSeconds(100), 100, Double.NaN, 4.5, 40, 1.2,
        3400);
  }

  @Test
  void countsAreFractionsOfTheClassInEachCell() {
    // cell 100 m; light: 3 points in cell [0,100)x[0,100), 1 in [200,300)x[0,100);
    // heavy: 2 points far north.
    List<LandingPoint> pts = List.of(at(10, 10, 0, 0), at(50, 50, 0, 1), at(90, 20, 0, 2),
        at(250, 50, 0, 3), at(50, 1050, 1, 4), at(60, 1060, 1, 5));
    GroundHeatmap.Result r = GroundHeatmap.build(pts, TWO, ORIGIN, HeatmapOptions.counts(100));
    HeatmapGrid g = r.grid();
    assertThat(g.westM(), closeTo(0, 1e-9));
    assertThat(g.southM(), closeTo(0, 1e-9));
    assertThat(g.columns(), equalTo(3));
    assertThat(g.rows(), equalTo(11));
    double[] light = r.classes().get(0).probability();
    assertThat(light[g.index(10, 0)], closeTo(0.75, 1e-12));
    assertThat(light[g.index(10, 2)], closeTo(0.25, 1e-12));
    assertThat(r.classes().get(1).probability()[g.index(0, 0)], closeTo(1.0, 1e-12));
    assertThat(r.classes().get(0).total(), closeTo(1.0, 1e-12));
    assertThat(r.classes().get(1).total(), closeTo(1.0, 1e-12));
  }

  @Test
  void kernelMassOfOnePointAtACellCentreIsTheNormalIntegral() {
    // h = cell: the window is the whole cells within 4h, here ±4.5h about the centre, so the
    // centre cell holds (Φ(.5) − Φ(−.5))² / (1 − 2Φ(−4.5))²; Φ(.5) = 0.691462461274013,
    // Φ(−4.5) = 3.397673e-6
    // (Abramowitz & Stegun table 26.1).
    GroundHeatmap.Result r = GroundHeatmap.build(List.of(at(50, 50, 0, 0)),
        TWO, ORIGIN, HeatmapOptions.kernel(100));
    HeatmapGrid g = r.grid();
    double[] p = r.classes().get(0).probability();
    double inner = 2 * 0.691462461274013 - 1;
    double kept = 1 - 2 * 3.397673124730062e-6;
    int col = (int) Math.floor((50 - g.westM()) / 100);
    int row = (int) Math.floor((g.northM() - 50) / 100);
    assertThat(p[g.index(row, col)], closeTo(inner * inner / (kept * kept), 1e-6));
    assertThat(r.classes().get(0).total(), closeTo(1.0, 1e-12));
    assertThat(r.classes().get(1).total(), equalTo(0.0));
  }

  @Test
  void kernelMapsSumToOneAndKeepTheCentroid() {
    Random rnd = new Random(7);
    List<LandingPoint> pts = new ArrayList<>();
    double sumE = 0;
    double sumN = 0;
    for (int i = 0; i < 500; i++) {
      double e = 3000 + 800 * rnd.nextGaussian();
      double n = -2000 + 300 * rnd.nextGaussian();
      pts.add(at(e, n, 1, i));
      sumE += e;
      sumN += n;
    }
    GroundHeatmap.Result r = GroundHeatmap.build(pts, TWO, ORIGIN,
        new HeatmapOptions(50, HeatmapOptions.Method.KERNEL, 120, 2000));
    HeatmapGrid g = r.grid();
    double[] p = r.classes().get(1).probability();
    assertThat(r.classes().get(1).total(), closeTo(1.0, 1e-9));
    double ce = 0;
    double cn = 0;
    for (int row = 0; row < g.rows(); row++) {
      for (int col = 0; col < g.columns(); col++) {
        double w = p[g.index(row, col)];
        ce += w * (g.westM() + (col + 0.5) * g.cellM());
        cn += w * (g.northM() - (row + 0.5) * g.cellM());
      }
    }
    // the symmetric kernel keeps the mean; cell-centre discretisation errs by < cell/2
    assertThat(Math.abs(ce - sumE / 500), lessThanOrEqualTo(25.0));
    assertThat(Math.abs(cn - sumN / 500), lessThanOrEqualTo(25.0));
  }

  @Test
  void tooWideFieldsGetLargerCells() {
    List<LandingPoint> pts = List.of(at(0, 0, 0, 0), at(100_000, 0, 0, 1));
    GroundHeatmap.Result r = GroundHeatmap.build(pts, TWO, ORIGIN,
        new HeatmapOptions(10, HeatmapOptions.Method.COUNTS, 10, 100));
    assertThat(r.grid().columns(), lessThanOrEqualTo(100));
    assertThat(r.grid().cellM() % 10, closeTo(0, 1e-9));
    assertThat(r.classes().get(0).total(), closeTo(1.0, 1e-12));
  }

  @Test
  void fixtureEnsembleSumsToOnePerNonEmptyClass() {
    GroundHeatmap.Result r = GroundHeatmap.build(GeoFixtures.points(2000), GeoFixtures.CLASSES,
        ORIGIN, HeatmapOptions.kernel(200));
    for (ClassHeatmap m : r.classes()) {
      assertThat(m.massClass(), m.total(), closeTo(m.landings() > 0 ? 1.0 : 0.0, 1e-9));
    }
  }
}
