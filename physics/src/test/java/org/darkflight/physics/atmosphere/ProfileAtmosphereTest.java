package org.darkflight.physics.atmosphere;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileAtmosphereTest {

  private static AtmosLevel level(double z, double p, double t, double u, double v, double w,
      double rho) {
    return new AtmosLevel(z, p, t, u, v, w, rho, Double.NaN, Double.NaN, Double.NaN);
  }

  private final ProfileAtmosphere profile = new ProfileAtmosphere(List.of(
      level(1000, 90_000, 280, 2, -4, 0.0, Double.NaN),
      level(3000, 70_000, 266, 10, 0, 0.2, Double.NaN),
      level(6000, 47_000, 248, 22, 6, -0.4, 0.66)));

  @Test
  void interpolatesLogPressureAndLinearTemperatureAndWinds() {
    AtmosphereState s = profile.at(2000);
    assertThat(s.pressurePa(), closeTo(Math.sqrt(90_000.0 * 70_000.0), 1e-6));
    assertThat(s.temperatureK(), closeTo(273, 1e-12));
    assertThat(s.windEastMps(), closeTo(6, 1e-12));
    assertThat(s.windNorthMps(), closeTo(-2, 1e-12));
    assertThat(s.windUpMps(), closeTo(0.1, 1e-12));
    // density from p/(R T) at both levels, interpolated in log
    double r0 = 90_000 / (287.0531 * 280);
    double r1 = 70_000 / (287.0531 * 266);
    assertThat(s.densityKgM3(), closeTo(Math.sqrt(r0 * r1), 1e-6));
    assertThat(s.speedOfSoundMps(), closeTo(Math.sqrt(1.4 * 287.0531 * 273), 1e-3));
    assertThat(s.viscosityPaS(), closeTo(AirProperties.viscosityPaS(273), 1e-15));
  }

  @Test
  void usesGivenDensityAndHitsLevelsExactly() {
    AtmosphereState s = profile.at(6000);
    assertThat(s.densityKgM3(), closeTo(0.66, 1e-12));
    assertThat(s.pressurePa(), closeTo(47_000, 1e-6));
    AtmosphereState mid = profile.at(4500);
    double r1 = 70_000 / (287.0531 * 266);
    assertThat(mid.densityKgM3(), closeTo(Math.sqrt(r1 * 0.66), 1e-6));
    assertThat(profile.at(1000).temperatureK(), is(280.0));
    assertThat(profile.at(3000).windEastMps(), is(10.0));
  }

  @Test
  void blendsIntoTheStandardAtmosphereOutsideTheProfile() {
    StandardAtmosphere1976 std = StandardAtmosphere1976.INSTANCE;
    // continuous at the top
    AtmosphereState justAbove = profile.at(6000.001);
    assertThat(justAbove.pressurePa(), closeTo(47_000, 0.1));
    assertThat(justAbove.windEastMps(), closeTo(22, 1e-3));
    // pure USSA76, no wind, once past the blend distance
    AtmosphereState far = profile.at(6000 + ProfileAtmosphere.BLEND_DISTANCE_M + 1000);
    AtmosphereState ref = std.at(6000 + ProfileAtmosphere.BLEND_DISTANCE_M + 1000);
    assertThat(far.temperatureK(), closeTo(ref.temperatureK(), 1e-9));
    assertThat(far.pressurePa(), closeTo(ref.pressurePa(), 1e-6 * ref.pressurePa()));
    assertThat(far.densityKgM3(), closeTo(ref.densityKgM3(), 1e-6 * ref.densityKgM3()));
    assertThat(far.windEastMps(), is(0.0));
    // half way through the blend: halfway wind, pressure between anchored and USSA76
    AtmosphereState half = profile.at(6000 + ProfileAtmosphere.BLEND_DISTANCE_M / 2);
    assertThat(half.windEastMps(), closeTo(11, 1e-9));
    assertThat(half.windNorthMps(), closeTo(3, 1e-9));
    // below the profile: anchored to the bottom level with the USSA76 lapse of pressure
    AtmosphereState below = profile.at(0);
    double anchored = 90_000 * std.at(0).pressurePa() / std.at(1000).pressurePa();
    double expected = Math.exp(0.8 * Math.log(anchored) + 0.2 * Math.log(std.at(0)
        .pressurePa()));
    assertThat(below.pressurePa(), closeTo(expected, 1e-6 * expected));
    assertThat(below.temperatureK(), closeTo(0.8 * 280 + 0.2 * 288.15, 1e-9));
    assertThat(below.windEastMps(), closeTo(1.6, 1e-12));
  }

  @Test
  void aSingleLevelProfileWorks() {
    ProfileAtmosphere one = new ProfileAtmosphere(List.of(AtmosLevel.of(500, 95_000, 285, 3,
        4)));
    assertThat(one.at(500).pressurePa(), closeTo(95_000, 1e-6));
    assertThat(one.at(400).windNorthMps(), closeTo(4 * (1 - 100 / 5000.0), 1e-12));
    assertThat(one.bottomAltitudeM(), is(500.0));
    assertThat(one.topAltitudeM(), is(500.0));
    assertThat(one.levels().size(), is(1));
  }

  @Test
  void rejectsUnsortedDuplicateOrEmptyLevels() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProfileAtmosphere(List.of(AtmosLevel.of(1000, 9e4, 280, 0, 0),
            AtmosLevel.of(500, 9.5e4, 284, 0, 0))));
    assertThat(e.getMessage(), containsString("sorted"));
    assertThrows(IllegalArgumentException.class,
        () -> new ProfileAtmosphere(List.of(AtmosLevel.of(1000, 9e4, 280, 0, 0),
            AtmosLevel.of(1000, 9e4, 280, 0, 0))));
    assertThrows(IllegalArgumentException.class, () -> new ProfileAtmosphere(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ProfileAtmosphere(null));
  }
}
