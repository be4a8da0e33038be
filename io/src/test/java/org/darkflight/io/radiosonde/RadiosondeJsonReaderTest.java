package org.darkflight.io.radiosonde;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosTestData;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadiosondeJsonReaderTest {

  static final Path FILE = AtmosTestData.path("atmos/radiosonde_ILX_20030327_06.json");

  @TempDir
  Path tmp;

  @Test
  void normalisesEveryUnitAlternative() throws Exception {
    AtmosphericRaw raw = RadiosondeJsonReader.read(FILE, "t");
    assertThat(raw.validTime(), is(Instant.parse("2003-03-27T06:00:00Z")));
    assertThat(raw.latDeg(), is(40.15));
    var l0 = raw.levels().get(0);
    assertThat(l0.pressurePa(), closeTo(99_500.0, 1e-9));
    assertThat(l0.temperatureK(), closeTo(288.15, 1e-9));
    // 5 m/s from the south blows north
    assertThat(l0.windUMps(), closeTo(0.0, 1e-12));
    assertThat(l0.windVMps(), closeTo(5.0, 1e-12));
    // 12 m/s from the south-west: u = v = 12/√2
    var l1 = raw.levels().get(1);
    assertThat(l1.windUMps(), closeTo(12 / Math.sqrt(2), 1e-12));
    assertThat(l1.windVMps(), closeTo(12 / Math.sqrt(2), 1e-12));
    var l2 = raw.levels().get(2);
    assertThat(l2.pressurePa(), is(70_000.0));
    assertThat(l2.temperatureK(), is(268.65));
    assertThat(l2.windUMps(), is(15.0));
    var l3 = raw.levels().get(3);
    assertThat(l3.windUMps(), closeTo(25.0, 1e-12));
  }

  private InputException bad(String from, String to) throws Exception {
    Path f = tmp.resolve("bad.json");
    String text = Files.readString(FILE);
    assertThat("fixture contains " + from, text.contains(from), is(true));
    Files.writeString(f, text.replace(from, to));
    InputException e = assertThrows(InputException.class, () -> RadiosondeJsonReader.read(f, "t"));
    assertThat(e.getMessage(), containsString(f.toString()));
    return e;
  }

  @Test
  void badInputsNameFileFieldAndReason() throws Exception {
    assertThat(bad("\"altitude_m\": 1500.0", "\"altitude_m\": 100.0").getMessage(),
        containsString("/levels/1/altitude_m: levels not sorted"));
    assertThat(bad("\"altitude_m\": 1500.0", "\"altitude_m\": 178.0").reason(),
        containsString("duplicate level"));
    assertThat(bad("\"pressure_Pa\": 70000.0", "\"pressure_Pa\": 700.0").reason(),
        containsString("hPa written as Pa?"));
    assertThat(bad("\"pressure_hPa\": 850.0", "\"pressure_hPa\": 85000.0").reason(),
        containsString("Pa written as hPa?"));
    assertThat(bad("\"temperature_K\": 268.65", "\"temperature_K\": -4.5").field(),
        is("/levels/2/temperature_K"));
    InputException nan = bad("\"wind_v_mps\": 4.0", "\"wind_v_mps\": \"NaN\"");
    assertThat(nan.field(), is("/levels/2/wind_v_mps"));
    assertThat(nan.reason(), containsString("number expected"));
    assertThat(bad("\"profile_time_utc\"", "\"time\"").field(), is("/meta/profile_time_utc"));
    assertThat(bad("\"wind_dir_deg\": 270.0", "\"wind_dir_deg_x\": 270.0").field(),
        is("/levels/3/wind_dir_deg_x"));
  }

  @Test
  void truncatedJsonIsReported() throws Exception {
    Path f = tmp.resolve("trunc.json");
    String text = Files.readString(FILE);
    Files.writeString(f, text.substring(0, text.length() / 2));
    InputException e = assertThrows(InputException.class, () -> RadiosondeJsonReader.read(f, "t"));
    assertThat(e.reason(), containsString("Unexpected end-of-input"));
  }
}
