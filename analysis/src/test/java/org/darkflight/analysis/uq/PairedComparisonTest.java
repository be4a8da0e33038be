package org.darkflight.analysis.uq;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

  @Test
  void intervalUsesTheStudentQuantile() {
    // x = 1..5: mean 3, s = √2.5; t(0.975, 4) = 2.776445 (tables, e.g. NIST/SEMATECH 1.3.6.7.2)
    PairedComparison.Interval i = PairedComparison.interval(new double[] {1, 2, 3, 4, 5}, 0.95);
    double half = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
    assertThat(i.mean(), closeTo(3, 1e-12));
    assertThat(i.stdDev(), closeTo(Math.sqrt(2.5), 1e-12));
    assertThat(i.low(), closeTo(3 - half, 1e-5));
    assertThat(i.high(), closeTo(3 + half, 1e-5));
  }

  @Test
  void pairsBySampleIndexAndMeasuresTheShift() {
    LatLon origin = new LatLon(41.5, -87.7);
    LocalTangentPlane plane = new LocalTangentPlane(origin);
    List<PairedComparison.Landing> a = new ArrayList<>();
    List<PairedComparison.Landing> b = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      double e = 100 * i;
      double n = -50 * i;
      LatLon pa = plane.toLatLon(e, n);
      LatLon pb = plane.toLatLon(e + 300, n - 400);
      a.add(new PairedComparison.Landing(i, i % 2, "c" + (i % 2), pa.latitudeDeg(),
          pa.longitudeDeg()));
      // B in reverse order and without sample 0: pairing must go by index
      if (i > 0) {
        b.add(0, new PairedComparison.Landing(i, i % 2, "c" + (i % 2), pb.latitudeDeg(),
            pb.longitudeDeg()));
      }
    }
    List<PairedComparison.ClassDiff> d = PairedComparison.compare(a, b, origin, 0.95);
    assertThat(d.size(), equalTo(2));
    assertThat(d.get(0).pairs(), equalTo(9));
    assertThat(d.get(1).pairs(), equalTo(10));
    for (PairedComparison.ClassDiff c : d) {
      assertThat(c.eastM().mean(), closeTo(300, 1e-6));
      assertThat(c.northM().mean(), closeTo(-400, 1e-6));
      assertThat(c.distanceM().mean(), closeTo(500, 1e-6));
    }
  }
}
