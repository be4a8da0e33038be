package org.darkflight.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.uq.CalibratedEnsemble;
import org.darkflight.analysis.uq.FindsFiles;
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
    description = {"Fits luminous-end offsets, drag/wind scale and density to recovered",
        "meteorites (finds.json) and writes calibrated_params.json (docs/uq.md)."})
public final class CalibrateCommand implements DarkflightCommand {

  /** Output file name. */
  public static final String FILE = "calibrated_params.json";

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventOption;
  @Mixin SharedOptions.Atmos atmosOption;
  @Mixin SharedOptions.Config configOption;
  @Option(names = "--finds", required = true, paramLabel = "finds.json") Path findsFile;
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
          + "--fragments or a split rule in it.") Path rerunEnsemble;
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
    ProfileAtmosphere air = new ProfileAtmosphere(AtmosProfiles.read(atmos).atmosLevels());
    PhysicsConfig physics = PhysicsConfigFiles.read(config);
    List<Find> finds = FindsFiles.read(findsFile);
    Instant produced = producedUtc.resolve();
    PhysicsForwardModel model = new PhysicsForwardModel(air, physics, ev.luminousEnd(),
        new Fragment("find", 1.0, density, cd, Fragment.SPHERE_SHAPE_FACTOR));
    double[] baseline = model.baseline();
    Calibration.Result r = new Calibration(model, finds, baseline, free).fit();

    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("product", "calibrated_params");
    doc.put("schema_version", "1.0.0");
    doc.put("created_utc", produced.toString());
    doc.put("event_id", ev.eventId());
    doc.put("finds", finds.size());
    doc.put("calibrated", r.calibrated());
    doc.put("message", r.message());
    Map<String, Object> params = new LinkedHashMap<>();
    for (CalibrationParameter p : CalibrationParameter.values()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("value", r.values()[p.ordinal()]);
      v.put("baseline", baseline[p.ordinal()]);
      double s = r.sigma()[p.ordinal()];
      v.put("sigma", Double.isFinite(s) ? s : null);
      v.put("free", free[p.ordinal()]);
      params.put(p.key(), v);
    }
    doc.put("parameters", params);
    doc.put("neg_log_likelihood_baseline", r.baselineNll());
    doc.put("neg_log_likelihood", r.nll());
    Map<String, Object> res = new LinkedHashMap<>();
    for (int i = 0; i < finds.size(); i++) {
      double d = r.residualsM()[i];
      res.put(finds.get(i).id(), Double.isFinite(d) ? d : null);
    }
    doc.put("residuals_m", res);
    byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(doc).getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(out);
    AtomicFiles.write(out.resolve(FILE), json);
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
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", NarrowingReport.SCHEMA_ID);
    Map<String, Object> meta = after.canonicalMeta("calibration_narrowing", "1.0.0", produced);
    doc.put("meta", meta);
    doc.put("calibrated", r.calibrated());
    doc.put("message", r.calibrated()
        ? "calibrated parameters and their posterior spreads applied to the ensemble"
        : r.message() + "; baseline kept, the calibrated run is the baseline run");
    doc.put("confidence_level", NarrowingReport.LEVEL);
    doc.put("baseline_run", out.relativize(dirBefore).toString());
    doc.put("calibrated_run", out.relativize(dirAfter).toString());
    doc.putAll(NarrowingReport.compare(NarrowingReport.ellipses(dirBefore),
        NarrowingReport.ellipses(dirAfter), finds,
        new MassClassBins(before.ensemble().massClassEdgesKg())));
    byte[] json = (new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(out.resolve(NarrowingReport.FILE), json);
    w.println("  narrowing of the 90 % ellipses (" + (r.calibrated() ? "calibrated"
        : "not calibrated: baseline kept") + "):");
    for (Object o : (List<?>) doc.get("classes")) {
      Map<?, ?> c = (Map<?, ?>) o;
      Object ratio = c.get("area_ratio");
      w.printf(Locale.ROOT, "    %-14s area after/before %s%n", c.get("mass_class"),
          ratio == null ? "n/a" : String.format(Locale.ROOT, "%.3f", (Double) ratio));
    }
    for (Object o : (List<?>) doc.get("finds")) {
      Map<?, ?> f = (Map<?, ?>) o;
      w.printf(Locale.ROOT, "    find %-12s to its class's centre: %s m before, %s m after%n",
          f.get("id"), fmt(f.get("distance_to_center_before_m")),
          fmt(f.get("distance_to_center_after_m")));
    }
    w.println("  wrote " + out.resolve(NarrowingReport.FILE));
  }

  private static String fmt(Object v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f", (Double) v);
  }
}
