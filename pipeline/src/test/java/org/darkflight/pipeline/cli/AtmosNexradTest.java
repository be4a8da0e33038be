package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real NEXRAD Level III VAD Wind Profile (KOKX, 2011-08-28 07:02:43 UTC, Hurricane Irene;
 * testdata/nexrad, NOAA public domain) runs through {@code darkflight atmos --vad} as the only
 * wind source. Expected winds are the product's own table rows (netCDF-Java dump in the research
 * note): at ALT 100 (10 000 ft = 3048 m MSL) U = −18.4, V = 27.0 m/s (RMS 2.8 kt); at ALT 200
 * (6096 m) U = −8.9, V = 29.7 m/s.
 */
class AtmosNexradTest {

  @TempDir
  Path tmp;

  Path event(String time) throws Exception {
    String json = """
        {"$schema": "https://darkflight.org/schemas/event.schema.json",
         "event_id": "kokx-nvw-check",
         "luminous_end": {"time_utc": "%s", "lat": 40.9, "lon": -72.8, "altitude_m": 20000,
           "speed_mps": 3000, "azimuth_deg": 90, "elevation_deg": 60},
         "meta": {"schema_version": "1.0",
           "units": {"time_utc": "UTC", "lat": "deg", "lon": "deg", "altitude_m": "m",
             "speed_mps": "m/s", "azimuth_deg": "deg", "elevation_deg": "deg"},
           "provenance": {"source": "hand-written test event near KOKX", "licence": "CC0"}}}
        """.formatted(time);
    return Files.writeString(tmp.resolve("event-" + time.replace(':', '-') + ".json"), json);
  }

  @Test
  void aRealNvwProductIsAWindSourceOfAtmos() throws Exception {
    Path out = tmp.resolve("out");
    AtmosCommandTest.Run r = AtmosCommandTest.run("atmos",
        "--event", event("2011-08-28T07:10:00Z").toString(),
        "--vad", AtmosCommandTest.data("nexrad/KOKX_SDUS31_NVWOKX_201108280702").toString(),
        "--out", out.toString());
    assertThat(r.err(), r.code(), is(0));
    JsonSchemas.readValidated(out.resolve("atmos_profile.json"), "atmos_profile");
    JsonSchemas.readValidated(out.resolve("wind_profile_compiled.json"),
        "wind_profile_compiled");
    AtmosProfile profile = AtmosProfiles.read(out.resolve("atmos_profile.json"));
    ProfileAtmosphere atm = new ProfileAtmosphere(profile.atmosLevels());
    AtmosphereState s = atm.at(3048);
    assertThat(s.windEastMps(), closeTo(-18.4, 0.5));
    assertThat(s.windNorthMps(), closeTo(27.0, 0.5));
    AtmosphereState high = atm.at(6096);
    assertThat(high.windEastMps(), closeTo(-8.9, 0.5));
    assertThat(high.windNorthMps(), closeTo(29.7, 0.5));
    String compiled = Files.readString(out.resolve("wind_profile_compiled.json"));
    assertThat(compiled, containsString("nexrad-level3-nvw"));
  }

  @Test
  void aProductFromAnotherDayIsRefused() throws Exception {
    Path out = tmp.resolve("late");
    AtmosCommandTest.Run r = AtmosCommandTest.run("atmos",
        "--event", event("2011-08-29T12:00:00Z").toString(),
        "--vad", AtmosCommandTest.data("nexrad/KOKX_SDUS31_NVWOKX_201108280702").toString(),
        "--out", out.toString());
    assertThat(r.code(), is(2));
    assertThat(r.err(), containsString("KOKX_SDUS31_NVWOKX_201108280702"));
    assertThat(r.err(), containsString("h from the event time"));
    assertThat(Files.exists(out.resolve("atmos_profile.json")), is(false));
  }

  @Test
  void aProductOfAnotherRadarThanTheMetadataIsRefused() throws Exception {
    Path out = tmp.resolve("site");
    AtmosCommandTest.Run r = AtmosCommandTest.run("atmos",
        "--event", event("2011-08-28T07:10:00Z").toString(),
        "--vad", AtmosCommandTest.data("nexrad/KOKX_SDUS31_NVWOKX_201108280702").toString(),
        "--radar-metadata", AtmosCommandTest.data("atmos/radar_metadata.json").toString(),
        "--out", out.toString());
    assertThat(r.code(), is(2));
    assertThat(r.err(), containsString("radar KOKX does not match radar_metadata.json site KLOT"));
  }
}
