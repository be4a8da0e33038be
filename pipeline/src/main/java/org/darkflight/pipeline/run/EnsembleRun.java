package org.darkflight.pipeline.run;

import org.darkflight.analysis.ensemble.RunInputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.darkflight.io.geo.ArtifactRef;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.RunInfo;
import org.darkflight.io.geo.TrajectoryLine;
import org.darkflight.io.geo.TrajectoryPoint3d;
import org.darkflight.io.heatmap.GroundHeatmap;
import org.darkflight.io.heatmap.HeatmapExport;
import org.darkflight.io.heatmap.HeatmapOptions;
import org.darkflight.io.kml.KmlSummary;
import org.darkflight.io.kml.StrewnFieldExport;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.InputException;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.trajectory.Trajectory;
import org.darkflight.physics.trajectory.TrajectoryPoint;
import org.darkflight.transforms.EnsembleGraph;
import org.darkflight.transforms.fit.ConfidenceEllipses;
import org.darkflight.transforms.fit.EllipseFit;
import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.ensemble.AtmosphereFactory;
import org.darkflight.transforms.integrate.Integrate;
import org.darkflight.analysis.ensemble.LandingSimulator;
import org.darkflight.analysis.ensemble.LegacySlices;
import org.darkflight.analysis.ensemble.NominalFlights;
import org.darkflight.analysis.ensemble.PhysicsLandingSimulator;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.transforms.sampling.IndexRange;
import org.darkflight.analysis.sampling.NominalInputs;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.transforms.sink.ShardReader;

/**
 * Runs one ensemble end to end: builds the Beam graph ({@link EnsembleGraph}) on the given
 * options, waits for it, then writes — from the index-ordered shard files, so that the bytes do
 * not depend on the runner or its parallelism — {@code strewn_field_points.geojson},
 * {@code uncertainty_ellipses.geojson}, {@code strewn_field.kml}, {@code strewn_field.kmz} (by the
 * io module's writers), the per-sample table ({@code samples.fgb}, {@code samples_table/},
 * {@code samples_table.vrt}, {@code samples.gpkg}; {@link SampleTableOutputs}),
 * {@code ensemble_manifest.json} and {@code output_manifest.json}.
 */
public final class EnsembleRun {

  /** Most representative trajectories drawn in the KML. */
  public static final int MAX_TRAJECTORIES = 12;
  /** Producer written into the outputs. */
  public static final String PRODUCER = org.darkflight.io.meta.Producer.NAME;

  /** Default of {@code --max-failure-share}: at most 1 % of the samples may fail. */
  public static final double DEFAULT_MAX_FAILURE_SHARE = 0.01;

  private final LandingSimulator simulator;
  private final AtmosphereFactory atmosphereFactory;
  private final double maxFailureShare;
  private final Path pathsRelativeTo;
  private final GeoOutputSelection output;
  private final boolean trajectoryFiles;
  private final String validationStatus;

  /**
   * A run with the physics core: every sample with the method the physics configuration selects
   * (the integration, or a legacy method; {@code fries_v2} slices at the levels of a
   * {@code vertical_grid.json} next to the atmospheric profile when there is one).
   */
  public static EnsembleRun physics(RunInputs inputs) {
    return new EnsembleRun(new PhysicsLandingSimulator(inputs.physics(), inputs.terrain(), null),
        atmosphereFactory(inputs));
  }

  /**
   * As {@link #physics(RunInputs)}, its integrations stopping at their next step once
   * {@code cancellation} is cancelled; the run then ends with an exception (nothing is reported
   * as a sample failure). The nominal trajectories drawn after the ensemble do not poll it.
   */
  public static EnsembleRun physics(RunInputs inputs,
      org.darkflight.analysis.ensemble.RunCancellation cancellation) {
    return new EnsembleRun(new PhysicsLandingSimulator(inputs.physics(), inputs.terrain(),
        cancellation.key()),
        atmosphereFactory(inputs));
  }

