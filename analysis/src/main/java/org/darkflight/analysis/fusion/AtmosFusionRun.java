package org.darkflight.analysis.fusion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.darkflight.analysis.atmos.AtmosFusionStrategy;
import org.darkflight.analysis.atmos.DefaultAtmosFusion;
import org.darkflight.analysis.atmos.FusedProfile;
import org.darkflight.analysis.atmos.FusionConfig;
import org.darkflight.analysis.ensemble.CheckLimits;
import org.darkflight.analysis.ensemble.InputChecks;
import org.darkflight.analysis.plugins.PluginRegistry;
import org.darkflight.io.InputException;
import org.darkflight.io.PluginWarnings;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.atmos.source.AtmosphericSources;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.io.radar.RadarMetadata;
import org.darkflight.io.radar.RadarMetadataReader;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.plugin.PluginFailureException;

/**
 * One fusion of atmospheric source files at an event's luminous end: {@code darkflight atmos}
 * (sources from its options) and stage S2 of {@code darkflight process} (sources from the event
 * directory) run exactly this. Every file is read and checked before anything is fused; nothing
 * is written here.
 */
public final class AtmosFusionRun {

  /** Default of {@code --top-m}: the profile is filled with USSA76 up to this altitude, m. */
  public static final double DEFAULT_TOP_M = 40000;
  /** Default of {@code --shear-limit}: wind shear above it is smoothed, 1/s. */
  public static final double DEFAULT_SHEAR_LIMIT_PER_S = 0.04;

  /**
   * The source files.
   *
   * @param sondes        radiosondes (UWyo TEXT:LIST page or radiosonde JSON)
   * @param models        weather-model netCDF files
   * @param vads          radar winds (VAD JSON, NEXRAD NVW or Level II)
   * @param radarMetadata radar_metadata.json whose site the VAD files must match, or null
   * @param origin        where the sources were named, for messages: {@code (command line)} or
   *                      the event directory
   * @param field         how they were named there: {@code --sonde/--model/--vad} or the
   *                      folders
   */
  public record Sources(List<Path> sondes, List<Path> models, List<Path> vads,
      Path radarMetadata, String origin, String field) {
    public Sources {
      sondes = List.copyOf(sondes);
      models = List.copyOf(models);
      vads = List.copyOf(vads);
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(field, "field");
    }

    /** Whether no source file is given. */
    public boolean isEmpty() {
      return sondes.isEmpty() && models.isEmpty() && vads.isEmpty();
    }
  }

  /**
   * How to fuse.
   *
   * @param topM              fill the profile up to this altitude with USSA76, m
   * @param shearLimitPerS    smooth wind shear above this, 1/s
   * @param fusion            the AtmosFusionStrategy plugin's name
   */
  public record Settings(double topM, double shearLimitPerS, String fusion) {
    /** The defaults of {@code darkflight atmos}. */
    public static final Settings DEFAULTS = new Settings(DEFAULT_TOP_M,
        DEFAULT_SHEAR_LIMIT_PER_S, DefaultAtmosFusion.NAME);
  }

  /**
   * A fused profile and how many sources went into it.
   *
   * @param profile the fused profile
   * @param sources the sources read (a plugin that failed on a file is left out, with a warning)
   */
  public record Result(FusedProfile profile, int sources) {}

  private AtmosFusionRun() {}

  /**
   * Reads, checks and fuses.
   *
   * @throws InputException naming file, field and reason: no source, an unreadable one, every
   *                        source too far off (all in one message), a VAD site mismatch
   */
  public static Result fuse(Sources s, LuminousEnd le, Settings settings, CheckLimits limits)
      throws InputException {
    SourceRequest request = new SourceRequest(le.timeUtc(), le.latitudeDeg(), le.longitudeDeg());
    if (s.isEmpty()) {
      throw new InputException(s.origin(), s.field(), "give at least one atmospheric source");
    }
    List<AtmosphericRaw> raws = new ArrayList<>();
    for (Path p : s.sondes()) {
      load(p, SourceKind.RADIOSONDE, request, raws);
    }
    for (Path p : s.models()) {
      load(p, SourceKind.MODEL, request, raws);
    }
    for (Path p : s.vads()) {
      load(p, SourceKind.RADAR_VAD, request, raws);
    }
    if (raws.isEmpty()) {
      throw new InputException(s.origin(), s.field(), "every atmospheric "
          + "source plugin failed (see the warnings); refusing to fuse a profile from the "
          + "standard atmosphere alone");
    }
    checkSources(raws, le, limits);
    if (s.radarMetadata() != null) {
      RadarMetadata meta = RadarMetadataReader.read(s.radarMetadata());
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
      cfg = FusionConfig.DEFAULTS.withTopAltitudeM(settings.topM())
          .withShearLimitPerS(settings.shearLimitPerS());
    } catch (IllegalArgumentException e) {
      throw new InputException(s.origin(), "--top-m/--shear-limit", e.getMessage());
    }
    return new Result(fuse(raws, request, cfg, settings.fusion(), s.origin()), raws.size());
  }

  /**
   * Refuses (exit 2) every source further from the event in place or time than the limits
   * allow, all in one message, before anything is fused or written (issue 16 §3).
   */
  private static void checkSources(List<AtmosphericRaw> raws, LuminousEnd le,
      CheckLimits limits) throws InputException {
    List<InputException> problems = new ArrayList<>();
    for (AtmosphericRaw r : raws) {
      double km = InputChecks.distanceKm(le.latitudeDeg(), le.longitudeDeg(), r.latDeg(),
          r.lonDeg());
      if (km > limits.profileMaxKm()) {
        problems.add(new InputException(r.file(), "", InputChecks.distanceMessage(
            "this source", km, limits.profileMaxKm())));
      }
      double hours = Math.abs(InputChecks.hours(r.validTime(), le.timeUtc()));
      if (hours > limits.profileMaxHours()) {
        problems.add(new InputException(r.file(), "", InputChecks.gapMessage("this source",
            r.validTime(), le.timeUtc(), limits.profileMaxHours())));
      }
    }
    if (!problems.isEmpty()) {
      throw InputException.of(problems);
    }
  }

  /**
   * Fuses with the chosen strategy; a non-default strategy that throws is disabled and the
   * default fusion takes over with a warning (AtmosFusionStrategy is a non-critical plugin kind).
   */
  private static FusedProfile fuse(List<AtmosphericRaw> raws, SourceRequest request,
      FusionConfig cfg, String fusion, String origin) throws InputException {
    if (fusion.equals(DefaultAtmosFusion.NAME)) {
      return new DefaultAtmosFusion(cfg).fuse(raws, request);
    }
    AtmosFusionStrategy strategy;
    try {
      strategy = PluginRegistry.fusionStrategy(fusion);
    } catch (IllegalArgumentException e) {
      throw new InputException(origin, "--fusion", e.getMessage());
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
   * input and stops the fusion.
   */
  private static void load(Path file, SourceKind kind, SourceRequest request,
      List<AtmosphericRaw> raws) throws InputException {
    if (!Files.isRegularFile(file)) {
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
