package org.darkflight.pipeline.coord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.process.GeneratedEnsembleConfig;
import org.darkflight.io.process.ModelManifest;
import org.darkflight.io.process.ProcessFiles;
import org.darkflight.io.process.StageMeta;
import org.darkflight.io.process.ValidationStatus;
import org.darkflight.io.validate.RunResults;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.pipeline.config.LayeredConfig;
import org.darkflight.pipeline.run.EnsembleManifestWriter;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.pipeline.run.GeoOutputSelection;
import org.darkflight.pipeline.run.OutputManifest;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.validate.ParityGuard;
import org.darkflight.analysis.ensemble.EnsembleConfigReader;
import org.darkflight.analysis.atmos.AtmosOutputs;
import org.darkflight.analysis.fusion.AtmosFusionRun;

/**
 * The transforms of the stages S1–S9. Each reads its inputs (published artifacts) and writes
 * its outputs, under their final file names, into a fresh work directory; the
 * {@link Coordinator} caches and publishes them. Existing code does the work: the io readers
 * check the inputs, {@link EnsembleRun} is the body of S5–S7 and S9.
 */
final class StageBodies {

  /** What a stage body sees. */
  record Context(ProjectLayout layout, Map<ArtifactId, Path> inputs,
      Map<ArtifactId, String> inputSha256, Path work, LayeredConfig config, Instant createdUtc) {

    /** Where the stage writes an output: its final file name in the work directory. */
    Path out(ArtifactId artifact) {
      return work.resolve(artifact.fileName(layout));
    }

    String rel(Path p) {
      Path abs = p.toAbsolutePath().normalize();
      return abs.startsWith(layout.root()) ? layout.root().relativize(abs).toString()
          : abs.toString();
    }

    /** The canonical meta block: schema_version, created_utc, producer, inputs with sha256. */
    StageMeta meta(String schemaVersion) {
      List<InputRef> in = new ArrayList<>();
      for (Map.Entry<ArtifactId, Path> e : inputs.entrySet()) {
        in.add(new InputRef(rel(e.getValue()), inputSha256.get(e.getKey())));
      }
      return new StageMeta(schemaVersion, createdUtc, EnsembleRun.PRODUCER, in);
    }
  }

  /** A stage transform. Returns a status: {@code ok}, {@code skipped: …} or {@code failed: …}. */
  interface Body {
    String run(Context c) throws IOException, InputException;
  }

  private StageBodies() {}

  /**
   * A normalized copy of a schema'd JSON input: checked by its reader, canonical JSON, with
   * producer, created_utc and inputs added to {@code meta.provenance} (the place the shared meta
   * schema has for them), and validated against its schema again.
   */
  static Body normalize(ArtifactId input, ArtifactId output, Checker checker) {
    return c -> {
      Path in = c.inputs().get(input);
      checker.check(in);
      JsonNode tree = JsonSchemas.read(in);
      if (!(tree instanceof ObjectNode root)) {
        throw new InputException(in, "", "not a JSON object");
      }
      writeNormalized(c, in, root, output);
      return "ok";
    };
  }

  /**
   * Writes {@code root} (read from {@code in}) as {@code output}: canonical JSON with the stage's
   * stamp in {@code meta.provenance}, validated against its schema.
   */
  private static void writeNormalized(Context c, Path in, ObjectNode root, ArtifactId output)
      throws IOException, InputException {
    ObjectNode meta = root.get("meta") instanceof ObjectNode m ? m : root.putObject("meta");
    if (!meta.has("schema_version")) {
      meta.put("schema_version", "1.0");
    }
    ObjectNode prov = meta.get("provenance") instanceof ObjectNode p ? p
        : meta.putObject("provenance");
    if (!prov.has("source")) {
      prov.put("source", c.rel(in));
    }
    // the stage's stamp: producer, created_utc, inputs (source stays the user's if given)
    ObjectNode stamp = Json.mapper().valueToTree(c.meta(meta.get("schema_version").asText()));
    for (String field : List.of("producer", "created_utc", "inputs")) {
      prov.set(field, stamp.get(field));
    }
    String schema = output.schema();
    Path target = c.out(output);
    JsonSchemas.validate(root, schema, target.toString());
    Files.write(target, Json.toCanonicalBytes(root));
  }

