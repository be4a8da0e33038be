package org.darkflight.pipeline.run;

import org.darkflight.analysis.ensemble.RunInputs;

import static org.darkflight.pipeline.cli.CliOutcome.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.pipeline.cli.CliOutcome;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tests of {@code darkflight run} on the shipped synthetic-calm event. */
class RunCommandTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");
  private static final String PRODUCED = "--produced-utc=2024-01-01T00:00:00Z";

  @TempDir static Path tmp;
  static Path ensemble;
  static Path shuffledFragments;

  @BeforeAll
  static void inputs() throws Exception {
    ensemble = tmp.resolve("ensemble_config.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 48, "random_seed": 99, "sampling": "latin_hypercube",
         "samples_per_element": 5,
         "distributions": {
           "mass_kg": {"dist": "lognormal", "params": {"sigma": 0.2}},
           "cd": {"dist": "normal", "params": {"sigma": 0.05}},
           "azimuth_deg": {"dist": "normal", "params": {"sigma": 2}},
           "speed_mps": {"dist": "uniform", "params": {"half_width": 200}}}}""");
    JsonNode frags = Json.mapper().readTree(EVENT.resolve("fragments.json").toFile());
    List<JsonNode> list = new ArrayList<>();
    frags.get("fragments").forEach(list::add);
    assertThat("the test needs several fragments to shuffle", list.size(), greaterThan(1));
    Collections.reverse(list);
    ((com.fasterxml.jackson.databind.node.ObjectNode) frags).putArray("fragments").addAll(list);
    shuffledFragments = tmp.resolve("fragments-reversed.json");
    Files.write(shuffledFragments, Json.toCanonicalBytes(frags));
  }


  private static CliOutcome runEnsemble(Path out, Path fragments, String... extra) {
    List<String> a = new ArrayList<>(List.of("run",
        "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", fragments.toString(),
        "--ensemble", ensemble.toString(),
        "--out", out.toString(), PRODUCED));
    a.addAll(List.of(extra));
    return run(a.toArray(new String[0]));
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void artifactsAreByteIdenticalForParallelismOneAndFour() throws Exception {
    Path a = tmp.resolve("p1");
    Path b = tmp.resolve("p4");
    CliOutcome ra = runEnsemble(a, EVENT.resolve("fragments.json"), "--targetParallelism=1");
    assertThat(ra.err(), ra.exit(), is(0));
    CliOutcome rb = runEnsemble(b, EVENT.resolve("fragments.json"), "--targetParallelism=4");
    assertThat(rb.err(), rb.exit(), is(0));
    assertThat(names(a), is(List.of("ensemble_manifest.json", "metrics.json",
        "output_manifest.json", "report.html", "search_areas.geojson", "search_plan.gpx",
        "strewn_field.kml", "strewn_field.kmz", "strewn_field_points.geojson",
        "uncertainty_ellipses.geojson")));
    assertThat(names(b), is(names(a)));
    for (String n : names(a)) {
      if (n.equals("metrics.json")) {
        continue; // wall-clock figures
      }
      assertThat(n, Files.mismatch(a.resolve(n), b.resolve(n)), is(-1L));
    }
    assertThat(ra.out(), containsString("samples 48"));
    assertThat(ra.out(), containsString("strewn_field.kmz"));
  }

  @Test
  void shuffledFragmentsGiveTheSameSamplesAndLandings() throws Exception {
    Path a = tmp.resolve("ordered");
    Path b = tmp.resolve("shuffled");
    assertThat(runEnsemble(a, EVENT.resolve("fragments.json")).exit(), is(0));
    assertThat(runEnsemble(b, shuffledFragments, "--targetParallelism=3").exit(), is(0));
    // The input file differs (so do its hash and the provenance); samples and landings do not.
    assertThat(Files.mismatch(a.resolve("ensemble_manifest.json"),
        b.resolve("ensemble_manifest.json")), is(-1L));
    JsonNode pa = Json.mapper().readTree(a.resolve("strewn_field_points.geojson").toFile());
    JsonNode pb = Json.mapper().readTree(b.resolve("strewn_field_points.geojson").toFile());
    assertThat(pa.get("features").size(), is(48));
    assertThat(pa.get("features").equals(pb.get("features")), is(true));
    JsonNode ea = Json.mapper().readTree(a.resolve("uncertainty_ellipses.geojson").toFile());
    JsonNode eb = Json.mapper().readTree(b.resolve("uncertainty_ellipses.geojson").toFile());
    assertThat(ea.get("features").equals(eb.get("features")), is(true));
  }

  @Test
  void manifestsMatchTheirSchemasAndTheFiles() throws Exception {
    Path dir = tmp.resolve("manifests");
    assertThat(runEnsemble(dir, EVENT.resolve("fragments.json")).exit(), is(0));
    JsonNode em = JsonSchemas.readValidated(dir.resolve("ensemble_manifest.json"),
        "ensemble_manifest");
    assertThat(em.get("rows").size(), is(48));
    assertThat(em.get("rows").get(47).get("index").asLong(), is(47L));
    JsonNode om = JsonSchemas.readValidated(dir.resolve("output_manifest.json"),
        "output_manifest");
    assertThat(om.get("artifacts").size(), is(8)); // + search plan (2 files) + report.html
    for (JsonNode art : om.get("artifacts")) {
      Path f = dir.resolve(art.get("path").asText());
      assertThat(art.get("sha256").asText(), is(RunInputs.sha256(f)));
      assertThat(art.get("bytes").asLong(), is(Files.size(f)));
    }
    assertThat(om.get("run").get("landed").asLong() + om.get("run").get("failed").asLong(),
        is(48L));
  }

  @Test
  void badEnsembleConfigIsReportedAndNothingIsWritten() throws Exception {
    Path bad = tmp.resolve("bad-ensemble.json");
    Files.writeString(bad, """
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1,
         "distributions": {"cd": {"dist": "normal", "params": {"sigma": -1}}}}""");
    Path out = tmp.resolve("never");
    CliOutcome r = run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", bad.toString(), "--out", out.toString());
    assertThat(r.exit(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err(), containsString("bad-ensemble.json: /distributions/cd/params/sigma"));
    assertThat(Files.exists(out), is(false));
  }

  @Test
  void missingFragmentsAreReported() {
    CliOutcome r = run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--out", tmp.resolve("nofrag").toString());
    assertThat(r.exit(), is(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(r.err(), containsString("--fragments"));
  }

  @Test
  void decadalSplitRuleReplacesFragmentsFile() throws Exception {
    Path cfg = tmp.resolve("split.json");
    Files.writeString(cfg, """
        {"mode": "mass_grid", "samples": 6, "random_seed": 3,
         "fragments": {"split": "decadal", "min_mass_kg": 0.01, "max_mass_kg": 1}}""");
    Path out = tmp.resolve("split-out");
    CliOutcome r = run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--ensemble", cfg.toString(), "--out", out.toString(), PRODUCED);
    assertThat(r.err(), r.exit(), is(0));
    JsonNode em = Json.mapper().readTree(out.resolve("ensemble_manifest.json").toFile());
    assertThat(em.get("fragments").size(), is(3));
    assertThat(em.get("rows").get(4).get("fragment_id").asText(),
        is(em.get("fragments").get(1).asText()));
  }

  @Test
  void unknownPipelineOptionIsAUsageError() {
    CliOutcome r = run("run", "--event", "e.json", "--atmos", "a.json", "--config", "c.json",
        "--noSuchBeamOption=3");
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("noSuchBeamOption"));
  }
}