  /** The atmosphere of the run's samples (see {@link LegacySlices}). */
  static AtmosphereFactory atmosphereFactory(RunInputs inputs) {
    try {
      return LegacySlices.factory(inputs.physics(), inputs.files().get("atmos"));
    } catch (InputException e) {
      // RunInputs.read has read the same file already
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * The method the run's samples land with, in one line (legacy method and what it used, or the
   * integration).
   */
  public static String methodDescription(RunInputs inputs) {
    try {
      return org.darkflight.physics.models.PhysicsModels.simulator(
          atmosphereFactory(inputs).build(inputs.levels()), inputs.physics())
          .methodDescription();
    } catch (IllegalArgumentException e) {
      return inputs.physics().legacy().name().toLowerCase(java.util.Locale.ROOT)
          + " (cannot run on these inputs: " + e.getMessage() + ")";
    }
  }

  /** A run with other physics (tests, plugins). */
  public EnsembleRun(LandingSimulator simulator, AtmosphereFactory atmosphereFactory) {
    this(simulator, atmosphereFactory, DEFAULT_MAX_FAILURE_SHARE, null,
        GeoOutputSelection.defaults(), false, VALIDATION_SKIPPED);
  }

  private EnsembleRun(LandingSimulator simulator, AtmosphereFactory atmosphereFactory,
      double maxFailureShare, Path pathsRelativeTo, GeoOutputSelection output,
      boolean trajectoryFiles, String validationStatus) {
    this.simulator = simulator;
    this.atmosphereFactory = atmosphereFactory;
    this.maxFailureShare = checkShare(maxFailureShare);
    this.pathsRelativeTo = pathsRelativeTo == null ? null
        : pathsRelativeTo.toAbsolutePath().normalize();
    this.output = java.util.Objects.requireNonNull(output, "output");
    this.trajectoryFiles = trajectoryFiles;
    this.validationStatus = validationStatus;
  }

  /**
   * The same run writing only the strewn-field files {@code output} selects, with its decimals
   * ({@code [output]} of {@code darkflight process}); the output manifest and the KMZ README
   * list only the files written.
   */
  public EnsembleRun withGeoOutput(GeoOutputSelection output) {
    return new EnsembleRun(simulator, atmosphereFactory, maxFailureShare, pathsRelativeTo,
        output, trajectoryFiles, validationStatus);
  }

  /**
   * The same run writing {@code status} as the validation status of its geo outputs (GeoJSON
   * {@code meta}, KML, KMZ README) instead of {@link #VALIDATION_SKIPPED}; {@code darkflight
   * process} writes a placeholder that its validation stage replaces with the verdict.
   */
  public EnsembleRun withValidationStatus(String status) {
    return new EnsembleRun(simulator, atmosphereFactory, maxFailureShare, pathsRelativeTo,
        output, trajectoryFiles, java.util.Objects.requireNonNull(status, "status"));
  }

  /**
   * The same run also writing {@code trajectories/<fragment_id>.json} (stage S5 of
   * {@code darkflight run} and {@code process}): the nominal flight of every fragment that
   * reaches the ground, in the document format of {@code darkflight trajectory}
   * ({@code schemas/trajectory.schema.json}), each listed with its SHA-256 in the output
   * manifest.
   */
  public EnsembleRun withTrajectoryFiles() {
    return new EnsembleRun(simulator, atmosphereFactory, maxFailureShare, pathsRelativeTo,
        output, true, validationStatus);
  }

  /**
   * The same run writing its input paths (GeoJSON/KML {@code meta.inputs}, output manifest
   * {@code run.inputs}) relative to {@code root}, as {@code darkflight process} promises for the
   * project root; an input outside {@code root} keeps its absolute path.
   */
  public EnsembleRun withPathsRelativeTo(Path root) {
    return new EnsembleRun(simulator, atmosphereFactory, maxFailureShare, root, output,
        trajectoryFiles, validationStatus);
  }

  /** An input's path as written into the artifacts. */
  private String shown(Path p) {
    if (pathsRelativeTo == null) {
      return p.toString();
    }
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(pathsRelativeTo) ? pathsRelativeTo.relativize(abs).toString()
        : abs.toString();
  }

  /**
   * The same run held to another failure limit: when more than {@code share} of the samples
   * fail, the artifacts are still written but marked {@code failed} (output manifest
   * {@code run.status}) and {@link Summary#failedRun()} is true.
   *
   * @param share a fraction in [0, 1]
   * @throws IllegalArgumentException outside [0, 1]
   */
  public EnsembleRun withMaxFailureShare(double share) {
    return new EnsembleRun(simulator, atmosphereFactory, share, pathsRelativeTo, output,
        trajectoryFiles, validationStatus);
  }

  /** Checks a failure share limit: a number in [0, 1]. */
  public static double checkShare(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("the maximum failure share must be a fraction between "
          + "0 and 1 (e.g. 0.01 for 1 %), got " + share);
    }
    return share;
  }

