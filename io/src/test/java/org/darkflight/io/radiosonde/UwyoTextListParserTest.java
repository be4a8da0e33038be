package org.darkflight.io.radiosonde;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosTestData;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSources;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.junit.jupiter.api.Test;

class UwyoTextListParserTest {

  static final Path SONDE_00Z = AtmosTestData.path("atmos/uwyo_74560_2003032700.html");
  static final Path SONDE_12Z = AtmosTestData.path("atmos/uwyo_74560_2003032712.html");
  static final double KT = 1852.0 / 3600.0;
  static final double R0 = 6_356_766.0;

  static String text(Path p) throws Exception {
    return Files.readString(p, StandardCharsets.ISO_8859_1);
  }

  static SourceLevel at(List<SourceLevel> levels, double pressurePa) {
    return levels.stream().filter(l -> l.pressurePa() == pressurePa).findFirst().orElseThrow();
  }

  @Test
  void readsStationTimeAndConvertsUnits() throws Exception {
    UwyoSounding s = UwyoTextListParser.parse(SONDE_00Z);
    assertThat(s.stationId(), is("ILX"));
    assertThat(s.stationNumber(), is("74560"));
    assertThat(s.observationTime(), is(Instant.parse("2003-03-27T00:00:00Z")));
    assertThat(s.latDeg(), is(40.15));
    assertThat(s.lonDeg(), is(-89.33));
    assertThat(s.elevationM(), is(178.0));
    // 925.0 hPa  762 m  13.0 C  270 deg  40 kt: a westerly blows towards the east (u > 0)
    SourceLevel l = at(s.levels(), 92_500.0);
    assertThat(l.windUMps(), closeTo(40 * KT, 1e-6));
    assertThat(l.windVMps(), closeTo(0.0, 1e-9));
    assertThat(l.temperatureK(), closeTo(286.15, 1e-9));
    assertThat(l.altitudeM(), closeTo(762.0 * R0 / (R0 - 762.0), 1e-9));
    // 1000 hPa: 200 deg 10 kt (from SSW: blows to NNE, u > 0, v > 0)
    SourceLevel bottom = s.levels().get(0);
    assertThat(bottom.pressurePa(), is(100_000.0));
    assertThat(bottom.windUMps(), closeTo(-10 * KT * Math.sin(Math.toRadians(200)), 1e-9));
    assertThat(bottom.windVMps(), closeTo(-10 * KT * Math.cos(Math.toRadians(200)), 1e-9));
    assertThat(bottom.windUMps() > 0 && bottom.windVMps() > 0, is(true));
  }

  @Test
  void blankFieldsAreMissingAndRowsWithoutHeightAreDropped() throws Exception {
    UwyoSounding s = UwyoTextListParser.parse(SONDE_00Z);
    // 650 hPa is a wind-only row: TEMP blank
    SourceLevel windOnly = at(s.levels(), 65_000.0);
    assertThat(Double.isNaN(windOnly.temperatureK()), is(true));
    assertThat(windOnly.hasWind(), is(true));
    // 687 hPa has no HGHT
    assertThat(s.droppedLevels(), is(1));
    assertThat(s.levels().stream().anyMatch(l -> l.pressurePa() == 68_700.0), is(false));
    assertThat(s.levels().size(), is(27));
  }

  @Test
  void frostPointVariantColumnsAreFoundFromTheHeader() throws Exception {
    UwyoSounding s = UwyoTextListParser.parse(SONDE_12Z);
    assertThat(s.columns(), is(List.of("PRES", "HGHT", "TEMP", "DWPT", "FRPT", "RELH", "RELI",
        "MIXR", "DRCT", "SKNT", "THTA", "THTE", "THTV")));
    assertThat(s.observationTime(), is(Instant.parse("2003-03-27T12:00:00Z")));
    SourceLevel l = at(s.levels(), 92_500.0);
    assertThat(l.windUMps(), closeTo(40 * KT, 1e-6));
    // 1000 hPa  108 m  15.8 C  215 deg  10 kt
    SourceLevel b = s.levels().get(0);
    assertThat(b.temperatureK(), closeTo(288.95, 1e-9));
    assertThat(b.windVMps(), closeTo(-10 * KT * Math.cos(Math.toRadians(215)), 1e-9));
  }

