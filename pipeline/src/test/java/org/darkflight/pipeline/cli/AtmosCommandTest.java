package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AtmosCommandTest {

  @TempDir
  Path tmp;

  static Path data(String relative) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path c = p.resolve("testdata").resolve(relative);
      if (Files.exists(c)) {
        return c;
      }
    }
    throw new IllegalStateException("testdata/" + relative);
  }

  record Run(int code, String err) {}

  static Run run(String... args) {
    CommandLine cl = DarkflightCli.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, err.toString());
  }

  List<String> allSources(Path out) {
    List<String> a = new ArrayList<>(List.of("atmos",
        "--event", data("events/park-forest-2003/event.json").toString(),
        "--sonde", data("atmos/uwyo_74560_2003032700.html").toString(),
        "--sonde", data("atmos/uwyo_74560_2003032712.html").toString(),
        "--model", data("atmos/era5_pl_20030327.nc").toString(),
        "--vad", data("atmos/radar_vad/KLOT_20030327_0548.json").toString(),
        "--radar-metadata", data("atmos/radar_metadata.json").toString(),
        "--out", out.toString()));
    return a;
  }

  @Test
  void fusesEverySourceKindAndWritesValidArtifacts() throws Exception {
    Path out = tmp.resolve("out");
    Run r = run(allSources(out).toArray(String[]::new));
    assertThat(r.err(), r.code(), is(0));
    for (String[] f : new String[][] {{"wind_profile_compiled.json", "wind_profile_compiled"},
        {"vertical_grid.json", "vertical_grid"}, {"atmos_qc.json", "atmos_qc"},
        {"atmos_profile.json", "atmos_profile"}}) {
      JsonNode n = JsonSchemas.readValidated(out.resolve(f[0]), f[1]);
      assertThat(f[0], n.isObject(), is(true));
    }
    // the canonical profile reads back and drives the physics' profile atmosphere
    AtmosProfile profile = AtmosProfiles.read(out.resolve("atmos_profile.json"));
    ProfileAtmosphere atm = new ProfileAtmosphere(profile.atmosLevels());
    AtmosphereState s = atm.at(2_000);
    // inside the radar band the VAD's known answer wins: u = 8 + 0.002 z
    assertThat(s.windEastMps(), closeTo(12.0, 1e-3));
    assertThat(s.windNorthMps(), closeTo(0.0, 1e-3));
    JsonNode qc = JsonSchemas.read(out.resolve("atmos_qc.json"));
    String codes = qc.get("annotations").toString();
    assertThat(codes, containsString("radar_override"));
    assertThat(codes, containsString("std_atmosphere_fill"));
    assertThat(qc.get("status").asText(), is("warnings"));
    JsonNode grid = JsonSchemas.read(out.resolve("vertical_grid.json"));
    JsonNode slices = grid.get("slices");
    for (int k = 1; k < slices.size(); k++) {
      assertThat(slices.get(k).get("top_m").decimalValue(),
          is(slices.get(k - 1).get("bottom_m").decimalValue()));
    }
  }

  @Test
  void sameInputsGiveByteIdenticalOutputs() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(run(allSources(a).toArray(String[]::new)).code(), is(0));
    assertThat(run(allSources(b).toArray(String[]::new)).code(), is(0));
    for (String f : List.of("atmos_profile.json", "wind_profile_compiled.json",
        "vertical_grid.json", "atmos_qc.json")) {
      assertThat(f, Files.readString(a.resolve(f)), is(Files.readString(b.resolve(f))));
    }
  }

  @Test
  void badInputFailsInOneLineAndWritesNothing() throws Exception {
    Path bad = tmp.resolve("truncated.nc");
    byte[] bytes = Files.readAllBytes(data("atmos/gfs_0p25_20030327.nc"));
    Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path out = tmp.resolve("out");
    List<String> args = allSources(out);
    args.addAll(List.of("--model", bad.toString()));
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err().strip().lines().count(), is(1L));
    assertThat(r.err(), containsString(bad.toString()));
    assertThat(r.err(), containsString("truncated"));
    assertThat(Files.exists(out) ? listing(out) : List.of(), empty());
  }

  @Test
  void radarSiteMismatchAndMissingSourcesAreRejected() throws Exception {
    Path meta = tmp.resolve("radar_metadata.json");
    Files.writeString(meta, Files.readString(data("atmos/radar_metadata.json"))
        .replace("\"KLOT\"", "\"KIWX\""));
    Path out = tmp.resolve("out");
    List<String> args = allSources(out);
    args.set(args.indexOf("--radar-metadata") + 1, meta.toString());
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err(), containsString("does not match radar_metadata.json site KIWX"));
    Run none = run("atmos", "--event", data("events/park-forest-2003/event.json").toString(),
        "--out", out.toString());
    assertThat(none.code(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(none.err(), containsString("give at least one atmospheric source"));
    assertThat(Files.exists(out), is(false));
  }

  private static List<Path> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  /**
   * Radar winds alone stop a few km up: the luminous end of Park Forest (16 km) lies in the
   * USSA76 fill, and that is a warning on the console, not only a count (issue 15 §7).
   */
  @Test
  void aFillAtTheLuminousEndIsAWarningOnTheConsole() {
    Path out = tmp.resolve("vad-only");
    Run r = run("atmos", "--event", data("events/park-forest-2003/event.json").toString(),
        "--vad", data("atmos/radar_vad/KLOT_20030327_0548.json").toString(),
        "--out", out.toString());
    assertThat(r.err(), r.code(), is(0));
    assertThat(r.err(), containsString("warning: no atmospheric source reaches the luminous "
        + "end (16000 m)"));
    assertThat(r.err(), containsString("US Standard Atmosphere 1976 fill (std_atmosphere_fill "
        + "in atmos_qc.json)"));
  }
}
