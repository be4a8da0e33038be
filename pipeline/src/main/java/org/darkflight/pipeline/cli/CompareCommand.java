package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.options.PipelineOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.uq.PairedComparisonDocument;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.uq.PairedComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code darkflight compare}: runs the same ensemble (same draws) with two physics configs through
 * the ordinary ensemble run ({@link EnsembleRun}, outputs in {@code <out>/a} and {@code <out>/b})
 * and writes {@code paired_comparison.json}: per mass class the paired differences B − A of the
 * landing position with confidence intervals (spec §9).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Runs two physics variants on the same ensemble draws and reports paired",
        "differences of landing position per mass class (paired_comparison.json)."})
public final class CompareCommand implements DarkflightCommand {

  /** Output file name. */
  public static final String FILE = PairedComparisonDocument.FILE;

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventOption;
  @Mixin SharedOptions.Atmos atmosOption;
  @Option(names = "--config-a", required = true, paramLabel = "physics_config.json",
      description = "Physics variant A (reference).") Path configA;
  @Option(names = "--config-b", required = true, paramLabel = "physics_config.json",
      description = "Physics variant B.") Path configB;
  @Mixin SharedOptions.Fragments fragmentsOption;
  @Option(names = "--ensemble", paramLabel = "ensemble_config.json") Path ensemble;
  @Mixin SharedOptions.Out outOption = new SharedOptions.Out("darkflight-compare");
  @Option(names = "--confidence", defaultValue = "0.95",
      description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
  double confidence;
  @Mixin SharedOptions.ProducedUtc producedUtc;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path event = eventOption.path();
    Path atmos = atmosOption.path();
    Path fragments = fragmentsOption.path();
    Path out = outOption.dir();
    if (!(confidence > 0 && confidence < 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--confidence must be in (0, 1), got " + confidence);
    }
    RunCommand helper = new RunCommand();
    helper.spec = spec;
    PipelineOptions options = helper.pipelineOptions(beamArgs);
    Instant produced = producedUtc.resolve();
    RunInputs a = RunInputs.read(event, atmos, configA, fragments, ensemble);
    RunInputs b = RunInputs.read(event, atmos, configB, fragments, ensemble);
    PrintWriter w = spec.commandLine().getOut();
    EnsembleRun.physics(a).run(a, out.resolve("a"), options, produced);
    EnsembleRun.physics(b).run(b, out.resolve("b"), options, produced);
    List<PairedComparison.Landing> la = PairedComparison.readPoints(
        out.resolve("a").resolve(GeoSchemas.POINTS_FILE));
    List<PairedComparison.Landing> lb = PairedComparison.readPoints(
        out.resolve("b").resolve(GeoSchemas.POINTS_FILE));
    LatLon origin = new LatLon(a.event().luminousEnd().latitudeDeg(),
        a.event().luminousEnd().longitudeDeg());
    List<PairedComparison.ClassDiff> diffs = PairedComparison.compare(la, lb, origin, confidence);
    PairedComparisonDocument doc = new PairedComparisonDocument(
        PairedComparisonDocument.PRODUCT, produced.toString(), a.event().eventId(),
        new PairedComparisonDocument.ConfigFile(configA.toString(), a.sha256().get("config")),
        new PairedComparisonDocument.ConfigFile(configB.toString(), b.sha256().get("config")),
        a.ensemble().randomSeed(), confidence,
        "B minus A, metres east/north in the tangent plane at the luminous end",
        PairedComparison.documentClasses(diffs));
    Files.createDirectories(out);
    doc.write(out.resolve(FILE));
    w.printf(Locale.ROOT, "darkflight compare: %s, B − A per mass class (%.0f %% CI):%n",
        a.event().eventId(), 100 * confidence);
    for (PairedComparison.ClassDiff d : diffs) {
      w.printf(Locale.ROOT, "  %-14s n=%4d  |Δ| %8.1f m [%8.1f, %8.1f]  ΔE %8.1f  ΔN %8.1f%n",
          d.massClass(), d.pairs(), d.distanceM().mean(), d.distanceM().low(),
          d.distanceM().high(), d.eastM().mean(), d.northM().mean());
    }
    w.println("  wrote " + out.resolve(FILE));
    w.flush();
    return 0;
  }
}
