package org.darkflight.io.nexrad;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Level II reader on the shipped real KLBB volume (first two cuts of
 * KLBB20160601_150025_V06, testdata/README.md) and on damaged copies of it. Expected values are
 * read by hand from the netCDF-Java 4.5.5 dumps of the research note
 * (level2/netcdfjava-4.5.5_KLBB20160601_150025_V06_data.txt): Reflectivity_HI scan 0 has 213 468
 * valid gates with a maximum of 59.5 dBZ, RadialVelocity_HI scan 0 169 098 valid gates with a
 * maximum of 22.5 m/s; the first radial is at 287.29248° azimuth, 0.703125° elevation,
 * 54 025 232 ms after 2016-06-01T00:00Z; gates start at 2125 m every 250 m.
 */
class Level2ReaderTest {

  static Level2Volume klbb;

  @TempDir
  Path tmp;

  @BeforeAll
  static void read() throws Exception {
    klbb = Level2Reader.read(NexradTestData.KLBB, Level2Reader.Expectation.none());
  }

  static long valid(Level2Sweep s) {
    long n = 0;
    for (int r = 0; r < s.radials(); r++) {
      for (int g = 0; g < s.gates(); g++) {
        n += Double.isNaN(s.value(r, g)) ? 0 : 1;
      }
    }
    return n;
  }