  @Test
  void sourcePluginIsDiscoveredAndAcceptsTheFile() throws Exception {
    var src = AtmosphericSources.forFile(SONDE_00Z, SourceKind.RADIOSONDE).orElseThrow();
    assertThat(src.manifest().name(), is("radiosonde-uwyo"));
    AtmosphericRaw raw = src.load(SONDE_00Z,
        new SourceRequest(Instant.parse("2003-03-27T05:50:26Z"), 41.48, -87.68));
    assertThat(raw.kind(), is(SourceKind.RADIOSONDE));
    assertThat(raw.metadata().get("station_id"), is("ILX"));
  }

  private static InputException bad(String text) {
    return assertThrows(InputException.class, () -> UwyoTextListParser.parse(text, "s.html"));
  }

  @Test
  void unsortedLevelsAreRejected() throws Exception {
    String t = text(SONDE_00Z);
    String r1 = " 1000.0    111";
    String r2 = "  985.0    238";
    int a = t.indexOf(r1);
    int b = t.indexOf(r2);
    String row1 = t.substring(a, t.indexOf('\n', a) + 1);
    String row2 = t.substring(b, t.indexOf('\n', b) + 1);
    InputException e = bad(t.replace(row1 + row2, row2 + row1));
    assertThat(e.getMessage(), containsString("s.html: line 11 PRES: levels not sorted"));
  }

  @Test
  void duplicateLevelsAreRejected() throws Exception {
    String t = text(SONDE_00Z);
    int a = t.indexOf("  950.0    540");
    String row = t.substring(a, t.indexOf('\n', a) + 1);
    InputException e = bad(t.replace(row, row + row));
    assertThat(e.reason(), containsString("duplicate level 950.0 hPa"));
  }

  @Test
  void pascalsInThePressureColumnAreDetected() throws Exception {
    String t = text(SONDE_00Z).replace("  950.0    540", " 95000.    540");
    InputException e = bad(t);
    assertThat(e.field(), is("PRES"));
    assertThat(e.reason(), containsString("looks like Pa"));
  }

  @Test
  void kelvinInTheTemperatureColumnIsDetected() throws Exception {
    String t = text(SONDE_00Z).replace("  950.0    540   14.5", "  950.0    540  287.6");
    assertThat(bad(t).reason(), containsString("implausible temperature"));
  }

  @Test
  void missingRequiredColumnIsNamed() throws Exception {
    String t = text(SONDE_00Z).replace("   SKNT   THTA", "   SPED   THTA");
    InputException e = bad(t);
    assertThat(e.field(), is("SKNT"));
    assertThat(e.reason(), containsString("required column missing"));
  }

  @Test
  void truncatedFileIsRejected() throws Exception {
    String t = text(SONDE_00Z);
    InputException header = bad(t.substring(0, t.indexOf("    hPa")));
    assertThat(header.reason(), containsString("truncated"));
    InputException noInfo = bad(t.substring(0, t.indexOf("  500.0")));
    assertThat(noInfo.field(), is("Station latitude"));
  }

  @Test
  void garbageInAFieldIsNamedByLineAndColumn() throws Exception {
    String t = text(SONDE_00Z).replace("  950.0    540   14.5", "  950.0    540   1x.5");
    InputException e = bad(t);
    assertThat(e.field(), is("line 12 TEMP"));
  }

  @Test
  void shiftedColumnsAreNotMisread() throws Exception {
    String t = text(SONDE_00Z).replace("   PRES   HGHT", "  PRES   HGHT ");
    assertThat(bad(t).reason(), containsString("not the UWyo TEXT:LIST layout"));
  }

  @Test
  void notASoundingAtAll() {
    assertThat(bad("<html>hello</html>").field(), is("header"));
  }
}
