package org.darkflight.pipeline.coord;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.process.ProcessFiles;
import org.darkflight.io.process.ProcessRunInfo;
import org.darkflight.io.process.ProvenanceGraph;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.pipeline.config.LayeredConfig;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.pipeline.run.OutputManifest;

/**
 * Stage S10 and the record of a failed run: the provenance graph of an event (every artifact
 * known, which stage made which from which, the stage executions, the resolved configuration),
 * its Graphviz drawing and the event's output manifest, whose {@code provenance_hash} is the
 * SHA-256 of the graph's bytes.
 */
final class ProvenanceWriter {

  private final ProjectLayout layout;
  private final LayeredConfig config;
  private final Instant createdUtc;
  private final StageGraph graph;

  /**
   * @param createdUtc the time written into the artifacts
   */
  ProvenanceWriter(ProjectLayout layout, LayeredConfig config, Instant createdUtc,
      StageGraph graph) {
    this.layout = layout;
    this.config = config;
    this.createdUtc = createdUtc;
    this.graph = graph;
  }

  /**
   * The provenance graph.
   *
   * @param known    the artifacts present, with their hashes
   * @param soFar    the stage executions so far, in order
   * @param complete false when written after a failed stage
   */
  ProvenanceGraph graph(ArtifactHashes known, List<Coordinator.StageResult> soFar,
      boolean complete) {
    List<ProvenanceGraph.Node> nodes = new ArrayList<>();
    List<InputRef> inputs = new ArrayList<>();
    for (Map.Entry<ArtifactId, String> e : known.present().entrySet()) {
      ArtifactId a = e.getKey();
      String path = relative(a.path(layout));
      Stage p = graph.producerOf(a);
      nodes.add(new ProvenanceGraph.Node(a.role(), path, e.getValue(), a.schemaVersion(),
          p == null ? null : createdUtc, p == null ? "user" : EnsembleRun.PRODUCER,
          p == null ? null : p.version()));
      if (a.raw()) {
        inputs.addAll(rawRefs(a, e.getValue()));
      }
    }
    List<ProvenanceGraph.Edge> edges = new ArrayList<>();
    for (Stage s : graph.order()) {
      if (StageGraph.isProvenance(s)) {
        continue;
      }
      for (Stage.Port in : s.inputs()) {
        if (!known.has(in.id())) {
          continue;
        }
        for (Stage.Port out : s.outputs()) {
          if (known.has(out.id())) {
            edges.add(new ProvenanceGraph.Edge(in.id().role(), out.id().role(), s.id()));
          }
        }
      }
    }
    List<ProvenanceGraph.StageRun> stages = new ArrayList<>();
    for (Coordinator.StageResult r : soFar) {
      stages.add(new ProvenanceGraph.StageRun(r.stage().id(), r.stage().name(),
          r.stage().version(), r.key(), r.status()));
    }
    return ProvenanceGraph.of(layout.eventId(), nodes, edges, stages,
        new ProvenanceGraph.Config(config.resolved(), config.overridesAsList()),
        new ProvenanceGraph.Meta("1.0", createdUtc, EnsembleRun.PRODUCER, complete, inputs));
  }

  /**
   * The body of S10: writes the graph, its drawing and the output manifest ({@code complete})
   * to the files {@code out} names (in the stage's work directory).
   */
  void writeStage(Function<ArtifactId, Path> out, ArtifactHashes known,
      List<Coordinator.StageResult> soFar) throws IOException {
    ProvenanceGraph g = graph(known, soFar, true);
    byte[] graphBytes = ProcessFiles.write(out.apply(ArtifactId.PROVENANCE_GRAPH), g);
    ProcessFiles.writeDot(out.apply(ArtifactId.PROVENANCE_DOT), g);
    ArtifactHashes all = known.copy();
    all.put(ArtifactId.PROVENANCE_GRAPH,
        RunInputs.sha256(out.apply(ArtifactId.PROVENANCE_GRAPH)));
    all.put(ArtifactId.PROVENANCE_DOT, RunInputs.sha256(out.apply(ArtifactId.PROVENANCE_DOT)));
    writeManifest(out.apply(ArtifactId.OUTPUT_MANIFEST), all, soFar,
        LayeredConfig.sha256(graphBytes), "complete");
  }

