package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.io.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 §3/§4: each check across input files and against physics, with its message and exit
 * code (the refusals come before any output is written).
 */
class InputChecksCliTest {

  @TempDir Path tmp;

  private static final String PF = "events/park-forest-2003/";

  private Path mutated(String relative, Consumer<ObjectNode> change) throws Exception {
    ObjectNode n = (ObjectNode) Json.mapper().readTree(AtmosCommandTest.data(relative).toFile());
    change.accept(n);
    Path f = tmp.resolve(Path.of(relative).getFileName().toString());
    Files.writeString(f, Json.mapper().writeValueAsString(n));
    return f;
  }

  private static ObjectNode end(ObjectNode root) {
    return (ObjectNode) root.get("luminous_end");
  }

  private CliOutcome run(Path event, String... extra) {
    Path out = tmp.resolve("out");
    String[] base = {"run", "--event", event.toString(),
        "--atmos", AtmosCommandTest.data(PF + "atmos_profile.json").toString(),
        "--config", AtmosCommandTest.data(PF + "physics_config.json").toString(),
        "--fragments", AtmosCommandTest.data(PF + "fragments.json").toString(),
        "--out", out.toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    CliOutcome o = CliOutcome.run(args);
    assertThat("nothing written on a refusal", o.exit() != 2 || !Files.exists(out), equalTo(true));
    return o;
  }

  @Test
  void eventMonthsAfterTheProfileIsRefusedNamingTheGapAndTheOption() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json",
        r -> end(r).put("time_utc", "2003-04-26T05:50:15Z")));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("/meta/profile_time_utc: the profile is valid at "
        + "2003-03-27T"));
    assertThat(o.err(), containsString("days"));
    assertThat(o.err(), containsString("allow it with --max-profile-gap-h="));
    assertThat(o.err().strip().lines().count(), equalTo(1L));
  }

  /**
   * A profile that stops below the luminous end: the USSA76 fill above it is a warning on the
   * console and in the manifest (issue 15 §7), not a silent extrapolation.
   */
  @Test
  void aProfileBelowTheLuminousEndIsAWarningOnTheConsoleAndInTheManifest() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json", r -> end(r).put("altitude_m", 35000.0)),
        "--no-report", "--no-search-plan");
    assertThat(o.err(), o.exit(), equalTo(0));
    String warning = "the profile's highest level (29261 m) lies below the luminous end "
        + "(35000 m";
    assertThat(o.err(), containsString("warning: "));
    assertThat(o.err(), containsString(warning));
    assertThat(o.err(), containsString("US Standard Atmosphere 1976 fill"));
    assertThat(Files.readString(tmp.resolve("out/output_manifest.json")),
        containsString(warning));
  }

  @Test
  void flippedLatitudeIsRefusedNamingTheDistanceAndTheOption() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json", r -> end(r).put("lat", -41.3467765)));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("km from the event's luminous end (limit 1000 km)"));
    assertThat(o.err(), containsString("check the signs of latitude and longitude"));
    assertThat(o.err(), containsString("--max-profile-distance-km="));
  }

  @Test
  void heightInKilometresIsRefusedWithAHint() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json", r -> end(r).put("altitude_m", 18.0174)));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("/luminous_end/altitude_m: the luminous end at 18.0174 m"
        + " is not above the ground at 218 m"));
    assertThat(o.err(), containsString("it looks like a value in km: altitude_m is in m, "
        + "write 18017.4"));
  }

  @Test
  void implausiblyLowEndNamesItsOverride() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json", r -> end(r).put("altitude_m", 1500)));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("implausibly low (below 3000 m)"));
    assertThat(o.err(), containsString("--min-end-height-m"));
  }

  @Test
  void speedInKilometresPerSecondIsRefusedWithAHint() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json", r -> end(r).put("speed_mps", 3.0)));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("/luminous_end/speed_mps: a luminous-end speed of 3 m/s"
        + " is implausibly slow"));
    assertThat(o.err(), containsString("it looks like a value in km/s"));
  }

  @Test
  void groundAboveTheLuminousEndIsAnError() throws Exception {
    Path cfg = mutated(PF + "physics_config.json", r -> r.put("ground_altitude_m", 8000));
    Path event = mutated(PF + "event.json", r -> end(r).put("altitude_m", 5000));
    CliOutcome o = CliOutcome.run("run",
        "--event", event.toString(),
        "--atmos", AtmosCommandTest.data(PF + "atmos_profile.json").toString(),
        "--config", cfg.toString(),
        "--fragments", AtmosCommandTest.data(PF + "fragments.json").toString(),
        "--out", tmp.resolve("out").toString());
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("the luminous end at 5000 m is not above the ground at 8000 m"));
  }

  @Test
  void severalProblemsAreListedTogetherEachOnItsOwnLine() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json", r -> {
      end(r).put("speed_mps", 3.0);
      end(r).put("time_utc", "2006-09-27T05:50:15Z");
    }));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err().lines().toList(), hasItem(startsWith("error: ")));
    assertThat(o.err().lines().filter(l -> l.startsWith("error: ")).count(), equalTo(2L));
  }

  @Test
  void badTimeDoesNotRunTwoMessagesTogether() throws Exception {
    CliOutcome o = run(mutated(PF + "event.json",
        r -> end(r).put("time_utc", "2003-03-27 05:50:15")));
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), not(containsString("pattern must")));
    assertThat(o.err(), containsString("/luminous_end/time_utc: not a valid date-time"));
  }

  @Test
  void soundingAMonthOffIsRefusedByAtmos() throws Exception {
    Path event = mutated(PF + "event.json", r -> end(r).put("time_utc", "2003-04-27T05:50:15Z"));
    CliOutcome o = CliOutcome.run("atmos", "--event", event.toString(),
        "--sonde", AtmosCommandTest.data("atmos/uwyo_74560_2003032700.html").toString(),
        "--out", tmp.resolve("atmos-out").toString());
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("this source is valid at 2003-03-27T00:00:00Z"));
    assertThat(o.err(), containsString("--max-profile-gap-h="));
    assertThat(o.err(), not(containsString("schema errors")));
    assertThat(Files.exists(tmp.resolve("atmos-out")), equalTo(false));
  }

  @Test
  void soundingWithFlippedLatitudeIsRefusedByAtmos() throws Exception {
    Path event = mutated(PF + "event.json", r -> end(r).put("lat", -41.3467765));
    CliOutcome o = CliOutcome.run("atmos", "--event", event.toString(),
        "--sonde", AtmosCommandTest.data("atmos/uwyo_74560_2003032700.html").toString(),
        "--out", tmp.resolve("atmos-out").toString());
    assertThat(o.err(), o.exit(), equalTo(2));
    assertThat(o.err(), containsString("--max-profile-distance-km="));
  }

  @Test
  void warningsForDistanceGapGroundAndWindPerturbation() throws Exception {
    Path event = mutated(PF + "event.json", r -> {
      end(r).put("time_utc", "2003-03-27T12:00:00Z");
      end(r).put("lat", 43.5);
      r.remove("meta");
    });
    Path cfg = mutated(PF + "physics_config.json", r -> r.put("ground_altitude_m", -100));
    RunInputs in = RunInputs.read(event, AtmosCommandTest.data(PF + "atmos_profile.json"), cfg,
        AtmosCommandTest.data(PF + "fragments.json"), null);
    String all = String.join("\n", in.warnings());
    assertThat(all, containsString("km from the event's luminous end (warning above 200 km"));
    assertThat(all, containsString("valid 12.0 h from the event (warning above 6 h"));
    assertThat(all, containsString("lies below the profile's lowest level"));
    assertThat(all, containsString("USSA76"));
    assertThat(all, containsString("provenance is missing"));
  }

  @Test
  void windPerturbationWithoutSigmaWarnsAndTheSplitRuleIsRecorded() throws Exception {
    // The Park Forest profile (the workbook's sounding) gives no wind sigma.
    RunInputs in = RunInputs.read(AtmosCommandTest.data(PF + "event.json"),
        AtmosCommandTest.data(PF + "atmos_profile.json"),
        AtmosCommandTest.data(PF + "physics_config.json"), null,
        AtmosCommandTest.data("ensembles/decadal-split-mass-grid.json"));
    assertThat(String.join("\n", in.warnings()),
        containsString("/wind_perturbation has no effect"));
    assertThat(in.fragmentsDerivation(), containsString("split rule"));
  }

  @Test
  void withoutFragmentsTheDefaultSuiteIsDerivedAndRecorded() throws Exception {
    RunInputs in = RunInputs.read(AtmosCommandTest.data(PF + "event.json"),
        AtmosCommandTest.data(PF + "atmos_profile.json"),
        AtmosCommandTest.data(PF + "physics_config.json"), null, null);
    assertThat(in.fragments().size(), equalTo(5));
    assertThat(in.fragmentsDerivation(), containsString("default decadal suite"));
  }
}