  /** Reads a file with its io reader, throwing on any problem. */
  interface Checker {
    void check(Path file) throws InputException;
  }

  static final Body S1_EVENT = normalize(ArtifactId.RAW_EVENT, ArtifactId.EVENT,
      EventFiles::read);
  /** The folders of the event's raw atmospheric sources, as named in messages. */
  static final String RAW_SOURCE_FOLDERS = "radiosonde/, model_reanalysis/, radar_vad/";

  /**
   * S2: the atmospheric profile. When the event has raw atmospheric sources
   * ({@code radiosonde/}, {@code model_reanalysis/}, {@code radar_vad/}, optional
   * {@code radar_metadata.json}), they are fused at the luminous end exactly as
   * {@code darkflight atmos} fuses them with its defaults ({@link AtmosFusionRun}): the
   * profile, {@code vertical_grid} (the slices of {@code fries_v2}, read by S5),
   * {@code wind_profile_compiled} and {@code atmos_qc}. Else a normalized copy of the event's
   * atmos_profile.json. Both at once are refused: one of them would silently not be used.
   */
  static final Body S2_ATMOS = c -> {
    Map<ArtifactId, Path> in = c.inputs();
    Path given = in.get(ArtifactId.RAW_ATMOS);
    AtmosFusionRun.Sources sources = new AtmosFusionRun.Sources(
        sourceFiles(in.get(ArtifactId.RAW_RADIOSONDE)), sourceFiles(in.get(ArtifactId.RAW_MODEL)),
        sourceFiles(in.get(ArtifactId.RAW_VAD)), in.get(ArtifactId.RAW_RADAR_METADATA),
        c.rel(c.layout().rawDir()), RAW_SOURCE_FOLDERS);
    if (sources.isEmpty()) {
      if (given == null) {
        throw new InputException(c.layout().rawDir().resolve("atmos_profile.json"), "",
            "no atmospheric profile: give atmos_profile.json, or raw sources in "
                + RAW_SOURCE_FOLDERS + " to fuse");
      }
      // a copy of the given profile: its only input is that file
      Context only = new Context(c.layout(), Map.of(ArtifactId.RAW_ATMOS, given),
          Map.of(ArtifactId.RAW_ATMOS, c.inputSha256().get(ArtifactId.RAW_ATMOS)), c.work(),
          c.config(), c.createdUtc());
      return normalize(ArtifactId.RAW_ATMOS, ArtifactId.ATMOS_PROFILE, AtmosProfiles::read)
          .run(only);
    }
    if (given != null) {
      throw new InputException(given, "", "the event has both atmos_profile.json and raw "
          + "atmospheric sources (" + RAW_SOURCE_FOLDERS + "); S2 would fuse the sources and "
          + "not use this file: remove one of them");
    }
    org.darkflight.physics.LuminousEnd le = EventFiles.read(in.get(ArtifactId.EVENT))
        .luminousEnd();
    AtmosFusionRun.Result r = AtmosFusionRun.fuse(sources, le,
        AtmosFusionRun.Settings.DEFAULTS,
        org.darkflight.analysis.ensemble.CheckLimits.DEFAULTS);
    Path fused = c.work().resolve("fused");
    AtmosOutputs.writeAll(fused, r.profile(), c.layout().eventId());
    move(fused.resolve(AtmosOutputs.ATMOS_PROFILE), c.out(ArtifactId.ATMOS_PROFILE));
    move(fused.resolve(AtmosOutputs.VERTICAL_GRID), c.out(ArtifactId.VERTICAL_GRID));
    move(fused.resolve(AtmosOutputs.WIND_PROFILE), c.out(ArtifactId.WIND_PROFILE));
    move(fused.resolve(AtmosOutputs.QC), c.out(ArtifactId.ATMOS_QC));
    return "ok";
  };

