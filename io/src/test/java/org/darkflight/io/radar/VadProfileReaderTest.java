package org.darkflight.io.radar;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosTestData;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSources;
import org.darkflight.io.atmos.source.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VadProfileReaderTest {

  static final Path VAD = AtmosTestData.path("atmos/radar_vad/KLOT_20030327_0548.json");
  static final Path META = AtmosTestData.path("atmos/radar_metadata.json");

  @TempDir
  Path tmp;

  @Test
  void readsWindsOnlyWithTheirSigmas() throws Exception {
    AtmosphericRaw raw = VadProfileReader.read(VAD, "t");
    assertThat(raw.kind(), is(SourceKind.RADAR_VAD));
    assertThat(raw.validTime(), is(Instant.parse("2003-03-27T05:48:00Z")));
    assertThat(raw.levels().size(), is(15));
    for (var l : raw.levels()) {
      // the fixture's known answer: u = 8 + 0.002 z, v = −2 + 0.001 z
      assertThat(l.windUMps(), closeTo(8 + 0.002 * l.altitudeM(), 1e-9));
      assertThat(l.windVMps(), closeTo(-2 + 0.001 * l.altitudeM(), 1e-9));
      assertThat(l.sigmaUMps(), is(0.8));
      assertThat(l.hasTemperature(), is(false));
    }
    assertThat(AtmosphericSources.forFile(VAD, SourceKind.RADAR_VAD).isPresent(), is(true));
  }

  @Test
  void readsRadarMetadata() throws Exception {
    RadarMetadata m = RadarMetadataReader.read(META);
    assertThat(m.radarSiteId(), is("KLOT"));
    assertThat(m.level2Files(), is(List.of("KLOT20030327_054800.gz")));
    assertThat(m.siteHeightM(), is(202.0));
  }

  @Test
  void rejectsWrongSourceAndUnsortedLevels() throws Exception {
    Path f = tmp.resolve("v.json");
    Files.writeString(f, Files.readString(VAD).replace("\"source\": \"radar_vad\",\n  \"radar",
        "\"source\": \"sonde\",\n  \"radar"));
    assertThat(assertThrows(InputException.class, () -> VadProfileReader.read(f, "t")).field(),
        is("/source"));
    Files.writeString(f, Files.readString(VAD).replace("\"altitude_m\": 1000.0",
        "\"altitude_m\": 600.0"));
    InputException e = assertThrows(InputException.class, () -> VadProfileReader.read(f, "t"));
    assertThat(e.getMessage(), containsString("/levels/2/altitude_m: levels not sorted"));
    Path m = tmp.resolve("m.json");
    Files.writeString(m, Files.readString(META).replace("\"level2_files\"", "\"files\""));
    assertThat(assertThrows(InputException.class, () -> RadarMetadataReader.read(m)).field(),
        is("/level2_files"));
  }
}
