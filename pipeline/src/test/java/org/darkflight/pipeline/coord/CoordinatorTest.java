package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.pipeline.coord.Coordinator.Outcome;
import org.darkflight.pipeline.coord.Coordinator.StageResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache hits, incremental reruns, failure and resume, provenance, layout and naming. */
class CoordinatorTest {

  @TempDir Path tmp;

  private static Set<String> names(List<StageResult> r, Outcome o) {
    return r.stream().filter(s -> s.outcome() == o).map(s -> s.stage().name())
        .collect(Collectors.toSet());
  }

  private static Set<String> allNames() {
    return Coordinator.STAGES.stream().map(Stage::name).collect(Collectors.toSet());
  }

  @Test
  void aSecondIdenticalRunIsAllCacheHitsAndByteIdentical() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    Coordinator.Result first = ProjectFixture.process(root, false);
    assertThat(first.succeeded(), is(true));
    assertThat(names(first.stages(), Outcome.RAN), equalTo(allNames()));
    Map<String, byte[]> a = ProjectFixture.outputs(root);

    Coordinator.Result second = ProjectFixture.process(root, false);
    assertThat(names(second.stages(), Outcome.HIT), equalTo(allNames()));
    Map<String, byte[]> b = ProjectFixture.outputs(root);
    assertThat(b.keySet(), equalTo(a.keySet()));
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
    // and a hit restores a deleted artifact from the cache
    Path points = root.resolve("artifacts/synthetic-calm/geo/"
        + "synthetic-calm__strewn_field_points__v1.geojson");
    Files.delete(points);
    ProjectFixture.process(root, false);
    assertArrayEquals(a.get(root.relativize(points).toString()), Files.readAllBytes(points));
  }

  @Test
  void changingOneInputRerunsExactlyTheDependentStages() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    ProjectFixture.process(root, false);
    Path atmos = ProjectFixture.eventDir(root).resolve("raw/atmos_profile.json");
    ObjectNode tree = (ObjectNode) JsonSchemas.read(atmos);
    ObjectNode level = (ObjectNode) tree.path("levels").get(0);
    level.put("wind_u_mps", level.path("wind_u_mps").asDouble() + 3.0);
    Files.write(atmos, Json.toCanonicalBytes(tree));

    Coordinator.Result r = ProjectFixture.process(root, false);
    // the stages downstream of atmos_profile.json in the DAG, and no others
    assertThat(names(r.stages(), Outcome.RAN),
        equalTo(Set.of("atmos", "ensemble", "validation", "provenance")));
    assertThat(names(r.stages(), Outcome.HIT), equalTo(Set.of("ingest", "physics", "fragments")));

    // a config change reaches only the stages that read that section (and what follows them)
    Coordinator.Result c = ProjectFixture.process(root, false, "ensemble.samples=13");
    assertThat(names(c.stages(), Outcome.RAN),
        equalTo(Set.of("fragments", "ensemble", "validation", "provenance")));
    Coordinator.Result p = ProjectFixture.process(root, false, "ensemble.samples=13",
        "integration.dt_max_s=0.1");
    // the key edits the physics configuration the ensemble reads, so the ensemble reruns too
    // (issue 15: before, S3 recorded the key but published the file unchanged)
    assertThat(names(p.stages(), Outcome.RAN),
        equalTo(Set.of("physics", "ensemble", "validation", "provenance")));
  }

  @Test
  void theConfigLayersReachTheArtifacts() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    ProjectFixture.process(root, false, "ensemble.random_seed=99");
    JsonNode ens = JsonSchemas.read(root.resolve(
        "data/events/synthetic-calm/processed/synthetic-calm__ensemble_config__v1.json"));
    // darkflight.toml (docs/operations.md sample) overrides the raw file's monte_carlo/16; CLI the seed
    assertThat(ens.path("mode").asText(), is("mass_grid"));
    assertThat(ens.path("samples").asInt(), is(12));
    assertThat(ens.path("random_seed").asLong(), is(99L));
    JsonNode run = JsonSchemas.read(root.resolve(
        "artifacts/synthetic-calm/sim/synthetic-calm__run_manifest__v1.json"));
    assertThat(run.path("run").path("samples").asInt(), is(12));
    JsonNode graph = JsonSchemas.read(root.resolve(
        "artifacts/synthetic-calm/synthetic-calm__provenance_graph__v1.json"));
    List<String> overridden = Stream.of(graph.path("config").path("overrides"))
        .flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
        .map(o -> o.path("key").asText() + "@" + o.path("layer").asText()).toList();
    assertThat(overridden, hasItem("ensemble.random_seed@cli"));
    assertThat(overridden, hasItem("ensemble.samples@project"));
    String log = Files.readString(root.resolve("logs/synthetic-calm.log"));
    assertThat(log, containsString("cli (--set): ensemble.random_seed = 99, was 123456 (project)"));
  }

  @Test
  void provenanceAndManifestFollowTheSchemasAndTheLayout() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    ProjectFixture.process(root, false);
    Path art = root.resolve("artifacts/synthetic-calm");
    JsonNode graph = JsonSchemas.readValidated(
        art.resolve("synthetic-calm__provenance_graph__v1.json"), "provenance_graph");
    JsonNode manifest = JsonSchemas.readValidated(
        art.resolve("synthetic-calm__output_manifest__v1.json"), "output_manifest");
    // provenance_hash = sha256 of the provenance graph's bytes, computed here independently
    byte[] g = Files.readAllBytes(art.resolve("synthetic-calm__provenance_graph__v1.json"));
    assertThat(manifest.path("provenance_hash").asText(),
        is(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(g))));
    // every node's sha256 is the file's (a directory's: that of its sha256sum-style listing)
    for (JsonNode n : graph.path("nodes")) {
      Path node = root.resolve(n.path("path").asText());
      byte[] bytes = Files.isDirectory(node) ? listing(node) : Files.readAllBytes(node);
      assertThat(n.path("path").asText(), n.path("sha256").asText(),
          is(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))));
    }
    // every manifest artifact exists with its size and hash
    for (JsonNode a : manifest.path("artifacts")) {
      Path f = root.resolve(a.path("path").asText());
      assertThat(a.path("bytes").asLong(), is(Files.size(f)));
      if (f.getParent().getFileName().toString().equals("synthetic-calm__trajectories__v1")) {
        // a file of the trajectories directory: the directory follows the naming
        assertThat(f.getFileName().toString(), endsWith(".json"));
        f = f.getParent();
      }
      String name = f.getFileName().toString();
      assertThat(name, startsWith("synthetic-calm__"));
      assertThat(name, name.matches("synthetic-calm__[a-z_]+__v1(\\.[a-z]+)?"), is(true));
    }
    // edges: raw atmos feeds the normalized profile, which feeds the strewn field
    Set<String> edges = new HashSet<>();
    graph.path("edges").forEach(e -> edges.add(e.path("from").asText() + ">"
        + e.path("to").asText()));
    assertThat(edges, hasItem("raw.atmos>atmos_profile"));
    assertThat(edges, hasItem("atmos_profile>strewn_field_points"));
    assertThat(edges, not(hasItem("raw.atmos>model_manifest")));
    String dot = Files.readString(art.resolve("synthetic-calm__provenance_graph__v1.dot"),
        StandardCharsets.UTF_8);
    assertThat(dot, containsString("\"raw.atmos\" -> \"atmos_profile\""));
    // normalized copies carry the canonical meta and still pass their schemas
    JsonNode ev = JsonSchemas.readValidated(root.resolve(
        "data/events/synthetic-calm/processed/synthetic-calm__event__v1.json"), "event");
    JsonNode prov = ev.path("meta").path("provenance");
    assertThat(prov.path("created_utc").asText(), is("2024-01-01T00:00:00Z"));
    assertThat(prov.path("inputs").get(0).path("path").asText(),
        is("data/events/synthetic-calm/raw/event.json"));
    JsonNode mm = JsonSchemas.read(art.resolve("physics/synthetic-calm__model_manifest__v1.json"));
    assertThat(mm.path("meta").path("schema_version").asText(), is("1.0"));
    assertThat(mm.path("models").path("drag").asText(), is("simple_constant"));
    // no validation spec: S8 skipped with a status
    JsonNode val = JsonSchemas.read(art.resolve(
        "validation/synthetic-calm__validation_status__v1.json"));
    assertThat(val.path("status").asText(), is("skipped"));
    // no temporary files are left anywhere
    try (Stream<Path> s = Files.walk(root)) {
      assertThat(s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".tmp") || n.startsWith(".tmp-")).toList(), empty());
    }
  }

  @Test
  void dryRunPlansHitsAndMissesAndWritesNothing() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    List<StageResult> plan = ProjectFixture.process(root, true).stages();
    assertThat(plan.stream().map(StageResult::outcome).toList(), everyItem(is(Outcome.MISS)));
    // inputs of S1–S4 are raw files: keys known; the rest wait for upstream outputs
    assertThat(plan.get(0).key(), notNullValue());
    assertThat(plan.stream().filter(s -> s.stage().name().equals("ensemble")).findFirst()
        .orElseThrow().key(), nullValue());
    assertThat(Files.exists(root.resolve("cache")), is(false));
    assertThat(Files.exists(root.resolve("artifacts")), is(false));

    Coordinator.Result run = ProjectFixture.process(root, false);
    List<StageResult> after = ProjectFixture.process(root, true).stages();
    assertThat(after.stream().map(StageResult::outcome).toList(), everyItem(is(Outcome.HIT)));
    for (int i = 0; i < after.size(); i++) {
      assertThat(after.get(i).key(), is(run.stages().get(i).key()));
    }
    assertThat(plan.get(0).key(), is(run.stages().get(0).key()));
  }

  @Test
  void aFailingStageLeavesEarlierArtifactsAndAManifestAndARerunResumes() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    Path physics = ProjectFixture.eventDir(root).resolve("raw/physics_config.json");
    byte[] good = Files.readAllBytes(physics);
    Files.writeString(physics, "{\"$schema\": \"https://darkflight.org/schemas/"
        + "physics_config.schema.json\", \"drag_model\": \"warp_drive\"}");
    Coordinator.Result bad = ProjectFixture.process(root, false);
    assertThat(bad.succeeded(), is(false));
    assertThat(names(bad.stages(), Outcome.RAN), equalTo(Set.of("ingest", "atmos")));
    assertThat(names(bad.stages(), Outcome.FAILED), equalTo(Set.of("physics")));
    JsonNode m = JsonSchemas.readValidated(bad.outputManifest(), "output_manifest");
    assertThat(m.path("run").path("status").asText(), is("failed"));
    assertThat(m.path("run").path("stages").get(2).path("status").asText(),
        startsWith("failed: "));
    assertThat(m.path("run").path("stages").get(3).path("status").asText(),
        startsWith("not run"));
    assertThat(Files.isRegularFile(root.resolve(
        "artifacts/synthetic-calm/atmos/synthetic-calm__atmos_profile__v1.json")), is(true));

    Files.write(physics, good);
    Coordinator.Result fixed = ProjectFixture.process(root, false);
    assertThat(fixed.succeeded(), is(true));
    assertThat(names(fixed.stages(), Outcome.HIT), equalTo(Set.of("ingest", "atmos")));
    JsonNode ok = JsonSchemas.readValidated(fixed.outputManifest(), "output_manifest");
    assertThat(ok.path("run").path("status").asText(), is("complete"));
  }

  /** The lines {@code <sha256>  <name>} of a directory's files in name order, as bytes. */
  private static byte[] listing(Path dir) throws Exception {
    StringBuilder b = new StringBuilder();
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      for (Path f : s.sorted().toList()) {
        b.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(f)))).append("  ").append(f.getFileName()).append('\n');
      }
    }
    return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