  /**
   * After a failed stage: publishes the graph (not complete) and its drawing, and writes the
   * output manifest ({@code failed}) with every stage's status to {@code manifest}.
   */
  void writeAfterFailure(ArtifactHashes known, List<Coordinator.StageResult> results,
      Path manifest) throws IOException {
    ProvenanceGraph g = graph(known, results, false);
    Path graphFile = ArtifactId.PROVENANCE_GRAPH.path(layout);
    byte[] bytes = ProcessFiles.write(graphFile, g);
    ProcessFiles.writeDot(ArtifactId.PROVENANCE_DOT.path(layout), g);
    ArtifactHashes all = known.copy();
    all.put(ArtifactId.PROVENANCE_GRAPH, RunInputs.sha256(graphFile));
    writeManifest(manifest, all, results, LayeredConfig.sha256(bytes), "failed");
  }

  private void writeManifest(Path target, ArtifactHashes known,
      List<Coordinator.StageResult> stages, String provenanceHash, String status)
      throws IOException {
    List<OutputManifest.Artifact> artifacts = new ArrayList<>();
    List<InputRef> rawInputs = new ArrayList<>();
    for (Map.Entry<ArtifactId, String> e : known.present().entrySet()) {
      ArtifactId a = e.getKey();
      if (a.raw()) {
        rawInputs.addAll(rawRefs(a, e.getValue()));
        continue;
      }
      Path p = a.path(layout);
      if (a.directory()) {
        // each file of a directory artifact (trajectories/) with its own hash
        for (Path f : ArtifactFiles.files(p)) {
          artifacts.add(new OutputManifest.Artifact(relative(f), RunInputs.sha256(f), a.ext(),
              Files.size(f)));
        }
        continue;
      }
      // an artifact of this stage is still in its work directory, beside the manifest
      Path local = target.resolveSibling(p.getFileName());
      Path source = Files.isRegularFile(local) ? local : p;
      artifacts.add(new OutputManifest.Artifact(relative(p), e.getValue(), a.ext(),
          Files.size(source)));
    }
    int features = 0;
    int ellipses = 0;
    boolean kml = true;
    String fragmentsDerived = null;
    List<String> inputWarnings = new ArrayList<>();
    Path run = ArtifactId.RUN_MANIFEST.path(layout);
    if (known.has(ArtifactId.RUN_MANIFEST) && Files.isRegularFile(run)) {
      try {
        JsonNode doc = JsonSchemas.read(run);
        JsonNode k = doc.path("kml_summary");
        // absent when the run wrote no KML ([output] kml_generate = false)
        kml = !k.isMissingNode();
        features = k.path("features").asInt();
        ellipses = k.path("ellipses").asInt();
        JsonNode derived = doc.path("run").path("fragments_derived");
        fragmentsDerived = derived.isTextual() ? derived.asText() : null;
        doc.path("run").path("input_warnings").forEach(w -> inputWarnings.add(w.asText()));
      } catch (InputException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    List<ProcessRunInfo.Stage> st = new ArrayList<>();
    String validation = "not run: an earlier stage failed";
    for (Coordinator.StageResult r : stages) {
      st.add(new ProcessRunInfo.Stage(r.stage().id(), r.stage().name(), r.stage().version(),
          r.status()));
      if (r.stage().name().equals(Coordinator.VALIDATION)) {
        validation = r.status();
      }
    }
    ProcessRunInfo info = new ProcessRunInfo(status, ProcessRunInfo.PROJECT_ROOT, st,
        validation, fragmentsDerived, inputWarnings);
    OutputManifest.write(target, layout.eventId(), createdUtc, artifacts,
        kml ? new OutputManifestDocument.KmlSummary(features, ellipses) : null, provenanceHash,
        Json.mapper().convertValue(info, OutputManifestDocument.RunSection.class), rawInputs);
  }

  /** A raw input as inputs: the file, or each file of a raw directory with its own hash. */
  private List<InputRef> rawRefs(ArtifactId a, String sha256) {
    Path p = a.path(layout);
    if (!a.directory()) {
      return List.of(new InputRef(relative(p), sha256));
    }
    List<InputRef> out = new ArrayList<>();
    try {
      for (Path f : ArtifactFiles.files(p)) {
        out.add(new InputRef(relative(f), RunInputs.sha256(f)));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private String relative(Path p) {
    return layout.root().relativize(p).toString();
  }
}
