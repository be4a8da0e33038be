package org.darkflight.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.analysis.atmos.AtmosOutputs;
import org.darkflight.analysis.atmos.DefaultAtmosFusion;
import org.darkflight.analysis.atmos.FusedProfile;
import org.darkflight.analysis.atmos.QcWarnings;
import org.darkflight.analysis.fusion.AtmosFusionRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code darkflight atmos}: AtmoFusion (docs/architecture.md, docs/operations.md stage S2). Reads the event and every atmospheric
 * source, fuses them at the event's time and place, and writes {@code atmos_profile.json} (usable
 * by {@code darkflight trajectory} and {@code darkflight run}), {@code wind_profile_compiled.json},
 * {@code vertical_grid.json} and {@code atmos_qc.json} into the output directory. All inputs are
 * read and validated before anything is written.
 */
@Command(name = "atmos", mixinStandardHelpOptions = true,
    description = {"Fuses radiosondes, weather-model netCDF files and radar VAD winds into the "
        + "event's atmospheric profile.",
        "The event's luminous-end time and place select and weight the sources."})
public final class AtmosCommand implements DarkflightCommand {

  @Mixin SharedOptions.Event event;

  @Option(names = "--sonde", split = ",", paramLabel = "FILE",
      description = "Radiosonde: UWyo TEXT:LIST page or radiosonde JSON (repeatable; default: "
          + "none). At least one --sonde, --model or --vad is needed.")
  List<Path> sondes = new ArrayList<>();

  @Option(names = "--model", split = ",", paramLabel = "FILE",
      description = "Weather-model netCDF on pressure levels: ERA5, GFS or HRRR (repeatable; "
          + "default: none).")
  List<Path> models = new ArrayList<>();

  @Option(names = "--vad", split = ",", paramLabel = "FILE",
      description = "Radar winds: a VAD profile radar_vad/*.json, a NEXRAD Level III VAD Wind "
          + "Profile (NVW) product or a NEXRAD Level II volume (repeatable; default: none).")
  List<Path> vads = new ArrayList<>();

  @Option(names = "--radar-metadata", paramLabel = "FILE",
      description = "radar_metadata.json; its radar_site_id must match the VAD files (default: "
          + "the VAD files' sites are not checked).")
  Path radarMetadata;

  @Mixin SharedOptions.RequiredOut out;

  @Mixin InputCheckOptions checks;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--top-m", defaultValue = "40000", paramLabel = "M",
      description = "fill the profile up to this altitude with USSA76 (default: ${DEFAULT-VALUE})")
  double topM;

  @Option(names = "--shear-limit", defaultValue = "0.04", paramLabel = "1/S",
      description = "smooth wind shear above this (default: ${DEFAULT-VALUE} per second)")
  double shearLimit;

  @Option(names = "--fusion", defaultValue = DefaultAtmosFusion.NAME, paramLabel = "NAME",
      description = "AtmosFusionStrategy plugin (darkflight plugins); if it fails, the default "
          + "fusion takes over with a warning (default: ${DEFAULT-VALUE})")
  String fusion;

  public AtmosCommand() {
    // picocli fills the fields
  }

  @Override
  public Integer call() throws Exception {
    Event ev = EventFiles.read(event.path());
    LuminousEnd le = ev.luminousEnd();
    AtmosFusionRun.Result r = AtmosFusionRun.fuse(new AtmosFusionRun.Sources(sondes, models,
        vads, radarMetadata, "(command line)", "--sonde/--model/--vad"), le,
        new AtmosFusionRun.Settings(topM, shearLimit, fusion),
        checks.limits(spec.commandLine()));
    FusedProfile fused = r.profile();
    List<Path> written = AtmosOutputs.writeAll(out.dir(), fused, ev.eventId());
    long warnings = fused.annotations().stream().filter(a -> a.severity().equals("warning"))
        .count();
    System.out.printf(Locale.ROOT, "atmos: %d levels %.0f-%.0f m from %d source(s), grid from %s;"
        + " %d QC warning(s)%n", fused.levels().size(), fused.levels().get(0).altitudeM(),
        fused.levels().get(fused.levels().size() - 1).altitudeM(), r.sources(),
        fused.gridSource(), warnings);
    for (Path p : written) {
      System.out.println("wrote " + p);
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    for (String w : QcWarnings.lines(fused, le.altitudeM())) {
      err.println("warning: " + w);
    }
    err.flush();
    return 0;
  }
}
