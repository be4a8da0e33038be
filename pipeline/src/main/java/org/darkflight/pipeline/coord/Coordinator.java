package org.darkflight.pipeline.coord;

import static org.darkflight.pipeline.coord.ArtifactId.ATMOS_PROFILE;
import static org.darkflight.pipeline.coord.ArtifactId.ENSEMBLE_CONFIG;
import static org.darkflight.pipeline.coord.ArtifactId.ENSEMBLE_MANIFEST;
import static org.darkflight.pipeline.coord.ArtifactId.EVENT;
import static org.darkflight.pipeline.coord.ArtifactId.FRAGMENTS;
import static org.darkflight.pipeline.coord.ArtifactId.MODEL_MANIFEST;
import static org.darkflight.pipeline.coord.ArtifactId.OUTPUT_MANIFEST;
import static org.darkflight.pipeline.coord.ArtifactId.PHYSICS_CONFIG;
import static org.darkflight.pipeline.coord.ArtifactId.PROVENANCE_DOT;
import static org.darkflight.pipeline.coord.ArtifactId.PROVENANCE_GRAPH;
import static org.darkflight.pipeline.coord.ArtifactId.RAW_ATMOS;
import static org.darkflight.pipeline.coord.ArtifactId.RAW_ENSEMBLE;
import static org.darkflight.pipeline.coord.ArtifactId.RAW_EVENT;
import static org.darkflight.pipeline.coord.ArtifactId.RAW_FRAGMENTS;
import static org.darkflight.pipeline.coord.ArtifactId.RAW_PHYSICS;
import static org.darkflight.pipeline.coord.ArtifactId.RAW_VALIDATION;
import static org.darkflight.pipeline.coord.ArtifactId.RUN_MANIFEST;
import static org.darkflight.pipeline.coord.ArtifactId.STREWN_FIELD_KML;
import static org.darkflight.pipeline.coord.ArtifactId.STREWN_FIELD_KMZ;
import static org.darkflight.pipeline.coord.ArtifactId.STREWN_FIELD_POINTS;
import static org.darkflight.pipeline.coord.ArtifactId.TRAJECTORIES;
import static org.darkflight.pipeline.coord.ArtifactId.UNCERTAINTY_ELLIPSES;
import static org.darkflight.pipeline.coord.ArtifactId.VALIDATION_REPORT;
import static org.darkflight.pipeline.coord.ArtifactId.VALIDATION_STATUS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.WriteBoundaries;
import org.darkflight.io.process.StageRecord;
import org.darkflight.pipeline.config.LayeredConfig;
import org.darkflight.pipeline.run.OutputManifest;

/**
 * Runs the stages of one event in the order of the {@link StageGraph}, each served from the
 * {@link StageCache} when it has the execution, else run by its body ({@link StageBodies}) into
 * a work directory and committed to the cache; publishes the outputs into the layout; the last
 * stage and a failure are recorded by the {@link ProvenanceWriter}. Outputs are published with
 * {@link AtomicFiles} (temp file + move); the output manifest, the run's completion marker, is
 * deleted before the first and published after the last.
 */
public final class Coordinator {

  /** Name of the cache entry's record. */
  public static final String RECORD = StageCache.RECORD;

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

