package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dem} on the CLI: the Park Forest fragments and profile, with the luminous end moved
 * over the synthetic DEMs of testdata/dem (slope_cross: h = 1000 + 10000 (φ − 40) m above mean
 * sea level). A landing lies on the DEM's surface (its ellipsoidal height is the plane's plus
 * EGM96 N); a DEM in another CRS, one that does not reach the fall, or NoData under it is refused
 * with exit 2 and nothing written.
 */
class DemCommandTest {

  @TempDir Path tmp;

  Path event() throws Exception {
    String json = """
        {"$schema": "https://darkflight.org/schemas/event.schema.json",
         "event_id": "dem-check",
         "luminous_end": {"time_utc": "2003-03-27T05:50:15Z", "lat": 40.0, "lon": -100.0,
           "altitude_m": 20000, "speed_mps": 3000, "azimuth_deg": 90, "elevation_deg": 45},
         "meta": {"schema_version": "1.0",
           "units": {"time_utc": "UTC", "lat": "deg", "lon": "deg", "altitude_m": "m",
             "speed_mps": "m/s", "azimuth_deg": "deg", "elevation_deg": "deg"},
           "provenance": {"source": "hand-written test event over testdata/dem", "licence": "CC0"}}}
        """;
    return Files.writeString(tmp.resolve("event.json"), json);
  }

  TrajectoryCommandTest.Run trajectory(String dem, Path out) throws Exception {
    String d = "events/park-forest-2003/";
    return TrajectoryCommandTest.cli("trajectory", "--event", event().toString(),
        "--fragments", TrajectoryCommandTest.testdata(d + "fragments.json").toString(),
        "--atmos", TrajectoryCommandTest.testdata(d + "atmos_profile.json").toString(),
        "--config", TrajectoryCommandTest.testdata(d + "physics_config.json").toString(),
        "--dem", TrajectoryCommandTest.testdata("dem/" + dem).toString(),
        "--out", out.toString());
  }

  @Test
  void landingsLieOnTheDemSurface() throws Exception {
    Path out = tmp.resolve("out");
    TrajectoryCommandTest.Run r = trajectory("slope_cross.tif", out);
    assertThat(r.err(), r.exit(), is(0));
    int checked = 0;
    try (var files = Files.list(out.resolve("trajectories"))) {
      for (Path p : files.toList()) {
        JsonNode l = org.darkflight.io.trajectory.TrajectoryFiles.read(p).get("landing");
        double lat = l.get("lat").asDouble();
        double lon = l.get("lon").asDouble();
        // EGM96 N varies by centimetres over the DEM; the plane is exact under bilinear sampling
        double expected = 1000 + 10000 * (lat - 40) + org.darkflight.io.geoid.Egm96
            .undulationM(lat, lon);
        assertThat(p.toString(), l.get("height_m").asDouble(), closeTo(expected, 0.05));
        // the fall crossed the DEM eastwards, well away from the start
        assertThat(lon > -99.99, is(true));
        checked++;
      }
    }
    assertThat(checked > 0, is(true));
  }

  @Test
  void aDemInAProjectedCrsIsRefused() throws Exception {
    Path out = tmp.resolve("utm");
    TrajectoryCommandTest.Run r = trajectory("slope_cross_utm.tif", out);
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("slope_cross_utm.tif"));
    assertThat(r.err(), containsString("reproject it, e.g. gdalwarp -t_srs EPSG:4326"));
    assertThat(Files.exists(out.resolve("trajectories")), is(false));
  }

  @Test
  void aDemThatDoesNotReachTheFallIsRefused() throws Exception {
    Path out = tmp.resolve("far");
    TrajectoryCommandTest.Run r = trajectory("far_away.tif", out);
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("far_away.tif"));
    assertThat(r.err(), containsString("finds no ground"));
    assertThat(r.err(), containsString("lies outside the DEM"));
    assertThat(Files.exists(out.resolve("trajectories")), is(false));
  }

  @Test
  void noDataUnderTheLandingIsRefused() throws Exception {
    Path out = tmp.resolve("nodata");
    TrajectoryCommandTest.Run r = trajectory("slope_cross_nodata.tif", out);
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("has NoData at"));
    assertThat(Files.exists(out.resolve("trajectories")), is(false));
  }

  TrajectoryCommandTest.Run run(Path out, String... extra) throws Exception {
    String d = "events/park-forest-2003/";
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run",
        "--event", event().toString(),
        "--fragments", TrajectoryCommandTest.testdata(d + "fragments.json").toString(),
        "--atmos", TrajectoryCommandTest.testdata(d + "atmos_profile.json").toString(),
        "--config", TrajectoryCommandTest.testdata(d + "physics_config.json").toString(),
        "--no-report", "--no-search-plan", "--max-profile-distance-km", "2000",
        "--out", out.toString()));
    args.addAll(java.util.List.of(extra));
    return TrajectoryCommandTest.cli(args.toArray(new String[0]));
  }

  /**
   * The output manifest states the datum and the ground of a run: the constant ground of the
   * configuration without --dem (converted to the ellipsoid: 218 m + N), the DEM with it.
   */
  @Test
  void theManifestSaysWhichGroundTheRunLandedOn() throws Exception {
    Path flat = tmp.resolve("flat");
    TrajectoryCommandTest.Run r = run(flat);
    assertThat(r.err(), r.exit(), is(0));
    JsonNode h = org.darkflight.io.json.JsonSchemas.readValidated(
        flat.resolve("output_manifest.json"), "output_manifest").at("/run/heights");
    assertThat(h.get("ground").asText(), is("constant"));
    assertThat(h.get("integration").asText(), is("WGS84 ellipsoid"));
    double n = org.darkflight.io.geoid.Egm96.undulationM(40.0, -100.0);
    assertThat(h.get("ground_height_m").asDouble(), closeTo(218.0 + n, 1e-6));
    assertThat(r.out(), containsString("ground: constant"));

    Path dem = tmp.resolve("dem");
    r = run(dem, "--dem", TrajectoryCommandTest.testdata("dem/slope_cross.tif").toString());
    assertThat(r.err(), r.exit(), is(0));
    h = org.darkflight.io.json.JsonSchemas.readValidated(dem.resolve("output_manifest.json"),
        "output_manifest").at("/run/heights");
    assertThat(h.get("ground").asText(), containsString("DEM slope_cross.tif"));
  }

  /** The legacy methods land on the constant ground only: --dem with one is refused. */
  @Test
  void aDemWithALegacyModeIsRefused() throws Exception {
    JsonNode c = org.darkflight.io.json.Json.mapper().readTree(TrajectoryCommandTest.testdata(
        "events/park-forest-2003/physics_config.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("legacy", "fries_v42");
    Path config = tmp.resolve("legacy_config.json");
    org.darkflight.io.json.Json.mapper().writeValue(config.toFile(), c);
    Path out = tmp.resolve("legacy");
    String d = "events/park-forest-2003/";
    TrajectoryCommandTest.Run r = TrajectoryCommandTest.cli("trajectory", "--event",
        event().toString(),
        "--fragments", TrajectoryCommandTest.testdata(d + "fragments.json").toString(),
        "--atmos", TrajectoryCommandTest.testdata(d + "atmos_profile.json").toString(),
        "--config", config.toString(),
        "--dem", TrajectoryCommandTest.testdata("dem/slope_cross.tif").toString(),
        "--out", out.toString());
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("legacy mode fries_v42 lands on the constant ground only"));
    assertThat(Files.exists(out.resolve("trajectories")), is(false));
  }
}
