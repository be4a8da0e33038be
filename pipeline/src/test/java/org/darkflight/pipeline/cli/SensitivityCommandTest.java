package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.analysis.uq.SensitivityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight sensitivity} on the Park Forest 2003 profile with only the wind scale
 * uncertain (altitude and drag given distributions of zero width): the wind must explain all the
 * landing variance (S ≈ 1), the others none (exactly 0: their swapped columns change nothing);
 * the file validates against its schema and two runs are byte-identical.
 */
class SensitivityCommandTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  @TempDir
  Path dir;

  int run(Path out, Path ensemble, Path fragments) {
    return DarkflightCli.run("sensitivity", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", fragments.toString(), "--ensemble", ensemble.toString(),
        "--samples", "40", "--bootstrap", "30", "--threads", "2", "--out", out.toString(),
        "--produced-utc", "2026-01-01T00:00:00Z");
  }

  @Test
  void onlyWindUncertainExplainsEverything() throws Exception {
    Path ensemble = dir.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 10, "random_seed": 7, "sampling": "latin_hypercube",
         "distributions": {
           "cd": {"dist": "normal", "params": {"sigma": 0}},
           "altitude_m": {"dist": "normal", "params": {"sigma": 0}},
           "wind_scale": {"dist": "uniform", "params": {"min": 0.7, "max": 1.3}}}}
        """, StandardCharsets.UTF_8);
    Path fragments = dir.resolve("fragments.json");
    Files.writeString(fragments, """
        {"$schema": "https://darkflight.org/schemas/fragments.schema.json", "fragments": [
          {"id": "a100g", "mass_kg": 0.1, "density_kgm3": 3320, "cd": 0.92, "shape_factor": 1.21},
          {"id": "b1kg", "mass_kg": 1.0, "density_kgm3": 3320, "cd": 0.92, "shape_factor": 1.21}],
         "meta": {"schema_version": "1.0", "units": {"mass_kg": "kg"},
                  "provenance": {"source": "synthetic"}}}
        """, StandardCharsets.UTF_8);
    Path out1 = dir.resolve("one");
    Path out2 = dir.resolve("two");
    assertThat(run(out1, ensemble, fragments), equalTo(0));
    assertThat(run(out2, ensemble, fragments), equalTo(0));
    byte[] b1 = Files.readAllBytes(out1.resolve(SensitivityReport.FILE));
    byte[] b2 = Files.readAllBytes(out2.resolve(SensitivityReport.FILE));
    assertThat(java.util.Arrays.equals(b1, b2), equalTo(true));

    JsonNode doc = JsonSchemas.read(out1.resolve(SensitivityReport.FILE));
    assertThat(JsonSchemas.violations(doc, "sensitivity"), empty());
    assertThat(doc.get("classes").size(), equalTo(2));
    for (JsonNode c : doc.get("classes")) {
      assertThat(c.get("samples").asInt(), equalTo(40));
      assertThat(c.get("variance_along_m2").asDouble() + c.get("variance_cross_m2").asDouble(),
          greaterThan(100.0));
      for (JsonNode p : c.get("parameters")) {
        String name = p.get("name").asText();
        if (name.equals("wind_scale")) {
          // N = 40 rows: the bootstrap standard error of S is about 0.16, so allow 0.25 and
          // require the 95 % interval to cover the true value 1
          assertThat(p.get("first_order_index").asDouble(), closeTo(1.0, 0.25));
          assertThat(p.get("total_index").asDouble(), closeTo(1.0, 0.25));
          assertThat(p.get("first_order_ci95").get(0).asDouble(), lessThan(1.0));
          assertThat(p.get("first_order_ci95").get(1).asDouble(), greaterThan(1.0));
          assertThat(p.get("oat_shift_m").asDouble(), greaterThan(10.0));
        } else {
          assertThat(name, p.get("first_order_index").asDouble(), equalTo(0.0));
          assertThat(name, p.get("total_index").asDouble(), equalTo(0.0));
          assertThat(name, p.get("oat_shift_m").asDouble(), equalTo(0.0));
        }
      }
    }
  }

  @Test
  void runOptionWritesIntoTheRunDirectory() throws Exception {
    Path ensemble = dir.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 10, "random_seed": 7, "sampling": "latin_hypercube",
         "distributions": {"wind_scale": {"dist": "uniform", "params": {"min": 0.7, "max": 1.3}}}}
        """, StandardCharsets.UTF_8);
    Path runDir = Files.createDirectories(dir.resolve("run"));
    // a finished run (issue 19 §4: --run refuses a directory without its manifest)
    Files.writeString(runDir.resolve("output_manifest.json"), "{\"event_id\": \"e\"}");
    int rc = DarkflightCli.run("sensitivity", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(), "--samples", "8", "--bootstrap", "10",
        "--threads", "2", "--run", runDir.toString(), "--produced-utc", "2026-01-01T00:00:00Z");
    org.hamcrest.MatcherAssert.assertThat(rc, org.hamcrest.Matchers.equalTo(0));
    org.hamcrest.MatcherAssert.assertThat(Files.isRegularFile(runDir.resolve("sensitivity.json")),
        org.hamcrest.Matchers.equalTo(true));
  }

  @Test
  void anEnsembleWithoutDistributionsIsBadInput() throws Exception {
    Path ensemble = dir.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 10, "random_seed": 7, "distributions": {}}
        """, StandardCharsets.UTF_8);
    int rc = run(dir.resolve("out"), ensemble, EVENT.resolve("fragments.json"));
    assertThat(rc, equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(Files.exists(dir.resolve("out").resolve(SensitivityReport.FILE)), equalTo(false));
  }

  /** Issue 19 §3: an absurd thread count is a usage error naming the option, not a class name. */
  @Test
  void aHundredThousandThreadsAreRefusedByName() throws Exception {
    Path ensemble = dir.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 10, "random_seed": 7,
         "distributions": {"cd": {"dist": "normal", "params": {"sigma": 0.1}}}}
        """, StandardCharsets.UTF_8);
    CliOutcome r = CliOutcome.run("sensitivity", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(), "--threads", "100000", "--out", dir.resolve("out").toString());
    assertThat(r.exit(), equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err(), org.hamcrest.Matchers.containsString("--threads must be in [1, 256]"));
    assertThat(r.err(), org.hamcrest.Matchers.not(
        org.hamcrest.Matchers.containsString("IllegalArgumentException")));
  }
}
