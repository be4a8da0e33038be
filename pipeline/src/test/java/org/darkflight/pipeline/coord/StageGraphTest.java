package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage DAG: producers, edges, execution order, the provenance stage's inputs. */
class StageGraphTest {

  private static Stage stage(String name, List<Stage.Port> in, List<Stage.Port> out) {
    return new Stage(name.toUpperCase(java.util.Locale.ROOT), name, name + "/1", in, out,
        List.of());
  }

  @Test
  void theDagOrdersEveryProducerBeforeItsConsumers() {
    StageGraph g = new StageGraph(Coordinator.STAGES);
    List<String> names = g.order().stream().map(Stage::name).toList();
    for (StageGraph.Edge e : g.edges()) {
      assertThat(e.from() + " before " + e.to(),
          names.indexOf(e.from()) < names.indexOf(e.to()), is(true));
    }
    assertThat(names.get(names.size() - 1), is("provenance"));
  }

  @Test
  void declarationOrderIsKeptWhereTheDagAllowsAndReversedWhereItMust() {
    // "b" is declared first but reads what "a" writes
    Stage b = stage("b", List.of(ArtifactId.EVENT.required()),
        List.of(ArtifactId.ATMOS_PROFILE.required()));
    Stage a = stage("a", List.of(ArtifactId.RAW_EVENT.required()),
        List.of(ArtifactId.EVENT.required()));
    Stage c = stage("c", List.of(ArtifactId.RAW_PHYSICS.required()),
        List.of(ArtifactId.PHYSICS_CONFIG.required()));
    StageGraph g = new StageGraph(List.of(b, a, c));
    assertThat(g.order(), equalTo(List.of(a, b, c)));
    assertThat(g.edges(), equalTo(List.of(new StageGraph.Edge("a", "b"))));
    assertThat(g.producerOf(ArtifactId.EVENT), is(a));
    assertThat(g.producerOf(ArtifactId.RAW_EVENT), nullValue());
  }

  @Test
  void aCycleAndTwoWritersOfOneArtifactAreRefused() {
    Stage x = stage("x", List.of(ArtifactId.ATMOS_PROFILE.required()),
        List.of(ArtifactId.EVENT.required()));
    Stage y = stage("y", List.of(ArtifactId.EVENT.required()),
        List.of(ArtifactId.ATMOS_PROFILE.required()));
    assertThat(assertThrows(IllegalStateException.class, () -> new StageGraph(List.of(x, y)))
        .getMessage(), containsString("cycle"));
    Stage z = stage("z", List.of(), List.of(ArtifactId.EVENT.optional()));
    assertThat(assertThrows(IllegalStateException.class, () -> new StageGraph(List.of(x, z)))
        .getMessage(), containsString("two stages write event"));
  }

  @Test
  void theProvenanceStageReadsEveryArtifactOptionally() {
    StageGraph g = new StageGraph(Coordinator.STAGES);
    Stage prov = g.order().get(g.order().size() - 1);
    List<Stage.Port> in = g.inputsOf(prov);
    assertThat(in.stream().allMatch(Stage.Port::optional), is(true));
    List<ArtifactId> ids = in.stream().map(Stage.Port::id).toList();
    for (ArtifactId a : ArtifactId.values()) {
      boolean ownOutput = prov.outputs().stream().anyMatch(o -> o.id() == a);
      assertThat(a.role(), ids.contains(a), is(!ownOutput));
    }
    // every other stage reads what it declares
    Stage physics = g.order().get(2);
    assertThat(g.inputsOf(physics), equalTo(physics.inputs()));
  }
}