  /** One mass class's 90 % ellipse, for the summary. */
  public record EllipseSize(String massClass, long samples, double semiMajorAxisM,
      double semiMinorAxisM, double orientationDeg) {}

  /**
   * What a run produced.
   *
   * @param artifacts       output files (absolute), in manifest order
   * @param samples         samples run
   * @param landed          samples that landed
   * @param failed          samples that failed
   * @param failureReasons  failure count by reason
   * @param ellipses90      the 90 % ellipse of each drawable mass class
   * @param pipelineTime    time spent in the Beam pipeline
   * @param totalTime       time of the whole run
   * @param maxFailureShare the failure share the run accepts
   * @param nominal         the nominal flight of every fragment, flown once for the KML, the
   *                        trajectory files, the search plan and the report
   */
  public record Summary(List<Path> artifacts, long samples, long landed, long failed,
      Map<String, Long> failureReasons, List<EllipseSize> ellipses90, Duration pipelineTime,
      Duration totalTime, double maxFailureShare, NominalFlights nominal) {

    /** Failed samples / samples run (0 when none ran). */
    public double failureShare() {
      return share(failed, samples);
    }

    /** True when more than {@link #maxFailureShare()} of the samples failed. */
    public boolean failedRun() {
      return failureShare() > maxFailureShare;
    }

    /** {@code complete} or {@code failed}, as written into the output manifest. */
    public String status() {
      return failedRun() ? OutputManifestDocument.EnsembleRunSummary.FAILED
          : OutputManifestDocument.EnsembleRunSummary.COMPLETE;
    }
  }

  /** failed / samples, 0 when no sample ran. */
  static double share(long failed, long samples) {
    return samples == 0 ? 0 : (double) failed / samples;
  }

  /**
   * Runs the ensemble and writes the artifacts into {@code outDir}.
   *
   * @param producedUtc the time written into the outputs (fixed for byte-identical reruns)
   */
  public Summary run(RunInputs in, Path outDir, PipelineOptions options, Instant producedUtc)
      throws IOException {
    return run(in, outDir, options, producedUtc, null);
  }

