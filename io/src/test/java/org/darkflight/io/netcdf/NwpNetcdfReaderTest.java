package org.darkflight.io.netcdf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
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
import org.darkflight.io.netcdf.NwpFixtures.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NwpNetcdfReaderTest {

  /** Park Forest, IL, fall (2003-03-27 05:50:26 UTC), approximate luminous-end point. */
  static final double LAT = 41.48;
  static final double LON = -87.68;
  static final Instant EVENT = Instant.parse("2003-03-27T05:50:26Z");
  static final double EVENT_HOURS = (5 * 3600 + 50 * 60 + 26) / 3600.0;
  static final double R0 = 6_356_766.0;
  static final double G0 = 9.80665;

  @TempDir
  Path tmp;

  private static void assertLinearFieldsReproduced(AtmosphericRaw raw, double lat, double lon,
      double hours) {
    List<SourceLevel> levels = raw.levels();
    assertThat(levels.size(), is(NwpFixtures.LEVELS_HPA.length));
    for (int k = 0; k < levels.size(); k++) {
      SourceLevel l = levels.get(k);
      double h = NwpFixtures.geopotentialHeight(k, lat, lon, hours);
      assertThat("altitude k=" + k, l.altitudeM(), closeTo(R0 * h / (R0 - h), 1e-6));
      assertThat("p k=" + k, l.pressurePa(), closeTo(NwpFixtures.LEVELS_HPA[k] * 100.0, 1e-9));
      assertThat("u k=" + k, l.windUMps(), closeTo(NwpFixtures.u(k, lat, lon, hours), 1e-9));
      assertThat("v k=" + k, l.windVMps(), closeTo(NwpFixtures.v(k, lat, lon, hours), 1e-9));
      assertThat("T k=" + k, l.temperatureK(),
          closeTo(NwpFixtures.temperature(k, lat, lon, hours), 1e-9));
    }
  }

  private static AtmosphericRaw read(Path file, Instant t, double lat, double lon)
      throws InputException {
    return NwpNetcdfReader.read(file, new SourceRequest(t, lat, lon), "test");
  }

  @Test
  void era5FixtureIsExactForLinearFieldsAtTheEvent() throws Exception {
    AtmosphericRaw raw = read(AtmosTestData.path("atmos/era5_pl_20030327.nc"), EVENT, LAT, LON);
    assertLinearFieldsReproduced(raw, LAT, LON, EVENT_HOURS);
    assertThat(raw.kind(), is(SourceKind.MODEL));
    assertThat(raw.metadata().get("producer"), is("ERA5"));
    assertThat(raw.metadata().get("grid"), containsString("regular lat/lon 5x4"));
    assertThat(raw.metadata().get("time_before"), is("2003-03-27T00:00:00Z"));
    assertThat(raw.metadata().get("time_after"), is("2003-03-27T06:00:00Z"));
  }

  @Test
  void gfsFixtureIsExactAndCarriesRunTime() throws Exception {
    AtmosphericRaw raw = read(AtmosTestData.path("atmos/gfs_0p25_20030327.nc"), EVENT, LAT, LON);
    assertLinearFieldsReproduced(raw, LAT, LON, EVENT_HOURS);
    assertThat(raw.metadata().get("producer"), is("GFS"));
    assertThat(raw.metadata().get("run_time"), is("2003-03-27T00:00:00Z"));
  }

  @Test
  void hrrrCurvilinearFixtureIsExact() throws Exception {
    AtmosphericRaw raw = read(AtmosTestData.path("atmos/hrrr_prs_20030327.nc"), EVENT, LAT, LON);
    assertLinearFieldsReproduced(raw, LAT, LON, EVENT_HOURS);
    assertThat(raw.metadata().get("producer"), is("HRRR"));
    assertThat(raw.metadata().get("grid"), containsString("curvilinear 4x4"));
  }

  @Test
  void exactAtManyPointsAndTimesInsideTheGrid() throws Exception {
    Path era5 = AtmosTestData.path("atmos/era5_pl_20030327.nc");
    Path hrrr = AtmosTestData.path("atmos/hrrr_prs_20030327.nc");
    double[][] points = {{41.0, -88.25}, {42.0, -87.5}, {41.3, -87.9}, {41.77, -87.61}};
    for (double[] p : points) {
      for (int minutes : new int[] {0, 17, 180, 359, 360}) {
        Instant t = Instant.parse(NwpFixtures.T0_ISO).plusSeconds(minutes * 60L);
        assertLinearFieldsReproduced(read(era5, t, p[0], p[1]), p[0], p[1], minutes / 60.0);
      }
    }
    assertLinearFieldsReproduced(read(hrrr, EVENT, 41.45, -87.75), 41.45, -87.75, EVENT_HOURS);
  }

  @Test
  void midpointInTimeIsTheMeanOfTheTwoOutputs() throws Exception {
    Path gfs = AtmosTestData.path("atmos/gfs_0p25_20030327.nc");
    AtmosphericRaw a = read(gfs, Instant.parse("2003-03-27T00:00:00Z"), LAT, LON);
    AtmosphericRaw b = read(gfs, Instant.parse("2003-03-27T06:00:00Z"), LAT, LON);
    AtmosphericRaw mid = read(gfs, Instant.parse("2003-03-27T03:00:00Z"), LAT, LON);
    assertThat(mid.metadata().get("time_weight"), is("0.500000"));
    for (int k = 0; k < mid.levels().size(); k++) {
      SourceLevel m = mid.levels().get(k);
      assertThat(m.windUMps(), closeTo((a.levels().get(k).windUMps()
          + b.levels().get(k).windUMps()) / 2, 1e-12));
      assertThat(m.temperatureK(), closeTo((a.levels().get(k).temperatureK()
          + b.levels().get(k).temperatureK()) / 2, 1e-12));
      // geopotential height is averaged, then converted: compare in H
      double ha = a.levels().get(k).altitudeM() * R0 / (R0 + a.levels().get(k).altitudeM());
      double hb = b.levels().get(k).altitudeM() * R0 / (R0 + b.levels().get(k).altitudeM());
      double hm = m.altitudeM() * R0 / (R0 + m.altitudeM());
      assertThat(hm, closeTo((ha + hb) / 2, 1e-6));
    }
  }

  @Test
  void era5GeopotentialIsDividedByG0ThenMadeGeometric() throws Exception {
    AtmosphericRaw raw = read(AtmosTestData.path("atmos/era5_pl_20030327.nc"),
        Instant.parse(NwpFixtures.T0_ISO), 41.0, -88.0);
    // at (41, -88, h=0) the field is H0 exactly: the 50 hPa level at 20 576 gpm
    SourceLevel top = raw.levels().get(raw.levels().size() - 1);
    assertThat(top.altitudeM(), closeTo(20_642.818, 1e-3));
  }

  @Test
  void pluginIsDiscoveredAndAcceptsNetcdf() {
    Path era5 = AtmosTestData.path("atmos/era5_pl_20030327.nc");
    assertThat(AtmosphericSources.forFile(era5, SourceKind.MODEL).orElseThrow().manifest().name(),
        is("nwp-netcdf"));
  }

  @Test
  void generatorReproducesTheCommittedFixtures() throws Exception {
    Path fresh = tmp.resolve("era5.nc");
    NwpFixtures.writeEra5(fresh, Fault.NONE);
    AtmosphericRaw a = read(fresh, EVENT, LAT, LON);
    AtmosphericRaw b = read(AtmosTestData.path("atmos/era5_pl_20030327.nc"), EVENT, LAT, LON);
    assertThat(a.levels(), equalTo(b.levels()));
  }

  private InputException fault(Fault fault, String style) throws IOException {
    Path f = tmp.resolve(style + "_" + fault + ".nc");
    switch (style) {
      case "era5" -> NwpFixtures.writeEra5(f, fault);
      case "gfs" -> NwpFixtures.writeGfs(f, fault);
      default -> NwpFixtures.writeHrrr(f, fault);
    }
    InputException e = assertThrows(InputException.class, () -> read(f, EVENT, LAT, LON));
    assertThat(e.getMessage(), containsString(f.toString()));
    assertThat(e.getMessage().contains("\n"), is(false));
    return e;
  }

  @Test
  void missingTemperatureIsNamed() throws Exception {
    assertThat(fault(Fault.MISSING_TEMPERATURE, "era5").getMessage(),
        containsString("t: missing variable"));
    assertThat(fault(Fault.MISSING_TEMPERATURE, "gfs").field(),
        containsString("Temperature_isobaric"));
  }

  @Test
  void nanAndFillValuesAreRejectedWithTheirPlace() throws Exception {
    InputException nan = fault(Fault.NAN_IN_U, "era5");
    assertThat(nan.field(), containsString("u[time=2003-03-27T00:00:00Z][level=2]"));
    assertThat(nan.reason(), containsString("missing/fill value"));
    InputException fill = fault(Fault.FILL_VALUE_IN_V, "gfs");
    assertThat(fill.field(), containsString("v-component_of_wind_isobaric"));
    assertThat(fill.field(), containsString("[level=4]"));
  }

  @Test
  void mismatchedGridsAreRejected() throws Exception {
    InputException e = fault(Fault.MISMATCHED_GRID, "hrrr");
    assertThat(e.field(), is("VGRD_P0_L100_GLC0"));
    assertThat(e.reason(), containsString("mismatched grid"));
  }

  @Test
  void paVersusHpaConfusionIsDetected() throws Exception {
    assertThat(fault(Fault.PA_LABELLED_HPA, "gfs").reason(),
        containsString("Pa labelled as hPa"));
    assertThat(fault(Fault.PA_LABELLED_HPA, "era5").reason(),
        containsString("hPa labelled as Pa"));
  }

  @Test
  void duplicateLevelsAreRejected() throws Exception {
    InputException e = fault(Fault.DUPLICATE_LEVEL, "era5");
    assertThat(e.field(), is("pressure_level[3]"));
    assertThat(e.reason(), containsString("duplicate pressure level"));
  }

  @Test
  void truncatedFileIsRejected() throws Exception {
    Path f = tmp.resolve("truncated.nc");
    Files.copy(AtmosTestData.path("atmos/gfs_0p25_20030327.nc"), f);
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
    InputException e = assertThrows(InputException.class, () -> read(f, EVENT, LAT, LON));
    assertThat(e.getMessage(), containsString("truncated"));
  }

  @Test
  void notNetcdfAtAllIsRejected() throws Exception {
    Path f = tmp.resolve("junk.nc");
    Files.writeString(f, "this is not netCDF");
    InputException e = assertThrows(InputException.class, () -> read(f, EVENT, LAT, LON));
    assertThat(e.reason(), containsString("not a readable netCDF file"));
  }

  @Test
  void eventOutsideGridOrTimesIsRejected() throws Exception {
    Path gfs = AtmosTestData.path("atmos/gfs_0p25_20030327.nc");
    InputException space = assertThrows(InputException.class, () -> read(gfs, EVENT, 45.0, LON));
    assertThat(space.reason(), containsString("outside the grid"));
    InputException time = assertThrows(InputException.class,
        () -> read(gfs, Instant.parse("2003-03-27T07:00:00Z"), LAT, LON));
    assertThat(time.reason(), containsString("outside the file's times"));
  }

  // ------------------------------------------------------------- issue 19 §6: units, truncation

  @Test
  void windInKnotsOrCmPerSecondIsConvertedToMetresPerSecond() throws Exception {
    AtmosphericRaw mps = read(AtmosTestData.path("atmos/era5_pl_20030327.nc"), EVENT, LAT, LON);
    for (Fault fault : new Fault[] {Fault.WIND_IN_KNOTS, Fault.WIND_IN_CM_S}) {
      Path f = tmp.resolve("era5_" + fault + ".nc");
      NwpFixtures.writeEra5(f, fault);
      AtmosphericRaw raw = read(f, EVENT, LAT, LON);
      double factor = fault == Fault.WIND_IN_KNOTS ? 1852.0 / 3600.0 : 0.01;
      for (int k = 0; k < raw.levels().size(); k++) {
        assertThat(raw.levels().get(k).windUMps(),
            closeTo(factor * mps.levels().get(k).windUMps(), 1e-9));
        assertThat(raw.levels().get(k).windVMps(),
            closeTo(factor * mps.levels().get(k).windVMps(), 1e-9));
      }
    }
  }

  @Test
  void unknownWindUnitsAreRefusedNamingTheVariable() throws Exception {
    InputException e = fault(Fault.WIND_IN_FURLONGS, "gfs");
    assertThat(e.field(), is("u-component_of_wind_isobaric"));
    assertThat(e.reason(), containsString("furlong fortnight-1"));
  }

  @Test
  void aFileCutInItsDataIsReportedAsTruncated() throws Exception {
    // the header is intact, the last bytes of the data are missing: before, the missing values
    // read as zeros and the error blamed the pressure units ("expected about Infinity Pa")
    for (String name : new String[] {"gfs_0p25_20030327.nc", "era5_pl_20030327.nc"}) {
      Path f = tmp.resolve("cut_" + name);
      Files.copy(AtmosTestData.path("atmos/" + name), f);
      try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
        raf.setLength(raf.length() - 64);
      }
      InputException e = assertThrows(InputException.class, () -> read(f, EVENT, LAT, LON));
      assertThat(e.getMessage(), containsString("truncated or corrupt"));
      assertThat(e.getMessage(), not(containsString("Infinity")));
    }
  }
}
