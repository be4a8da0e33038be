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
        "output_manifest.json", "report.html", "samples.fgb", "samples.gpkg", "samples_table",
        "samples_table.vrt", "search_areas.geojson", "search_plan.gpx",
        "strewn_field.kml", "strewn_field.kmz", "strewn_field_points.geojson",
        "trajectories", "uncertainty_ellipses.geojson")));
    assertThat(names(b), is(names(a)));
    assertThat(names(a.resolve("trajectories")), is(names(b.resolve("trajectories"))));
    for (String n : names(a)) {
      if (n.equals("metrics.json")) {
        continue; // wall-clock figures
      }
      if (n.equals("samples_table") || n.equals("trajectories")) {
        assertThat(names(b.resolve(n)), is(names(a.resolve(n))));
        for (String shard : names(a.resolve(n))) {
          assertThat(shard, Files.mismatch(a.resolve(n).resolve(shard),
              b.resolve(n).resolve(shard)), is(-1L));
        }
        continue;
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
    // ensemble_manifest.json: identical but for meta.inputs (the fragments file's path and hash)
    JsonNode ma = Json.mapper().readTree(a.resolve("ensemble_manifest.json").toFile());
    JsonNode mb = Json.mapper().readTree(b.resolve("ensemble_manifest.json").toFile());
    assertThat(ma.get("meta").equals(mb.get("meta")), is(false));
    ((com.fasterxml.jackson.databind.node.ObjectNode) ma).remove("meta");
    ((com.fasterxml.jackson.databind.node.ObjectNode) mb).remove("meta");
    assertThat(ma.equals(mb), is(true));
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
    // + search plan (2 files) + report.html; + per-sample table: samples.fgb, samples.gpkg,
    // samples_table.vrt and 10 shards (48 samples in ranges of 5); + trajectories/<fragment>.json
    // (2 fragments)
    assertThat(om.get("artifacts").size(), is(8 + 13 + 2));
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
  void missingFragmentsAreDerivedAndRecorded() throws Exception {
    // Issue 16 §2 reverses the old refusal: without fragments the default decadal suite runs.
    CliOutcome r = run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--out", tmp.resolve("nofrag").toString(), "--no-report", "--no-search-plan");
    assertThat(r.err(), r.exit(), is(0));
    assertThat(r.err(), containsString("note: no fragments file and no split rule: the default "
        + "decadal suite"));
    assertThat(Files.readString(tmp.resolve("nofrag/output_manifest.json")),
        containsString("\"fragments_derived\""));
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

  /** An ensemble whose bulk density is drawn uniformly in [min, max] kg/m³ (negative: fails). */
  private static Path densityEnsemble(String name, int min, int max) throws Exception {
    Path f = tmp.resolve(name);
    Files.writeString(f, """
        {"mode": "monte_carlo", "samples": 40, "random_seed": 7, "sampling": "latin_hypercube",
         "distributions": {"density_kgm3": {"dist": "uniform",
           "params": {"min": %d, "max": %d}}}}""".formatted(min, max));
    return f;
  }

  private static CliOutcome runWith(Path out, Path ens, String... extra) {
    List<String> a = new ArrayList<>(List.of("run",
        "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ens.toString(), "--out", out.toString(), PRODUCED, "--no-report"));
    a.addAll(List.of(extra));
    return run(a.toArray(new String[0]));
  }

  @Test
  void aRunWhoseSamplesAllFailIsMarkedFailedAndExitsFour() throws Exception {
    Path dir = tmp.resolve("all-failed");
    CliOutcome r = runWith(dir, densityEnsemble("all-failing.json", -2000, -1000));
    assertThat(r.err(), r.exit(), is(4));
    assertThat(r.err(), containsString("40 of 40 samples failed"));
    assertThat(r.out(), containsString("failure share 1.0000 (limit 0.01): run failed"));
    assertThat(r.out(), containsString("search plan: not written"));
    JsonNode om = JsonSchemas.readValidated(dir.resolve("output_manifest.json"),
        "output_manifest");
    assertThat(om.at("/run/status").asText(), is("failed"));
    assertThat(om.at("/run/failure_share").asDouble(), is(1.0));
    assertThat(om.at("/run/max_failure_share").asDouble(), is(0.01));
    assertThat(om.at("/run/failure_reasons/INVALID_DRAW").asLong(), is(40L));
    JsonNode points = JsonSchemas.readValidated(dir.resolve("strewn_field_points.geojson"),
        "strewn_field_points");
    assertThat(points.get("features").size(), is(0));
    assertThat(points.at("/meta/summary/status").asText(), is("failed"));
    assertThat(Files.exists(dir.resolve("search_plan.gpx")), is(false));
  }

  @Test
  void jsonManifestsCarryTheCanonicalMetaWithTheInputsHashes() throws Exception {
    Path dir = tmp.resolve("meta");
    assertThat(runWith(dir, ensemble).exit(), is(0));
    for (String[] f : new String[][] {{"output_manifest.json", "output_manifest"},
        {"ensemble_manifest.json", "ensemble_manifest"}}) {
      JsonNode meta = JsonSchemas.readValidated(dir.resolve(f[0]), f[1]).get("meta");
      assertThat(meta.get("product").asText(), is(f[1]));
      assertThat(meta.get("producer").asText(), is(org.darkflight.io.meta.Producer.NAME));
      assertThat(meta.get("created_utc").asText(), is("2024-01-01T00:00:00Z"));
      assertThat(meta.get("event_id").asText(), is("synthetic-calm"));
      assertThat(meta.get("inputs").size(), is(5));
      for (JsonNode i : meta.get("inputs")) {
        assertThat(i.get("sha256").asText(), is(RunInputs.sha256(Path.of(i.get("path")
            .asText()))));
      }
    }
    JsonNode points = JsonSchemas.readValidated(dir.resolve("strewn_field_points.geojson"),
        "strewn_field_points");
    assertThat(points.at("/meta/git_commit").asText(),
        is(org.darkflight.io.meta.Producer.gitCommit()));
  }

  @Test
  void uncertaintyRadiusIsTheAreaEquivalentRadiusOfTheClassNinetyPercentEllipse()
      throws Exception {
    Path dir = tmp.resolve("radius");
    assertThat(runWith(dir, ensemble).exit(), is(0));
    java.util.Map<Integer, Double> expected = new java.util.HashMap<>();
    for (JsonNode e : JsonSchemas.read(dir.resolve("uncertainty_ellipses.geojson"))
        .get("features")) {
      JsonNode p = e.get("properties");
      if (p.get("confidence_level").asDouble() == 0.9) {
        expected.put(p.get("mass_class_index").asInt(), Math.sqrt(
            p.get("semi_major_axis_m").asDouble() * p.get("semi_minor_axis_m").asDouble()));
      }
    }
    assertThat(expected.isEmpty(), is(false));
    int filled = 0;
    for (JsonNode f : JsonSchemas.read(dir.resolve("strewn_field_points.geojson"))
        .get("features")) {
      JsonNode p = f.get("properties");
      Double r = expected.get(p.get("mass_class_index").asInt());
      if (r == null) {
        assertThat(p.get("uncertainty_radius_m").isNull(), is(true));
      } else {
        assertThat(p.get("uncertainty_radius_m").asDouble(),
            org.hamcrest.Matchers.closeTo(r, 1e-6 * r + 1e-6));
        filled++;
      }
    }
    assertThat(filled, greaterThan(0));
  }

  @Test
  void theFailureShareLimitDecidesTheExitCode() throws Exception {
    // A quarter of the densities drawn in [-1000, 3000] kg/m³ are negative (latin hypercube).
    Path ens = densityEnsemble("quarter-failing.json", -1000, 3000);
    CliOutcome strict = runWith(tmp.resolve("quarter-strict"), ens);
    assertThat(strict.err(), strict.exit(), is(4));
    JsonNode om = JsonSchemas.readValidated(tmp.resolve("quarter-strict/output_manifest.json"),
        "output_manifest");
    assertThat(om.at("/run/status").asText(), is("failed"));
    assertThat(om.at("/run/failure_share").asDouble(),
        is(om.at("/run/failed").asDouble() / 40));
    assertThat(om.at("/run/failure_reasons/INVALID_DRAW").asLong(), is(10L));

    CliOutcome lenient = runWith(tmp.resolve("quarter-lenient"), ens,
        "--max-failure-share", "0.5");
    assertThat(lenient.err(), lenient.exit(), is(0));
    JsonNode ok = JsonSchemas.readValidated(tmp.resolve("quarter-lenient/output_manifest.json"),
        "output_manifest");
    assertThat(ok.at("/run/status").asText(), is("complete"));
    assertThat(ok.at("/run/max_failure_share").asDouble(), is(0.5));
  }

  @Test
  void aFailureShareOutsideZeroToOneIsAUsageError() {
    CliOutcome r = run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--max-failure-share", "1.5");
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("--max-failure-share"));
  }

  /**
   * KML absolute altitudes are above mean sea level (KML 2.2; Google Earth draws them so): each
   * trajectory line starts at the trajectory file's ellipsoidal height less the EGM96
   * undulation, and ends at the configured ground, 218 m above mean sea level (Park Forest's
   * physics_config.json, height_reference msl), not at its ellipsoidal height (218 m + N).
   */
  @Test
  void kmlTrajectoriesAreDrawnAboveMeanSeaLevel() throws Exception {
    Path pf = Path.of("../testdata/events/park-forest-2003");
    Path out = tmp.resolve("kml-msl");
    CliOutcome r = run("run", "--event", pf.resolve("event.json").toString(),
        "--atmos", pf.resolve("atmos_profile.json").toString(),
        "--config", pf.resolve("physics_config.json").toString(),
        "--fragments", pf.resolve("fragments.json").toString(), "--out", out.toString(),
        "--no-report", "--no-search-plan", PRODUCED);
    assertThat(r.err(), r.exit(), is(0));
    String kml = Files.readString(out.resolve("strewn_field.kml"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<name>(m[^ <]+) \\([^<]*"
        + "</name>(?:(?!</Placemark>).)*?<LineString>\\s*<altitudeMode>absolute</altitudeMode>"
        + "\\s*<coordinates>([^<]+)</coordinates>", java.util.regex.Pattern.DOTALL).matcher(kml);
    int lines = 0;
    while (m.find()) {
      String[] coords = m.group(2).trim().split(" ");
      String[] first = coords[0].split(",");
      String[] last = coords[coords.length - 1].split(",");
      JsonNode traj = Json.mapper().readTree(out.resolve("trajectories/" + m.group(1) + ".json")
          .toFile());
      JsonNode p0 = traj.get("points").get(0);
      double n0 = org.darkflight.io.geoid.Egm96.undulationM(p0.get("lat").asDouble(),
          p0.get("lon").asDouble());
      assertThat("N is about -33.6 m at Park Forest", n0 < -30 && n0 > -37, is(true));
      assertThat(m.group(1), Math.abs(Double.parseDouble(first[2])
          - (p0.get("height_m").asDouble() - n0)) <= 0.05 + 1e-9, is(true));
      // the ground is put on the ellipsoid with N at the luminous end; N differs by about
      // 0.1 m at the landing a few km away, and the KML rounds to 0.1 m
      assertThat(m.group(1) + " ends on the ground above mean sea level: " + last[2],
          Math.abs(Double.parseDouble(last[2]) - 218.0) <= 0.2, is(true));
      double nLast = org.darkflight.io.geoid.Egm96.undulationM(Double.parseDouble(last[1]),
          Double.parseDouble(last[0]));
      assertThat("not the ellipsoidal ground height", Math.abs(Double.parseDouble(last[2])
          - (218.0 + nLast)) > 30, is(true));
      lines++;
    }
    assertThat(lines, is(5));
  }
}