  /** The files of a raw source folder in name order (none when it is absent). */
  private static List<Path> sourceFiles(Path dir) throws IOException {
    return dir == null ? List.of() : ArtifactFiles.files(dir);
  }

  /**
   * The physics configuration a run applies: the event's {@code physics_config.json} with the
   * {@code [physics]} and {@code [integration]} keys of the layered configuration in place of the
   * same fields (docs/operations.md), checked like the file.
   *
   * @param tree   the edited document
   * @param config its value
   */
  record EffectivePhysics(ObjectNode tree, PhysicsConfig config) {}

  /**
   * Reads {@code raw} and applies the configuration's {@code [physics]} and {@code [integration]}
   * keys.
   *
   * @throws InputException naming the file for a problem of the file itself, and the file with
   *                        the configuration keys (and where they were set) for a problem the
   *                        keys bring in
   */
  static EffectivePhysics effectivePhysics(Path raw, LayeredConfig config)
      throws InputException {
    JsonNode tree = JsonSchemas.read(raw);
    PhysicsConfig own = PhysicsConfigFiles.fromTree(tree, raw.toString());
    List<LayeredConfig.Change> keys = config.overridesOf(PHYSICS_SECTIONS);
    if (keys.isEmpty()) {
      return new EffectivePhysics(((ObjectNode) tree).deepCopy(), own);
    }
    ObjectNode edited = config.applyToPhysicsConfig(tree);
    String what = raw + " with the configuration's " + keysAndSources(keys);
    return new EffectivePhysics(edited, PhysicsConfigFiles.fromTree(edited, what));
  }

  /**
   * Refuses, before any stage runs, a configuration the event's inputs cannot take: physics or
   * integration keys that make its {@code physics_config.json} invalid (a file invalid by
   * itself is left to S3, which names it), and {@code [output] geojson_generate = false} with a
   * {@code validation_spec.json}, whose check needs the GeoJSON landings.
   *
   * @throws InputException naming the keys, where they were set, and the reason
   */
  static void checkBeforeRun(ProjectLayout layout, LayeredConfig config)
      throws InputException, IOException {
    Path spec = ArtifactId.RAW_VALIDATION.path(layout);
    if (!config.output().geojson() && Files.isRegularFile(spec)) {
      throw new InputException(spec, "", GEOJSON_NEEDED);
    }
    Path raw = ArtifactId.RAW_PHYSICS.path(layout);
    if (!config.overridesOf(PHYSICS_SECTIONS).isEmpty() && Files.isRegularFile(raw)
        && readsByItself(() -> PhysicsConfigFiles.read(raw))) {
      effectivePhysics(raw, config);
    }
    List<LayeredConfig.Change> ensembleKeys = config.overridesOf(List.of("ensemble"));
    if (!ensembleKeys.isEmpty()) {
      Path frag = present(ArtifactId.RAW_FRAGMENTS.path(layout));
      Path ens = present(ArtifactId.RAW_ENSEMBLE.path(layout));
      if (readsByItself(() -> ensembleBase(frag, ens))) {
        String what = (ens != null ? ens.toString() : "the generated ensemble configuration")
            + " with the configuration's " + keysAndSources(ensembleKeys);
        ObjectNode edited = config.applyToEnsembleConfig(ensembleBase(frag, ens));
        JsonSchemas.validate(edited, EnsembleConfigReader.SCHEMA, what);
        EnsembleConfigReader.parse(what, Json.mapper().writeValueAsString(edited));
      }
    }
  }

  /** An input that {@code read} reads; else its own problem, which its stage reports. */
  private static boolean readsByItself(InputCheck read) throws IOException {
    try {
      read.run();
      return true;
    } catch (InputException e) {
      return false;
    }
  }

