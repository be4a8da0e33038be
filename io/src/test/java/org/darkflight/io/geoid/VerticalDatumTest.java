package org.darkflight.io.geoid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.junit.jupiter.api.Test;

/**
 * The conversion of a run's heights to the integration datum at (0° N, 90° E), where NGA's
 * calculator publishes N = −63.24 m: mean-sea-level heights drop by 63.24 m, ellipsoidal heights
 * stay, and the legacy modes keep every height as given.
 */
class VerticalDatumTest {

  static final LuminousEnd END = new LuminousEnd(Instant.parse("2020-01-01T00:00:00Z"), 0, 90,
      20_000, 3000, 45, 60);
  static final List<AtmosLevel> LEVELS = List.of(
      AtmosLevel.of(0, 101_325, 288.15, 1, 2), AtmosLevel.of(10_000, 26_500, 223.25, 3, 4));

  static PhysicsConfig ground(double m, PhysicsConfig.LegacyMode legacy) {
    PhysicsConfig d = PhysicsConfig.defaults();
    return new PhysicsConfig(d.dragModel(), d.cdScale(), d.ablation(), d.gravityModel(),
        d.earthRotation(), m, d.integration(), d.outputIntervalS(), legacy);
  }

  @Test
  void meanSeaLevelHeightsMoveByTheUndulation() {
    VerticalDatum.Converted c = VerticalDatum.toIntegrationDatum(END, HeightReference.MSL,
        LEVELS, HeightReference.MSL, ground(300, PhysicsConfig.LegacyMode.NONE),
        HeightReference.MSL);
    assertThat(c.luminousEnd().altitudeM(), closeTo(20_000 - 63.24, 1e-9));
    assertThat(c.levels().get(0).altitudeM(), closeTo(-63.24, 1e-9));
    assertThat(c.levels().get(1).altitudeM(), closeTo(10_000 - 63.24, 1e-9));
    assertThat(c.levels().get(1).windUMps(), is(3.0));
    assertThat(c.physics().groundAltitudeM(), closeTo(300 - 63.24, 1e-9));
    assertThat(c.note().integration(), is(VerticalDatum.ELLIPSOID));
    assertThat(c.note().undulationM(), closeTo(-63.24, 1e-9));
    assertThat(c.note().ground(), is("constant"));
  }

  @Test
  void ellipsoidalHeightsStayAndEachInputCounts() {
    VerticalDatum.Converted c = VerticalDatum.toIntegrationDatum(END, HeightReference.ELLIPSOID,
        LEVELS, HeightReference.MSL, ground(300, PhysicsConfig.LegacyMode.NONE),
        HeightReference.ELLIPSOID);
    assertThat(c.luminousEnd().altitudeM(), is(20_000.0));
    assertThat(c.levels().get(1).altitudeM(), closeTo(10_000 - 63.24, 1e-9));
    assertThat(c.physics().groundAltitudeM(), is(300.0));
    assertThat(c.note().eventHeightReference(), is("ellipsoid"));
    assertThat(c.note().atmosHeightReference(), is("msl"));
  }

  @Test
  void legacyModesKeepTheWorkbookConvention() {
    VerticalDatum.Converted c = VerticalDatum.toIntegrationDatum(END, HeightReference.MSL,
        LEVELS, HeightReference.MSL, ground(300, PhysicsConfig.LegacyMode.FRIES_V42),
        HeightReference.MSL);
    assertThat(c.luminousEnd().altitudeM(), is(20_000.0));
    assertThat(c.levels().get(0).altitudeM(), is(0.0));
    assertThat(c.physics().groundAltitudeM(), is(300.0));
    assertThat(c.note().integration(), is(VerticalDatum.AS_GIVEN));
  }
}
