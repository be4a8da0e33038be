package org.darkflight.analysis.atmos;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import org.darkflight.analysis.atmos.QcAnnotation.Codes;
import org.junit.jupiter.api.Test;

class WorkingLevelTest {

  @Test
  void freezesWithIdealGasDensityAndFlagsInOrder() {
    WorkingLevel l = new WorkingLevel(1000);
    l.temperatureK = 281.65;
    l.lnPressure = Math.log(89_874.6);
    l.windUMps = 3;
    l.source = "sonde";
    l.flags.add(Codes.SOURCE_DISAGREEMENT);
    l.flags.add(Codes.SHEAR_SMOOTHED);
    l.flags.add(Codes.SOURCE_DISAGREEMENT);
    FusedLevel f = l.toFusedLevel();
    // USSA76 at 1000 m: 89 874.6 Pa, 281.65 K, 1.1117 kg/m³
    assertThat(f.pressurePa(), closeTo(89_874.6, 1e-8));
    assertThat(f.densityKgM3(), closeTo(1.1117, 1e-3));
    assertThat(f.qcFlags(), contains(Codes.SOURCE_DISAGREEMENT, Codes.SHEAR_SMOOTHED));
    assertThat(l.measured(), is(true));
  }

  @Test
  void missingValuesAreNaNUntilFilled() {
    WorkingLevel l = new WorkingLevel(0);
    l.windUMps = Double.NaN;
    l.temperatureK = Double.NaN;
    assertThat(l.hasWind(), is(false));
    assertThat(l.hasTemperature(), is(false));
    l.flags.add(Codes.GAP_FILLED);
    assertThat(l.measured(), is(false));
  }
}
