package org.darkflight.io.process;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.testsupport.SortedKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documents of darkflight process: written through the shared mapper, valid, readable. */
class ProcessDocumentsTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path tmp;

  private static StageMeta meta() {
    return new StageMeta("1.0", T, "darkflight test", List.of(new InputRef("raw/x.json", A)));
  }

  private static JsonNode written(Path file, String schema) throws Exception {
    SortedKeys.check(Files.readAllBytes(file));
    JsonNode n = JsonSchemas.read(file);
    assertThat(file + " against " + schema, JsonSchemas.violations(n, schema), empty());
    return n;
  }

  @Test
  void everyValidationStatusFollowsItsSchema() throws Exception {
    for (ValidationStatus v : List.of(ValidationStatus.ran("ev", true, meta()),
        ValidationStatus.ran("ev", false, meta()),
        ValidationStatus.skipped("ev", "no validation_spec.json", meta()))) {
      Path f = tmp.resolve(v.status() + ".json");
      ProcessFiles.write(f, v);
      JsonNode n = written(f, "validation_status");
      assertThat(n.has("reason"), is(v.status().equals("skipped")));
      assertThat(n.at("/meta/created_utc").asText(), is("2024-01-01T00:00:00Z"));
    }
    assertThrows(IllegalArgumentException.class,
        () -> new ValidationStatus("ev", "skipped", null, meta()));
    assertThrows(IllegalArgumentException.class,
        () -> new ValidationStatus("ev", "maybe", null, meta()));
  }

  @Test
  void aModelManifestFollowsItsSchema() throws Exception {
    ModelManifest m = new ModelManifest("ev", new ModelManifest.Models("simple_constant", 1.0,
        "Ablation[enabled=false]", "constant", false, 0.0, "Integration[method=RK4]", 1.0, "NONE"),
        new ModelManifest.Versions("darkflight test", "darkflight-run/1"),
        new ModelManifest.Config(Json.mapper().readTree("{\"drag_model\": \"simple_constant\","
            + " \"cd_scale\": 1.3, \"ablation\": {\"enabled\": false}, \"gravity_model\":"
            + " \"constant\", \"earth_rotation\": false, \"ground_altitude_m\": 0,"
            + " \"legacy\": \"none\", \"output_interval_s\": 1}"),
            Json.mapper().readTree("{\"method\": \"rk4\", \"dt_initial_s\": 0.05,"
            + " \"dt_min_s\": 0.005, \"dt_max_s\": 0.2, \"rel_tolerance\": 1e-9,"
            + " \"abs_tolerance_m\": 0.001, \"max_steps\": 5000000,"
            + " \"max_recorded_points\": 200000}"),
            Map.of("physics.cd_scale", Json.mapper().readTree("1.3"))), meta());
    Path f = tmp.resolve("model_manifest.json");
    ProcessFiles.write(f, m);
    JsonNode n = written(f, "model_manifest");
    assertThat(n.at("/models/cd_scale").asDouble(), is(1.0));
    assertThat(n.at("/config/physics/cd_scale").asDouble(), is(1.3));
    assertThat(n.at("/config/applied_keys/physics.cd_scale").asDouble(), is(1.3));
    // an arbitrary table (the spec sample's cd_base) is no longer an effective configuration
    ObjectNode bad = (ObjectNode) n.deepCopy();
    ((ObjectNode) bad.get("config")).set("physics",
        Json.mapper().readTree("{\"cd_base\": 1.3}"));
    assertThat(JsonSchemas.violations(bad, "model_manifest").isEmpty(), is(false));
  }

  @Test
  void aStageRecordFollowsItsSchemaAndReadsBack() throws Exception {
    StageRecord r = StageRecord.of("S3", "physics", "physics/1", A, B, "ok",
        Map.of("raw.physics", A), Map.of("physics_config", B, "model_manifest", A));
    Path f = tmp.resolve(StageRecord.FILE);
    ProcessFiles.write(f, r);
    written(f, "stage_record");
    assertThat(ProcessFiles.readStageRecord(f), equalTo(r));
    // keys sorted: model_manifest before physics_config
    String text = Files.readString(f, StandardCharsets.UTF_8);
    assertThat(text.indexOf("model_manifest") < text.indexOf("physics_config"), is(true));
  }

  private static ProvenanceGraph graph(boolean complete) throws Exception {
    return ProvenanceGraph.of("ev",
        List.of(new ProvenanceGraph.Node("atmos_profile", "artifacts/ev/atmos/p.json", B, "1.0",
                T, "darkflight test", "atmos/1"),
            new ProvenanceGraph.Node("raw.atmos", "data/events/ev/raw/atmos_profile.json", A,
                "1.0", null, "user", null)),
        List.of(new ProvenanceGraph.Edge("raw.atmos", "atmos_profile", "S2")),
        List.of(new ProvenanceGraph.StageRun("S2", "atmos", "atmos/1", A, "ok"),
            new ProvenanceGraph.StageRun("S3", "physics", "physics/1", null,
                "not run: an earlier stage failed")),
        new ProvenanceGraph.Config(
            (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(
                "{\"ensemble\": {\"samples\": 12}}"),
            List.of(new ProvenanceGraph.ConfigOverride("ensemble.samples", "project",
                "darkflight.toml", Json.mapper().readTree("12"), null, null))),
        new ProvenanceGraph.Meta("1.0", T, "darkflight test", complete,
            List.of(new InputRef("data/events/ev/raw/atmos_profile.json", A))));
  }

  @Test
  void aProvenanceGraphFollowsItsSchemaWithItsNulls() throws Exception {
    Path f = tmp.resolve("provenance_graph.json");
    byte[] bytes = ProcessFiles.write(f, graph(false));
    assertThat(Files.readAllBytes(f), equalTo(bytes));
    JsonNode n = written(f, "provenance_graph");
    // user inputs carry explicit nulls, as the schema requires the keys
    assertThat(n.at("/nodes/1/created_utc").isNull(), is(true));
    assertThat(n.at("/nodes/1/stage_version").isNull(), is(true));
    assertThat(n.at("/stages/1/cache_key").isNull(), is(true));
    assertThat(n.at("/config/overrides/0/previous").isNull(), is(true));
    assertThat(n.at("/meta/complete").asBoolean(), is(false));
  }

  @Test
  void theDotDrawsUserInputsAsNotesAndLabelsEdgesWithTheirStage() throws Exception {
    String dot = ProvenanceDot.of(graph(true));
    assertThat(dot, equalTo("digraph provenance {\n  rankdir=LR;\n"
        + "  \"atmos_profile\" [label=\"artifacts/ev/atmos/p.json\\nbbbbbbbbbbbb\", shape=box];\n"
        + "  \"raw.atmos\" [label=\"data/events/ev/raw/atmos_profile.json\\naaaaaaaaaaaa\","
        + " shape=note];\n"
        + "  \"raw.atmos\" -> \"atmos_profile\" [label=\"S2\"];\n}\n"));
    Path f = tmp.resolve("g.dot");
    ProcessFiles.writeDot(f, graph(true));
    assertThat(Files.readString(f, StandardCharsets.UTF_8), equalTo(dot));
  }

  @Test
  void theGeneratedEnsembleConfigFollowsTheEnsembleSchema() throws Exception {
    JsonNode n = Json.mapper().readTree(Json.toCanonicalBytes(
        GeneratedEnsembleConfig.perFragment(3, 0)));
    assertThat(JsonSchemas.violations(n, "ensemble_config"), empty());
    assertThat(n.path("samples").asInt(), is(3));
    assertThat(new String(Json.toCanonicalBytes(GeneratedEnsembleConfig.perFragment(3, 0)),
        StandardCharsets.UTF_8), not(containsString("randomSeed")));
  }
}
