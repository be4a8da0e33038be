package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.process.ProvenanceGraph;
import org.darkflight.pipeline.config.LayeredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provenance graph from what a run knows: nodes, edges, stages, user inputs. */
class ProvenanceWriterTest {

  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

  @TempDir Path root;

  @Test
  void onlyPresentArtifactsBecomeNodesAndEdges() throws Exception {
    ProjectLayout l = new ProjectLayout(root, "ev");
    Files.createDirectories(l.rawDir());
    Files.writeString(l.rawDir().resolve("atmos_profile.json"), "{}");
    LayeredConfig config = LayeredConfig.resolve(null, root, null, List.of(), Map.of());
    StageGraph graph = new StageGraph(Coordinator.STAGES);
    ArtifactHashes known = ArtifactHashes.ofRawInputs(l);
    Stage atmos = graph.order().get(1);
    known.noteStage(atmos, Map.of(ArtifactId.ATMOS_PROFILE, B));
    List<Coordinator.StageResult> soFar = List.of(
        new Coordinator.StageResult(atmos, Coordinator.Outcome.RAN, A, "ok"),
        new Coordinator.StageResult(graph.order().get(2), Coordinator.Outcome.FAILED, null,
            "failed: no physics"));

    ProvenanceGraph g = new ProvenanceWriter(l, config, T, graph).graph(known, soFar, false);

    assertThat(g.nodes().stream().map(ProvenanceGraph.Node::id).toList(),
        equalTo(List.of("atmos_profile", "raw.atmos")));
    ProvenanceGraph.Node raw = g.nodes().get(1);
    assertThat(raw.producer(), is("user"));
    assertThat(raw.createdUtc(), nullValue());
    assertThat(raw.path(), is("data/events/ev/atmos_profile.json"));
    ProvenanceGraph.Node made = g.nodes().get(0);
    assertThat(made.stageVersion(), is("atmos/2"));
    assertThat(made.createdUtc(), is(T));
    assertThat(g.edges(), equalTo(List.of(
        new ProvenanceGraph.Edge("raw.atmos", "atmos_profile", "S2"))));
    assertThat(g.stages().get(1).cacheKey(), nullValue());
    assertThat(g.meta().complete(), is(false));
    assertThat(g.meta().inputs().size(), is(1));
    assertThat(JsonSchemas.violations(Json.mapper().readTree(Json.toCanonicalBytes(g)),
        "provenance_graph"), empty());
  }
}
