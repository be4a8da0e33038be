package org.darkflight.io.process;

/**
 * The provenance graph in Graphviz DOT ({@code <event_id>__provenance_graph__v1.dot}): one node
 * per artifact labelled with its path and the first 12 hex digits of its SHA-256 (the user's
 * inputs as notes, produced artifacts as boxes), one edge per {@link ProvenanceGraph.Edge}
 * labelled with its stage, left to right.
 */
public final class ProvenanceDot {

  private ProvenanceDot() {}

  /** The DOT text, {@code \n} line ends. */
  public static String of(ProvenanceGraph graph) {
    StringBuilder sb = new StringBuilder("digraph provenance {\n  rankdir=LR;\n");
    for (ProvenanceGraph.Node n : graph.nodes()) {
      sb.append("  \"").append(n.id()).append("\" [label=\"")
          .append(n.path()).append("\\n")
          .append(n.sha256(), 0, 12).append("\"")
          .append(n.userInput() ? ", shape=note" : ", shape=box")
          .append("];\n");
    }
    for (ProvenanceGraph.Edge e : graph.edges()) {
      sb.append("  \"").append(e.from()).append("\" -> \"")
          .append(e.to()).append("\" [label=\"").append(e.stage())
          .append("\"];\n");
    }
    return sb.append("}\n").toString();
  }
}
