package org.darkflight.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.pipeline.uq.FindsFiles;
import org.darkflight.transforms.uq.Calibration;
import org.darkflight.transforms.uq.CalibrationParameter;
import org.darkflight.transforms.uq.Find;
import org.darkflight.transforms.uq.PhysicsForwardModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(names = "--event", required = true, paramLabel = "event.json") Path event;
  @Option(names = "--atmos", required = true, paramLabel = "atmos_profile.json") Path atmos;
  @Option(names = "--config", required = true, paramLabel = "physics_config.json") Path config;
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
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "darkflight-calibration") Path out;
  @Option(names = "--produced-utc", paramLabel = "INSTANT") String producedUtc;

  @Override
  public Integer call() throws Exception {
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
    ProfileAtmosphere air = new ProfileAtmosphere(AtmosProfiles.read(atmos).atmosLevels());
    PhysicsConfig physics = PhysicsConfigFiles.read(config);
    List<Find> finds = FindsFiles.read(findsFile);
    Instant produced = producedUtc == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS)
        : Instant.parse(producedUtc);
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
    w.flush();
    return 0;
  }
}
