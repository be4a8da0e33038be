package org.darkflight.physics.atmosphere;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StandardAtmosphere1976Test {

  private final StandardAtmosphere1976 atm = new StandardAtmosphere1976();

  /**
   * Published USSA76 values at geometric altitudes (U.S. Standard Atmosphere 1976, Table I; the
   * same digits are listed in docs physics-references §3), each within 0.1 %.
   */
  @ParameterizedTest(name = "Z = {0} m")
  @CsvSource({
      "0, 288.15, 101325, 1.2250, 340.29, 1.7894e-05",
      "1000, 281.65, 89876, 1.1117, 336.43, 1.7579e-05",
      "5000, 255.68, 54048, 0.73643, 320.55, 1.6282e-05",
      "10000, 223.25, 26500, 0.41351, 299.53, 1.4577e-05",
      "11000, 216.77, 22700, 0.3648, 295.15, 1.4223e-05",
      "20000, 216.65, 5529.3, 0.08891, 295.07, 1.4216e-05",
      "30000, 226.51, 1197.0, 0.01841, 301.71, 1.4753e-05",
      "40000, 250.35, 287.14, 0.0039957, 317.19, 1.6009e-05",
      "50000, 270.65, 79.779, 0.0010269, 329.80, 1.7037e-05",
      "60000, 247.02, 21.959, 3.0968e-04, 315.07, 1.5837e-05",
      "70000, 219.58, 5.2209, 8.2829e-05, 297.06, 1.4377e-05",
      "80000, 198.64, 1.0525, 1.8458e-05, 282.54, 1.3208e-05"})
  void matchesThePublishedTable(double z, double t, double p, double rho, double a, double mu) {
    AtmosphereState s = atm.at(z);
    assertThat(s.temperatureK(), closeTo(t, 1e-3 * t));
    assertThat(s.pressurePa(), closeTo(p, 1e-3 * p));
    assertThat(s.densityKgM3(), closeTo(rho, 1e-3 * rho));
    assertThat(s.speedOfSoundMps(), closeTo(a, 1e-3 * a));
    assertThat(s.viscosityPaS(), closeTo(mu, 1e-3 * mu));
    assertThat(s.windEastMps(), is(0.0));
    assertThat(s.windNorthMps(), is(0.0));
    assertThat(s.windUpMps(), is(0.0));
  }

  /** USSA76 Table 4 base pressures at the geopotential layer bases, to the printed digits. */
  @ParameterizedTest(name = "H = {0} m'")
  @CsvSource({"11000, 22632.06", "20000, 5474.889", "32000, 868.0187", "47000, 110.9063",
      "51000, 66.93887", "71000, 3.956420"})
  void reproducesTheLayerBasePressures(double h, double p) {
    double z = 6_356_766.0 * h / (6_356_766.0 - h);
    assertThat(atm.at(z).pressurePa(), closeTo(p, 2e-6 * p));
  }

  @Test
  void geopotentialHeight() {
    assertThat(StandardAtmosphere1976.geopotentialHeightM(10_000), closeTo(9984.3, 0.1));
  }

  @Test
  void isContinuedBelowSeaLevelAndAbove86Km() {
    assertThat(atm.at(-500).temperatureK(), closeTo(288.15 + 0.0065 * 500, 0.01));
    assertThat(atm.at(-500).pressurePa(), closeTo(107_478, 10));
    AtmosphereState top = atm.at(86_000);
    AtmosphereState above = atm.at(90_000);
    assertThat(above.temperatureK(), is(top.temperatureK()));
    // isothermal: p falls by exp(−g ΔH / (R T))
    double dh = StandardAtmosphere1976.geopotentialHeightM(90_000)
        - StandardAtmosphere1976.geopotentialHeightM(86_000);
    assertThat(above.pressurePa() / top.pressurePa(),
        closeTo(Math.exp(-9.80665 * dh / (287.0531 * top.temperatureK())), 1e-6));
    assertThat(top.temperatureK(), closeTo(186.87, 0.1));
  }
}
