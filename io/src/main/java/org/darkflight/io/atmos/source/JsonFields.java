package org.darkflight.io.atmos.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.darkflight.io.InputException;
import org.darkflight.io.json.JsonSchemas;

/**
 * Small helpers for the atmospheric JSON readers: typed access to fields with one-line
 * {@link InputException}s naming the file, the JSON pointer and the reason. Schema validation
 * comes first; these add the checks a schema cannot express and give SI values.
 */
public final class JsonFields {

  private JsonFields() {}

  /**
   * Reads a JSON file strictly (IO's shared mapper: no NaN, no duplicate keys) and validates it
   * against {@code schemas/<schema>.schema.json}.
   */
  public static JsonNode readValidated(Path file, String schema) throws InputException {
    return JsonSchemas.readValidated(file, schema);
  }

  /** A required object member. */
  public static JsonNode object(JsonNode parent, String name, String pointer, String file)
      throws InputException {
    JsonNode n = parent.get(name);
    if (n == null || !n.isObject()) {
      throw new InputException(file, pointer + "/" + name, n == null ? "required object missing"
          : "must be an object");
    }
    return n;
  }

  /** A required array member. */
  public static JsonNode array(JsonNode parent, String name, String pointer, String file)
      throws InputException {
    JsonNode n = parent.get(name);
    if (n == null || !n.isArray()) {
      throw new InputException(file, pointer + "/" + name, n == null ? "required array missing"
          : "must be an array");
    }
    return n;
  }

  /** A required finite number. */
  public static double number(JsonNode parent, String name, String pointer, String file)
      throws InputException {
    JsonNode n = parent.get(name);
    if (n == null || n.isNull()) {
      throw new InputException(file, pointer + "/" + name, "required number missing");
    }
    return finite(n, pointer + "/" + name, file);
  }

  /** An optional finite number, NaN when absent. */
  public static double optNumber(JsonNode parent, String name, String pointer, String file)
      throws InputException {
    JsonNode n = parent.get(name);
    if (n == null) {
      return Double.NaN;
    }
    return finite(n, pointer + "/" + name, file);
  }

  private static double finite(JsonNode n, String pointer, String file) throws InputException {
    if (!n.isNumber()) {
      throw new InputException(file, pointer, "must be a number, got " + n.getNodeType()
          + (n.isTextual() && n.asText().toLowerCase(java.util.Locale.ROOT).contains("nan")
              ? " (NaN is not a value)" : ""));
    }
    double d = n.asDouble();
    if (!Double.isFinite(d)) {
      throw new InputException(file, pointer, "must be finite");
    }
    return d;
  }

  /** A required string. */
  public static String text(JsonNode parent, String name, String pointer, String file)
      throws InputException {
    JsonNode n = parent.get(name);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw new InputException(file, pointer + "/" + name, n == null ? "required string missing"
          : "must be a non-empty string");
    }
    return n.asText();
  }

  /** A required ISO-8601 UTC instant. */
  public static Instant instant(JsonNode parent, String name, String pointer, String file)
      throws InputException {
    String s = text(parent, name, pointer, file);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new InputException(file, pointer + "/" + name,
          "not an ISO-8601 UTC time (e.g. 2003-03-27T05:50:26Z): '" + s + "'");
    }
  }

  /** {@code location: {lat, lon}} under {@code parent}; returns {lat, lon}. */
  public static double[] location(JsonNode parent, String pointer, String file)
      throws InputException {
    JsonNode loc = object(parent, "location", pointer, file);
    double lat = number(loc, "lat", pointer + "/location", file);
    double lon = number(loc, "lon", pointer + "/location", file);
    if (lat < -90 || lat > 90) {
      throw new InputException(file, pointer + "/location/lat", "outside [-90, 90]: " + lat);
    }
    if (lon < -180 || lon > 360) {
      throw new InputException(file, pointer + "/location/lon", "outside [-180, 360]: " + lon);
    }
    return new double[] {lat, lon};
  }
}
