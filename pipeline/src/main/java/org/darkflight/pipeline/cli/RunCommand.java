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
 * {@code darkflight run}: the ensemble job of spec §16 mode 1. Everything picocli does not
 * consume is handed to Beam's {@link PipelineOptionsFactory} unchanged, so the standard options
 * ({@code --runner=DirectRunner}, {@code --targetParallelism=4}, and those of any runner on the
 * class path, e.g. {@code --runner=FlinkRunner --flinkMaster=…}) just work.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the dark-flight ensemble on Apache Beam and writes the strewn field:",
        "strewn_field_points.geojson, uncertainty_ellipses.geojson, strewn_field.kml/.kmz,",
        "ensemble_manifest.json, output_manifest.json and report.html.",
        "Other --options are Beam pipeline options (default --runner=DirectRunner)."})
public final class RunCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event event;
  @Mixin SharedOptions.Atmos atmos;
  @Mixin SharedOptions.Config config;
  @Mixin SharedOptions.Fragments fragments;

  @Mixin DemOption dem = new DemOption();

  @Option(names = "--ensemble", paramLabel = "ensemble_config.json",
      description = "Sampling settings (spec §4.7); default: each fragment once, nothing drawn.")
  Path ensemble;

  @Mixin SharedOptions.Out out = new SharedOptions.Out("darkflight-out");
  @Mixin SharedOptions.ProducedUtc producedUtc;

  @Option(names = "--heatmap-cell-m", paramLabel = "METRES",
      description = "Also write ground-probability heatmaps with this cell size: a GeoTIFF per "
          + "mass class and PNG overlays in the KML/KMZ \"Heatmap\" folder (docs/uq.md).")
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

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PipelineOptions options = pipelineOptions(beamArgs);
    Instant produced = producedUtc.resolve();
    HeatmapOptions heatmap = heatmapOptions();
    var searchPlanOptions = noSearchPlan ? null : searchPlan.options(spec);
    RunInputs inputs = dem.apply(RunInputs.read(event.path(), atmos.path(), config.path(),
        fragments.path(), ensemble));
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "darkflight run: %s, %d samples (%s, %s, seed %d) on %s%n",
        inputs.event().eventId(), inputs.ensemble().samples(),
        inputs.ensemble().mode().name().toLowerCase(Locale.ROOT), inputs.ensemble().sampling(),
        inputs.ensemble().randomSeed(), options.getRunner().getSimpleName());
    w.println(ground(inputs));
    w.flush();
    EnsembleRun.Summary s = EnsembleRun.physics(inputs).run(inputs, out.dir(), options, produced,
        heatmap);
    print(w, s);
    if (JsonLog.enabled(JsonLog.Level.DEBUG)) {
      DragRegimes.write(inputs, out.dir().resolve(DragRegimes.FILE));
    }
    RunMetrics metrics = BatchMetrics.forRun(inputs.event().eventId(), s);
    metrics.write(out.dir().resolve(RunMetrics.FILE));
    JsonLog.of("cli.run").forEvent(inputs.event().eventId())
        .info("ensemble run finished", BatchMetrics.headline(metrics));
    if (searchPlanOptions != null) {
      org.darkflight.pipeline.searchplan.SearchPlanStep.print(w,
          org.darkflight.pipeline.searchplan.SearchPlanStep.run(out.dir(), inputs, searchPlanOptions));
    }
    if (!noReport) {
      w.println("  report: " + org.darkflight.pipeline.report.RunReport.afterRun(out.dir(),
          inputs));
      w.flush();
    }
    return 0;
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
    for (String a : args) {
      if (!a.startsWith("--")) {
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
      throw new CommandLine.ParameterException(spec.commandLine(),
          "pipeline option: " + e.getMessage());
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
    w.printf(Locale.ROOT, "  pipeline %.1f s, total %.1f s%n",
        s.pipelineTime().toMillis() / 1000.0, s.totalTime().toMillis() / 1000.0);
    w.flush();
  }
}
