package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptions;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.uq.CalibratedParamsDocument;
import org.darkflight.io.uq.CalibrationNarrowingDocument;
import org.darkflight.io.uq.FindsFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.uq.CalibratedEnsemble;
import org.darkflight.analysis.uq.NarrowingReport;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.uq.Calibration;
import org.darkflight.analysis.uq.CalibrationParameter;
import org.darkflight.analysis.uq.Find;
import org.darkflight.analysis.uq.PhysicsForwardModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code darkflight calibrate}: fits the uncertain parameters to recovered meteorites
 * ({@code finds.json}) with {@link Calibration} and writes {@code calibrated_params.json}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = {"Fits luminous-end offsets, drag/wind scale and density to recovered "
        + "meteorites and writes calibrated_params.json.",
        "The finds come from finds.json; the method is in docs/uq.md."})
public final class CalibrateCommand implements DarkflightCommand {

  /** Output file name. */
  public static final String FILE = CalibratedParamsDocument.FILE;

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventOption;
  @Mixin SharedOptions.Atmos atmosOption;
  @Mixin SharedOptions.Config configOption;
  @Option(names = "--finds", required = true, paramLabel = "finds.json",
      description = "Recovered meteorites: position and mass of each find (docs/uq.md).")
  Path findsFile;
  @Option(names = "--density-kg-m3", defaultValue = "3320",
      description = "Baseline fragment density (default: ${DEFAULT-VALUE}).") double density;
  @Option(names = "--cd", defaultValue = "0.92",
      description = "Fragment drag coefficient for drag models that use it (default: "
          + "${DEFAULT-VALUE}).") double cd;
  @Option(names = "--free", split = ",", paramLabel = "KEY",
      defaultValue = "along_track_offset_m,cross_track_offset_m,cd_scale",
      description = "Parameters to fit, of along_track_offset_m, cross_track_offset_m, cd_scale, "
          + "wind_scale, density_kg_m3 (default: ${DEFAULT-VALUE}).") List<String> freeKeys;
  @Mixin SharedOptions.Out outOption = new SharedOptions.Out("darkflight-calibration");
  @Mixin SharedOptions.ProducedUtc producedUtc;
  @Option(names = "--rerun-ensemble", paramLabel = "ensemble_config.json",
      description = "Also run this ensemble with the baseline and with the calibrated "
          + "parameters (into DIR/ensemble_baseline, DIR/ensemble_calibrated) and write "
          + "calibration_narrowing.json (90 %% ellipses before/after); its fragments come from "
          + "--fragments or a split rule in it. Default: no re-run.") Path rerunEnsemble;
  @Mixin SharedOptions.Fragments fragmentsOption;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Path event = eventOption.path();
    Path atmos = atmosOption.path();
    Path config = configOption.path();
    Path fragments = fragmentsOption.path();
    Path out = outOption.dir();
    boolean[] free = new boolean[CalibrationParameter.values().length];
    for (String k : freeKeys) {
      boolean known = false;
      for (CalibrationParameter p : CalibrationParameter.values()) {
        if (p.key().equals(k.trim())) {
          free[p.ordinal()] = true;
          known = true;
        }
      }
      if (!known) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--free: unknown " + k);
      }
    }
    if (!(density > 0) || !(cd > 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--density-kg-m3 and --cd must be > 0");
    }
    Event ev = EventFiles.read(event);
    RunInputs runInputs = rerunEnsemble == null ? null
        : RunInputs.read(event, atmos, config, fragments, rerunEnsemble);
    PipelineOptions options = null;
    if (runInputs != null) {
      RunCommand helper = new RunCommand();
      helper.spec = spec;
      options = helper.pipelineOptions(beamArgs);
    }
    // heights onto the integration datum, as darkflight run does (docs/inputs.md)
    org.darkflight.io.atmos.AtmosProfile profile = AtmosProfiles.read(atmos);
    org.darkflight.io.geoid.VerticalDatum.Converted onDatum =
        org.darkflight.io.geoid.VerticalDatum.toIntegrationDatum(ev.luminousEnd(),
            ev.heightReference(), profile.atmosLevels(), profile.heightReference(),
            PhysicsConfigFiles.read(config), PhysicsConfigFiles.groundReference(config));
    ProfileAtmosphere air = new ProfileAtmosphere(onDatum.levels());
    PhysicsConfig physics = onDatum.physics();
    List<Find> finds = Find.of(FindsFiles.read(findsFile));
    Instant produced = producedUtc.resolve();
    PhysicsForwardModel model = new PhysicsForwardModel(air, physics, onDatum.luminousEnd(),
        new Fragment("find", 1.0, density, cd, Fragment.SPHERE_SHAPE_FACTOR));
    double[] baseline = model.baseline();
    Calibration.Result r = new Calibration(model, finds, baseline, free).fit();

    Files.createDirectories(out);
    calibratedParams(ev, produced, finds, r, baseline, free).write(out.resolve(FILE));
    PrintWriter w = spec.commandLine().getOut();
    w.println("darkflight calibrate: " + r.message());
    for (CalibrationParameter p : CalibrationParameter.values()) {
      w.printf(Locale.ROOT, "  %-22s %12.4g ± %-10.3g%s%n", p.key(), r.values()[p.ordinal()],
          r.sigma()[p.ordinal()], free[p.ordinal()] ? "" : " (fixed)");
    }
    w.println("  wrote " + out.resolve(FILE));
    if (runInputs != null) {
      narrowing(w, runInputs, options, produced, r, free, finds);
    }
    w.flush();
    return 0;
  }

  /** Runs the ensemble before and after calibration and writes the narrowing report. */
  private void narrowing(PrintWriter w, RunInputs before, PipelineOptions options,
      Instant produced, Calibration.Result r, boolean[] free, List<Find> finds)
      throws Exception {
    Path out = outOption.dir();
    Path calib = out.resolve(FILE);
    Path dirBefore = out.resolve("ensemble_baseline");
    EnsembleRun.physics(before).run(before, dirBefore, options, produced);
    Path dirAfter = dirBefore;
    RunInputs after = before;
    if (r.calibrated()) {
      after = CalibratedEnsemble.apply(before, r.values(), r.sigma(), free, calib,
          RunInputs.sha256(calib));
      dirAfter = out.resolve("ensemble_calibrated");
      EnsembleRun.physics(after).run(after, dirAfter, options, produced);
    }
    NarrowingReport.Comparison cmp = NarrowingReport.compare(
        NarrowingReport.ellipses(dirBefore), NarrowingReport.ellipses(dirAfter), finds,
        new MassClassBins(before.ensemble().massClassEdgesKg()));
    CalibrationNarrowingDocument doc = new CalibrationNarrowingDocument(
        CalibrationNarrowingDocument.SCHEMA_ID,
        after.canonicalMeta(CalibrationNarrowingDocument.PRODUCT,
            CalibrationNarrowingDocument.SCHEMA_VERSION, produced),
        r.calibrated(), r.calibrated()
            ? "calibrated parameters and their posterior spreads applied to the ensemble"
            : r.message() + "; baseline kept, the calibrated run is the baseline run",
        NarrowingReport.LEVEL, out.relativize(dirBefore).toString(),
        out.relativize(dirAfter).toString(), cmp.classes(), cmp.finds());
    doc.write(out.resolve(NarrowingReport.FILE));
    w.println("  narrowing of the 90 % ellipses (" + (r.calibrated() ? "calibrated"
        : "not calibrated: baseline kept") + "):");
    for (CalibrationNarrowingDocument.ClassNarrowing c : doc.classes()) {
      Double ratio = c.areaRatio();
      w.printf(Locale.ROOT, "    %-14s area after/before %s%n", c.massClass(),
          ratio == null ? "n/a" : String.format(Locale.ROOT, "%.3f", ratio));
    }
    for (CalibrationNarrowingDocument.FindDistance f : doc.finds()) {
      w.printf(Locale.ROOT, "    find %-12s to its class's centre: %s m before, %s m after%n",
          f.id(), fmt(f.distanceToCenterBeforeM()), fmt(f.distanceToCenterAfterM()));
    }
    w.println("  wrote " + out.resolve(NarrowingReport.FILE));
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f", v);
  }

  /** The {@code calibrated_params.json} document of a fit. */
  private static CalibratedParamsDocument calibratedParams(Event ev, Instant produced,
      List<Find> finds, Calibration.Result r, double[] baseline, boolean[] free) {
    Map<String, CalibratedParamsDocument.Parameter> params = new LinkedHashMap<>();
    for (CalibrationParameter p : CalibrationParameter.values()) {
      double s = r.sigma()[p.ordinal()];
      params.put(p.key(), new CalibratedParamsDocument.Parameter(r.values()[p.ordinal()],
          baseline[p.ordinal()], Double.isFinite(s) ? s : null, free[p.ordinal()]));
    }
    Map<String, Double> residuals = new LinkedHashMap<>();
    for (int i = 0; i < finds.size(); i++) {
      double d = r.residualsM()[i];
      residuals.put(finds.get(i).id(), Double.isFinite(d) ? d : null);
    }
    return new CalibratedParamsDocument(CalibratedParamsDocument.PRODUCT,
        CalibratedParamsDocument.SCHEMA_VERSION, produced.toString(), ev.eventId(), finds.size(),
        r.calibrated(), r.message(), params, r.baselineNll(), r.nll(), residuals);
  }
}
