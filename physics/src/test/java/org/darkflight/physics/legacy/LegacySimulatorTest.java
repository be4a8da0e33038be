package org.darkflight.physics.legacy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.geodesy.TransverseMercator;
import org.darkflight.physics.trajectory.Landing;
import org.junit.jupiter.api.Test;

class LegacySimulatorTest {

  /** ISA-like levels every 100 m with a constant wind blowing towards the east. */
  static List<AtmosLevel> levels(double windEastMps) {
    List<AtmosLevel> out = new ArrayList<>();
    for (double z = 0; z <= 20_000; z += 100) {
      double t = z < 11_000 ? 288.15 - 0.0065 * z : 216.65;
      double p = z < 11_000 ? 101_325 * Math.pow(t / 288.15, 5.255877)
          : 22_632.06 * Math.exp(-(z - 11_000) / (287.05 * 216.65 / 9.80665));
      out.add(AtmosLevel.of(z, p, t, windEastMps, 0));
    }
    return out;
  }

  static PhysicsConfig config(PhysicsConfig.LegacyMode mode) {
    PhysicsConfig d = PhysicsConfig.defaults();
    return new PhysicsConfig(d.dragModel(), 1, d.ablation(), d.gravityModel(), false, 300,
        d.integration(), 1, mode);
  }

  static final LuminousEnd VERTICAL = new LuminousEnd(Instant.parse("2003-03-27T05:50:15Z"),
      41.35, -87.79, 16_000, 2000, 0, 90);

  @Test
  void calmVerticalFallLandsBelowTheStartInBothModes() {
    for (PhysicsConfig.LegacyMode m : List.of(PhysicsConfig.LegacyMode.FRIES_V2,
        PhysicsConfig.LegacyMode.FRIES_V42)) {
      Landing l = new LegacySimulator(levels(0), config(m)).land(VERTICAL,
          new Fragment("f", 1, 3300, 1, Fragment.SPHERE_SHAPE_FACTOR));
      assertThat(m.toString(), l.driftDistanceM(), closeTo(0, 1e-6));
      assertThat(l.latitudeDeg(), closeTo(41.35, 1e-9));
      assertThat(l.fallTimeS(), greaterThan(0.0));
    }
  }

  @Test
  void eastwardWindCarriesTheFragmentEastInBothModes() {
    for (PhysicsConfig.LegacyMode m : List.of(PhysicsConfig.LegacyMode.FRIES_V2,
        PhysicsConfig.LegacyMode.FRIES_V42)) {
      Landing l = new LegacySimulator(levels(10), config(m)).land(VERTICAL,
          new Fragment("f", 0.1, 3300, 1, Fragment.SPHERE_SHAPE_FACTOR));
      assertThat(m.toString(), l.longitudeDeg(), greaterThan(-87.79));
      if (m == PhysicsConfig.LegacyMode.FRIES_V2) {
        // v2 offsets are true east/north
        assertThat(m.toString(), l.driftBearingDeg(), closeTo(90, 1e-6));
      } else {
        // v.42 adds its displacement in UTM (as the workbook's B8 = B6 + E7): grid east, so the
        // UTM northing does not change; true bearing = 90° + the grid convergence there
        TransverseMercator utm = TransverseMercator.containing(41.35, -87.79);
        double[] s = utm.forward(41.35, -87.79);
        double[] e = utm.forward(l.latitudeDeg(), l.longitudeDeg());
        assertThat(e[1], closeTo(s[1], 1e-6));
        assertThat(e[0], greaterThan(s[0]));
        double convergenceDeg = Math.toDegrees(Math.atan(Math.tan(Math.toRadians(-87.79 + 87))
            * Math.sin(Math.toRadians(41.35))));
        assertThat(l.driftBearingDeg(), closeTo(90 + convergenceDeg, 0.01));
      }
    }
  }

  @Test
  void v42ModeEqualsTheV42MethodOnTheSameRows() {
    List<AtmosLevel> lv = levels(5);
    Landing l = new LegacySimulator(lv, config(PhysicsConfig.LegacyMode.FRIES_V42)).land(
        new LuminousEnd(Instant.EPOCH, 0, 0, 16_000, 3000, 0, 58.4),
        new Fragment("f", 1, 3320, 1, Fragment.SPHERE_SHAPE_FACTOR));
    List<RaobRow> rows = new ArrayList<>();
    for (AtmosLevel a : lv) {
      if (a.altitudeM() <= 0) {
        continue;
      }
      rows.add(new RaobRow(a.pressurePa() / 100, a.altitudeM(), (a.temperatureK() - 273.15) * 10,
          0, 270, 50));
    }
    FriesV42Result r = new FriesV42().run(new FriesV42Inputs(0, 0, 3.32, 300, 16_000, 1000, 0,
        3000, 58.4, FriesV42Inputs.WORKBOOK_FIRST_ITERATION_CD, 9.81, rows));
    assertThat(l.fallTimeS(), closeTo(r.fallTimeS(), 1e-9));
    // the displacement is added in UTM (zone 31N here): the landing's UTM offset is v.42's
    TransverseMercator utm = TransverseMercator.containing(0, 0);
    double[] s = utm.forward(0, 0);
    double[] e = utm.forward(l.latitudeDeg(), l.longitudeDeg());
    assertThat(e[0] - s[0], closeTo(r.displacementEastM(), 1e-6));
    assertThat(e[1] - s[1], closeTo(r.displacementNorthM(), 1e-6));
  }
}
