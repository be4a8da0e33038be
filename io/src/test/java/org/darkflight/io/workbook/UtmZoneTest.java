package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/** UTM conversions against closed forms and published UTM tables. */
class UtmZoneTest {

  @Test
  void falseEastingOnTheEquatorIsTheCentralMeridian() {
    double[] ll = UtmZone.parse("16N").toGeographic(500_000, 0);
    assertThat(ll[0], closeTo(0, 1e-9));
    assertThat(ll[1], closeTo(-87, 1e-9));
  }

  /** WGS84 meridian arc, the classical series to e⁶ (Snyder 1987, USGS PP 1395, eq. 3-21). */
  static double meridianArcM(double latDeg) {
    double a = 6378137.0;
    double f = 1 / 298.257223563;
    double e2 = f * (2 - f);
    double e4 = e2 * e2;
    double e6 = e4 * e2;
    double p = Math.toRadians(latDeg);
    return a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * p
        - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * Math.sin(2 * p)
        + (15 * e4 / 256 + 45 * e6 / 1024) * Math.sin(4 * p)
        - (35 * e6 / 3072) * Math.sin(6 * p));
  }

  @Test
  void centralMeridianNorthingsMatchTheMeridianArc() {
    // on the central meridian, UTM northing = 0.9996 × meridian arc
    UtmZone z = UtmZone.parse("16N");
    assertThat(z.fromGeographic(40, -87)[1], closeTo(0.9996 * meridianArcM(40), 1e-3));
    assertThat(z.fromGeographic(42, -87)[1], closeTo(0.9996 * meridianArcM(42), 1e-3));
    assertThat(z.fromGeographic(42, -87)[1], closeTo(4_649_776.2, 0.1));
    assertThat(z.fromGeographic(42, -87)[0], closeTo(500_000, 1e-6));
  }

  @Test
  void roundTripsAndInfersZones() {
    UtmZone z = UtmZone.containing(41.48, -87.68);
    assertThat(z, equalTo(new UtmZone(16, true)));
    double[] en = z.fromGeographic(41.48, -87.68);
    double[] ll = z.toGeographic(en[0], en[1]);
    assertThat(ll[0], closeTo(41.48, 1e-9));
    assertThat(ll[1], closeTo(-87.68, 1e-9));
    assertThat(UtmZone.containing(-33.9, 18.4), equalTo(new UtmZone(34, false)));
    assertThat(UtmZone.parse("33 s"), equalTo(new UtmZone(33, false)));
  }
}
