package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.darkflight.io.heatmap.HeatmapOptions;
import org.darkflight.pipeline.coord.BatchMetrics;
import org.darkflight.pipeline.obs.DragRegimes;
import org.darkflight.pipeline.obs.JsonLog;
import org.darkflight.pipeline.obs.RunMetrics;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.pipeline.runner.RunnerSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code darkflight run}: the ensemble job of docs/service.md mode 1. Everything picocli does not
 * consume is handed to Beam's {@link PipelineOptionsFactory} unchanged, so the standard options
 * ({@code --runner=DirectRunner}, {@code --targetParallelism=4}, and those of any runner on the
 * class path, e.g. {@code --runner=FlinkRunner --flinkMaster=…}) just work.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the dark-flight ensemble on Apache Beam and writes the strewn field.",
        "Writes strewn_field_points.geojson, uncertainty_ellipses.geojson,",
        "strewn_field.kml/.kmz, ensemble_manifest.json, output_manifest.json,",
        "trajectories/<fragment_id>.json (each fragment's nominal flight), the search plan",
        "and report.html (docs/outputs.md).",
        "Other --options are Beam pipeline options (default --runner=DirectRunner)."})
public final class RunCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event event;
  @Mixin SharedOptions.Atmos atmos;
  @Mixin SharedOptions.Config config;
  @Mixin SharedOptions.Fragments fragments;

  @Mixin DemOption dem = new DemOption();

  @Option(names = "--ensemble", paramLabel = "ensemble_config.json",
      description = "Sampling settings (docs/ensemble.md); default: each fragment once, nothing "
          + "drawn.")
  Path ensemble;

  @Mixin SharedOptions.Out out = new SharedOptions.Out("darkflight-out");
  @Mixin SharedOptions.ProducedUtc producedUtc;
  @Mixin FailureShareOption failureShare;

  @Option(names = "--heatmap-cell-m", paramLabel = "METRES",
      description = "Also write ground-probability heatmaps with this cell size: a GeoTIFF per "
          + "mass class and PNG overlays in the KML/KMZ \"Heatmap\" folder (docs/uq.md); "
          + "default: no heatmap.")
  Double heatmapCellM;

  @Option(names = "--heatmap-method", paramLabel = "kernel|counts", defaultValue = "kernel",
      description = "Heatmap estimator: Gaussian kernel (bandwidth = --heatmap-bandwidth-m, "
          + "default the cell size) or counts per cell (default: ${DEFAULT-VALUE}).")
  String heatmapMethod;

  @Option(names = "--heatmap-bandwidth-m", paramLabel = "METRES",
      description = "Kernel standard deviation, m (default: the cell size).")
  Double heatmapBandwidthM;

  @Option(names = "--flink-local",
      description = "Run on an embedded Apache Flink MiniCluster (= --runner=FlinkRunner "
          + "--flinkMaster=[local]). For a session cluster: --runner=FlinkRunner "
          + "--flinkMaster=HOST:PORT (docs/flink.md).")
  boolean flinkLocal;

  @Option(names = "--no-report", description = "Do not write report.html (docs/report.md).")
  boolean noReport;

  @Option(names = "--no-search-plan",
      description = "Do not write the search plan (search_areas.geojson, search_plan.gpx).")
  boolean noSearchPlan;

  @picocli.CommandLine.Mixin SearchPlanOptions searchPlan;

  @Mixin InputCheckOptions checks;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PipelineOptions options = pipelineOptions(beamArgs);
    Instant produced = producedUtc.resolve();
    HeatmapOptions heatmap = heatmapOptions();
    double maxFailureShare = failureShare.share();
    var searchPlanOptions = noSearchPlan ? null : searchPlan.options(spec);
    RunInputs inputs = dem.apply(RunInputs.read(event.path(), atmos.path(), config.path(),
        fragments.path(), ensemble, checks.limits(spec.commandLine())));
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : inputs.warnings()) {
      err.println("warning: " + warning);
    }
    if (inputs.fragmentsDerivation() != null) {
      err.println("note: " + inputs.fragmentsDerivation());
    }
    err.flush();
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "darkflight run: %s, %d samples (%s, %s, seed %d) on %s%n",
        inputs.event().eventId(), inputs.ensemble().samples(),
        inputs.ensemble().mode().name().toLowerCase(Locale.ROOT), inputs.ensemble().sampling(),
        inputs.ensemble().randomSeed(), options.getRunner().getSimpleName());
    w.println("  method: " + EnsembleRun.methodDescription(inputs));
    w.println("  " + ground(inputs));
    w.flush();
    // Everything is written into a staging directory next to --out and published with one
    // rename at the end, so that --out holds one whole run (docs/reliability.md).
    org.darkflight.pipeline.run.RunStaging staging =
        org.darkflight.pipeline.run.RunStaging.begin(out.dir());
    java.io.StringWriter printed = new java.io.StringWriter();
    EnsembleRun.Summary s;
    try {
      s = writeRun(new PrintWriter(printed), inputs, staging.dir(), options, produced, heatmap,
          searchPlanOptions, maxFailureShare);
      staging.publish();
    } catch (java.io.IOException e) {
      staging.abandon();
      // e.g. a full disk: one line naming the directory, which still holds what it held
      throw new java.io.IOException("could not write the run for " + out.dir() + " ("
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
          + "); nothing was published: " + out.dir() + " is as it was", e);
    } catch (Exception e) {
      staging.abandon();
      throw e;
    }
    w.print(staging.published(printed.toString()));
    printTimes(w, s.pipelineTime());
    w.flush();
    if (s.failedRun()) {
      spec.commandLine().getErr().printf(Locale.ROOT, "error: %d of %d samples failed (%.1f %%, "
          + "more than --max-failure-share %s): the artifacts in %s are marked failed and must "
          + "not be used for a search%n", s.failed(), s.samples(), 100 * s.failureShare(),
          fraction(s.maxFailureShare()), out.dir());
      spec.commandLine().getErr().flush();
      return FailureShareOption.EXIT_TOO_MANY_FAILURES;
    }
    return 0;
  }

  /** Runs the ensemble and writes every artifact into {@code dir}. */
  private EnsembleRun.Summary writeRun(PrintWriter w, RunInputs inputs, java.nio.file.Path dir,
      PipelineOptions options, Instant produced, HeatmapOptions heatmap,
      org.darkflight.analysis.searchplan.SearchPlanner.Options searchPlanOptions,
      double maxFailureShare) throws Exception {
    EnsembleRun.Summary s = EnsembleRun.physics(inputs).withMaxFailureShare(maxFailureShare)
        .withTrajectoryFiles().run(inputs, dir, options, produced, heatmap);
    print(w, s);
    if (JsonLog.enabled(JsonLog.Level.DEBUG)) {
      DragRegimes.write(inputs, dir.resolve(DragRegimes.FILE));
    }
    RunMetrics metrics = BatchMetrics.forRun(inputs.event().eventId(), s);
    metrics.write(dir.resolve(RunMetrics.FILE));
    JsonLog.of("cli.run").forEvent(inputs.event().eventId())
        .info("ensemble run finished", BatchMetrics.headline(metrics));
    if (searchPlanOptions != null && s.failedRun()) {
      w.println("  search plan: not written (the run failed; a plan from its survivors would "
          + "send searchers to the wrong place)");
    } else if (searchPlanOptions != null) {
      org.darkflight.pipeline.searchplan.SearchPlanStep.print(w,
          org.darkflight.pipeline.searchplan.SearchPlanStep.run(dir, inputs, s.nominal(),
              searchPlanOptions));
    }
    if (!noReport) {
      w.println("  report: " + org.darkflight.pipeline.report.RunReport.afterRun(dir,
          inputs, s.nominal()));
      w.flush();
    }
    return s;
  }

  /** A fraction as short text (0.01, 0.25). */
  private static String fraction(double f) {
    return java.math.BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
  }

  /** The heatmap settings, or null when no heatmap is asked for. */
  private HeatmapOptions heatmapOptions() {
    if (heatmapCellM == null) {
      return null;
    }
    HeatmapOptions.Method method = switch (heatmapMethod.toLowerCase(Locale.ROOT)) {
      case "kernel" -> HeatmapOptions.Method.KERNEL;
      case "counts" -> HeatmapOptions.Method.COUNTS;
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--heatmap-method: expected kernel or counts, got " + heatmapMethod);
    };
    try {
      return new HeatmapOptions(heatmapCellM, method,
          heatmapBandwidthM == null ? heatmapCellM : heatmapBandwidthM, 2000);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /**
   * Beam options from the arguments picocli left over. With the Direct runner, immutability and
   * encodability enforcement (a debugging aid that copies every element) are off unless asked
   * for.
   */
  PipelineOptions pipelineOptions(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        String before = i > 0 ? args.get(i - 1) : null;
        if (before != null && before.startsWith("--") && !before.contains("=")) {
          // "--fragment x": a misspelt darkflight option, not a Beam option without its "="
          throw new CommandLine.ParameterException(spec.commandLine(),
              OptionSuggestions.unknownOption(spec.commandLine(), before));
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
            "unexpected argument '" + a + "' (Beam options are written --name=value)");
      }
    }
    PipelineOptions options;
    try {
      // --flink-local, --runner-config and the Flink checks/defaults (docs/flink.md).
      args = RunnerSetup.beamArgs(args, flinkLocal);
      options = PipelineOptionsFactory.fromArgs(args.toArray(new String[0])).withValidation()
          .create();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), beamMessage(e));
    }
    if (options.getRunner() == DirectRunner.class) {
      DirectOptions direct = options.as(DirectOptions.class);
      if (args.stream().noneMatch(a -> a.startsWith("--enforceImmutability"))) {
        direct.setEnforceImmutability(false);
      }
      if (args.stream().noneMatch(a -> a.startsWith("--enforceEncodability"))) {
        direct.setEnforceEncodability(false);
      }
      if (args.stream().noneMatch(a -> a.startsWith("--blockOnRun"))) {
        direct.setBlockOnRun(false); // the progress bar polls the running pipeline
      }
    }
    return options;
  }

  private static final java.util.regex.Pattern BEAM_MISSING_PROPERTY =
      java.util.regex.Pattern.compile("missing a property named '([^']+)'");

  /**
   * A Darkflight message for Beam's option error: an option Beam does not know ("Class interface
   * …PipelineOptions missing a property named 'sample'") is an unknown option of this command,
   * with the nearest darkflight option suggested; other Beam errors keep Beam's text.
   */
  private String beamMessage(IllegalArgumentException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    java.util.regex.Matcher missing = BEAM_MISSING_PROPERTY.matcher(m);
    if (missing.find()) {
      return OptionSuggestions.unknownOption(spec.commandLine(), "--" + missing.group(1))
          + " (neither a darkflight option nor an Apache Beam pipeline option)";
    }
    return "pipeline option: " + m;
  }

  /** One line on the heights: datum and ground. */
  static String ground(RunInputs in) {
    var h = in.heights();
    if (h == null) {
      return "ground: constant";
    }
    return in.terrain() == null
        ? String.format(Locale.ROOT, "heights: %s (EGM96 N = %.2f m at the luminous end); "
            + "ground: constant %.1f m (no --dem)", h.integration(), h.undulationM(),
            h.groundHeightM())
        : String.format(Locale.ROOT, "heights: %s (EGM96 N = %.2f m at the luminous end); "
            + "ground: %s", h.integration(), h.undulationM(), h.ground());
  }

  private static void print(PrintWriter w, EnsembleRun.Summary s) {
    StringBuilder reasons = new StringBuilder();
    for (Map.Entry<String, Long> e : s.failureReasons().entrySet()) {
      reasons.append(reasons.length() == 0 ? " (" : ", ").append(e.getKey()).append(' ')
          .append(e.getValue());
    }
    if (reasons.length() > 0) {
      reasons.append(')');
    }
    w.printf(Locale.ROOT, "  samples %d: landed %d, failed %d%s%n", s.samples(), s.landed(),
        s.failed(), reasons);
    w.printf(Locale.ROOT, "  failure share %.4f (limit %s): run %s%n", s.failureShare(),
        fraction(s.maxFailureShare()), s.status());
    if (s.ellipses90().isEmpty()) {
      w.println("  90 % ellipses: none (a mass class needs at least 3 landings with spread)");
    } else {
      w.println("  90 % ellipses (semi-major × semi-minor, major axis azimuth):");
      for (EnsembleRun.EllipseSize e : s.ellipses90()) {
        w.printf(Locale.ROOT, "    %-14s %9.0f m × %7.0f m, %5.1f°  (%d samples)%n",
            e.massClass(), e.semiMajorAxisM(), e.semiMinorAxisM(), e.orientationDeg(),
            e.samples());
      }
    }
    w.println("  wrote:");
    for (Path p : s.artifacts()) {
      w.println("    " + p);
    }
    w.flush();
  }

  /**
   * The closing timing line: the Beam pipeline's time and the total, the wall time of this
   * process since the JVM started (start-up, reading, pipeline, outputs, search plan, report).
   */
  static void printTimes(PrintWriter w, java.time.Duration pipeline) {
    w.printf(Locale.ROOT, "  pipeline %.1f s, total %.1f s (process wall time)%n",
        pipeline.toMillis() / 1000.0, processWallTime().toMillis() / 1000.0);
    w.flush();
  }

  /** Wall time since this JVM started. */
  static java.time.Duration processWallTime() {
    return java.time.Duration.ofMillis(
        java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
  }
}
