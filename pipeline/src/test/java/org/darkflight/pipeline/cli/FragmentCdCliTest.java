package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cd} is optional where the drag model computes Cd itself and required, with one line
 * naming file and field and exit 2, where the run uses it (issue 16 §4, "unused fields").
 */
class FragmentCdCliTest {

  private static final Path PF = Path.of("../testdata/events/park-forest-2003");
  private static final Path CALM = Path.of("../testdata/events/synthetic-calm");

  @TempDir Path tmp;

  /** The event's fragments file with every {@code cd} removed. */
  private Path withoutCd(Path event) throws Exception {
    ObjectNode doc = (ObjectNode) Json.mapper().readTree(event.resolve("fragments.json").toFile());
    doc.get("fragments").forEach(f -> ((ObjectNode) f).remove("cd"));
    ((ObjectNode) doc.get("meta").get("units")).remove("cd");
    Path p = tmp.resolve("fragments-no-cd.json");
    Files.write(p, Json.toCanonicalBytes(doc));
    return p;
  }

  private CliOutcome run(Path event, Path fragments, Path out) {
    return CliOutcome.run("run", "--event", event.resolve("event.json").toString(),
        "--atmos", event.resolve("atmos_profile.json").toString(),
        "--config", event.resolve("physics_config.json").toString(),
        "--fragments", fragments.toString(), "--out", out.toString(),
        "--produced-utc=2024-01-01T00:00:00Z");
  }

  @Test
  void machRegimeRunsWithoutCdAndReportsTheCdInUse() throws Exception {
    Path out = tmp.resolve("pf");
    CliOutcome o = run(PF, withoutCd(PF), out);
    assertThat(o.err(), o.exit(), is(0));
    JsonNode withCd = Json.mapper().readTree(run(PF, PF.resolve("fragments.json"),
        tmp.resolve("pf-cd")).exit() == 0
        ? tmp.resolve("pf-cd/strewn_field_points.geojson").toFile() : null);
    JsonNode points = Json.mapper().readTree(out.resolve("strewn_field_points.geojson").toFile());
    assertThat(points.get("features").size(), is(5));
    for (int i = 0; i < 5; i++) {
      // the same landings as with cd 0.92 given (mach_regime ignores it) ...
      assertThat(points.get("features").get(i).get("geometry"),
          is(withCd.get("features").get(i).get("geometry")));
      // ... and the Cd reported is the model's at impact, not a number nobody gave
      double cd = points.get("features").get(i).get("properties").get("drag_coefficient")
          .asDouble();
      assertThat("Cd at impact " + cd, cd > 0.2 && cd < 2 && cd != 0.92, is(true));
      // with cd given, the reported Cd is still the one in use at impact (docs/outputs.md),
      // not the given 0.92 the model ignores
      assertThat(withCd.get("features").get(i).get("properties").get("drag_coefficient")
          .asDouble(), is(cd));
    }
  }

  @Test
  void aConstantCdModelReportsTheGivenCdScaled() throws Exception {
    Path out = tmp.resolve("calm-cd");
    CliOutcome o = run(CALM, CALM.resolve("fragments.json"), out);
    assertThat(o.err(), o.exit(), is(0));
    JsonNode config = Json.mapper().readTree(CALM.resolve("physics_config.json").toFile());
    double scale = config.path("cd_scale").asDouble(1.0);
    JsonNode frags = Json.mapper().readTree(CALM.resolve("fragments.json").toFile())
        .get("fragments");
    JsonNode points = Json.mapper().readTree(out.resolve("strewn_field_points.geojson").toFile());
    assertThat(points.get("features").size(), is(frags.size()));
    for (int i = 0; i < frags.size(); i++) {
      assertThat(points.get("features").get(i).get("properties").get("drag_coefficient")
          .asDouble(), org.hamcrest.Matchers.closeTo(frags.get(i).get("cd").asDouble() * scale,
              1e-12));
    }
  }

  @Test
  void simpleConstantRefusesAMissingCdInOneLine() throws Exception {
    Path frag = withoutCd(CALM);
    Path out = tmp.resolve("calm");
    CliOutcome o = run(CALM, frag, out);
    assertThat(o.err(), o.exit(), is(2));
    assertThat(o.err(), containsString(frag.toString()));
    assertThat(o.err(), containsString("/fragments/0/cd"));
    assertThat(o.err(), containsString("drag_model simple_constant"));
    assertThat(o.err().strip().lines().count(), is(1L));
    assertThat(Files.exists(out.resolve("strewn_field_points.geojson")), is(false));
    // the trajectory command checks the same
    CliOutcome t = CliOutcome.run("trajectory", "--event", CALM.resolve("event.json").toString(),
        "--atmos", CALM.resolve("atmos_profile.json").toString(),
        "--config", CALM.resolve("physics_config.json").toString(),
        "--fragments", frag.toString(), "--out", tmp.resolve("traj").toString());
    assertThat(t.err(), t.exit(), is(2));
    assertThat(t.err(), containsString("/fragments/0/cd"));
    assertThat(t.err(), not(containsString("Exception")));
  }
}
