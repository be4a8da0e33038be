package org.darkflight.io.searchplan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.ArtifactRef;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.RunInfo;

/**
 * The landings of a run directory, read from its {@value GeoSchemas#POINTS_FILE} (streamed, one
 * feature at a time; 16 bytes kept per landing): the provenance {@code meta} as a
 * {@link RunInfo}, and per populated mass class the landing positions in file order.
 *
 * @param run      the run's provenance (the file's {@code meta})
 * @param classes  populated mass classes, by index
 */
public record RunLandings(RunInfo run, List<ClassLandings> classes) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public RunLandings {
    classes = List.copyOf(classes);
  }

  /**
   * The landings of one mass class.
   *
   * @param massClassIndex  class index, 0 = lightest
   * @param massClass       its label
   * @param latitudeDeg     landing latitudes, degrees
   * @param longitudeDeg    landing longitudes, degrees (same order)
   */
  public record ClassLandings(int massClassIndex, String massClass, double[] latitudeDeg,
      double[] longitudeDeg) {
    public ClassLandings {
      if (latitudeDeg.length != longitudeDeg.length) {
        throw new IllegalArgumentException("one longitude per latitude");
      }
      latitudeDeg = latitudeDeg.clone();
      longitudeDeg = longitudeDeg.clone();
    }

    /** Number of landings. */
    public int size() {
      return latitudeDeg.length;
    }

    /** Landing {@code i}. */
    public LatLon position(int i) {
      return new LatLon(latitudeDeg[i], longitudeDeg[i]);
    }
  }

  /**
   * Reads {@code dir/strewn_field_points.geojson}.
   *
   * @throws InputException naming the file, the field and the reason when the file is missing or
   *                        not a strewn-field points GeoJSON
   */
  public static RunLandings read(Path dir) throws IOException, InputException {
    Path file = dir.resolve(GeoSchemas.POINTS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, "(file)", "missing: not a run output directory?");
    }
    JsonNode meta = null;
    TreeMap<Integer, Builder> byClass = new TreeMap<>();
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(file, "(json)", "not a GeoJSON FeatureCollection object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("meta".equals(field)) {
          meta = p.readValueAsTree();
        } else if ("features".equals(field)) {
          if (v != JsonToken.START_ARRAY) {
            throw new InputException(file, "features", "not an array");
          }
          long i = 0;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            feature(file, i++, p.readValueAsTree(), byClass);
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(file, "(json)", e.getOriginalMessage(), e);
    }
    if (meta == null) {
      throw new InputException(file, "meta", "missing");
    }
    List<ClassLandings> classes = new ArrayList<>();
    byClass.forEach((k, b) -> classes.add(b.build(k)));
    return new RunLandings(runInfo(file, meta), classes);
  }

  private static void feature(Path file, long i, JsonNode f, Map<Integer, Builder> byClass)
      throws InputException {
    String where = "features[" + i + "]";
    JsonNode props = f.path("properties");
    JsonNode idx = props.path("mass_class_index");
    if (!idx.isIntegralNumber() || idx.asInt() < 0) {
      throw new InputException(file, where + ".properties.mass_class_index",
          "missing or not an integer >= 0");
    }
    JsonNode label = props.path("mass_class");
    if (!label.isTextual() || label.asText().isBlank()) {
      throw new InputException(file, where + ".properties.mass_class", "missing or empty");
    }
    JsonNode c = f.path("geometry").path("coordinates");
    double lon = number(file, c.path(0), where + ".geometry.coordinates[0]");
    double lat = number(file, c.path(1), where + ".geometry.coordinates[1]");
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      throw new InputException(file, where + ".geometry.coordinates",
          "not a WGS84 longitude/latitude");
    }
    Builder b = byClass.computeIfAbsent(idx.asInt(), k -> new Builder(label.asText()));
    if (!b.label.equals(label.asText())) {
      throw new InputException(file, where + ".properties.mass_class", "class "
          + idx.asInt() + " is labelled both '" + b.label + "' and '" + label.asText() + "'");
    }
    b.add(lat, lon);
  }

  /** The provenance object of a Darkflight GeoJSON as a {@link RunInfo}. */
  static RunInfo runInfo(Path file, JsonNode meta) throws InputException {
    try {
      JsonNode le = meta.path("luminous_end");
      List<ArtifactRef> inputs = new ArrayList<>();
      for (JsonNode in : meta.path("inputs")) {
        inputs.add(new ArtifactRef(in.path("path").asText(), in.path("sha256").asText()));
      }
      Map<String, String> summary = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = meta.path("summary").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        summary.put(e.getKey(), e.getValue().asText());
      }
      JsonNode commit = meta.path("git_commit");
      return new RunInfo(text(file, meta, "event_id"), text(file, meta, "run_id"),
          commit.isTextual() ? commit.asText() : null,
          Instant.parse(text(file, meta, "created_utc")),
          number(file, le.path("latitude_deg"), "meta.luminous_end.latitude_deg"),
          number(file, le.path("longitude_deg"), "meta.luminous_end.longitude_deg"),
          number(file, le.path("altitude_m"), "meta.luminous_end.altitude_m"),
          Instant.parse(text(file, le, "time_utc")), text(file, meta, "producer"), inputs,
          text(file, meta, "validation_status"), summary);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InputException(file, "meta", e.getMessage(), e);
    }
  }

  private static String text(Path file, JsonNode n, String field) throws InputException {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new InputException(file, "meta." + field, "missing or not a non-empty string");
    }
    return v.asText();
  }

  private static double number(Path file, JsonNode v, String field) throws InputException {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new InputException(file, field, "missing or not a finite number");
    }
    return v.asDouble();
  }

  /** Growing coordinate arrays of one class. */
  private static final class Builder {
    final String label;
    double[] lat = new double[64];
    double[] lon = new double[64];
    int n;

    Builder(String label) {
      this.label = label;
    }

    void add(double la, double lo) {
      if (n == lat.length) {
        lat = Arrays.copyOf(lat, n * 2);
        lon = Arrays.copyOf(lon, n * 2);
      }
      lat[n] = la;
      lon[n] = lo;
      n++;
    }

    ClassLandings build(int index) {
      return new ClassLandings(index, label, Arrays.copyOf(lat, n), Arrays.copyOf(lon, n));
    }
  }
}
