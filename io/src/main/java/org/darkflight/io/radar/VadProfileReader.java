package org.darkflight.io.radar;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.JsonFields;
import org.darkflight.io.atmos.source.Plausibility;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;

/**
 * Reads a radar VAD wind profile ({@code radar_vad/*.json}, {@code schemas/radar_vad.schema.json}):
 * {@code source = "radar_vad"}, the radar and volume time, and levels of {@code altitude_m},
 * {@code u}, {@code v} (m/s) with optional {@code w}, {@code sigma_u}, {@code sigma_v}. Winds only:
 * temperature and pressure come from other sources.
 */
public final class VadProfileReader {

  /** The required value of {@code source}. */
  public static final String SOURCE = "radar_vad";

  private VadProfileReader() {}

  public static AtmosphericRaw read(Path path, String sourceId) throws InputException {
    String file = path.toString();
    JsonNode root = JsonFields.readValidated(path, "radar_vad");
    if (!root.isObject()) {
      throw new InputException(file, "", "must be a JSON object");
    }
    String source = JsonFields.text(root, "source", "", file);
    if (!SOURCE.equals(source)) {
      throw new InputException(file, "/source", "must be \"radar_vad\", got \"" + source + "\"");
    }
    String site = JsonFields.text(root, "radar_site_id", "", file);
    Instant time = JsonFields.instant(root, "volume_time_utc", "", file);
    double[] loc = JsonFields.location(root, "", file);
    JsonNode levelsNode = JsonFields.array(root, "levels", "", file);
    if (levelsNode.isEmpty()) {
      throw new InputException(file, "/levels", "needs at least one level");
    }
    List<SourceLevel> levels = new ArrayList<>();
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < levelsNode.size(); i++) {
      String p = "/levels/" + i;
      JsonNode l = levelsNode.get(i);
      if (!l.isObject()) {
        throw new InputException(file, p, "must be an object");
      }
      if (l.has("source") && !SOURCE.equals(l.get("source").asText())) {
        throw new InputException(file, p + "/source", "must be \"radar_vad\"");
      }
      double z = JsonFields.number(l, "altitude_m", p, file);
      if (!(z > last)) {
        throw new InputException(file, p + "/altitude_m", z == last
            ? "duplicate level at " + z + " m"
            : "levels not sorted: altitude must increase (" + z + " after " + last + " m)");
      }
      last = z;
      double u = JsonFields.number(l, "u", p, file);
      double v = JsonFields.number(l, "v", p, file);
      double w = JsonFields.optNumber(l, "w", p, file);
      double su = JsonFields.optNumber(l, "sigma_u", p, file);
      double sv = JsonFields.optNumber(l, "sigma_v", p, file);
      Plausibility.wind(file, p + "/u", u);
      Plausibility.wind(file, p + "/v", v);
      if (su < 0 || sv < 0) {
        throw new InputException(file, p + (su < 0 ? "/sigma_u" : "/sigma_v"), "must be >= 0");
      }
      levels.add(SourceLevel.windOnly(z, u, v, w, su, sv));
    }
    Map<String, String> md = new LinkedHashMap<>();
    md.put("format", "radar_vad");
    md.put("radar_site_id", site);
    return new AtmosphericRaw(sourceId, SourceKind.RADAR_VAD, file, time, loc[0], loc[1], levels,
        md);
  }
}
