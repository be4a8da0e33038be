package org.darkflight.pipeline.coord;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.process.ProcessFiles;
import org.darkflight.io.process.ProcessRunInfo;
import org.darkflight.io.process.ProvenanceGraph;
import org.darkflight.io.process.StageRecord;
import org.darkflight.pipeline.config.LayeredConfig;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.pipeline.run.OutputManifest;
import org.darkflight.analysis.ensemble.RunInputs;

/**
 * Runs the stages of one event in DAG order with a content-addressed cache (spec §5, §10).
 *
 * <p>Cache key of a stage = SHA-256 of the event id, its sorted {@code name=sha256} input
 * lines, its {@code stage_version} and the hash of the config sections it reads. A finished execution is
 * the directory {@code cache/<stage>/<key>/} holding the outputs and {@code stage.json}; it is
 * built in a temporary directory and renamed into place in one atomic move, so a killed run
 * leaves either a whole entry or none. A hit copies the cached outputs into the layout without
 * running anything. Outputs are published with {@link AtomicFiles} (temp file + move).
 */
public final class Coordinator {

  /** Name of the cache entry's record. */
  public static final String RECORD = StageRecord.FILE;

  /** {@link OutputManifest#write} takes the run block as a map. */
  private static final TypeReference<Map<String, Object>> RUN_BLOCK = new TypeReference<>() {};

  /** How a stage ended (or would, in a dry run). */
  public enum Outcome { HIT, RAN, FAILED, NOT_RUN, MISS }

  /**
   * One stage's result.
   *
   * @param stage   the descriptor
   * @param outcome hit, ran, failed, not run (after a failure) or miss (dry run)
   * @param key     cache key, or null if it depends on outputs not yet produced
   * @param status  the stage's own status ({@code ok}, {@code skipped: …}, {@code failed: …})
   */
  public record StageResult(Stage stage, Outcome outcome, String key, String status) {}

  /** Result of a run: the stage results in execution order and whether all succeeded. */
  public record Result(String eventId, List<StageResult> stages, boolean succeeded,
      Path outputManifest) {

    /** Stages that ran (not hits). */
    public long ran() {
      return stages.stream().filter(s -> s.outcome() == Outcome.RAN).count();
    }

    /** Stages served from the cache. */
    public long hits() {
      return stages.stream().filter(s -> s.outcome() == Outcome.HIT).count();
    }
  }

  /** The stage graph, S1–S10 of spec §5 (S5–S7 and S9 are one Beam job). */
  public static final List<Stage> STAGES = List.of(
      new Stage("S1", "ingest", "ingest/1", List.of("raw.event"), List.of("event"), List.of()),
      new Stage("S2", "atmos", "atmos/1", List.of("raw.atmos"), List.of("atmos_profile"),
          List.of()),
      new Stage("S3", "physics", "physics/1", List.of("raw.physics"),
          List.of("physics_config", "model_manifest"), List.of("physics", "integration")),
      new Stage("S4", "fragments", "fragments/1", List.of("raw.fragments?", "raw.ensemble?"),
          List.of("fragments?", "ensemble_config"), List.of("ensemble")),
      new Stage("S5-S7,S9", "ensemble", "ensemble/1+" + OutputManifest.STAGE_VERSION,
          List.of("event", "atmos_profile", "physics_config", "fragments?", "ensemble_config"),
          List.of("run_manifest", "ensemble_manifest", "uncertainty_ellipses",
              "strewn_field_points", "strewn_field_kml", "strewn_field_kmz"), List.of()),
      new Stage("S8", "validation", "validation/1", List.of("raw.validation?", "run_manifest"),
          List.of("validation_status", "validation_report?"), List.of()),
      new Stage("S10", "provenance", "provenance/1", List.of(),
          List.of("provenance_graph", "provenance_dot", "output_manifest"), List.of()));

  private static final Map<String, StageBodies.Body> BODIES = Map.of(
      "ingest", StageBodies.S1_EVENT, "atmos", StageBodies.S2_ATMOS,
      "physics", StageBodies.S3_PHYSICS, "fragments", StageBodies.S4_FRAGMENTS,
      "ensemble", StageBodies.S5_ENSEMBLE, "validation", StageBodies.S8_VALIDATION);

  private final ProjectLayout layout;
  private final LayeredConfig config;
  private final Instant createdUtc;
  private final List<Stage> order;