  private interface InputCheck {
    void run() throws InputException, IOException;
  }

  private static Path present(Path p) {
    return Files.isRegularFile(p) ? p : null;
  }

  /** "key from source, key from source" in key order. */
  private static String keysAndSources(List<LayeredConfig.Change> keys) {
    Map<String, String> sourceByKey = new java.util.TreeMap<>();
    keys.forEach(ch -> sourceByKey.put(ch.key(), ch.source()));
    StringBuilder by = new StringBuilder();
    sourceByKey.forEach((k, src) -> by.append(by.length() == 0 ? "" : ", ").append(k)
        .append(" from ").append(src));
    return by.toString();
  }

  /** The configuration sections that edit physics_config.json. */
  static final List<String> PHYSICS_SECTIONS = List.of("physics", "integration");

  /**
   * S3: the physics configuration as applied (the event's file with the {@code [physics]} and
   * {@code [integration]} keys in place), checked, and the model manifest: the models and
   * integrator of that effective configuration, the code versions, and the configuration itself
   * with the keys the layers applied.
   */
  static final Body S3_PHYSICS = c -> {
    Path in = c.inputs().get(ArtifactId.RAW_PHYSICS);
    EffectivePhysics eff = effectivePhysics(in, c.config());
    PhysicsConfig pc = eff.config();
    writeNormalized(c, in, eff.tree(), ArtifactId.PHYSICS_CONFIG);
    ObjectNode doc = Json.mapper().valueToTree(
        org.darkflight.io.config.PhysicsConfigDocument.of(pc, null));
    ObjectNode integration = (ObjectNode) doc.remove("integration");
    integration.put("max_steps", pc.integration().maxSteps());
    integration.put("max_recorded_points", pc.integration().maxRecordedPoints());
    doc.remove("$schema");
    ModelManifest.Models models = new ModelManifest.Models(
        doc.path("drag_model").asText(), pc.cdScale(),
        String.valueOf(pc.ablation()), pc.gravityModel().name().toLowerCase(Locale.ROOT),
        pc.earthRotation(), pc.groundAltitudeM(), String.valueOf(pc.integration()),
        pc.outputIntervalS(), String.valueOf(pc.legacy()));
    java.util.Map<String, JsonNode> applied = new java.util.TreeMap<>();
    for (String section : PHYSICS_SECTIONS) {
      flatten(section, c.config().section(section), applied);
    }
    ModelManifest manifest = new ModelManifest(c.layout().eventId(), models,
        new ModelManifest.Versions(EnsembleRun.PRODUCER, OutputManifest.STAGE_VERSION),
        new ModelManifest.Config(doc, integration, applied),
        c.meta("1.0"));
    ProcessFiles.write(c.out(ArtifactId.MODEL_MANIFEST), manifest);
    return "ok";
  };

