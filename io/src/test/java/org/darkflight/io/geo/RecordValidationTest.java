package org.darkflight.io.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

  private static LandingPoint point(double lat, double lon, double massFinal, double massInitial,
      double radius) {
    return new LandingPoint("f", 0, "c", 0, lat, lon, massFinal, massInitial, 10,
        Instant.EPOCH, 100, radius, 1, 1, 1, 1);
  }

  @Test
  void precisionOtherThanFiveOrSixIsRejected() {
    for (int d : new int[] {0, 4, 7, 10, -1}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new GeoOutputOptions(d, 10, true));
      assertThat(e.getMessage(), containsString("geo_precision_decimals must be 5 or 6"));
    }
    assertThat(GeoOutputOptions.defaults().geoPrecisionDecimals(), equalTo(6));
    assertThat(GeoOutputOptions.defaults().withPrecisionDecimals(5).geoPrecisionDecimals(),
        equalTo(5));
    assertThrows(IllegalArgumentException.class,
        () -> GeoOutputOptions.defaults().withKmlMaxPoints(0));
  }

  @Test
  void landingPointChecksItsFields() {
    assertThrows(IllegalArgumentException.class, () -> point(91, 0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> point(Double.NaN, 0, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> point(0, 0, 0, 1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> point(0, 0, 2, 1, 1));
    assertThat(e.getMessage(), containsString("mass_final_kg"));
    assertThrows(IllegalArgumentException.class, () -> point(0, 0, 1, 1, -1));
    assertThat(point(0, 0, 1, 1, Double.NaN).hasUncertaintyRadius(), equalTo(false));
    assertThrows(IllegalArgumentException.class, () -> new LandingPoint("f", -2, "c", 0, 0, 0,
        1, 1, 1, Instant.EPOCH, 1, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new LandingPoint("", 0, "c", 0, 0, 0,
        1, 1, 1, Instant.EPOCH, 1, 1, 1, 1, 1, 1));
  }

  @Test
  void longitudesAreNormalisedToMinus180To180() {
    assertThat(point(0, 190, 1, 1, 1).longitudeDeg(), closeTo(-170, 1e-12));
    assertThat(point(0, -180, 1, 1, 1).longitudeDeg(), closeTo(180, 1e-12));
    assertThat(new LatLon(0, 359.5).longitudeDeg(), closeTo(-0.5, 1e-12));
  }

  @Test
  void runInfoSortsItsSummaryAndRejectsBadHashes() {
    RunInfo run = GeoFixtures.run();
    assertThat(List.copyOf(run.summary().keySet()), equalTo(List.of("ensemble_samples", "seed")));
    assertThrows(IllegalArgumentException.class, () -> new ArtifactRef("x", "ABC"));
    assertThrows(IllegalArgumentException.class, () -> new RunInfo("e", "r", "", Instant.EPOCH,
        0, 0, 0, Instant.EPOCH, "p", List.of(), "passed", Map.of()));
  }

  @Test
  void massClassesMustMatchByIndexAndLabel() {
    MassClasses classes = new MassClasses(List.of("small", "large"));
    classes.check(1, "large");
    assertThrows(IllegalArgumentException.class, () -> classes.check(1, "small"));
    assertThrows(IllegalArgumentException.class, () -> classes.check(2, "x"));
    assertThrows(IllegalArgumentException.class, () -> new MassClasses(List.of("a", "a")));
  }

  @Test
  void kmlColoursAreAlphaBlueGreenRed() {
    assertThat(MassClassColours.kmlColour(new Color(255, 255, 0), 255), equalTo("ff00ffff"));
    assertThat(MassClassColours.kmlColour(new Color(255, 0, 0), 64), equalTo("400000ff"));
    assertThat(MassClassColours.kmlColour(new Color(0x88, 0x88, 0xFF), 255), equalTo("ffff8888"));
  }
}
