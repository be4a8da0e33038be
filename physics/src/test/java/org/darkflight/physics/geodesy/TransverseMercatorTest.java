package org.darkflight.physics.geodesy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TransverseMercatorTest {

  @Test
  void equatorOnTheCentralMeridianIsTheFalseOrigin() {
    TransverseMercator utm = new TransverseMercator(31, true);
    double[] en = utm.forward(0, 3);
    assertThat(en[0], closeTo(500_000, 1e-9));
    assertThat(en[1], closeTo(0, 1e-9));
  }

  @Test
  void parkForestTerminusOfTheWorkbook() {
    // The v.42 workbook's 'Terminus point' H6/I6 in UTM 16N is 41.46 N, 87.73 W (event.json notes)
    double[] ll = new TransverseMercator(16, true).inverse(439034.5, 4590080.61);
    assertThat(ll[0], closeTo(41.46, 5e-7));
    assertThat(ll[1], closeTo(-87.73, 5e-7));
  }

  @Test
  void scaleOnTheCentralMeridianIsK0() {
    // one arc-second of latitude on the central meridian near 45° is 30.87 m on the ellipsoid
    // (meridian radius M(45°) = 6 367 381.8 m); UTM shrinks it by 0.9996
    TransverseMercator utm = new TransverseMercator(32, true);
    double n1 = utm.forward(45, 9)[1];
    double n2 = utm.forward(45 + 1.0 / 3600, 9)[1];
    double meridianRadius = Wgs84.A * (1 - Wgs84.E2)
        / Math.pow(1 - Wgs84.E2 * 0.5, 1.5);
    assertThat(n2 - n1, closeTo(0.9996 * meridianRadius * Math.toRadians(1.0 / 3600), 1e-4));
  }

  @Test
  void zoneOfAPoint() {
    assertThat(TransverseMercator.containing(41.35, -87.79).zone(), equalTo(16));
    assertThat(TransverseMercator.containing(-33, 151).north(), equalTo(false));
  }

  @Property(tries = 300)
  void inverseUndoesForwardToANanometre(@ForAll @DoubleRange(min = -80, max = 84) double lat,
      @ForAll @DoubleRange(min = -3.5, max = 3.5) double dLon) {
    TransverseMercator utm = new TransverseMercator(33, lat >= 0);
    double lon = utm.centralMeridianDeg() + dLon;
    double[] en = utm.forward(lat, lon);
    double[] back = utm.inverse(en[0], en[1]);
    double[] again = utm.forward(back[0], back[1]);
    assertThat(again[0], closeTo(en[0], 1e-8));
    assertThat(again[1], closeTo(en[1], 1e-8));
    assertThat(back[0], closeTo(lat, 1e-12));
  }
}
