package org.darkflight.analysis.uq;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.darkflight.io.InputException;
import org.darkflight.analysis.uq.Find;

/**
 * Reads {@code finds.json} (schema {@code schemas/finds.schema.json}): recovered meteorites with
 * latitude, longitude (degrees, WGS84), mass (kg) and 1-σ position uncertainty (m).
 */
public final class FindsFiles {

  private FindsFiles() {}

  /** Reads and checks the finds; bad input names file, field and reason. */
  public static List<Find> read(Path file) throws InputException {
    String name = file.toString();
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(name, "(file)", "not readable JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("finds").isArray()) {
      throw new InputException(name, "finds", "must be an array of finds");
    }
    List<Find> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int i = 0;
    for (JsonNode f : root.get("finds")) {
      String at = "finds[" + i++ + "]";
      String id = text(name, f, at + ".id");
      if (!ids.add(id)) {
        throw new InputException(name, at + ".id", "duplicate id " + id);
      }
      double lat = number(name, f, at, "latitude_deg");
      double lon = number(name, f, at, "longitude_deg");
      double mass = number(name, f, at, "mass_kg");
      double sigma = number(name, f, at, "position_sigma_m");
      if (!(lat >= -90 && lat <= 90)) {
        throw new InputException(name, at + ".latitude_deg", "must be in [-90, 90]");
      }
      if (!(lon >= -180 && lon <= 180)) {
        throw new InputException(name, at + ".longitude_deg", "must be in [-180, 180]");
      }
      if (!(mass > 0)) {
        throw new InputException(name, at + ".mass_kg", "must be > 0");
      }
      if (!(sigma > 0)) {
        throw new InputException(name, at + ".position_sigma_m", "must be > 0");
      }
      out.add(new Find(id, lat, lon, mass, sigma));
    }
    return out;
  }

  private static String text(String file, JsonNode f, String field) throws InputException {
    JsonNode v = f.get("id");
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new InputException(file, field, "must be a non-empty string");
    }
    return v.asText();
  }

  private static double number(String file, JsonNode f, String at, String key)
      throws InputException {
    JsonNode v = f.get(key);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new InputException(file, at + "." + key, "must be a finite number");
    }
    return v.asDouble();
  }
}
