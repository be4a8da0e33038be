package org.darkflight.io.nexrad;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * {@link AtmosphericSource} deriving VAD winds from a NEXRAD Level II volume with Darkflight's own
 * fit ({@link Level2Vad}). Winds only; σ_u = σ_v = the fit's RMS residual per level.
 *
 * <p>The volume must lie within {@link #MAX_EVENT_OFFSET} of the event: radar winds override
 * every other source inside their height band (docs/atmosphere.md, fusion step 4), so a stale
 * volume would silently replace fresher soundings or model winds. The same bound is the fusion's
 * {@code source_distant} threshold.
 */
public final class Level2VadSource implements AtmosphericSource {

  /** Plugin name. */
  public static final String NAME = "nexrad-level2-vad";
  /** Largest time between a radar volume used for winds and the event. */
  public static final Duration MAX_EVENT_OFFSET = Duration.ofHours(6);

  @Override
  public PluginManifest manifest() {
    return new PluginManifest(NAME, "1.0", List.of("AtmosphericSource"), null);
  }

  @Override
  public SourceKind kind() {
    return SourceKind.RADAR_VAD;
  }

  @Override
  public boolean accepts(Path file) {
    return NexradFiles.level2Format(file) != null;
  }

  @Override
  public AtmosphericRaw load(Path file, SourceRequest request) throws InputException {
    return load(file, request, Level2Reader.Expectation.none());
  }

  /**
   * Reads the volume (checked against {@code expect} and the event's time window), fits the VAD
   * profile and returns it.
   *
   * @throws InputException for a bad volume or when no ring passes quality control
   */
  public static AtmosphericRaw load(Path file, SourceRequest request,
      Level2Reader.Expectation expect) throws InputException {
    Level2Volume volume = Level2Reader.read(file, Level2Reader.around(expect,
        request.eventTime(), MAX_EVENT_OFFSET, "the event time"));
    if (volume.velocity().isEmpty()) {
      throw new InputException(file, "RadialVelocity", "the volume has no radial-velocity sweep"
          + " (surveillance cuts only?); no VAD winds");
    }
    Level2Vad.Result vad = Level2Vad.fit(volume, Level2Vad.Settings.DEFAULTS);
    if (vad.levels().isEmpty()) {
      throw new InputException(file, "RadialVelocity", "no VAD ring passed quality control ("
          + vad.rings().size() + " rings; rejected: " + vad.rejections() + "); no VAD winds");
    }
    List<SourceLevel> levels = new ArrayList<>();
    for (Level2Vad.Level l : vad.levels()) {
      levels.add(SourceLevel.windOnly(l.altitudeM(), l.windUMps(), l.windVMps(), Double.NaN,
          l.sigmaMps(), l.sigmaMps()));
    }
    return new AtmosphericRaw(NAME + ":" + file.getFileName(), SourceKind.RADAR_VAD,
        file.toString(), volume.firstRadial(), volume.site().latitudeDeg(),
        volume.site().longitudeDeg(), levels, metadata(volume, vad));
  }

  private static Map<String, String> metadata(Level2Volume v, Level2Vad.Result vad) {
    Level2Vad.Settings s = Level2Vad.Settings.DEFAULTS;
    Map<String, String> md = new LinkedHashMap<>();
    md.put("format", "NEXRAD Level II " + v.format() + " (netCDF-Java 4.5.5 nexrad2)");
    md.put("radar_site_id", v.site().id());
    md.put("site_position", String.format(Locale.ROOT, "%.5f, %.5f, antenna %.1f m above mean "
        + "sea level, from %s", v.site().latitudeDeg(), v.site().longitudeDeg(),
        v.site().antennaHeightM(), v.site().positionSource()));
    md.put("volume", v.describe());
    StringJoiner sweeps = new StringJoiner(", ");
    for (Level2Sweep sw : v.velocity()) {
      sweeps.add(String.format(Locale.ROOT, "%.2f deg (cut %d, Nyquist %.1f m/s)",
          sw.medianElevationDeg(), sw.elevationNumber(), sw.nyquistMps()));
    }
    md.put("velocity_sweeps", sweeps.toString());
    md.put("method", String.format(Locale.ROOT, "Darkflight VAD (Browning & Wexler 1968): "
        + "%.0f m height rings, slant range %.0f-%.0f km, two passes (2 RMS), at least %d gates,"
        + " RMS <= %.1f m/s, azimuth gap <= 90 deg; sigma_u = sigma_v = RMS residual",
        s.binM(), s.minRangeM() / 1000, s.maxRangeM() / 1000, s.minGates(), s.maxRmsMps()));
    long used = vad.rings().stream().filter(r -> r.rejected() == null).count();
    md.put("vad_rings", vad.rings().size() + " fitted, " + used + " used, rejected "
        + vad.rejections());
    double[] rms = vad.rings().stream().filter(r -> r.rejected() == null)
        .mapToDouble(Level2Vad.Ring::rmsMps).sorted().toArray();
    md.put("vad_rms_residual_mps", String.format(Locale.ROOT, "median %.2f, max %.2f",
        rms[rms.length / 2], rms[rms.length - 1]));
    StringJoiner flags = new StringJoiner("; ");
    for (Level2Vad.Level l : vad.levels()) {
      if (!l.flags().isEmpty()) {
        flags.add(String.format(Locale.ROOT, "%.0f m: %s", l.altitudeM(),
            String.join(",", l.flags())));
      }
    }
    md.put("vad_level_flags", flags.length() == 0 ? "none" : flags.toString());
    return md;
  }
}