  /** The stage graph, S1–S10 (S5–S7 and S9 are one Beam job). */
  public static final List<Stage> STAGES = List.of(
      new Stage("S1", "ingest", "ingest/1", List.of(RAW_EVENT.required()),
          List.of(EVENT.required()), List.of()),
      new Stage("S2", "atmos", "atmos/2", List.of(RAW_ATMOS.optional(), EVENT.required(),
          ArtifactId.RAW_RADIOSONDE.optional(), ArtifactId.RAW_MODEL.optional(),
          ArtifactId.RAW_VAD.optional(), ArtifactId.RAW_RADAR_METADATA.optional()),
          List.of(ATMOS_PROFILE.required(), ArtifactId.VERTICAL_GRID.optional(),
              ArtifactId.WIND_PROFILE.optional(), ArtifactId.ATMOS_QC.optional()), List.of()),
      new Stage("S3", "physics", "physics/2", List.of(RAW_PHYSICS.required()),
          List.of(PHYSICS_CONFIG.required(), MODEL_MANIFEST.required()),
          List.of("physics", "integration")),
      new Stage("S4", "fragments", "fragments/2",
          List.of(RAW_FRAGMENTS.optional(), RAW_ENSEMBLE.optional()),
          List.of(FRAGMENTS.optional(), ENSEMBLE_CONFIG.required()), List.of("ensemble")),
      new Stage("S5-S7,S9", "ensemble", "ensemble/2+" + OutputManifest.STAGE_VERSION,
          List.of(EVENT.required(), ATMOS_PROFILE.required(),
              ArtifactId.VERTICAL_GRID.optional(), PHYSICS_CONFIG.required(),
              FRAGMENTS.optional(), ENSEMBLE_CONFIG.required()),
          // the geo files are optional: [output] kml_generate / geojson_generate
          List.of(RUN_MANIFEST.required(), ENSEMBLE_MANIFEST.required(),
              UNCERTAINTY_ELLIPSES.optional(), STREWN_FIELD_POINTS.optional(),
              STREWN_FIELD_KML.optional(), STREWN_FIELD_KMZ.optional(),
              TRAJECTORIES.optional()),
          List.of("output", "run")),
      new Stage("S8", "validation", "validation/2",
          List.of(RAW_VALIDATION.optional(), RUN_MANIFEST.required(),
              STREWN_FIELD_POINTS.optional()),
          List.of(VALIDATION_STATUS.required(), VALIDATION_REPORT.optional()), List.of()),
      new Stage("S10", StageGraph.PROVENANCE, "provenance/1", List.of(),
          List.of(PROVENANCE_GRAPH.required(), PROVENANCE_DOT.required(),
              OUTPUT_MANIFEST.required()), List.of()));

  private static final Map<String, StageBodies.Body> BODIES = Map.of(
      "ingest", StageBodies.S1_EVENT, "atmos", StageBodies.S2_ATMOS,
      "physics", StageBodies.S3_PHYSICS, "fragments", StageBodies.S4_FRAGMENTS,
      "ensemble", StageBodies.S5_ENSEMBLE, "validation", StageBodies.S8_VALIDATION);

  private static final StageGraph GRAPH = new StageGraph(STAGES);

  /** The stage whose verdict gates the publication of the geo artifacts. */
  static final String VALIDATION = "validation";

  /**
   * The geo artifacts, published into the layout only after S8 ends without failing (passed, or
   * skipped for want of a validation_spec.json); until then later stages read them from the
   * cache entry that holds them.
   */
  static final Set<ArtifactId> HELD_UNTIL_VALIDATION = EnumSet.of(STREWN_FIELD_POINTS,
      STREWN_FIELD_KML, STREWN_FIELD_KMZ, UNCERTAINTY_ELLIPSES);

  private final ProjectLayout layout;
  private final LayeredConfig config;
  private final Instant createdUtc;
  private final StageCache cache;
  private final ProvenanceWriter provenance;

  /** Geo artifacts of this run not yet published, with their cached files. */
  private final Map<ArtifactId, Path> held = new EnumMap<>(ArtifactId.class);

  /** The ensemble run's manifest as its stage wrote it (the cached file), or null. */
  private Path runManifestSource;

  /** Wall time of each stage executed by the last {@link #run()}, s, by stage name. */
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

  /**
   * @param createdUtc the time written into the artifacts (fix it for byte-identical reruns)
   */
  public Coordinator(ProjectLayout layout, LayeredConfig config, Instant createdUtc) {
    this.layout = layout;
    this.config = config;
    this.createdUtc = createdUtc;
    this.cache = new StageCache(layout);
    this.provenance = new ProvenanceWriter(layout, config, createdUtc, GRAPH);
  }

  /** Wall time, s, of every stage the last {@link #run()} executed (hits are absent). */
  public Map<String, Double> stageSeconds() {
    return Map.copyOf(stageSeconds);
  }

  /** The stages in execution order (a topological order of the DAG, ties in S-number order). */
  public List<Stage> order() {
    return GRAPH.order();
  }