  /**
   * @param createdUtc the time written into the artifacts (fix it for byte-identical reruns)
   */
  public Coordinator(ProjectLayout layout, LayeredConfig config, Instant createdUtc) {
    this.layout = layout;
    this.config = config;
    this.createdUtc = createdUtc;
    this.order = topologicalOrder(STAGES);
  }

  /** Wall time of each stage executed by the last {@link #run()}, s, by stage name. */
  private final Map<String, Double> stageSeconds = new java.util.LinkedHashMap<>();

  /** Wall time, s, of every stage the last {@link #run()} executed (hits are absent). */
  public Map<String, Double> stageSeconds() {
    return Map.copyOf(stageSeconds);
  }

  /** The stages in execution order (a topological order of the DAG, ties in S-number order). */
  public List<Stage> order() {
    return order;
  }

  /** Edges of the DAG: producing stage → consuming stage, by stage name. */
  public static List<String[]> edges(List<Stage> stages) {
    Map<String, String> producer = producers(stages);
    List<String[]> out = new ArrayList<>();
    for (Stage s : stages) {
      for (String in : inputsOf(s, stages)) {
        String p = producer.get(Stage.bare(in));
        if (p != null) {
          out.add(new String[] {p, s.name()});
        }
      }
    }
    return out;
  }

  /** The plan of a dry run: every stage with hit or miss, nothing executed or written. */
  public List<StageResult> plan() throws InputException {
    Map<String, String> hashes = rawHashes();
    List<StageResult> out = new ArrayList<>();
    for (Stage s : order) {
      String key = key(s, hashes);
      if (key == null) {
        out.add(new StageResult(s, Outcome.MISS, null, "after an upstream miss"));
        continue;
      }
      Path rec = entry(s, key).resolve(RECORD);
      if (Files.isRegularFile(rec)) {
        note(s, recordOutputs(rec), hashes);
        out.add(new StageResult(s, Outcome.HIT, key, recordStatus(rec)));
      } else {
        out.add(new StageResult(s, Outcome.MISS, key, "would run"));
      }
    }
    return out;
  }

