package org.darkflight.io.radiosonde;

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
 * Reads a radiosonde JSON file ({@code schemas/radiosonde.schema.json}): like
 * {@code atmos_profile.json} but limited in altitude, with the docs/inputs.md alternatives normalised
 * here: {@code pressure_hPa} → Pa, {@code temperature_C} → K, {@code wind_speed_mps} +
 * {@code wind_dir_deg} (from, clockwise from north) → u, v. Altitudes are geometric metres above
 * mean sea level. Levels must be strictly increasing in altitude.
 */
public final class RadiosondeJsonReader {

  private RadiosondeJsonReader() {}

  /** Reads, validates and normalises one file. */
  public static AtmosphericRaw read(Path path, String sourceId) throws InputException {
    String file = path.toString();
    JsonNode root = JsonFields.readValidated(path, "radiosonde");
    if (!root.isObject()) {
      throw new InputException(file, "", "must be a JSON object");
    }
    JsonNode meta = JsonFields.object(root, "meta", "", file);
    Instant time = JsonFields.instant(meta, "profile_time_utc", "/meta", file);
    double[] loc = JsonFields.location(meta, "/meta", file);
    JsonNode levelsNode = JsonFields.array(root, "levels", "", file);
    if (levelsNode.size() < 2) {
      throw new InputException(file, "/levels", "needs at least two levels, has "
          + levelsNode.size());
    }
    List<SourceLevel> levels = new ArrayList<>();
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < levelsNode.size(); i++) {
      String p = "/levels/" + i;
      JsonNode l = levelsNode.get(i);
      if (!l.isObject()) {
        throw new InputException(file, p, "must be an object");
      }
      double z = JsonFields.number(l, "altitude_m", p, file);
      if (!(z > last)) {
        throw new InputException(file, p + "/altitude_m", z == last
            ? "duplicate level at " + z + " m"
            : "levels not sorted: altitude must increase (" + z + " after " + last + " m)");
      }
      last = z;
      double pressure = either(l, "pressure_Pa", "pressure_hPa", p, file, 100.0, 0.0);
      if (!Double.isNaN(pressure)) {
        Plausibility.pressure(file, p + (l.has("pressure_Pa") ? "/pressure_Pa" : "/pressure_hPa"),
            pressure, z);
      }
      double t = either(l, "temperature_K", "temperature_C", p, file, 1.0,
          SoundingUnits.ZERO_CELSIUS_K);
      if (!Double.isNaN(t)) {
        Plausibility.temperature(file, p + (l.has("temperature_K") ? "/temperature_K"
            : "/temperature_C"), t);
      }
      double u = JsonFields.optNumber(l, "wind_u_mps", p, file);
      double v = JsonFields.optNumber(l, "wind_v_mps", p, file);
      double speed = JsonFields.optNumber(l, "wind_speed_mps", p, file);
      double dir = JsonFields.optNumber(l, "wind_dir_deg", p, file);
      if (Double.isNaN(u) != Double.isNaN(v)) {
        throw new InputException(file, p + (Double.isNaN(u) ? "/wind_u_mps" : "/wind_v_mps"),
            "wind_u_mps and wind_v_mps go together");
      }
      if (Double.isNaN(speed) != Double.isNaN(dir)) {
        throw new InputException(file, p + (Double.isNaN(speed) ? "/wind_speed_mps"
            : "/wind_dir_deg"), "wind_speed_mps and wind_dir_deg go together");
      }
      if (!Double.isNaN(u) && !Double.isNaN(speed)) {
        throw new InputException(file, p, "give either wind_u_mps/wind_v_mps or "
            + "wind_speed_mps/wind_dir_deg, not both");
      }
      if (!Double.isNaN(speed)) {
        if (speed < 0) {
          throw new InputException(file, p + "/wind_speed_mps", "must be >= 0");
        }
        if (dir < 0 || dir > 360) {
          throw new InputException(file, p + "/wind_dir_deg", "outside [0, 360]: " + dir);
        }
        u = SoundingUnits.windU(speed, dir);
        v = SoundingUnits.windV(speed, dir);
      }
      if (!Double.isNaN(u)) {
        Plausibility.wind(file, p + "/wind_u_mps", u);
        Plausibility.wind(file, p + "/wind_v_mps", v);
      }
      levels.add(SourceLevel.of(z, pressure, t, u, v));
    }
    Map<String, String> md = new LinkedHashMap<>();
    md.put("format", "radiosonde-json");
    if (meta.hasNonNull("station_id")) {
      md.put("station_id", meta.get("station_id").asText());
    }
    return new AtmosphericRaw(sourceId, SourceKind.RADIOSONDE, file, time, loc[0], loc[1],
        levels, md);
  }

  private static double either(JsonNode l, String si, String alt, String p, String file,
      double scale, double offset) throws InputException {
    boolean hasSi = l.has(si);
    boolean hasAlt = l.has(alt);
    if (hasSi && hasAlt) {
      throw new InputException(file, p, "give either " + si + " or " + alt + ", not both");
    }
    if (hasSi) {
      return JsonFields.number(l, si, p, file);
    }
    if (hasAlt) {
      return JsonFields.number(l, alt, p, file) * scale + offset;
    }
    return Double.NaN;
  }
}
