package org.darkflight.io.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link Checks#normaliseLongitudeDeg} maps onto (-180, 180] by whole turns. A far or infinite
 * value used to loop for ever (subtracting 360 from 1e274 changes nothing); now it is reduced
 * exactly first (fuzzing finding 4's kind of input). The timeout guards a hang only.
 */
class LongitudeNormalisationTest {

  @Test
  void usualValuesMapOntoTheHalfOpenRange() {
    assertThat(Checks.normaliseLongitudeDeg(180.0), is(180.0));
    assertThat(Checks.normaliseLongitudeDeg(-180.0), is(180.0));
    assertThat(Checks.normaliseLongitudeDeg(272.32), is(272.32 - 360.0));
    assertThat(Checks.normaliseLongitudeDeg(-87.68), is(-87.68));
    assertThat(Checks.normaliseLongitudeDeg(539.0), is(179.0));
  }

  @Test
  void farValuesEndAndStayInRange() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      for (double lon : new double[] {1.1e274, -5.6e150, 1e17, 3601.5, -3601.5}) {
        double n = Checks.normaliseLongitudeDeg(lon);
        assertThat(lon + " -> " + n, n > -180 && n <= 180, is(true));
      }
      assertThat(Checks.normaliseLongitudeDeg(3601.5), closeTo(1.5, 1e-9));
      assertThat(Double.isNaN(Checks.normaliseLongitudeDeg(Double.POSITIVE_INFINITY)), is(true));
    });
  }
}
