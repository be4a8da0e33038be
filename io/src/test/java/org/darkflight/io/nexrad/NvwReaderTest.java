package org.darkflight.io.nexrad;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Level III NVW reader and source on the two shipped real products. Expected rows are read by
 * hand from the netCDF-Java 4.5.5 dump of {@code TabMessagePage} in the research note
 * (level3/netcdfjava-4.5.5_KOKX_SDUS31_NVWOKX_201108280702.txt): 43 rows on four pages, the
 * first {@code 003 -11.5 0.1 NA 091 022 5.3 NA 2.84 0.5}, the last
 * {@code 400 4.7 28.0 NA 189 055 1.6 NA 19.49 19.5}; two rows at ALT 010 (RMS 4.7 and 4.3 kt).
 */
class NvwReaderTest {

  static final double KT = 1852.0 / 3600.0;

  @TempDir
  Path tmp;

  @Test
  void readsTheKokxTableRowByRow() throws Exception {
    NvwReader.Product p = NvwReader.read(NexradTestData.KOKX_NVW);
    assertThat(p.rows().size(), is(43));
    assertThat(p.volumeTime(), is(Instant.parse("2011-08-28T07:02:43Z")));
    NvwReader.Row first = p.rows().get(0);
    assertThat(first.altitudeM(), closeTo(300 * 0.3048, 1e-9));
    assertThat(first.windUMps(), is(-11.5));
    assertThat(first.windVMps(), is(0.1));
    assertThat(first.rmsMps(), closeTo(5.3 * KT, 1e-9));
    assertThat(Double.isNaN(first.windWMps()), is(true));
    NvwReader.Row last = p.rows().get(42);
    assertThat(last.altitudeM(), closeTo(40_000 * 0.3048, 1e-9));
    assertThat(last.windUMps(), is(4.7));
    assertThat(last.windVMps(), is(28.0));
    assertThat(last.slantRangeM(), closeTo(19.49 * 1852, 1e-6));
    // the product header's site: KOKX Upton NY
    assertThat(p.site().id(), is("KOKX"));
    assertThat(p.site().latitudeDeg(), closeTo(40.865, 0.01));
    assertThat(p.site().longitudeDeg(), closeTo(-72.864, 0.01));
    assertThat(p.site().antennaHeightM(), closeTo(60.35, 0.5));
  }

  @Test
  void mergesRowsAtOneHeightWithInverseVarianceWeights() throws Exception {
    AtmosphericRaw raw = new NexradNvwSource().load(NexradTestData.KOKX_NVW,
        new SourceRequest(Instant.parse("2011-08-28T07:10:00Z"), 40.9, -72.9));
    assertThat(raw.metadata().get("radar_site_id"), is("KOKX"));
    SourceLevel at1000ft = raw.levels().stream()
        .filter(l -> Math.abs(l.altitudeM() - 304.8) < 1e-6).findFirst().orElseThrow();
    double w1 = 1 / Math.pow(4.7 * KT, 2);
    double w2 = 1 / Math.pow(4.3 * KT, 2);
    assertThat(at1000ft.windUMps(), closeTo((w1 * -25.0 + w2 * -25.4) / (w1 + w2), 1e-9));
    assertThat(at1000ft.windVMps(), closeTo((w1 * 8.7 + w2 * 8.9) / (w1 + w2), 1e-9));
    // 43 rows, two heights printed twice (010 and ... ) -> fewer levels than rows
    assertThat(raw.levels().size() < 43, is(true));
  }

  @Test
  void readsTheKbmxProductToo() throws Exception {
    NvwReader.Product p = NvwReader.read(NexradTestData.KBMX_NVW);
    assertThat(p.site().id(), is("KBMX"));
    assertThat(p.volumeTime(), is(Instant.parse("2015-01-02T02:05:28Z")));
    assertThat(p.rows().isEmpty(), is(false));
  }

  @Test
  void refusesAProductFromAnotherDay() {
    InputException e = assertThrows(InputException.class, () -> new NexradNvwSource().load(
        NexradTestData.KOKX_NVW,
        new SourceRequest(Instant.parse("2011-08-29T07:02:43Z"), 40.9, -72.9)));
    assertThat(e.getMessage(), containsString("time_coverage_start"));
    assertThat(e.getMessage(), containsString("24.0 h from the event time"));
  }

  @Test
  void refusesATruncatedProductAndOtherProducts() throws Exception {
    Path cut = NexradTestData.prefix(NexradTestData.KOKX_NVW, tmp.resolve("KOKX_NVW_cut"),
        (int) Files.size(NexradTestData.KOKX_NVW) / 2);
    InputException e = assertThrows(InputException.class, () -> NvwReader.read(cut));
    assertThat(e.getMessage(), containsString(cut.toString()));
    InputException n0q = assertThrows(InputException.class,
        () -> NvwReader.read(NexradTestData.KBMX_N0Q));
    assertThat(n0q.getMessage(), containsString("94"));
    InputException l2 = assertThrows(InputException.class,
        () -> NvwReader.read(NexradTestData.KLBB));
    assertThat(l2.getMessage(), containsString("not a NEXRAD Level III product"));
  }
}