  /**
   * Deletes what a run of this event killed mid-write left: temporary files of
   * {@link AtomicFiles} among the event's outputs and logs, and this event's unfinished cache
   * entries. Call it only while holding the event's lock (see {@link EventProcessor}), so that
   * no live run of the event is writing.
   */
  public void sweepKilledRunLeftovers() throws IOException {
    AtomicFiles.sweepStale(layout.artifacts(""));
    AtomicFiles.sweepStale(layout.processedDir());
    AtomicFiles.sweepStale(layout.logsDir(), layout.eventId() + "__");
    for (Stage s : STAGES) {
      Path stageDir = layout.cacheDir().resolve(s.name());
      if (!Files.isDirectory(stageDir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(stageDir)) {
        for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(workPrefix()))
            .toList()) {
          deleteTree(p);
        }
      }
    }
  }

  /**
   * Prefix of this event's unfinished cache entries in {@code cache/<stage>/}; event ids contain
   * no "__", so no other event's entries share it.
   */
  private String workPrefix() {
    return ".tmp-" + layout.eventId() + "__";
  }

  /** Runs (or serves from the cache) every stage and publishes the artifacts. */
  public Result run() throws IOException, InputException {
    Map<String, String> hashes = rawHashes();
    List<StageResult> results = new ArrayList<>();
    boolean failed = false;
    stageSeconds.clear();
    for (Stage s : order) {
      if (failed) {
        results.add(new StageResult(s, Outcome.NOT_RUN, null, "not run: an earlier stage failed"));
        continue;
      }
      String key = key(s, hashes);
      Path entry = entry(s, key);
      Outcome outcome = Outcome.HIT;
      if (!Files.isRegularFile(entry.resolve(RECORD))) {
        outcome = Outcome.RAN;
        long t0 = System.nanoTime();
        try {
          execute(s, key, hashes, entry, results);
        } catch (IOException | InputException | RuntimeException e) {
          String msg = e.getMessage() == null ? e.toString() : e.getMessage();
          results.add(new StageResult(s, Outcome.FAILED, key, "failed: " + msg));
          failed = true;
          continue;
        } finally {
          stageSeconds.putIfAbsent(s.name(), (System.nanoTime() - t0) / 1e9);
        }
      }
      Path rec = entry.resolve(RECORD);
      Map<String, String> outputs = recordOutputs(rec);
      for (String name : outputs.keySet()) {
        Path target = Artifacts.path(layout, name);
        Path cached = entry.resolve(Artifacts.fileName(layout, name));
        publish(cached, target);
      }
      note(s, outputs, hashes);
      results.add(new StageResult(s, outcome, key, recordStatus(rec)));
    }
    Path manifest = Artifacts.path(layout, "output_manifest");
    if (failed) {
      writeFailureManifest(results, hashes, manifest);
    }
    return new Result(layout.eventId(), results, !failed, manifest);
  }

  // --- keys and cache -------------------------------------------------------------------

  /** The cache key, or null if an input's hash is not known yet (an upstream miss). */
  String key(Stage s, Map<String, String> hashes) throws InputException {
    List<String> lines = new ArrayList<>();
    for (String in : inputsOf(s, order)) {
      String name = Stage.bare(in);
      String h = hashes.get(name);
      if (h == null) {
        if (isRaw(name)) {
          if (Stage.optional(in)) {
            continue;
          }
          throw new InputException(Artifacts.path(layout, name), "", "missing input of stage "
              + s.id() + " " + s.name());
        }
        if (hashes.containsKey(ABSENT + name)) {
          continue;
        }
        return null;
      }
      lines.add(name + "=" + h);
    }
    lines.sort(Comparator.naturalOrder());
    List<String> sections = s.name().equals("provenance")
        ? new ArrayList<>(config.resolved().properties().stream().map(Map.Entry::getKey)
            .sorted().toList())
        : s.configSections();
    // The event id is part of the key: cached outputs carry it (file names, event_id fields),
    // so two events with identical inputs must not share an entry.
    String text = "event_id=" + layout.eventId() + "\n" + String.join("\n", lines) + "\n"
        + s.version() + "\n" + config.hash(sections);
    return LayeredConfig.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Prefix of the marker of an optional output a stage did not write. */
  private static final String ABSENT = "absent:";

  /** Records a finished stage's output hashes and absent optional outputs. */
  private static void note(Stage s, Map<String, String> outputs, Map<String, String> hashes) {
    hashes.putAll(outputs);
    for (String o : s.outputs()) {
      if (!outputs.containsKey(Stage.bare(o))) {
        hashes.put(ABSENT + Stage.bare(o), "");
      }
    }
  }

  private Path entry(Stage s, String key) {
    return layout.cacheDir().resolve(s.name()).resolve(key == null ? "unknown" : key);
  }

  private Map<String, String> rawHashes() throws InputException {
    Map<String, String> h = new HashMap<>();
    for (String name : Artifacts.ALL.keySet()) {
      if (isRaw(name)) {
        Path p = Artifacts.path(layout, name);
        if (Files.isRegularFile(p)) {
          try {
            h.put(name, RunInputs.sha256(p));
          } catch (IOException e) {
            throw new InputException(p, "", "cannot read: " + e.getMessage(), e);
          }
        }
      }
    }
    return h;
  }

  private void execute(Stage s, String key, Map<String, String> hashes, Path entry,
      List<StageResult> soFar) throws IOException, InputException {
    Path stageDir = entry.getParent();
    Files.createDirectories(stageDir);
    Path work = Files.createTempDirectory(stageDir, workPrefix());
    try {
      Map<String, Path> inputs = new LinkedHashMap<>();
      Map<String, String> inputSha = new LinkedHashMap<>();
      for (String in : inputsOf(s, order)) {
        String name = Stage.bare(in);
        if (hashes.containsKey(name)) {
          inputs.put(name, Artifacts.path(layout, name));
          inputSha.put(name, hashes.get(name));
        }
      }
      StageBodies.Context c = new StageBodies.Context(layout, inputs, inputSha, work, config,
          createdUtc);
      String status;
      if (s.name().equals("provenance")) {
        status = provenance(c, hashes, soFar);
      } else {
        status = BODIES.get(s.name()).run(c);
      }
      if (status.startsWith("failed")) {
        throw new IOException(status.substring("failed: ".length()));
      }
      Map<String, String> outs = new LinkedHashMap<>();
      for (String o : s.outputs()) {
        String name = Stage.bare(o);
        Path f = work.resolve(Artifacts.fileName(layout, name));
        if (Files.isRegularFile(f)) {
          outs.put(name, RunInputs.sha256(f));
        } else if (!Stage.optional(o)) {
          throw new IOException("stage " + s.id() + " did not write " + f.getFileName());
        }
      }
      ProcessFiles.write(work.resolve(RECORD), StageRecord.of(s.id(), s.name(), s.version(), key,
          config.hash(s.configSections()), status, inputSha, outs));
      try {
        Files.move(work, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException
          | AtomicMoveNotSupportedException e) {
        if (!Files.isRegularFile(entry.resolve(RECORD))) {
          throw e;
        }
        // another run finished the same stage first: its entry is identical by construction
      }
    } finally {
      deleteTree(work);
    }
  }

  /** Copies a cached file to its layout place, unless the same bytes are already there. */
  private static void publish(Path cached, Path target) throws IOException {
    byte[] bytes = Files.readAllBytes(cached);
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return;
    }
    AtomicFiles.write(target, bytes);
  }

  private static Map<String, String> recordOutputs(Path rec) throws InputException {
    return ProcessFiles.readStageRecord(rec).outputs();
  }

  private static String recordStatus(Path rec) throws InputException {
    return ProcessFiles.readStageRecord(rec).status();
  }

  // --- S10: provenance graph, DOT, output manifest ---------------------------------------

  private String provenance(StageBodies.Context c, Map<String, String> hashes,
      List<StageResult> soFar) throws IOException {
    ProvenanceGraph graph = provenanceGraph(hashes, soFar, true);
    byte[] graphBytes = ProcessFiles.write(c.out("provenance_graph"), graph);
    ProcessFiles.writeDot(c.out("provenance_dot"), graph);
    String provenanceHash = LayeredConfig.sha256(graphBytes);
    Map<String, String> all = new TreeMap<>(hashes);
    all.put("provenance_graph", RunInputs.sha256(c.out("provenance_graph")));
    all.put("provenance_dot", RunInputs.sha256(c.out("provenance_dot")));
    writeManifest(c.out("output_manifest"), all, soFar, provenanceHash, "complete");
    return "ok";
  }

  private ProvenanceGraph provenanceGraph(Map<String, String> hashes, List<StageResult> soFar,
      boolean complete) {
    Map<String, Stage> producedBy = new HashMap<>();
    for (Stage s : order) {
      s.outputs().forEach(o -> producedBy.put(Stage.bare(o), s));
    }
    List<ProvenanceGraph.Node> nodes = new ArrayList<>();
    List<InputRef> inputs = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
      if (e.getKey().startsWith(ABSENT)) {
        continue;
      }
      String path = layout.root().relativize(Artifacts.path(layout, e.getKey())).toString();
      Stage p = producedBy.get(e.getKey());
      nodes.add(new ProvenanceGraph.Node(e.getKey(), path, e.getValue(),
          Artifacts.spec(e.getKey()).major() + ".0", p == null ? null : createdUtc,
          p == null ? "user" : EnsembleRun.PRODUCER, p == null ? null : p.version()));
      if (isRaw(e.getKey())) {
        inputs.add(new InputRef(path, e.getValue()));
      }
    }
    List<ProvenanceGraph.Edge> edges = new ArrayList<>();
    for (Stage s : order) {
      if (s.name().equals("provenance")) {
        continue;
      }
      for (String in : s.inputs()) {
        String from = Stage.bare(in);
        if (!hashes.containsKey(from)) {
          continue;
        }
        for (String o : s.outputs()) {
          String to = Stage.bare(o);
          if (hashes.containsKey(to)) {
            edges.add(new ProvenanceGraph.Edge(from, to, s.id()));
          }
        }
      }
    }
    List<ProvenanceGraph.StageRun> stages = new ArrayList<>();
    for (StageResult r : soFar) {
      stages.add(new ProvenanceGraph.StageRun(r.stage().id(), r.stage().name(),
          r.stage().version(), r.key(), r.status()));
    }
    return ProvenanceGraph.of(layout.eventId(), nodes, edges, stages,
        new ProvenanceGraph.Config(config.resolved(), config.overridesAsList()),
        new ProvenanceGraph.Meta("1.0", createdUtc, EnsembleRun.PRODUCER, complete, inputs));
  }

  private void writeManifest(Path target, Map<String, String> hashes, List<StageResult> stages,
      String provenanceHash, String status) throws IOException {
    List<OutputManifest.Artifact> artifacts = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(hashes).entrySet()) {
      String name = e.getKey();
      if (isRaw(name) || name.startsWith(ABSENT)) {
        continue;
      }
      Path p = Artifacts.path(layout, name);
      Path local = target.resolveSibling(p.getFileName());
      Path source = Files.isRegularFile(local) ? local : p;
      artifacts.add(new OutputManifest.Artifact(layout.root().relativize(p).toString(),
          e.getValue(), Artifacts.spec(name).ext(), Files.size(source)));
    }
    int features = 0;
    int ellipses = 0;
    Path run = Artifacts.path(layout, "run_manifest");
    if (hashes.containsKey("run_manifest") && Files.isRegularFile(run)) {
      try {
        JsonNode k = JsonSchemas.read(run).path("kml_summary");
        features = k.path("features").asInt();
        ellipses = k.path("ellipses").asInt();
      } catch (InputException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    List<ProcessRunInfo.Stage> st = new ArrayList<>();
    for (StageResult r : stages) {
      st.add(new ProcessRunInfo.Stage(r.stage().id(), r.stage().name(), r.stage().version(),
          r.status()));
    }
    ProcessRunInfo info = new ProcessRunInfo(status, ProcessRunInfo.PROJECT_ROOT, st);
    OutputManifest.write(target, layout.eventId(), createdUtc, artifacts, features, ellipses,
        provenanceHash, Json.mapper().convertValue(info, RUN_BLOCK));
  }

  private void writeFailureManifest(List<StageResult> results, Map<String, String> hashes,
      Path manifest) throws IOException {
    ProvenanceGraph graph = provenanceGraph(hashes, results, false);
    byte[] bytes = ProcessFiles.write(Artifacts.path(layout, "provenance_graph"), graph);
    ProcessFiles.writeDot(Artifacts.path(layout, "provenance_dot"), graph);
    Map<String, String> all = new TreeMap<>(hashes);
    all.put("provenance_graph", RunInputs.sha256(Artifacts.path(layout, "provenance_graph")));
    writeManifest(manifest, all, results, LayeredConfig.sha256(bytes), "failed");
  }

  // --- DAG ------------------------------------------------------------------------------

  private static boolean isRaw(String name) {
    return name.startsWith("raw.");
  }

  private static Map<String, String> producers(List<Stage> stages) {
    Map<String, String> p = new HashMap<>();
    for (Stage s : stages) {
      for (String o : s.outputs()) {
        if (p.put(Stage.bare(o), s.name()) != null) {
          throw new IllegalStateException("two stages write " + o);
        }
      }
    }
    return p;
  }

  /** A stage's inputs; the provenance stage reads every output of every other stage. */
  private static List<String> inputsOf(Stage s, List<Stage> stages) {
    if (!s.name().equals("provenance")) {
      return s.inputs();
    }
    List<String> all = new ArrayList<>();
    for (String name : Artifacts.ALL.keySet()) {
      if (isRaw(name)) {
        all.add(name + "?");
      }
    }
    for (Stage o : stages) {
      if (o != s) {
        o.outputs().forEach(x -> all.add(Stage.bare(x) + "?"));
      }
    }
    return all;
  }

  /** Kahn's algorithm, ties broken by declaration order; fails on a cycle. */
  static List<Stage> topologicalOrder(List<Stage> stages) {
    Map<String, Stage> byName = new LinkedHashMap<>();
    stages.forEach(s -> byName.put(s.name(), s));
    Map<String, Integer> indegree = new LinkedHashMap<>();
    stages.forEach(s -> indegree.put(s.name(), 0));
    List<String[]> edges = edges(stages);
    for (String[] e : edges) {
      indegree.merge(e[1], 1, Integer::sum);
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
      for (String[] e : edges) {
        if (e[0].equals(next.name())) {
          indegree.merge(e[1], -1, Integer::sum);
        }
      }
    }
    return List.copyOf(out);
  }

  /** A plan or result as a table, one line per stage. */
  public static String table(List<StageResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "  %-9s %-11s %-8s %-14s %s%n", "stage", "name",
        "cache", "key", "status"));
    for (StageResult r : results) {
      sb.append(String.format(Locale.ROOT, "  %-9s %-11s %-8s %-14s %s%n", r.stage().id(),
          r.stage().name(), r.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          r.key() == null ? "-" : r.key().substring(0, 12), r.status()));
    }
    return sb.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
