package org.darkflight.io.atmos;

import static org.darkflight.io.testsupport.TestFiles.mutated;
import static org.darkflight.io.testsupport.TestFiles.rejects;
import static org.darkflight.io.testsupport.TestFiles.testdata;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtmosProfilesTest {

  private static final String PF = "events/park-forest-2003/atmos_profile.json";
  private static final String CALM = "events/synthetic-calm/atmos_profile.json";

  @TempDir Path dir;

  private InputException bad(String rel, Consumer<ObjectNode> mutation) {
    return rejects(AtmosProfiles::read, mutated(dir, rel, mutation));
  }

  private InputException badPf(Consumer<ObjectNode> mutation) {
    return bad(PF, mutation);
  }

  private static ObjectNode level(ObjectNode root, int i) {
    return (ObjectNode) root.get("levels").get(i);
  }

  @Test
  void readsTheParkForestProfileInWorkbookUnits() throws Exception {
    AtmosProfile p = AtmosProfiles.read(testdata(PF));
    assertThat(p.levels(), hasSize(289));
    AtmosLevel first = p.atmosLevels().get(0);
    // Row 1 of 'RAOB Used for Calcs': 988 hPa, 229 m, 132 tenths °C, from 330° at 66.8772 dm/s.
    assertThat(first.altitudeM(), equalTo(229.0));
    assertThat(first.pressurePa(), closeTo(98800.0, 1e-9));
    assertThat(first.temperatureK(), closeTo(286.35, 1e-9));
    // Excel's own u/v on sheet 'wind velocity' H1 and L1.
    assertThat(first.windUMps(), closeTo(3.3438599999999985, 1e-9));
    assertThat(first.windVMps(), closeTo(-5.7917354133972649, 1e-9));
    assertThat(first.windWMps(), equalTo(0.0));
    assertThat(Double.isNaN(first.densityKgM3()), equalTo(true));
    AtmosLevel last = p.atmosLevels().get(288);
    assertThat(last.altitudeM(), equalTo(29261.0));
    assertThat(last.pressurePa(), closeTo(1250.0, 1e-9));
  }

  @Test
  void readsTheCanonicalSiForm() throws Exception {
    AtmosProfile p = AtmosProfiles.read(testdata(CALM));
    AtmosLevel l = p.atmosLevels().get(6);
    assertThat(l.altitudeM(), equalTo(10000.0));
    assertThat(l.pressurePa(), equalTo(26499.9));
    assertThat(l.temperatureK(), equalTo(223.25));
    assertThat(l.windUMps(), equalTo(0.0));
  }

  @Test
  void writerProducesTheCanonicalSiFormThatReadsBackTheSame() throws Exception {
    AtmosProfile p = AtmosProfiles.read(testdata(PF));
    Path out = dir.resolve("fused/atmos_profile.json");
    AtmosProfiles.write(out, p);
    JsonNode written = Json.mapper().readTree(out.toFile());
    JsonNode l0 = written.get("levels").get(0);
    assertThat(l0.has("pressure_hPa"), equalTo(false));
    assertThat(l0.has("wind_speed_mps"), equalTo(false));
    assertThat(l0.get("pressure_Pa").decimalValue().doubleValue(), equalTo(98800.0));
    assertThat(written.at("/meta/units/pressure_Pa").asText(), equalTo("Pa"));
    String text = Files.readString(out);
    assertThat(text.contains("\r"), equalTo(false));
    assertThat(text.endsWith("}\n"), equalTo(true));
    AtmosProfile back = AtmosProfiles.read(out);
    assertThat(back.levels(), hasSize(289));
    for (int i = 0; i < 289; i++) {
      AtmosLevel a = p.atmosLevels().get(i);
      AtmosLevel b = back.atmosLevels().get(i);
      assertThat(b.altitudeM(), closeTo(a.altitudeM(), 5e-4));
      assertThat(b.pressurePa(), closeTo(a.pressurePa(), 1e-6 * a.pressurePa()));
      assertThat(b.temperatureK(), closeTo(a.temperatureK(), 5e-5));
      assertThat(b.windUMps(), closeTo(a.windUMps(), 5e-5));
      assertThat(b.windVMps(), closeTo(a.windVMps(), 5e-5));
    }
    // Deterministic: writing the read-back profile gives the same bytes.
    Path again = dir.resolve("again.json");
    AtmosProfiles.write(again, back);
    assertThat(Files.readString(again), equalTo(text));
  }

  @Test
  void writerRefusesAnInvalidProfileAndWritesNothing() throws Exception {
    AtmosProfile p = AtmosProfiles.read(testdata(CALM));
    List<ProfileLevel> levels = new ArrayList<>(p.levels());
    // 1000 Pa at sea level is a Pa/hPa mix-up the reader would reject.
    levels.set(0, ProfileLevel.of(AtmosLevel.of(0, 1013.25, 288.15, 0, 0)));
    AtmosProfile broken = new AtmosProfile(p.meta(), levels);
    Path out = dir.resolve("x.json");
    assertThrows(IllegalArgumentException.class, () -> AtmosProfiles.write(out, broken));
    assertThat(Files.exists(out), equalTo(false));
  }

  @Test
  void unsortedLevelsAreRejected() {
    InputException e = badPf(r -> {
      ArrayNode levels = (ArrayNode) r.get("levels");
      JsonNode second = levels.remove(10);
      levels.insert(3, second);
    });
    // Levels 0, 1, 2, 10, 3, …: the first out of order is the old level 3, now at index 4.
    assertThat(e.field(), equalTo("/levels/4/altitude_m"));
    assertThat(e.reason(), containsString("increasing altitude"));
  }

  @Test
  void duplicateAltitudesAreRejected() {
    InputException e = badPf(r -> level(r, 5).put("altitude_m", level(r, 4).get("altitude_m")
        .asDouble()));
    assertThat(e.field(), equalTo("/levels/5/altitude_m"));
    assertThat(e.reason(), containsString("duplicate"));
  }

  @Test
  void pascalValueGivenAsHectopascalIsCaught() {
    // 35 km: ~574 Pa. Written as "574 hPa" it passes the schema's 0..1200 hPa range.
    InputException e = bad(CALM, r -> {
      ObjectNode top = level(r, 14);
      top.remove("pressure_Pa");
      top.put("altitude_m", 35000).put("pressure_hPa", 574.6);
    });
    assertThat(e.field(), equalTo("/levels/14/pressure_hPa"));
    assertThat(e.reason(), containsString("looks like Pa"));
  }

  @Test
  void hectopascalValueGivenAsPascalIsCaught() {
    InputException e = bad(CALM, r -> level(r, 0).put("pressure_Pa", 1013.25));
    assertThat(e.field(), equalTo("/levels/0/pressure_Pa"));
    assertThat(e.reason(), containsString("looks like hPa"));
  }

  @Test
  void pressureRisingWithAltitudeIsRejected() {
    InputException e = bad(CALM, r -> level(r, 3).put("pressure_Pa", 81000.0));
    assertThat(e.field(), equalTo("/levels/3/pressure_Pa"));
    assertThat(e.reason(), containsString("increases with altitude"));
  }

  @Test
  void bothPressureFormsAreRejected() {
    InputException e = badPf(r -> level(r, 2).put("pressure_Pa", 97900.0));
    assertThat(e.field(), equalTo("/levels/2"));
    assertThat(e.reason(), containsString("not both"));
  }

  @Test
  void missingPressureIsRejected() {
    InputException e = badPf(r -> level(r, 2).remove("pressure_hPa"));
    assertThat(e.field(), equalTo("/levels/2"));
    assertThat(e.reason(), containsString("pressure_Pa or pressure_hPa"));
  }

  @Test
  void kelvinGivenAsCelsiusIsRejected() {
    InputException e = badPf(r -> level(r, 0).put("temperature_C", 286.35));
    assertThat(e.field(), equalTo("/levels/0/temperature_C"));
    assertThat(e.reason(), containsString("temperature_K"));
  }

  @Test
  void celsiusGivenAsKelvinIsRejected() {
    InputException e = bad(CALM, r -> level(r, 3).put("temperature_K", -11.0));
    assertThat(e.field(), equalTo("/levels/3/temperature_K"));
    assertThat(e.reason(), containsString("temperature_C"));
  }

  @Test
  void pascalsGivenAsHectopascalsAtTheGroundAreRejected() {
    InputException e = badPf(r -> level(r, 0).put("pressure_hPa", 98800));
    assertThat(e.field(), equalTo("/levels/0/pressure_hPa"));
    assertThat(e.reason(), containsString("pressure_Pa"));
  }

  @Test
  void negativeKelvinIsRejected() {
    assertThat(bad(CALM, r -> level(r, 0).put("temperature_K", -5.0)).field(),
        equalTo("/levels/0/temperature_K"));
  }

  @Test
  void windDirectionOutOfRange() {
    assertThat(badPf(r -> level(r, 7).put("wind_dir_deg", 361)).field(),
        equalTo("/levels/7/wind_dir_deg"));
    assertThat(badPf(r -> level(r, 7).put("wind_dir_deg", -10)).field(),
        equalTo("/levels/7/wind_dir_deg"));
  }

  @Test
  void negativeWindSpeedIsRejected() {
    assertThat(badPf(r -> level(r, 7).put("wind_speed_mps", -1)).field(),
        equalTo("/levels/7/wind_speed_mps"));
  }

  @Test
  void halfAWindIsRejected() {
    InputException e = bad(CALM, r -> level(r, 1).remove("wind_v_mps"));
    assertThat(e.field(), equalTo("/levels/1"));
    assertThat(e.reason(), containsString("wind_u_mps and wind_v_mps"));
  }

  @Test
  void twoWindFormsAreRejected() {
    InputException e = bad(CALM, r -> level(r, 1).put("wind_speed_mps", 3).put("wind_dir_deg", 4));
    assertThat(e.field(), equalTo("/levels/1"));
    assertThat(e.reason(), containsString("not both"));
  }

  @Test
  void inconsistentDensityIsRejected() {
    InputException e = bad(CALM, r -> level(r, 0).put("density_kg_m3", 0.5));
    assertThat(e.field(), equalTo("/levels/0/density_kg_m3"));
  }

  @Test
  void consistentDensityIsKept() throws Exception {
    // USSA76 sea-level density 1.2250 kg/m³ (NOAA-S/T 76-1562, Table I).
    Path f = mutated(dir, CALM, r -> level(r, 0).put("density_kg_m3", 1.225));
    assertThat(AtmosProfiles.read(f).atmosLevels().get(0).densityKgM3(), equalTo(1.225));
  }

  @Test
  void atLeastTwoLevels() {
    assertThat(bad(CALM, r -> {
      ArrayNode levels = (ArrayNode) r.get("levels");
      while (levels.size() > 1) {
        levels.remove(1);
      }
    }).field(), equalTo("/levels"));
  }

  @Test
  void metaNeedsTimeAndLocation() {
    assertThat(badPf(r -> ((ObjectNode) r.get("meta")).remove("location")).field(),
        equalTo("/meta/location"));
    assertThat(badPf(r -> ((ObjectNode) r.get("meta")).remove("profile_time_utc")).field(),
        equalTo("/meta/profile_time_utc"));
    assertThat(badPf(r -> ((ObjectNode) r.at("/meta/units")).put("pressure_hPa", "Pa")).field(),
        equalTo("/meta/units/pressure_hPa"));
  }

  @Test
  void nonFiniteNumberIsRejected() {
    // 1e400 overflows a double: parsed exactly, rejected by the schema's range.
    Path f = org.darkflight.io.testsupport.TestFiles.writeText(dir, "atmos_profile.json",
        Json.mapper().createObjectNode().toString().isEmpty() ? "" : readPfWithHugeNumber());
    InputException e = rejects(AtmosProfiles::read, f);
    assertThat(e.field(), equalTo("/levels/0/altitude_m"));
  }

  private static String readPfWithHugeNumber() {
    try {
      String s = Files.readString(testdata(PF));
      return s.replaceFirst("\"altitude_m\": 229", "\"altitude_m\": 1e400");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
