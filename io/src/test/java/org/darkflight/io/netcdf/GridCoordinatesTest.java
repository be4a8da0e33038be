package org.darkflight.io.netcdf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing finding 4 (docs/reliability.md "Fuzzing"): a mutated HRRR sample whose 2-D grid
 * longitudes hold values such as -5.6e150 made the grid search's longitude normalisation loop
 * add 360° about 1e148 times (a libFuzzer timeout). Grid coordinates are now range-checked when
 * read, and the normalisation reduces a far value exactly before it loops. The timeouts guard a
 * hang; they are not performance figures.
 */
class GridCoordinatesTest {

  @Test
  void theFuzzingFindingIsRefusedAtOnceNamingTheCoordinate() {
    Path f = Path.of("src/test/resources/org/darkflight/io/fuzz/NetcdfFuzzTestInputs/fuzz/"
        + "finding-4-grid-longitudes-far-out-of-range.nc");
    InputException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(InputException.class,
            () -> NwpNetcdfReader.read(f, Netcdf3HeaderTest.REQUEST, "t")));
    assertThat(e.getMessage(), containsString("gridlat_0[2][3]"));
    assertThat(e.getMessage(), containsString("latitude value 806.91"));
    assertThat(e.getMessage(), containsString("outside [-90, 90] degrees"));
  }

  @Test
  void farLongitudesAreReducedWithoutLooping() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      // 360 is below the resolution of -5.6e150: any answer, but an answer
      assertThat(Double.isFinite(HorizontalGrid.normaliseLon(-87.6, -5.6e150)), is(true));
      assertThat(HorizontalGrid.normaliseLon(1.1e274, 0.0) < 360.0, is(true));
      assertThat(Double.isNaN(HorizontalGrid.normaliseLon(Double.POSITIVE_INFINITY, 0.0)),
          is(true));
      assertThat(Double.isNaN(HorizontalGrid.normaliseLon(Double.NaN, 0.0)), is(true));
    });
  }

  @Test
  void longitudesNearTheWindowAreUnchangedBitForBit() {
    // the usual cases (a grid in 0..360 or -180..180, the event in either convention) take the
    // same loop as before the change
    assertThat(HorizontalGrid.normaliseLon(-87.68, 0.0), is(-87.68 + 360.0));
    assertThat(HorizontalGrid.normaliseLon(272.32, -180.0), is(272.32 - 360.0));
    assertThat(HorizontalGrid.normaliseLon(-87.68, -180.0), is(-87.68));
    assertThat(HorizontalGrid.normaliseLon(-87.68 - 720.0, 0.0), is(-87.68 - 720.0 + 360.0
        + 360.0 + 360.0));
  }
}