  /** The plan of a dry run: every stage with hit or miss, nothing executed or written. */
  public List<StageResult> plan() throws InputException {
    ArtifactHashes known = ArtifactHashes.ofRawInputs(layout);
    List<StageResult> out = new ArrayList<>();
    held.clear();
    runManifestSource = null;
    for (Stage s : GRAPH.order()) {
      String key = key(s, known);
      if (key == null) {
        out.add(new StageResult(s, Outcome.MISS, null, "after an upstream miss"));
        continue;
      }
      Optional<StageRecord> rec = cache.finished(s, key);
      if (rec.isPresent()) {
        Map<ArtifactId, String> outputs = outputs(rec.get());
        known.noteStage(s, outputs);
        noteHeld(s, key, outputs);
        String status = rec.get().status();
        if (s.name().equals(VALIDATION) && !status.startsWith("failed")) {
          // the hashes the publication will give them (a run's later keys depend on them)
          try {
            ValidationStamp.all(held, runManifestSource, status).forEach(
                (a, bytes) -> known.put(a, org.darkflight.io.Hashing.sha256Hex(bytes)));
          } catch (IOException e) {
            throw new InputException(layout.cacheDir(), s.name(), e.getMessage(), e);
          }
          held.clear();
        }
        out.add(new StageResult(s, Outcome.HIT, key, status));
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
    cache.sweepUnfinished(GRAPH.stages());
  }

  /**
   * Runs (or serves from the cache) every stage and publishes the artifacts; the geo artifacts
   * ({@link #HELD_UNTIL_VALIDATION}) only once S8 has not failed. A failed S8 is cached and its
   * report and status are published like any output (the verdict is deterministic), then the
   * run fails; geo artifacts an earlier run published are removed, so no map outlives a failed
   * validation.
   */
  public Result run() throws IOException, InputException {
    ArtifactHashes known = ArtifactHashes.ofRawInputs(layout);
    // The output manifest is the completion marker: it goes before anything is published and
    // comes back last, so a run killed while publishing leaves no manifest that calls a mix of
    // two runs' artifacts complete (docs/reliability.md).
    Path manifest = OUTPUT_MANIFEST.path(layout);
    WriteBoundaries.reached("delete " + manifest);
    Files.deleteIfExists(manifest);
    Stage manifestStage = null;
    String manifestKey = null;
    List<StageResult> results = new ArrayList<>();
    boolean failed = false;
    stageSeconds.clear();
    held.clear();
    runManifestSource = null;
    for (Stage s : GRAPH.order()) {
      if (failed) {
        results.add(new StageResult(s, Outcome.NOT_RUN, null, "not run: an earlier stage failed"));
        continue;
      }
      String key = key(s, known);
      Optional<StageRecord> rec = cache.finished(s, key);
      Outcome outcome = Outcome.HIT;
      if (rec.isEmpty()) {
        outcome = Outcome.RAN;
        long t0 = System.nanoTime();
        try {
          rec = Optional.of(execute(s, key, known, results));
        } catch (IOException | InputException | RuntimeException e) {
          String msg = e.getMessage() == null ? e.toString() : e.getMessage();
          results.add(new StageResult(s, Outcome.FAILED, key, "failed: " + msg));
          failed = true;
          continue;
        } finally {
          stageSeconds.putIfAbsent(s.name(), (System.nanoTime() - t0) / 1e9);
        }
      }
      Map<ArtifactId, String> outputs = outputs(rec.get());
      for (Stage.Port o : s.outputs()) {
        if (!outputs.containsKey(o.id())) {
          // an optional output this execution did not write: no earlier run's copy stays
          // published beside the new ones (e.g. a fused profile's vertical grid)
          ArtifactFiles.delete(o.id(), o.id().path(layout));
        }
      }
      noteHeld(s, key, outputs);
      for (ArtifactId a : outputs.keySet()) {
        if (a == OUTPUT_MANIFEST) {
          manifestStage = s;
          manifestKey = key;
        } else if (!HELD_UNTIL_VALIDATION.contains(a)) {
          cache.publish(s, key, a);
        }
      }
      known.noteStage(s, outputs);
      String status = rec.get().status();
      if (status.startsWith("failed")) {
        results.add(new StageResult(s, Outcome.FAILED, key, status));
        failed = true;
        continue;
      }
      results.add(new StageResult(s, outcome, key, status));
      if (s.name().equals(VALIDATION)) {
        publishHeld(status, known);
      }
    }
    if (!held.isEmpty()) {
      // the validation failed or never ran: the geo artifacts stay in the cache only
      for (ArtifactId a : held.keySet()) {
        known.remove(a);
        Files.deleteIfExists(a.path(layout));
      }
      held.clear();
    }
    if (failed) {
      provenance.writeAfterFailure(known, results, manifest);
    } else if (manifestStage != null) {
      cache.publish(manifestStage, manifestKey, OUTPUT_MANIFEST);
    }
    return new Result(layout.eventId(), results, !failed, manifest);
  }

  /** Keeps the cached files of a stage's held outputs and of the ensemble run's manifest. */
  private void noteHeld(Stage s, String key, Map<ArtifactId, String> outputs) {
    for (ArtifactId a : outputs.keySet()) {
      Path cached = cache.entry(s, key).resolve(a.fileName(layout));
      if (HELD_UNTIL_VALIDATION.contains(a)) {
        held.put(a, cached);
      } else if (a == RUN_MANIFEST) {
        runManifestSource = cached;
      }
    }
  }

  /**
   * Publishes the held geo artifacts into the layout with S8's verdict {@code status} in place
   * of the pending validation status ({@link ValidationStamp}), and the ensemble run's manifest
   * with their new hashes; {@code known} gets the published hashes. A geo artifact an earlier
   * run published that this run did not write ({@code [output]} turned it off) is removed.
   */
  private void publishHeld(String status, ArtifactHashes known) throws IOException {
    for (ArtifactId a : HELD_UNTIL_VALIDATION) {
      if (!held.containsKey(a)) {
        // a geo artifact an earlier run published that this run did not write ([output])
        Files.deleteIfExists(a.path(layout));
      }
    }
    Map<ArtifactId, byte[]> stamped = ValidationStamp.all(held, runManifestSource, status);
    for (Map.Entry<ArtifactId, byte[]> e : stamped.entrySet()) {
      Path target = e.getKey().path(layout);
      byte[] bytes = e.getValue();
      if (!(Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes))) {
        AtomicFiles.write(target, bytes);
      }
      known.put(e.getKey(), org.darkflight.io.Hashing.sha256Hex(bytes));
    }
    held.clear();
  }

  /** Where a stage reads an artifact: its cache entry while held, else its place in the layout. */
  private Path locate(ArtifactId a) {
    Path h = held.get(a);
    return h != null ? h : a.path(layout);
  }

  /** The cache key of a stage, or null after an upstream miss. */
  private String key(Stage s, ArtifactHashes known) throws InputException {
    return cache.key(s, GRAPH.inputsOf(s), known, config.hash(keySections(s)));
  }

  /** The config sections of a stage's key; the provenance stage's depends on all of them. */
  private List<String> keySections(Stage s) {
    return StageGraph.isProvenance(s)
        ? config.resolved().properties().stream().map(Map.Entry::getKey).sorted().toList()
        : s.configSections();
  }

  /** Runs a stage's body in a work directory and commits it to the cache; its record. */
  private StageRecord execute(Stage s, String key, ArtifactHashes known,
      List<StageResult> soFar) throws IOException, InputException {
    Path work = cache.begin(s);
    try {
      Map<ArtifactId, Path> inputs = new LinkedHashMap<>();
      Map<ArtifactId, String> inputSha = new LinkedHashMap<>();
      for (Stage.Port in : GRAPH.inputsOf(s)) {
        if (known.has(in.id())) {
          inputs.put(in.id(), locate(in.id()));
          inputSha.put(in.id(), known.get(in.id()));
        }
      }
      StageBodies.Context c = new StageBodies.Context(layout, inputs, inputSha, work, config,
          createdUtc);
      String status;
      if (StageGraph.isProvenance(s)) {
        provenance.writeStage(c::out, known, soFar);
        status = "ok";
      } else {
        status = BODIES.get(s.name()).run(c);
      }
      if (status.startsWith("failed") && !s.name().equals(VALIDATION)) {
        throw new IOException(status.substring("failed: ".length()));
      }
      Map<String, String> outs = new LinkedHashMap<>();
      for (Stage.Port o : s.outputs()) {
        Path f = c.out(o.id());
        if (ArtifactFiles.exists(o.id(), f)) {
          outs.put(o.id().role(), ArtifactFiles.sha256(o.id(), f));
        } else if (!o.optional()) {
          throw new IOException("stage " + s.id() + " did not write " + f.getFileName());
        }
      }
      Map<String, String> ins = new LinkedHashMap<>();
      inputSha.forEach((a, h) -> ins.put(a.role(), h));
      StageRecord rec = StageRecord.of(s.id(), s.name(), s.version(), key,
          config.hash(s.configSections()), status, ins, outs);
      cache.commit(work, s, rec);
      return rec;
    } finally {
      cache.abandon(work);
    }
  }

  /** The outputs of a record by artifact, in role-name order. */
  private static Map<ArtifactId, String> outputs(StageRecord rec) {
    Map<ArtifactId, String> out = new LinkedHashMap<>();
    rec.outputs().forEach((role, sha) -> out.put(ArtifactId.ofRole(role), sha));
    return out;
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
}
