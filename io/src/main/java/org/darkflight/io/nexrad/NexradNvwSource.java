package org.darkflight.io.nexrad;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * {@link AtmosphericSource} for the NEXRAD Level III VAD Wind Profile product (NVW, 48), read by
 * {@link NvwReader}. Winds only, at the table's heights above mean sea level; σ_u = σ_v = the
 * row's RMS (converted from knots; none when the product prints "NA", and the fusion then uses
 * its default radar σ). Rows at the same height (the WSR-88D prints a selected-altitude estimate
 * and the optimum-slant-range estimate separately) are merged with weights 1/RMS².
 *
 * <p>As for Level II volumes, the product must lie within
 * {@link Level2VadSource#MAX_EVENT_OFFSET} of the event.
 */
public final class NexradNvwSource implements AtmosphericSource {

  /** Plugin name. */
  public static final String NAME = "nexrad-level3-nvw";

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
    return NexradFiles.level3ProductCode(file) == NexradFiles.PRODUCT_VAD_WIND_PROFILE;
  }

  @Override
  public AtmosphericRaw load(Path file, SourceRequest request) throws InputException {
    NvwReader.Product p = NvwReader.read(file);
    Duration offset = Duration.between(request.eventTime(), p.volumeTime()).abs();
    if (offset.compareTo(Level2VadSource.MAX_EVENT_OFFSET) > 0) {
      throw new InputException(file, "time_coverage_start", "the product's volume started at "
          + p.volumeTime() + ", " + hours(offset) + " h from the event time "
          + request.eventTime() + " (allowed: " + Level2VadSource.MAX_EVENT_OFFSET.toHours()
          + " h)");
    }
    List<SourceLevel> levels = new ArrayList<>();
    List<NvwReader.Row> rows = p.rows().stream()
        .sorted(java.util.Comparator.comparingDouble(NvwReader.Row::altitudeM)).toList();
    int i = 0;
    while (i < rows.size()) {
      int j = i;
      while (j < rows.size() && rows.get(j).altitudeM() == rows.get(i).altitudeM()) {
        j++;
      }
      levels.add(merge(rows.subList(i, j)));
      i = j;
    }
    Map<String, String> md = new LinkedHashMap<>();
    md.put("format", "NEXRAD Level III NVW (product 48, VAD Wind Profile), TabMessagePage "
        + "(netCDF-Java 4.5.5 NIDS)");
    md.put("radar_site_id", p.site().id());
    md.put("site_position", String.format(Locale.ROOT, "%.4f, %.4f, antenna %.1f m above mean "
        + "sea level, from %s", p.site().latitudeDeg(), p.site().longitudeDeg(),
        p.site().antennaHeightM(), p.site().positionSource()));
    md.put("rows", p.rows().size() + " VAD rows, " + levels.size() + " heights");
    md.put("altitude_datum", String.format(Locale.ROOT, "ALT is height above mean sea level: ALT"
        + " minus the beam height above the antenna averages %.1f m, the antenna height is "
        + "%.1f m", p.datumOffsetM(), p.site().antennaHeightM()));
    md.put("sigma", "sigma_u = sigma_v = the row's RMS (knots to m/s)");
    if (!p.parameters().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      p.parameters().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k)
          .append(' ').append(v));
      md.put("rpg_adaptable_parameters", sb.toString());
    }
    return new AtmosphericRaw(NAME + ":" + file.getFileName(), SourceKind.RADAR_VAD,
        file.toString(), p.volumeTime(), p.site().latitudeDeg(), p.site().longitudeDeg(), levels,
        md);
  }

  private static String hours(Duration d) {
    return String.format(Locale.ROOT, "%.1f", d.toMillis() / 3.6e6);
  }

  /** Rows at one height: weights 1/RMS² (equal weights when a row has no RMS). */
  static SourceLevel merge(List<NvwReader.Row> g) {
    boolean allRms = g.stream().allMatch(r -> Double.isFinite(r.rmsMps()) && r.rmsMps() > 0);
    double sw = 0;
    double su = 0;
    double sv = 0;
    for (NvwReader.Row r : g) {
      double w = allRms ? 1.0 / (r.rmsMps() * r.rmsMps()) : 1.0;
      sw += w;
      su += w * r.windUMps();
      sv += w * r.windVMps();
    }
    double sigma = allRms ? Math.sqrt(1.0 / sw) : Double.NaN;
    return SourceLevel.windOnly(g.get(0).altitudeM(), su / sw, sv / sw, Double.NaN, sigma,
        sigma);
  }
}
