package org.darkflight.pipeline.coord;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stage DAG: which stage produces each artifact, the edges producer → consumer, and the
 * execution order (Kahn's algorithm, ties broken by declaration order). The provenance stage
 * ({@value #PROVENANCE}) reads every artifact of the event, each optionally, so it runs last.
 */
final class StageGraph {

  /** Name of the stage that records the provenance of everything before it. */
  static final String PROVENANCE = "provenance";

  /**
   * An edge: stage {@code to} reads an artifact stage {@code from} writes.
   *
   * @param from producing stage's name
   * @param to   consuming stage's name
   */
  record Edge(String from, String to) {}

  private final List<Stage> stages;
  private final Map<ArtifactId, Stage> producers;
  private final List<Edge> edges;
  private final List<Stage> order;

  /**
   * Builds the graph.
   *
   * @throws IllegalStateException if two stages write one artifact or the graph has a cycle
   */
  StageGraph(List<Stage> stages) {
    this.stages = List.copyOf(stages);
    this.producers = producers(this.stages);
    this.edges = computeEdges();
    this.order = topologicalOrder();
  }

  /** The stages as declared. */
  List<Stage> stages() {
    return stages;
  }

  /** The stages in execution order. */
  List<Stage> order() {
    return order;
  }

  /** The edges producer → consumer, one per input read (so a pair may repeat). */
  List<Edge> edges() {
    return edges;
  }

  private List<Edge> computeEdges() {
    List<Edge> out = new ArrayList<>();
    for (Stage s : stages) {
      for (Stage.Port in : inputsOf(s)) {
        Stage p = producers.get(in.id());
        if (p != null) {
          out.add(new Edge(p.name(), s.name()));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The stage that writes an artifact, or null for the user's inputs. */
  Stage producerOf(ArtifactId a) {
    return producers.get(a);
  }

  /** Whether the stage is the provenance stage. */
  static boolean isProvenance(Stage s) {
    return s.name().equals(PROVENANCE);
  }

  /**
   * What a stage reads: its declared inputs; for the provenance stage, every raw input and every
   * output of the other stages, each optional.
   */
  List<Stage.Port> inputsOf(Stage s) {
    if (!isProvenance(s)) {
      return s.inputs();
    }
    List<Stage.Port> all = new ArrayList<>();
    for (ArtifactId a : ArtifactId.values()) {
      if (a.raw()) {
        all.add(a.optional());
      }
    }
    for (Stage o : stages) {
      if (o != s) {
        o.outputs().forEach(x -> all.add(x.id().optional()));
      }
    }
    return all;
  }

  private static Map<ArtifactId, Stage> producers(List<Stage> stages) {
    Map<ArtifactId, Stage> p = new EnumMap<>(ArtifactId.class);
    for (Stage s : stages) {
      for (Stage.Port o : s.outputs()) {
        if (p.put(o.id(), s) != null) {
          throw new IllegalStateException("two stages write " + o.id().role());
        }
      }
    }
    return p;
  }

  /** Kahn's algorithm, ties broken by declaration order; fails on a cycle. */
  private List<Stage> topologicalOrder() {
    Map<String, Integer> indegree = new LinkedHashMap<>();
    stages.forEach(s -> indegree.put(s.name(), 0));
    for (Edge e : edges) {
      indegree.merge(e.to(), 1, Integer::sum);
    }
    List<Stage> out = new ArrayList<>();
    while (out.size() < stages.size()) {
      Stage next = null;
      for (Stage s : stages) {
        if (!out.contains(s) && indegree.get(s.name()) == 0) {
          next = s;
          break;
        }
      }
      if (next == null) {
        throw new IllegalStateException("the stage graph has a cycle");
      }
      out.add(next);
      for (Edge e : edges) {
        if (e.from().equals(next.name())) {
          indegree.merge(e.to(), -1, Integer::sum);
        }
      }
    }
    return List.copyOf(out);
  }
}
