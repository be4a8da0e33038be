package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.uq.SensitivityDocument;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.uq.SensitivityReport;
import org.darkflight.analysis.ensemble.EventPlane;
import org.darkflight.analysis.ensemble.PhysicsLandingSimulator;
import org.darkflight.analysis.sampling.NominalInputs;
import org.darkflight.analysis.uq.EnsembleLandingModel;
import org.darkflight.analysis.uq.SensitivityAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight sensitivity}: Sobol first-order and total indices and one-at-a-time effects
 * of the landing position per uncertain parameter of the ensemble, per fragment hypothesis
 * ({@link SensitivityAnalysis}), written to {@code sensitivity.json}.
 */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
    description = {"Computes how sensitive the landing position is to each uncertain ensemble "
        + "parameter.",
        "Sobol (first-order, total) and one-at-a-time indices per mass class, written to",
        "sensitivity.json (docs/uq.md)."})
public final class SensitivityCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventOption;
  @Mixin SharedOptions.Atmos atmosOption;
  @Mixin SharedOptions.Config configOption;
  @Mixin SharedOptions.Fragments fragmentsOption;
  @Option(names = "--ensemble", required = true, paramLabel = "ensemble_config.json",
      description = "Its distributions are the analysed parameters.") Path ensemble;
  @Option(names = "--samples", paramLabel = "N", defaultValue = "256",
      description = "Base rows N per fragment; the cost is N*(k+2) landings per fragment for k"
          + " parameters (default: ${DEFAULT-VALUE}).") int samples;
  @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
      description = "Bootstrap resamples of the 95 %% intervals (default: ${DEFAULT-VALUE}).")
  int bootstrap;
  @Option(names = "--threads", paramLabel = "T",
      description = "Threads of the landing loop, 1 to " + MAX_THREADS
          + " (default: available processors).") Integer threads;

  /** Most threads of the landing loop (more only add contention). */
  static final int MAX_THREADS = 256;
  @Mixin SharedOptions.Out outOption = new SharedOptions.Out("darkflight-sensitivity");
  @Option(names = "--run", paramLabel = "DIR",
      description = "Write sensitivity.json into this run directory instead of --out, list it "
          + "in the run's output_manifest.json, and redraw its report.html (if it has one) so "
          + "the report shows the tables (default: none, written to --out).")
  Path runDir;
  @Mixin SharedOptions.ProducedUtc producedUtc;

  @Override
  public Integer call() throws Exception {
    Path event = eventOption.path();
    Path atmos = atmosOption.path();
    Path config = configOption.path();
    Path fragments = fragmentsOption.path();
    Path out = outDir();
    if (runDir != null && !Files.isDirectory(runDir)) {
      throw new ParameterException(spec.commandLine(), "--run " + runDir
          + ": not a directory (give the output directory of a darkflight run)");
    }
    if (runDir != null) {
      org.darkflight.pipeline.run.FinishedRun.require(runDir);
    }
    if (samples < 2) {
      throw new ParameterException(spec.commandLine(), "--samples must be >= 2, got " + samples);
    }
    if (bootstrap < 10) {
      throw new ParameterException(spec.commandLine(),
          "--bootstrap must be >= 10, got " + bootstrap);
    }
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (t < 1 || t > MAX_THREADS) {
      throw new ParameterException(spec.commandLine(),
          "--threads must be in [1, " + MAX_THREADS + "], got " + t);
    }
    Instant produced = producedUtc.resolve();
    RunInputs in = RunInputs.read(event, atmos, config, fragments, ensemble);
    LuminousEnd start = in.event().luminousEnd();
    SensitivityAnalysis analysis;
    try {
      analysis = new SensitivityAnalysis(in.ensemble(),
          new NominalInputs(in.fragments(), start, in.levels()), samples, bootstrap);
    } catch (IllegalArgumentException e) {
      throw new org.darkflight.io.InputException(ensemble, "/distributions", e.getMessage());
    }
    EnsembleLandingModel model = new EnsembleLandingModel(in.levels(), ProfileAtmosphere::new,
        new PhysicsLandingSimulator(in.physics()),
        new EventPlane(start.latitudeDeg(), start.longitudeDeg()), start.timeUtc());
    List<SensitivityAnalysis.FragmentResult> results = analysis.run(model, t);
    SensitivityDocument doc = SensitivityReport.document(in, analysis, results, samples,
        bootstrap, produced);
    Files.createDirectories(out);
    doc.write(out.resolve(SensitivityReport.FILE));
    if (runDir != null) {
      // the run's manifest lists what its directory holds, with hashes
      org.darkflight.pipeline.report.RunReport.register(out, out.resolve(SensitivityReport.FILE),
          "json");
    }
    print(spec.commandLine().getOut(), doc);
    Path report = out.resolve(org.darkflight.io.report.ReportHtml.FILE);
    if (runDir != null && Files.isRegularFile(report)) {
      org.darkflight.pipeline.report.RunReport.write(out, report, null,
          org.darkflight.io.report.RunDirectory.DEFAULT_MAX_POINTS);
      org.darkflight.pipeline.report.RunReport.register(out, report);
      spec.commandLine().getOut().println("  redrew " + report);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private Path outDir() {
    return runDir != null ? runDir : outOption.dir();
  }

  private void print(PrintWriter w, SensitivityDocument doc) {
    Path out = outDir();
    w.printf(Locale.ROOT, "darkflight sensitivity: %d landings; share of Var(east)+Var(north)"
        + " [95 %% CI], shift per ±1σ%n", doc.method().landings());
    for (SensitivityDocument.ClassIndices c : doc.classes()) {
      w.printf(Locale.ROOT, "  %s, %s rows:%n", c.massClass(), c.samples());
      for (SensitivityDocument.ParameterIndices p : c.parameters()) {
        List<Double> ci = p.firstOrderCi95();
        w.printf(Locale.ROOT, "    %-24s S1 %6s [%6s, %6s]  ST %6s  %10s m%n", p.name(),
            fmt(p.firstOrderIndex()), fmt(ci.get(0)), fmt(ci.get(1)),
            fmt(p.totalIndex()), fmt1(p.oatShiftM()));
      }
    }
    w.println("  wrote " + out.resolve(SensitivityReport.FILE));
    w.flush();
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String fmt1(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f", v);
  }
}
