package org.darkflight.io.atmos;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void windFromTheNorthBlowsSouth() {
    Units.WindComponents w = Units.windFromSpeedDirection(10, 0);
    assertThat(w.uMps(), equalTo(0.0));
    assertThat(w.vMps(), equalTo(-10.0));
  }

  @Test
  void windFromTheEastBlowsWest() {
    Units.WindComponents w = Units.windFromSpeedDirection(10, 90);
    assertThat(w.uMps(), closeTo(-10.0, 1e-12));
    assertThat(w.vMps(), equalTo(0.0));
  }

  @Test
  void windFromTheSouthAndWest() {
    assertThat(Units.windFromSpeedDirection(10, 180).vMps(), closeTo(10.0, 1e-12));
    assertThat(Units.windFromSpeedDirection(10, 270).uMps(), closeTo(10.0, 1e-12));
    assertThat(Units.windFromSpeedDirection(10, 360).vMps(), closeTo(-10.0, 1e-12));
  }

  @Test
  void matchesTheLegacyWorkbook() {
    // Sheet 'wind velocity' row 1 (Excel's own values): 6.68772 m/s from 330° gives
    // X = 3.3438599999999985, Y = -5.7917354133972649.
    Units.WindComponents w = Units.windFromSpeedDirection(6.68772, 330);
    assertThat(w.uMps(), closeTo(3.3438599999999985, 1e-12));
    assertThat(w.vMps(), closeTo(-5.7917354133972649, 1e-12));
  }

  @Test
  void pressureAndTemperature() {
    assertThat(Units.hectopascalToPascal(988), equalTo(98800.0));
    assertThat(Units.celsiusToKelvin(13.2), closeTo(286.35, 1e-12));
    assertThat(Units.celsiusToKelvin(-273.15), equalTo(0.0));
  }

  @Property(tries = 500)
  void componentsKeepTheSpeed(@ForAll @DoubleRange(min = 0, max = 200) double speed,
      @ForAll @DoubleRange(min = 0, max = 360) double dir) {
    Units.WindComponents w = Units.windFromSpeedDirection(speed, dir);
    assertThat(Math.hypot(w.uMps(), w.vMps()), closeTo(speed, 1e-9 * (1 + speed)));
  }

  @Property(tries = 500)
  void speedDirectionInvertsComponents(@ForAll @DoubleRange(min = 0.01, max = 200) double speed,
      @ForAll @DoubleRange(min = 0, max = 359.99) double dir) {
    Units.WindComponents w = Units.windFromSpeedDirection(speed, dir);
    double[] back = Units.speedDirectionFromWind(w.uMps(), w.vMps());
    assertThat(back[0], closeTo(speed, 1e-9 * speed));
    double diff = Math.abs(back[1] - dir);
    assertThat(Math.min(diff, 360 - diff), closeTo(0.0, 1e-7));
  }
}
