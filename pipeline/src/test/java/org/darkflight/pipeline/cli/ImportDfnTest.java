package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.EnsembleConfigReader;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.json.Json;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.geodesy.Geodesics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight import dfn} on DFN DarkFlight's own Murrili example: the mapping of every
 * key, and a round trip (import, run) whose landing is checked against the recovered meteorite
 * and against the research prototype's conversion run through the same physics.
 */
class ImportDfnTest {

  static final Path CFG = TrajectoryCommandTest.testdata("dfn/example_murrili.cfg");
  /** Murrili as found: Meteoritical Bulletin, quoted in docs/import.md. */
  static final double FIND_LAT = -29.26089;
  static final double FIND_LON = 137.53765;

  @TempDir static Path tmp;
  static Path out;
  static CliOutcome imported;

  @BeforeAll
  static void importIt() {
    out = tmp.resolve("murrili");
    imported = CliOutcome.run("import", "dfn", CFG.toString(), "--out", out.toString());
  }

  @Test
  void mapsEveryKeyOfTheCfgAndTheProfile() throws Exception {
    assertThat(imported.err(), imported.exit(), is(0));
    assertThat(imported.out(), containsString("elevation_deg 68.199399° = 90 − zenangle"));
    assertThat(imported.out(), containsString("dwind not imported"));
    LuminousEnd e = EventFiles.read(out.resolve("event.json")).luminousEnd();
    assertThat(EventFiles.read(out.resolve("event.json")).eventId(), is("DN151127_01"));
    assertThat(e.timeUtc(), is(Instant.parse("2015-11-27T10:43:51.626Z")));
    assertThat(e.latitudeDeg(), is(-29.26536580869662));
    assertThat(e.longitudeDeg(), is(137.47792883987492));
    assertThat(e.altitudeM(), is(18017.406995819358));
    assertThat("DFN heights are ellipsoidal", EventFiles.read(out.resolve("event.json"))
        .heightReference(), is(org.darkflight.io.geoid.HeightReference.ELLIPSOID));
    assertThat(e.speedMps(), is(3102.7991615107253));
    assertThat(e.azimuthDeg(), is(82.58835110729137));
    assertThat(e.elevationDeg(), closeTo(90 - 21.800600692182467, 1e-12));
    var f = FragmentsFiles.read(out.resolve("fragments.json")).fragments().get(0);
    assertThat(f.id(), is("m1680g"));
    assertThat(f.massKg(), is(1.68));
    assertThat(f.densityKgM3(), is(3500.0));
    assertThat(f.shapeFactor(), is(1.21));

    List<AtmosLevel> levels = AtmosProfiles.read(out.resolve("atmos_profile.json"))
        .atmosLevels();
    assertThat(levels.size(), is(59));
    // first row: 17.71, 301.25 K, 101446.1 Pa, wind 2.6153 m/s FROM 197.64°:
    // u = -V sin(dir), v = -V cos(dir)
    AtmosLevel l0 = levels.get(0);
    assertThat(l0.altitudeM(), closeTo(17.71, 1e-9));
    assertThat(l0.temperatureK(), closeTo(301.25, 1e-9));
    assertThat(l0.pressurePa(), closeTo(101446.1, 1e-3));
    assertThat(l0.windUMps(), closeTo(-2.6153 * Math.sin(Math.toRadians(197.64)), 1e-4));
    assertThat(l0.windVMps(), closeTo(-2.6153 * Math.cos(Math.toRadians(197.64)), 1e-4));
    assertThat(levels.get(58).altitudeM(), closeTo(30726.79, 1e-6));

    EnsembleConfig ens = EnsembleConfigReader.read(out.resolve("ensemble_config.json"));
    assertThat(ens.samples(), is(1000L));
    JsonNode d = Json.mapper().readTree(out.resolve("ensemble_config.json").toFile())
        .get("distributions");
    assertThat(d.get("lat").get("params").get("sigma").asDouble(), is(0.0008));
    assertThat(d.get("lon").get("params").get("sigma").asDouble(), is(0.0008));
    assertThat(d.get("altitude_m").get("params").get("sigma").asDouble(), is(100.0));
    assertThat(d.get("speed_mps").get("params").get("sigma").asDouble(), is(300.0));
    assertThat(d.get("azimuth_deg").get("params").get("sigma").asDouble(), is(0.02));
    assertThat(d.get("elevation_deg").get("params").get("sigma").asDouble(), is(0.02));
    // dmass 0.5 kg: DFN's half-normal on [1.68, inf) has mean 1.68 + 0.5 sqrt(2/pi) and sd
    // 0.5 sqrt(1 - 2/pi); the log-normal keeps both.
    double mu = d.get("mass_kg").get("params").get("mu").asDouble();
    double s = d.get("mass_kg").get("params").get("sigma").asDouble();
    double mean = Math.exp(mu + s * s / 2);
    double sd = mean * Math.sqrt(Math.expm1(s * s));
    assertThat(mean, closeTo(1.68 + 0.5 * Math.sqrt(2 / Math.PI), 1e-9));
    assertThat(sd, closeTo(0.5 * Math.sqrt(1 - 2 / Math.PI), 1e-9));
    assertThat(d.has("density_kgm3"), is(true));
  }