  /**
   * Runs the ensemble and writes the artifacts into {@code outDir}; with {@code heatmap} given,
   * also the ground-probability heatmaps (GeoTIFF per mass class, PNG overlays and legend in the
   * KML/KMZ "Heatmap" folder; see {@link GroundHeatmap}).
   *
   * @param producedUtc the time written into the outputs (fixed for byte-identical reruns)
   * @param heatmap     heatmap settings, or null for none
   */
  public Summary run(RunInputs in, Path outDir, PipelineOptions options, Instant producedUtc,
      HeatmapOptions heatmap) throws IOException {
    long t0 = System.nanoTime();
    Setup setup = setUp(in);
    Files.createDirectories(outDir);
    Path work = Files.createTempDirectory(outDir, ".darkflight-shards-");
    try {
      EnsembleGraph.Coders coders = runGraph(in, setup, options, work);
      long t1 = System.nanoTime();
      Shards shards = readShards(in, setup, work, coders);
      NominalFlights nominal = NominalFlights.fly(in);
      GeoOutputs geo = writeGeoOutputs(in, setup, shards, work, coders, outDir, producedUtc,
          heatmap, nominal);
      List<StrewnFieldExport.WrittenFile> table = SampleTableOutputs.write(work, outDir,
          new org.darkflight.transforms.table.SampleRows(setup.factory(), setup.bins()), coders,
          in.ensemble().samplesPerElement(), options, producedUtc,
          new java.io.PrintWriter(System.err, true));
      Path ensembleManifest = outDir.resolve(EnsembleManifestWriter.FILE);
      EnsembleManifestWriter.write(ensembleManifest, canonicalMeta(in,
          EnsembleManifestWriter.PRODUCT, EnsembleManifestWriter.SCHEMA_VERSION, producedUtc),
          setup.factory(),
          shards.failures());
      List<Path> trajectories = trajectoryFiles ? writeTrajectories(in, nominal, outDir)
          : List.of();
      List<Path> paths = writeOutputManifest(in, shards, geo, table, ensembleManifest,
          trajectories, outDir, producedUtc);
      long t2 = System.nanoTime();
      return new Summary(paths, in.ensemble().samples(), shards.landed(),
          shards.failures().size(), shards.reasons(), ellipses90(shards.ellipses()),
          Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t0), maxFailureShare, nominal);
    } finally {
      org.darkflight.io.FileTrees.delete(work);
    }
  }

  /**
   * What the graph and the writers share: the sample factory, the mass classes, the event's
   * tangent plane and the integration settings.
   */
  private record Setup(LuminousEnd start, SampleFactory factory, MassClassBins bins,
      EventPlane plane, Integrate.Settings settings) {}

  /** Step 1: the run's sampling, classes and plane from its inputs. */
  private static Setup setUp(RunInputs in) {
    LuminousEnd start = in.event().luminousEnd();
    SampleFactory factory = new SampleFactory(in.ensemble(),
        new NominalInputs(in.fragments(), start, in.levels()));
    MassClassBins bins = new MassClassBins(in.ensemble().massClassEdgesKg());
    EventPlane plane = new EventPlane(start.latitudeDeg(), start.longitudeDeg());
    Integrate.Settings settings = new Integrate.Settings(start.timeUtc(),
        in.ensemble().randomSeed(), in.physics().cdScale(), plane, bins);
    return new Setup(start, factory, bins, plane, settings);
  }

  /** Step 2: builds the Beam graph, runs it to the end and returns its shard coders. */
  private EnsembleGraph.Coders runGraph(RunInputs in, Setup setup, PipelineOptions options,
      Path work) throws IOException {
    Pipeline p = Pipeline.create(options);
    EnsembleGraph.Coders coders = EnsembleGraph.build(p, setup.factory(),
        IndexRange.split(in.ensemble().samples(), in.ensemble().samplesPerElement()),
        in.levels(), atmosphereFactory, simulator, setup.settings(), work);
    PipelineResult.State state = org.darkflight.pipeline.obs.Progress.await(p.run(),
        in.ensemble().samples(), System.console() != null,
        new java.io.PrintWriter(System.err, true), in.event().eventId());
    if (state != PipelineResult.State.DONE) {
      throw new IOException("the pipeline ended in state " + state);
    }
    return coders;
  }

  /**
   * The failures and ellipse fits read back from the shards (index order).
   *
   * @param failures failed samples, by index
   * @param ellipses the confidence ellipses of every drawable class and level
   * @param reasons  failure count by reason, sorted
   * @param landed   samples that landed
   */
  private record Shards(List<SampleFailure> failures, List<EllipseFeature> ellipses,
      Map<String, Long> reasons, long landed) {}

  /** Step 3: reads the failures and the ellipse fits from the shard files. */
  private static Shards readShards(RunInputs in, Setup setup, Path work,
      EnsembleGraph.Coders coders) throws IOException {
    List<SampleFailure> failures = ShardReader.readAll(work, EnsembleGraph.FAILED,
        coders.failed(), EnsembleGraph.FAILED_INDEX);
    List<EllipseFit> fits = ShardReader.readAll(work, EnsembleGraph.FITS, coders.fits(),
        EnsembleGraph.FIT_INDEX);
    List<EllipseFeature> ellipses = ConfidenceEllipses.features(fits, setup.plane(),
        setup.bins(), ConfidenceEllipses.DEFAULT_LEVELS);
    Map<String, Long> reasons = new TreeMap<>();
    failures.forEach(f -> reasons.merge(f.getReason(), 1L, Long::sum));
    return new Shards(failures, ellipses, reasons, in.ensemble().samples() - failures.size());
  }

  /**
   * The strewn-field files written.
   *
   * @param written    GeoJSON, KML and KMZ with the KML's summary
   * @param heatFiles  heatmap GeoTIFFs and PNGs (empty without heatmaps)
   * @param provenance the provenance hash of the run
   */
  private record GeoOutputs(StrewnFieldExport.Result written,
      List<StrewnFieldExport.WrittenFile> heatFiles, String provenance) {}

  /**
   * The validation status the run's geo outputs carry: written before any validation, so
   * skipped, with where the verdict goes (issue 15: never a bare "not_run").
   */
  public static final String VALIDATION_SKIPPED = "skipped: written before validation; "
      + "darkflight validate --run-dir records the verdict in output_manifest.json and "
      + "publishes to published/ only on a pass (process: stage S8, validation_status)";

  /**
   * Step 4: the strewn field (points and ellipses GeoJSON, KML, KMZ) streamed from the landed
   * shards, and the heatmaps when asked for.
   */
  private GeoOutputs writeGeoOutputs(RunInputs in, Setup setup, Shards shards, Path work,
      EnsembleGraph.Coders coders, Path outDir, Instant producedUtc, HeatmapOptions heatmap,
      NominalFlights nominal) throws IOException {
    LuminousEnd start = setup.start();
    MassClassBins bins = setup.bins();
    String provenance = OutputManifest.provenanceHash(in.sha256());
    List<ArtifactRef> inputRefs = new ArrayList<>();
    in.files().forEach((role, path) -> inputRefs.add(new ArtifactRef(shown(path),
        in.sha256().get(role))));
    RunInfo info = new RunInfo(in.event().eventId(), provenance.substring(0, 16),
        org.darkflight.io.meta.Producer.gitCommit(),
        producedUtc, start.latitudeDeg(), start.longitudeDeg(), start.altitudeM(),
        start.timeUtc(), PRODUCER, inputRefs, validationStatus, runSummary(in, shards),
        // legacy modes fly the workbook's heights as given (run.heights in the manifest)
        in.physics().legacy() == org.darkflight.physics.PhysicsConfig.LegacyMode.NONE);
    GeoOutputOptions geo = GeoOutputOptions.defaults()
        .withPrecisionDecimals(output.geoPrecisionDecimals())
        .withGeojsonWritten(output.geojson())
        .withKmlMaxPoints(in.ensemble().kmlMaxPoints());
    Map<Integer, Double> radii = uncertaintyRadii(in, shards.ellipses());
    Iterable<LandingPoint> points = () -> landingPoints(work, coders, bins, start.timeUtc(),
        radii);
    GroundHeatmap.Result maps = heatmap == null || shards.landed() == 0 ? null
        : GroundHeatmap.build(points, bins.toMassClasses(),
            new LatLon(start.latitudeDeg(), start.longitudeDeg()), heatmap);
    HeatmapExport.Kml heatKml = maps == null ? new HeatmapExport.Kml(List.of(), Map.of())
        : HeatmapExport.kml(maps);
    StrewnFieldExport.Result written = new StrewnFieldExport(geo, output.geojson(),
        output.kml()).write(outDir, info,
        bins.toMassClasses(), points, shards.ellipses(), trajectories(nominal, bins),
        heatKml.overlays(), heatKml.media());
    List<StrewnFieldExport.WrittenFile> heatFiles = new ArrayList<>();
    if (maps != null) {
      for (Path t : HeatmapExport.writeTiffs(outDir, maps)) {
        heatFiles.add(StrewnFieldExport.describe(t, "geotiff"));
      }
      for (Path m : HeatmapExport.writeMedia(outDir, heatKml)) {
        heatFiles.add(StrewnFieldExport.describe(m, "png"));
      }
    }
    return new GeoOutputs(written, heatFiles, provenance);
  }

  /** The run summary of the GeoJSON/KML provenance ({@link RunInfo}): figures as text. */
  private Map<String, String> runSummary(RunInputs in, Shards shards) {
    Map<String, String> summary = new LinkedHashMap<>();
    summary.put("samples", Long.toString(in.ensemble().samples()));
    summary.put("landed", Long.toString(shards.landed()));
    summary.put("failed", Long.toString(shards.failures().size()));
    summary.put("mode", mode(in));
    summary.put("sampling", in.ensemble().sampling());
    summary.put("random_seed", Long.toString(in.ensemble().randomSeed()));
    summary.put("status", status(in, shards));
    summary.put("failure_share", Double.toString(shareOf(in, shards)));
    summary.put("max_failure_share", Double.toString(maxFailureShare));
    return summary;
  }

  private static String mode(RunInputs in) {
    return in.ensemble().mode().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Step 5: {@code output_manifest.json} listing the strewn field, the heatmaps and the ensemble
   * manifest; returns every artifact's path in manifest order, the output manifest last.
   */
  private List<Path> writeOutputManifest(RunInputs in, Shards shards, GeoOutputs geo,
      List<StrewnFieldExport.WrittenFile> table, Path ensembleManifest, List<Path> trajectories,
      Path outDir, Instant producedUtc) throws IOException {
    List<OutputManifest.Artifact> artifacts = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    List<StrewnFieldExport.WrittenFile> files = new ArrayList<>(geo.written().files());
    files.addAll(geo.heatFiles());
    files.addAll(table);
    for (StrewnFieldExport.WrittenFile f : files) {
      artifacts.add(new OutputManifest.Artifact(outDir.relativize(f.path()).toString(),
          f.sha256(), f.type(), f.bytes()));
      paths.add(f.path());
    }
    StrewnFieldExport.WrittenFile m = StrewnFieldExport.describe(ensembleManifest, "json");
    artifacts.add(new OutputManifest.Artifact(EnsembleManifestWriter.FILE, m.sha256(),
        "json", m.bytes()));
    paths.add(ensembleManifest);
    for (Path t : trajectories) {
      StrewnFieldExport.WrittenFile f = StrewnFieldExport.describe(t, "json");
      artifacts.add(new OutputManifest.Artifact(outDir.relativize(t).toString(), f.sha256(),
          "json", f.bytes()));
      paths.add(t);
    }
    List<OutputManifestDocument.RoleInput> inputs = new ArrayList<>();
    in.sha256().forEach((role, sha) -> inputs.add(new OutputManifestDocument.RoleInput(role,
        shown(in.files().get(role)), sha)));
    OutputManifestDocument.EnsembleRunSummary run = new OutputManifestDocument.EnsembleRunSummary(
        in.ensemble().samples(), shards.landed(), (long) shards.failures().size(),
        new TreeMap<>(shards.reasons()), in.ensemble().sampling(), mode(in),
        in.ensemble().randomSeed(), inputs, methodDescription(in), in.warnings(),
        in.fragmentsDerivation(), status(in, shards), shareOf(in, shards), maxFailureShare,
        in.heights());
    Path outputManifest = outDir.resolve(OutputManifest.FILE);
    KmlSummary kml = geo.written().kml();
    OutputManifest.write(outputManifest, in.event().eventId(), producedUtc, artifacts,
        kml == null ? null : new OutputManifestDocument.KmlSummary(
            kml.fragmentPlacemarks() + kml.ellipses(), kml.ellipses()), geo.provenance(), run,
        inputRefs(in));
    paths.add(outputManifest);
    return paths;
  }

  /** The failure share of a run. */
  private static double shareOf(RunInputs in, Shards shards) {
    return share(shards.failures().size(), in.ensemble().samples());
  }

  /** {@code complete}, or {@code failed} beyond the failure limit. */
  private String status(RunInputs in, Shards shards) {
    return shareOf(in, shards) > maxFailureShare
        ? OutputManifestDocument.EnsembleRunSummary.FAILED
        : OutputManifestDocument.EnsembleRunSummary.COMPLETE;
  }

  /** The inputs as written into the artifacts' {@code meta.inputs} (paths as shown). */
  private List<org.darkflight.io.meta.InputRef> inputRefs(RunInputs in) {
    List<org.darkflight.io.meta.InputRef> refs = new ArrayList<>();
    in.files().forEach((role, path) -> refs.add(new org.darkflight.io.meta.InputRef(shown(path),
        in.sha256().get(role))));
    return refs;
  }

  /** The canonical meta block of a JSON artifact of this run. */
  private org.darkflight.io.meta.CanonicalMeta canonicalMeta(RunInputs in, String product,
      String schemaVersion, Instant createdUtc) {
    return org.darkflight.io.meta.CanonicalMeta.of(product, schemaVersion, createdUtc,
        in.event().eventId(), inputRefs(in));
  }

  /** Step 6: the 90 % ellipse of each class, for the summary. */
  private static List<EllipseSize> ellipses90(List<EllipseFeature> ellipses) {
    List<EllipseSize> sizes = new ArrayList<>();
    for (EllipseFeature e : ellipses) {
      if (e.confidenceLevel() == 0.9) {
        sizes.add(new EllipseSize(e.massClass(), e.sampleCount(), e.semiMajorAxisM(),
            e.semiMinorAxisM(), e.orientationDeg()));
      }
    }
    return sizes;
  }

  /**
   * The {@code uncertainty_radius_m} of each mass class (docs/outputs.md): the radius of the
   * circle with the area of the class's 90 % confidence ellipse, √(a₉₀·b₉₀). Empty when the run
   * drew nothing (no distributions, no wind perturbation): its spread is that of different
   * fragments, not an uncertainty. A class without an ellipse (fewer than 3 landings) has none.
   */
  static Map<Integer, Double> uncertaintyRadii(RunInputs in, List<EllipseFeature> ellipses) {
    Map<Integer, Double> radii = new TreeMap<>();
    if (in.ensemble().distributions().isEmpty()
        && in.ensemble().windPerturbationSigmaScale() == 0) {
      return radii;
    }
    for (EllipseFeature e : ellipses) {
      if (e.confidenceLevel() == UNCERTAINTY_RADIUS_LEVEL) {
        radii.put(e.massClassIndex(), Math.sqrt(e.semiMajorAxisM() * e.semiMinorAxisM()));
      }
    }
    return radii;
  }

  /** Confidence level of the ellipse {@code uncertainty_radius_m} is derived from. */
  public static final double UNCERTAINTY_RADIUS_LEVEL = 0.9;

  /** The landed samples as the geospatial writers' points, streamed in index order. */
  private static Iterator<LandingPoint> landingPoints(Path work, EnsembleGraph.Coders coders,
      MassClassBins bins, Instant startTime, Map<Integer, Double> radii) {
    ShardReader<SampleLanding> reader;
    try {
      reader = ShardReader.open(work, EnsembleGraph.LANDED, coders.landed(),
          EnsembleGraph.LANDED_INDEX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = reader.hasNext();
        if (!more) {
          try {
            reader.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return more;
      }

      @Override
      public LandingPoint next() {
        SampleLanding l = reader.next();
        return toPoint(l, bins, startTime,
            radii.getOrDefault(l.getMassClassIndex(), Double.NaN));
      }
    };
  }

  /**
   * One landed sample as a landing point of the strewn field.
   *
   * @param uncertaintyRadiusM its class's {@code uncertainty_radius_m}, or NaN when unknown
   */
  static LandingPoint toPoint(SampleLanding l, MassClassBins bins, Instant startTime,
      double uncertaintyRadiusM) {
    return new LandingPoint(l.getFragmentId(), l.getIndex(), bins.label(l.getMassClassIndex()),
        l.getMassClassIndex(), l.getLatitudeDeg(), l.getLongitudeDeg(), l.getMassFinalKg(),
        l.getMassInitialKg(), l.getImpactSpeedMps(),
        startTime.plusNanos(Math.round(l.getFallTimeS() * 1e9)), l.getFallTimeS(),
        uncertaintyRadiusM,
        l.getImpactEnergyJ(), l.ballisticCoefficientKgM2(), l.getCd(), l.getDensityKgM3());
  }

  /**
   * Step 5a: {@code trajectories/<fragment_id>.json} of every fragment whose nominal flight
   * reached the ground, in fragment order (a failed one is left out; its samples report the
   * failure). Canonical JSON, no creation time: the same inputs give the same bytes.
   */
  private List<Path> writeTrajectories(RunInputs in, NominalFlights nominal, Path outDir)
      throws IOException {
    List<Path> out = new ArrayList<>();
    List<org.darkflight.io.meta.InputRef> inputs = inputRefs(in);
    for (Trajectory t : nominal.landed()) {
      out.add(org.darkflight.io.trajectory.TrajectoryFiles.write(outDir, in.event().eventId(), t,
          in.physics(), inputs, PRODUCER));
    }
    return out;
  }

  /**
   * Nominal trajectories of up to {@link #MAX_TRAJECTORIES} fragments (evenly spread over the
   * canonical order) through the unperturbed profile, for the KML's "Trajectories" folder and
   * the report, flown here ({@link NominalFlights#fly}). A fragment whose nominal fall fails is
   * left out (its samples report the failure).
   */
  public static List<TrajectoryLine> trajectories(RunInputs in, MassClassBins bins) {
    return trajectories(NominalFlights.fly(in), bins);
  }

  /**
   * The KML's and the report's nominal trajectories taken from flights already flown: up to
   * {@link #MAX_TRAJECTORIES} fragments evenly spread over the canonical order, each drawn when
   * it landed with at least two points.
   */
  public static List<TrajectoryLine> trajectories(NominalFlights nominal, MassClassBins bins) {
    List<TrajectoryLine> out = new ArrayList<>();
    List<NominalFlights.Flight> flights = nominal.flights();
    int n = flights.size();
    int count = Math.min(n, MAX_TRAJECTORIES);
    for (int k = 0; k < count; k++) {
      NominalFlights.Flight flight = flights.get((int) ((long) k * n / count));
      if (!flight.landed()) {
        continue;
      }
      Fragment f = flight.fragment();
      Trajectory t = flight.trajectory();
      List<TrajectoryPoint3d> pts = new ArrayList<>();
      for (TrajectoryPoint p : t.points()) {
        pts.add(new TrajectoryPoint3d(p.latitudeDeg(), p.longitudeDeg(), p.heightM(), p.timeS()));
      }
      if (pts.size() < 2) {
        continue;
      }
      int cls = bins.index(t.landing().massFinalKg());
      out.add(new TrajectoryLine(f.id(), bins.label(cls), cls, f.massKg(), pts));
    }
    return out;
  }
}