  static double max(Level2Sweep s) {
    double m = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < s.radials(); r++) {
      for (int g = 0; g < s.gates(); g++) {
        double v = s.value(r, g);
        if (!Double.isNaN(v)) {
          m = Math.max(m, v);
        }
      }
    }
    return m;
  }

  @Test
  void readsTheRealKlbbSweepsAsNetcdfJavaDumpsThem() {
    assertThat(klbb.reflectivity().size(), is(2));
    assertThat(klbb.velocity().size(), is(1));
    Level2Sweep z = klbb.reflectivity().get(0);
    assertThat(z.radials(), is(720));
    assertThat(z.gates(), is(1832));
    assertThat(valid(z), is(213_468L));
    assertThat(max(z), is(59.5));
    assertThat((double) z.azimuthsDeg()[0], closeTo(287.29248, 1e-5));
    assertThat((double) z.elevationsDeg()[0], closeTo(0.703125, 1e-6));
    assertThat(z.timesMs()[0], is(Instant.parse("2016-06-01T00:00:00Z").toEpochMilli()
        + 54_025_232L));
    assertThat((double) z.gateRangesM()[0], is(2125.0));
    assertThat(z.gateSpacingM(), is(250.0));
    Level2Sweep v = klbb.velocity().get(0);
    assertThat(v.radials(), is(720));
    assertThat(v.gates(), is(1192));
    assertThat(valid(v), is(169_098L));
    assertThat(max(v), is(22.5));
    assertThat(v.medianElevationDeg(), closeTo(0.52734375, 1e-6));
    assertThat(v.elevationNumber(), is(2));
    assertThat(klbb.firstRadial(), is(Instant.parse("2016-06-01T15:00:25.232Z")));
    assertThat(klbb.lastRadial(), is(Instant.parse("2016-06-01T15:01:29.018Z")));
    assertThat(klbb.complete(), is(false)); // two of the eleven cuts of VCP 21
  }

  @Test
  void takesTheRadarPositionFromTheFilesVolumeBlock() {
    NexradSite s = klbb.site();
    assertThat(s.id(), is("KLBB"));
    assertThat(s.positionSource(), containsString("message-31 volume"));
    // independent: netCDF-Java's station table has KLBB at 33:39:15 N, 101:48:51 W
    assertThat(s.latitudeDeg(), closeTo(33 + 39 / 60.0 + 15 / 3600.0, 1e-4));
    assertThat(s.longitudeDeg(), closeTo(-(101 + 48 / 60.0 + 51 / 3600.0), 1e-4));
    assertThat(s.groundHeightM(), is(1005.0));
    assertThat(s.antennaHeightM(), is(1029.0)); // + 24 m feedhorn
    // the Nyquist velocity of the Doppler cut, from the radial data block
    assertThat(klbb.velocity().get(0).nyquistMps(), closeTo(22.56, 1e-9));
  }

  @Test
  void leavesNoScratchFilesBehind() throws Exception {
    try (Stream<Path> s = Files.list(NexradTestData.KLBB.getParent())) {
      assertThat(s.filter(p -> p.toString().endsWith(".uncompress")).toList(), is(empty()));
    }
    Path tmpRoot = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = scratchDirs(tmpRoot);
    Level2Reader.read(NexradTestData.KLBB, Level2Reader.Expectation.none());
    assertThat(scratchDirs(tmpRoot), is(before));
  }

  static List<Path> scratchDirs(Path root) throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> p.getFileName().toString().startsWith("darkflight-nexrad-"))
          .sorted().toList();
    }
  }

  @Test
  void readsAGzippedCopyTheSame() throws Exception {
    Path gz = tmp.resolve("KLBB20160601_150025_V06_first2cuts.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(NexradTestData.KLBB, out);
    }
    Level2Volume v = Level2Reader.read(gz, Level2Reader.Expectation.none());
    assertThat(valid(v.reflectivity().get(0)), is(213_468L));
    assertThat(v.site(), is(klbb.site()));
    // a gzip stream cut short
    Path cut = NexradTestData.prefix(gz, tmp.resolve("cut.gz"), (int) Files.size(gz) / 2);
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(cut, Level2Reader.Expectation.none()));
    assertThat(e.getMessage(), containsString("truncated: the gzip stream ends early"));
  }

  @Test
  void refusesAVolumeCutInsideAnLdmRecord() throws Exception {
    List<Integer> ends = NexradTestData.ldmRecordEnds(NexradTestData.KLBB);
    assertThat(ends.size(), is(13));
    Path cut = NexradTestData.prefix(NexradTestData.KLBB, tmp.resolve("KLBB_cut"),
        ends.get(8) + 1000);
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(cut, Level2Reader.Expectation.none()));
    assertThat(e.getMessage(), is(cut + ": truncated: LDM record 9 declares "
        + (ends.get(9) - ends.get(8) - 4) + " bytes but only 996 follow (incomplete download or "
        + "copy?)"));
  }

  @Test
  void refusesAVolumeCutBetweenRecordsInTheMiddleOfACut() throws Exception {
    List<Integer> ends = NexradTestData.ldmRecordEnds(NexradTestData.KLBB);
    // records 1-6 hold cut 1; stop after record 3
    Path cut = NexradTestData.prefix(NexradTestData.KLBB, tmp.resolve("KLBB_cut"), ends.get(3));
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(cut, Level2Reader.Expectation.none()));
    assertThat(e.getMessage(), containsString(cut + ": elevation cut 1: truncated: the cut ends"
        + " after "));
    assertThat(e.getMessage(), containsString("without its end-of-elevation radial"));
  }

  @Test
  void refusesAVolumeOfAnotherRadar() {
    Level2Reader.Expectation klot = new Level2Reader.Expectation("KLOT", Double.NaN, Double.NaN,
        "radar_metadata.json", null, null, null);
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(NexradTestData.KLBB, klot));
    assertThat(e.getMessage(), is(NexradTestData.KLBB + ": radar: the volume is from radar "
        + "KLBB, but radar_metadata.json says KLOT"));
  }

  @Test
  void refusesAVolumeWhoseRadarStandsElsewhere() {
    Level2Reader.Expectation moved = new Level2Reader.Expectation("KLBB", 33.70, -101.81,
        "radar_metadata.json", null, null, null);
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(NexradTestData.KLBB, moved));
    assertThat(e.getMessage(), containsString("radar position: the volume's radar stands at "
        + "33.6541, -101.8142, but radar_metadata.json says 33.7000, -101.8100"));
  }

  @Test
  void refusesAVolumeFromAnotherDay() {
    Level2Reader.Expectation nextDay = Level2Reader.around(Level2Reader.Expectation.none(),
        Instant.parse("2016-06-02T15:00:00Z"), Duration.ofHours(6), "the event time");
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(NexradTestData.KLBB, nextDay));
    assertThat(e.getMessage(), is(NexradTestData.KLBB + ": volume time: the volume's radials "
        + "span 2016-06-01T15:00:25.232Z to 2016-06-01T15:01:29.018Z, outside the 6 h around "
        + "the event time 2016-06-02T15:00:00Z (2016-06-02T09:00:00Z to "
        + "2016-06-02T21:00:00Z)"));
  }

  @Test
  void refusesFilesThatAreNotLevelTwo() throws Exception {
    Path json = Files.writeString(tmp.resolve("event.json"), "{\"event_id\": \"x\"}");
    InputException e = assertThrows(InputException.class,
        () -> Level2Reader.read(json, Level2Reader.Expectation.none()));
    assertThat(e.getMessage(), is(json + ": not a NEXRAD Level II (Archive II) volume: it "
        + "starts with \"{\"event_\", expected one of [AR2V0001, AR2V0002, AR2V0003, AR2V0004, "
        + "AR2V0006, AR2V0007, ARCHIVE2]"));
    InputException nvw = assertThrows(InputException.class,
        () -> Level2Reader.read(NexradTestData.KOKX_NVW, Level2Reader.Expectation.none()));
    assertThat(nvw.getMessage(), containsString("not a NEXRAD Level II (Archive II) volume"));
    Path missing = tmp.resolve("missing");
    assertThat(assertThrows(InputException.class, () -> Level2Reader.read(missing,
        Level2Reader.Expectation.none())).getMessage(), is(missing + ": file not found"));
  }

  @Test
  void recognisesFilesByTheirFirstBytes() {
    assertThat(NexradFiles.level2Format(NexradTestData.KLBB), is("AR2V0006"));
    assertThat(NexradFiles.level2Format(NexradTestData.KOKX_NVW), is((String) null));
    assertThat(NexradFiles.level3ProductCode(NexradTestData.KOKX_NVW), is(48));
    assertThat(NexradFiles.level3ProductCode(NexradTestData.KBMX_NVW), is(48));
    assertThat(NexradFiles.level3ProductCode(NexradTestData.KBMX_N0Q), is(94));
    assertThat(NexradFiles.level3ProductCode(NexradTestData.KLBB), is(-1));
    assertThat(new Level2VadSource().accepts(NexradTestData.KLBB), is(true));
    assertThat(new Level2VadSource().accepts(NexradTestData.KOKX_NVW), is(false));
    assertThat(new NexradNvwSource().accepts(NexradTestData.KOKX_NVW), is(true));
    assertThat(new NexradNvwSource().accepts(NexradTestData.KBMX_N0Q), is(false));
    assertThat(klbb.describe(), not(containsString("null")));
  }
}
