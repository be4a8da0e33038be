package org.darkflight.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.atmos.source.AtmosphericSources;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.radar.RadarMetadata;
import org.darkflight.io.radar.RadarMetadataReader;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.analysis.atmos.AtmosFusionStrategy;
import org.darkflight.analysis.atmos.AtmosOutputs;
import org.darkflight.analysis.atmos.DefaultAtmosFusion;
import org.darkflight.analysis.atmos.FusedProfile;
import org.darkflight.analysis.atmos.FusionConfig;
import org.darkflight.analysis.plugins.PluginRegistry;
import org.darkflight.io.PluginWarnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code darkflight atmos}: AtmoFusion (spec §3.2, §5 S2). Reads the event and every atmospheric
 * source, fuses them at the event's time and place, and writes {@code atmos_profile.json} (usable
 * by {@code darkflight trajectory} and {@code darkflight run}), {@code wind_profile_compiled.json},
 * {@code vertical_grid.json} and {@code atmos_qc.json} into the output directory. All inputs are
 * read and validated before anything is written.
 */
@Command(name = "atmos", mixinStandardHelpOptions = true,
    description = {"Fuse radiosondes, weather-model netCDF files and radar VAD winds into the "
        + "event's atmospheric profile.",
        "The event's luminous-end time and place select and weight the sources."})
public final class AtmosCommand implements DarkflightCommand {

  @Mixin SharedOptions.Event event;

  @Option(names = "--sonde", split = ",", paramLabel = "FILE",
      description = "radiosonde: UWyo TEXT:LIST page or radiosonde JSON (repeatable)")
  List<Path> sondes = new ArrayList<>();

  @Option(names = "--model", split = ",", paramLabel = "FILE",
      description = "weather-model netCDF on pressure levels: ERA5, GFS or HRRR (repeatable)")
  List<Path> models = new ArrayList<>();

  @Option(names = "--vad", split = ",", paramLabel = "FILE",
      description = "radar winds: VAD profile radar_vad/*.json, NEXRAD Level III VAD Wind "
          + "Profile (NVW) product or NEXRAD Level II volume (repeatable)")
  List<Path> vads = new ArrayList<>();

  @Option(names = "--radar-metadata", paramLabel = "FILE",
      description = "radar_metadata.json; its radar_site_id must match the VAD files")
  Path radarMetadata;

  @Mixin SharedOptions.RequiredOut out;

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
    SourceRequest request = new SourceRequest(le.timeUtc(), le.latitudeDeg(), le.longitudeDeg());
    if (sondes.isEmpty() && models.isEmpty() && vads.isEmpty()) {
      throw new InputException("(command line)", "--sonde/--model/--vad",
          "give at least one atmospheric source");
    }
    List<AtmosphericRaw> raws = new ArrayList<>();
    for (Path p : sondes) {
      load(p, SourceKind.RADIOSONDE, request, raws);
    }
    for (Path p : models) {
      load(p, SourceKind.MODEL, request, raws);
    }
    for (Path p : vads) {
      load(p, SourceKind.RADAR_VAD, request, raws);
    }
    if (raws.isEmpty()) {
      throw new InputException("(command line)", "--sonde/--model/--vad", "every atmospheric "
          + "source plugin failed (see the warnings); refusing to fuse a profile from the "
          + "standard atmosphere alone");
    }
    if (radarMetadata != null) {
      RadarMetadata meta = RadarMetadataReader.read(radarMetadata);
      for (AtmosphericRaw r : raws) {
        String site = r.metadata().get("radar_site_id");
        if (r.kind() == SourceKind.RADAR_VAD && !meta.radarSiteId().equals(site)) {
          throw new InputException(r.file(), "/radar_site_id", "radar " + site
              + " does not match radar_metadata.json site " + meta.radarSiteId());
        }
      }
    }
    FusionConfig cfg;
    try {
      cfg = FusionConfig.DEFAULTS.withTopAltitudeM(topM).withShearLimitPerS(shearLimit);
    } catch (IllegalArgumentException e) {
      throw new InputException("(command line)", "--top-m/--shear-limit", e.getMessage());
    }
    FusedProfile fused = fuse(raws, request, cfg);
    List<Path> written = AtmosOutputs.writeAll(out.dir(), fused, ev.eventId());
    long warnings = fused.annotations().stream().filter(a -> a.severity().equals("warning"))
        .count();
    System.out.printf(Locale.ROOT, "atmos: %d levels %.0f-%.0f m from %d source(s), grid from %s;"
        + " %d QC warning(s)%n", fused.levels().size(), fused.levels().get(0).altitudeM(),
        fused.levels().get(fused.levels().size() - 1).altitudeM(), raws.size(),
        fused.gridSource(), warnings);
    for (Path p : written) {
      System.out.println("wrote " + p);
    }
    return 0;
  }

  /**
   * Fuses with the chosen strategy; a non-default strategy that throws is disabled and the
   * default fusion takes over with a warning (AtmosFusionStrategy is a non-critical plugin kind).
   */
  private FusedProfile fuse(List<AtmosphericRaw> raws, SourceRequest request, FusionConfig cfg)
      throws InputException {
    if (fusion.equals(DefaultAtmosFusion.NAME)) {
      return new DefaultAtmosFusion(cfg).fuse(raws, request);
    }
    AtmosFusionStrategy strategy;
    try {
      strategy = PluginRegistry.fusionStrategy(fusion);
    } catch (IllegalArgumentException e) {
      throw new InputException("(command line)", "--fusion", e.getMessage());
    }
    try {
      return strategy.fuse(raws, request);
    } catch (RuntimeException | LinkageError e) {
      PluginWarnings.warn("AtmosFusionStrategy plugin '" + fusion + "' failed: "
          + PluginFailureException.describe(e) + "; disabled, baseline "
          + DefaultAtmosFusion.NAME + " used");
      return new DefaultAtmosFusion(cfg).fuse(raws, request);
    }
  }

  /**
   * Reads one source into {@code raws}. A plugin that throws an unchecked exception is disabled
   * for the file, with a warning, and the fusion fills the gap from the remaining sources and
   * USSA76 (AtmosphericSource is a non-critical plugin kind); an {@link InputException} is bad
   * input and stops the command.
   */
  private static void load(Path file, SourceKind kind, SourceRequest request,
      List<AtmosphericRaw> raws) throws InputException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InputException(file, "", "file not found");
    }
    AtmosphericSource src = AtmosphericSources.forFile(file, kind).orElseThrow(() ->
        new InputException(file, "", "no atmospheric source plugin reads this file as "
            + kind.label()));
    try {
      raws.add(src.load(file, request));
    } catch (RuntimeException | LinkageError e) {
      PluginWarnings.warn("AtmosphericSource plugin '" + src.manifest().name() + "' failed on "
          + file + ": " + PluginFailureException.describe(e) + "; disabled for this file, the "
          + "other sources and the USSA76 baseline fill the profile");
    }
  }
}