  /** Every leaf of {@code node} by its dotted key under {@code prefix}. */
  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node instanceof ObjectNode o && !o.isEmpty()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (!(node instanceof ObjectNode)) {
      out.put(prefix, Json.mapper().valueToTree(node));
    }
  }

  /**
   * S4: fragment hypotheses (a normalized copy of fragments.json when given) and the effective
   * ensemble configuration: ensemble_config.json (or one sample per fragment, nothing drawn)
   * with the {@code [ensemble]} keys of the resolved config in place of the same fields (tables
   * merged key by key, as editing the file would). Without fragments.json the fragments are
   * derived as {@code darkflight run} derives them ({@link RunInputs#read}): from the split rule
   * of ensemble_config.json, else the default decadal suite of docs/inputs.md
   * ({@link RunInputs#DEFAULT_SUITE}, one sample per fragment when there is no
   * ensemble_config.json either); S5 records the derivation in the run manifest and S10 in the
   * output manifest ({@code run.fragments_derived}).
   */
  static final Body S4_FRAGMENTS = c -> {
    Path frag = c.inputs().get(ArtifactId.RAW_FRAGMENTS);
    Path ens = c.inputs().get(ArtifactId.RAW_ENSEMBLE);
    if (frag != null) {
      normalize(ArtifactId.RAW_FRAGMENTS, ArtifactId.FRAGMENTS, FragmentsFiles::read).run(c);
    }
    ObjectNode root = c.config().applyToEnsembleConfig(ensembleBase(frag, ens));
    Path target = c.out(ArtifactId.ENSEMBLE_CONFIG);
    JsonSchemas.validate(root, "ensemble_config", target.toString());
    Files.write(target, Json.toCanonicalBytes(root));
    EnsembleConfigReader.read(target);
    return "ok";
  };

  /**
   * The ensemble configuration before the {@code [ensemble]} keys: the event's
   * ensemble_config.json (checked), else one sample per fragment of fragments.json or of the
   * default suite, nothing drawn.
   */
  private static ObjectNode ensembleBase(Path frag, Path ens) throws InputException {
    if (ens != null) {
      EnsembleConfigReader.read(ens);
      return (ObjectNode) JsonSchemas.read(ens);
    }
    int fragments = frag != null ? FragmentsFiles.read(frag).fragments().size()
        : org.darkflight.analysis.ensemble.FragmentPrep.split("(default fragment suite)",
            RunInputs.DEFAULT_SUITE).size();
    return Json.mapper().valueToTree(GeneratedEnsembleConfig.perFragment(fragments,
        RunInputs.DEFAULT_SEED));
  }

  /** S5–S7 + S9: the Beam ensemble (simulation, ensemble, uncertainty, geospatial export). */
  static final Body S5_ENSEMBLE = c -> {
    Map<ArtifactId, Path> in = c.inputs();
    RunInputs read = RunInputs.read(in.get(ArtifactId.EVENT), in.get(ArtifactId.ATMOS_PROFILE),
        in.get(ArtifactId.PHYSICS_CONFIG), in.get(ArtifactId.FRAGMENTS),
        in.get(ArtifactId.ENSEMBLE_CONFIG));
    // paths in the artifacts are relative to the project root, the derivation's too
    String derived = read.fragmentsDerivation() == null ? null
        : read.fragmentsDerivation().replace(c.layout().root() + java.io.File.separator, "");
    RunInputs inputs = new RunInputs(read.event(), read.levels(), read.physics(),
        read.fragments(), read.ensemble(), read.files(), read.sha256(), read.warnings(), derived,
        read.heights(), read.terrain());
    Path runDir = c.work().resolve("run");
    int parallelism = c.config().targetParallelism();
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--targetParallelism=" + Math.max(1, parallelism)).create();
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
    double maxShare = c.config().maxFailureShare();
    EnsembleRun run;
    try {
      run = EnsembleRun.physics(inputs).withMaxFailureShare(maxShare)
          .withPathsRelativeTo(c.layout().root()).withGeoOutput(c.config().output())
          .withTrajectoryFiles().withValidationStatus(ValidationStamp.PENDING);
    } catch (IllegalArgumentException e) {
      throw new InputException("configuration", "run.max_failure_share", e.getMessage());
    }
    EnsembleRun.Summary s = run.run(inputs, runDir, options, c.createdUtc());
    if (s.failedRun()) {
      // Nothing of a failed ensemble is cached or published; the manifest names the causes.
      return String.format(java.util.Locale.ROOT, "failed: %d of %d samples failed (share %.4f "
          + "> max_failure_share %s; %s)", s.failed(), s.samples(), s.failureShare(),
          java.math.BigDecimal.valueOf(maxShare).stripTrailingZeros().toPlainString(),
          causes(s.failureReasons()));
    }
    move(runDir.resolve(OutputManifest.FILE), c.out(ArtifactId.RUN_MANIFEST));
    move(runDir.resolve(EnsembleManifestWriter.FILE), c.out(ArtifactId.ENSEMBLE_MANIFEST));
    GeoOutputSelection output = c.config().output();
    if (output.geojson()) {
      move(runDir.resolve(GeoSchemas.ELLIPSES_FILE), c.out(ArtifactId.UNCERTAINTY_ELLIPSES));
      move(runDir.resolve(GeoSchemas.POINTS_FILE), c.out(ArtifactId.STREWN_FIELD_POINTS));
    }
    if (output.kml()) {
      move(runDir.resolve(GeoSchemas.KML_FILE), c.out(ArtifactId.STREWN_FIELD_KML));
      move(runDir.resolve(GeoSchemas.KMZ_FILE), c.out(ArtifactId.STREWN_FIELD_KMZ));
    }
    Path trajectories = runDir.resolve(org.darkflight.io.trajectory.TrajectoryFiles.FOLDER);
    if (Files.isDirectory(trajectories)) {
      Files.move(trajectories, c.out(ArtifactId.TRAJECTORIES));
    }
    return "ok";
  };

  /**
   * S8: ParityGuard on validation_spec.json when the event has one, else skipped. It compares
   * the landings of this event's ensemble (strewn_field_points, S5) with the goldens; a breach
   * is the status {@code failed: …}, which the {@link Coordinator} turns into a failed run that
   * publishes no geo artifact.
   */
  static final Body S8_VALIDATION = c -> {
    Path spec = c.inputs().get(ArtifactId.RAW_VALIDATION);
    String status;
    ValidationStatus doc;
    if (spec == null) {
      status = "skipped: no validation_spec.json";
      doc = ValidationStatus.skipped(c.layout().eventId(),
          "no validation_spec.json in the event's raw inputs", c.meta("1.0"));
    } else if (c.inputs().get(ArtifactId.STREWN_FIELD_POINTS) == null) {
      // EventProcessor refuses this configuration before any stage runs
      throw new InputException(spec, "", StageBodies.GEOJSON_NEEDED);
    } else {
      RunResults run = RunResults.read(c.inputs().get(ArtifactId.STREWN_FIELD_POINTS), null,
          "darkflight process keeps no wall time of the ensemble stage (a cache hit has none)");
      ParityGuard.Outcome o = new ParityGuard().validate(spec, run);
      long breaches = o.metrics().stream().filter(ParityGuard.Metric::breached).count();
      status = o.passed() ? "passed" : String.format(Locale.ROOT, "failed: validation against "
          + "the goldens of validation_spec.json: %d metrics breached, %d problems; see %s",
          breaches, o.problems().size(), c.rel(ArtifactId.VALIDATION_REPORT.path(c.layout())));
      doc = ValidationStatus.ran(c.layout().eventId(), o.passed(), c.meta("1.0"));
      Files.write(c.out(ArtifactId.VALIDATION_REPORT),
          ParityGuard.report(spec, run, o).getBytes(StandardCharsets.UTF_8));
    }
    ProcessFiles.write(c.out(ArtifactId.VALIDATION_STATUS), doc);
    return status;
  };

  /** Why validation_spec.json and [output] geojson_generate = false do not go together. */
  static final String GEOJSON_NEEDED = "validation (S8) compares the ensemble's landings in "
      + "strewn_field_points.geojson, which [output] geojson_generate = false does not write; "
      + "set output.geojson_generate = true or remove validation_spec.json";

  /** Failure counts by reason as text: {@code INVALID_DRAW 10, NO_IMPACT 2}. */
  private static String causes(Map<String, Long> reasons) {
    StringBuilder b = new StringBuilder();
    reasons.forEach((r, n) -> b.append(b.length() == 0 ? "" : ", ").append(r).append(' ')
        .append(n));
    return b.toString();
  }

  private static void move(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) {
      throw new IOException("the ensemble run did not write " + from.getFileName());
    }
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
