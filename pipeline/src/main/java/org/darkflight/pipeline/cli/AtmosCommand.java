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
import org.darkflight.transforms.atmos.AtmosOutputs;
import org.darkflight.transforms.atmos.DefaultAtmosFusion;
import org.darkflight.transforms.atmos.FusedProfile;
import org.darkflight.transforms.atmos.FusionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code darkflight atmos}: AtmoFusion (spec §3.2, §5 S2). Reads the event and every atmospheric
 * source, fuses them at the event's time and place, and writes {@code atmos_profile.json} (usable
 * by {@code darkflight trajectory} and {@code darkflight run}), {@code wind_profile_compiled.json},
 * {@code vertical_grid.json} and {@code atmos_qc.json} into the output directory. All inputs are
 * read and validated before anything is written.
 */
@Command(name = "atmos", mixinStandardHelpOptions = true,
    description = "Fuse radiosondes, weather-model netCDF files and radar VAD winds into the "
        + "event's atmospheric profile.")
public final class AtmosCommand implements DarkflightCommand {

  @Option(names = "--event", required = true, paramLabel = "FILE",
      description = "event.json (its luminous_end time and place select and weight the sources)")
  Path event;

  @Option(names = "--sonde", split = ",", paramLabel = "FILE",
      description = "radiosonde: UWyo TEXT:LIST page or radiosonde JSON (repeatable)")
  List<Path> sondes = new ArrayList<>();

  @Option(names = "--model", split = ",", paramLabel = "FILE",
      description = "weather-model netCDF on pressure levels: ERA5, GFS or HRRR (repeatable)")
  List<Path> models = new ArrayList<>();

  @Option(names = "--vad", split = ",", paramLabel = "FILE",
      description = "radar VAD wind profile radar_vad/*.json (repeatable)")
  List<Path> vads = new ArrayList<>();

  @Option(names = "--radar-metadata", paramLabel = "FILE",
      description = "radar_metadata.json; its radar_site_id must match the VAD files")
  Path radarMetadata;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--top-m", defaultValue = "40000", paramLabel = "M",
      description = "fill the profile up to this altitude with USSA76 (default: ${DEFAULT-VALUE})")
  double topM;

  @Option(names = "--shear-limit", defaultValue = "0.04", paramLabel = "1/S",
      description = "smooth wind shear above this (default: ${DEFAULT-VALUE} per second)")
  double shearLimit;

  public AtmosCommand() {
    // picocli fills the fields
  }

  @Override
  public Integer call() throws Exception {
    Event ev = EventFiles.read(event);
    LuminousEnd le = ev.luminousEnd();
    SourceRequest request = new SourceRequest(le.timeUtc(), le.latitudeDeg(), le.longitudeDeg());
    if (sondes.isEmpty() && models.isEmpty() && vads.isEmpty()) {
      throw new InputException("(command line)", "--sonde/--model/--vad",
          "give at least one atmospheric source");
    }
    List<AtmosphericRaw> raws = new ArrayList<>();
    for (Path p : sondes) {
      raws.add(load(p, SourceKind.RADIOSONDE, request));
    }
    for (Path p : models) {
      raws.add(load(p, SourceKind.MODEL, request));
    }
    for (Path p : vads) {
      raws.add(load(p, SourceKind.RADAR_VAD, request));
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
    FusedProfile fused = new DefaultAtmosFusion(cfg).fuse(raws, request);
    List<Path> written = AtmosOutputs.writeAll(out, fused, ev.eventId());
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

  private static AtmosphericRaw load(Path file, SourceKind kind, SourceRequest request)
      throws InputException {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new InputException(file, "", "file not found");
    }
    AtmosphericSource src = AtmosphericSources.forFile(file, kind).orElseThrow(() ->
        new InputException(file, "", "no atmospheric source plugin reads this file as "
            + kind.label()));
    return src.load(file, request);
  }
}