  @Test
  void roundTripLandsNearTheRecoveredMeteorite() throws Exception {
    CliOutcome t = CliOutcome.run("trajectory", "--event", out.resolve("event.json").toString(),
        "--atmos", out.resolve("atmos_profile.json").toString(),
        "--config", out.resolve("physics_config.json").toString(),
        "--fragments", out.resolve("fragments.json").toString(),
        "--out", tmp.resolve("traj").toString());
    assertThat(t.err(), t.exit(), is(0));
    JsonNode landing = Json.mapper().readTree(tmp.resolve("traj/trajectories/m1680g.json")
        .toFile()).get("landing");
    double lat = landing.get("lat").asDouble();
    double lon = landing.get("lon").asDouble();
    double fromFind = Geodesics.inverse(lat, lon, FIND_LAT, FIND_LON).distanceM();
    double fromEnd = Geodesics.inverse(-29.26536580869662, 137.47792883987492, FIND_LAT,
        FIND_LON).distanceM();
    // The research prototype's conversion, through the same physics, landed at -29.262421,
    // 137.535514 (268 m from the find); an independent converter, so the two must agree.
    double fromPrototype = Geodesics.inverse(lat, lon, -29.262421, 137.535514).distanceM();
    System.out.printf("import dfn round trip: landing %.6f %.6f, %.0f m from the find "
        + "(luminous end %.0f m from it), %.1f m from the prototype%n", lat, lon, fromFind,
        fromEnd, fromPrototype);
    assertThat(fromFind, lessThan(400.0));
    assertThat(fromPrototype, lessThan(5.0));
    // the ground, gndlvl -15 m above mean sea level, on the WGS84 ellipsoid: -15 m + EGM96 N
    // at the luminous end (+7.91 m), the datum of every output height
    assertThat(landing.get("height_m").asDouble(), closeTo(-15.0 + org.darkflight.io.geoid.Egm96
        .undulationM(-29.26536580869662, 137.47792883987492), 0.001)); // written to 1 mm
  }

  @Test
  void ensembleRunsFromTheImportedFiles() throws Exception {
    CliOutcome r = CliOutcome.run("import", "dfn", CFG.toString(), "--samples", "24",
        "--out", tmp.resolve("small").toString());
    assertThat(r.err(), r.exit(), is(0));
    Path in = tmp.resolve("small");
    CliOutcome run = CliOutcome.run("run", "--event", in.resolve("event.json").toString(),
        "--atmos", in.resolve("atmos_profile.json").toString(),
        "--config", in.resolve("physics_config.json").toString(),
        "--fragments", in.resolve("fragments.json").toString(),
        "--ensemble", in.resolve("ensemble_config.json").toString(),
        "--out", tmp.resolve("run").toString(), "--no-report", "--no-search-plan",
        "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(run.err(), run.exit(), is(0));
    assertThat(run.out(), containsString("samples 24: landed 24, failed 0"));
  }

  @Test
  void aMissingWindProfileIsOneLineAndNothingIsWritten() throws Exception {
    Path cfg = tmp.resolve("no-profile.cfg");
    Files.writeString(cfg, Files.readString(CFG).replace("atmosprofile = "
        + "./example_murrili_wind_profile.csv", "atmosprofile = /data/wrfout_d03"));
    CliOutcome r = CliOutcome.run("import", "dfn", cfg.toString(), "--out",
        tmp.resolve("none").toString());
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("--wind"));
    assertThat(r.err(), containsString("not a .csv file"));
    assertThat(Files.exists(tmp.resolve("none")), is(false));
  }

  @Test
  void aBadNumberNamesSectionAndKey() throws Exception {
    Path cfg = tmp.resolve("bad.cfg");
    Files.writeString(cfg, Files.readString(CFG).replace("dz = 100", "dz = 1OO"));
    CliOutcome r = CliOutcome.run("import", "dfn", cfg.toString(), "--wind",
        CFG.resolveSibling("example_murrili_wind_profile.csv").toString(),
        "--out", tmp.resolve("bad").toString());
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("[met] dz"));
    assertThat(r.err(), containsString("not a number: '1OO'"));
  }
}
