package org.darkflight.io.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.json.Json;
import org.darkflight.io.run.MetricsDocument;

/**
 * What ParityGuard compares with the goldens: the landing outputs of one run, read from its
 * {@value GeoSchemas#POINTS_FILE} (streamed, one feature at a time) and, when present, its
 * {@value MetricsDocument#FILE}. Per fragment id: the number of landed samples and the mean
 * landing latitude/longitude, fall time (landing time minus the luminous-end time of the file's
 * {@code meta}), impact speed and final mass. A nominal run has one sample per fragment, so the
 * means are that sample's values.
 *
 * @param source    the points file read
 * @param eventId   {@code meta.event_id} of the points file
 * @param fragments landed fragments by fragment id (sorted)
 * @param runtimeS  {@code total_runtime_s} of the run's metrics.json, or null without one
 * @param runtimeNote where the runtime came from, or why there is none
 */
public record RunResults(Path source, String eventId, Map<String, FragmentLanding> fragments,
    Double runtimeS, String runtimeNote) {

  public RunResults {
    fragments = Map.copyOf(new TreeMap<>(fragments));
  }

  /**
   * The landed samples of one fragment, averaged.
   *
   * @param samples        landed samples of the fragment
   * @param latitudeDeg    mean landing latitude, degrees WGS84
   * @param longitudeDeg   mean landing longitude, degrees WGS84
   * @param fallTimeS      mean fall time from the luminous end to the ground, s
   * @param impactSpeedMps mean impact speed, m/s
   * @param massFinalKg    mean final (landed) mass, kg
   */
  public record FragmentLanding(long samples, double latitudeDeg, double longitudeDeg,
      double fallTimeS, double impactSpeedMps, double massFinalKg) {}

  /**
   * Reads {@code dir/strewn_field_points.geojson} and, if present, {@code dir/metrics.json}.
   *
   * @throws InputException naming file, field and reason when the points file is missing or
   *                        lacks a field the comparison needs
   */
  public static RunResults readRunDir(Path dir) throws IOException, InputException {
    Path points = dir.resolve(GeoSchemas.POINTS_FILE);
    if (!Files.isRegularFile(points)) {
      throw new InputException(points, "(file)", "missing: not a run output directory "
          + "(darkflight run --out DIR writes it)");
    }
    Path metrics = dir.resolve(MetricsDocument.FILE);
    if (!Files.isRegularFile(metrics)) {
      return read(points, null, "the run directory has no " + MetricsDocument.FILE);
    }
    JsonNode m = Json.mapper().readTree(metrics.toFile());
    JsonNode total = m.path("total_runtime_s");
    if (!total.isNumber()) {
      throw new InputException(metrics, "total_runtime_s", "missing or not a number");
    }
    return read(points, total.asDouble(), "total_runtime_s of " + MetricsDocument.FILE);
  }

  /**
   * Reads a strewn-field points GeoJSON.
   *
   * @param runtimeS    the run's runtime, s, or null
   * @param runtimeNote where the runtime came from, or why there is none
   */
  public static RunResults read(Path points, Double runtimeS, String runtimeNote)
      throws IOException, InputException {
    JsonNode meta = null;
    Map<String, Sums> sums = new TreeMap<>();
    java.util.List<JsonNode> pending = new java.util.ArrayList<>();
    // streamed: the reader must not insist that a feature is the last token of the file
    ObjectReader reader = Json.mapper().reader()
        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    try (JsonParser p = reader.createParser(points.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(points, "(json)", "not a GeoJSON FeatureCollection object");
      }
      Instant start = null;
      long i = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("meta".equals(field)) {
          meta = reader.readTree(p);
          start = startTime(points, meta);
          for (JsonNode f : pending) {
            feature(points, i++, f, start, sums);
          }
          pending.clear();
        } else if ("features".equals(field)) {
          if (v != JsonToken.START_ARRAY) {
            throw new InputException(points, "features", "not an array");
          }
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode f = reader.readTree(p);
            if (start == null) {
              pending.add(f); // meta after the features: keep them until it is read
            } else {
              feature(points, i++, f, start, sums);
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(points, "(json)", e.getOriginalMessage(), e);
    }
    if (meta == null) {
      throw new InputException(points, "meta", "missing: not a Darkflight strewn-field file");
    }
    JsonNode eventId = meta.path("event_id");
    if (!eventId.isTextual()) {
      throw new InputException(points, "meta.event_id", "missing or not a string");
    }
    Map<String, FragmentLanding> out = new TreeMap<>();
    sums.forEach((id, s) -> out.put(id, s.mean()));
    return new RunResults(points, eventId.asText(), out, runtimeS, runtimeNote);
  }

  private static Instant startTime(Path file, JsonNode meta) throws InputException {
    JsonNode t = meta.path("luminous_end").path("time_utc");
    try {
      return Instant.parse(t.asText());
    } catch (DateTimeParseException e) {
      throw new InputException(file, "meta.luminous_end.time_utc",
          "missing or not an ISO-8601 UTC time", e);
    }
  }

  private static void feature(Path file, long i, JsonNode f, Instant start,
      Map<String, Sums> sums) throws InputException {
    String where = "features[" + i + "]";
    JsonNode props = f.path("properties");
    JsonNode id = props.path("fragment_id");
    if (!id.isTextual() || id.asText().isEmpty()) {
      throw new InputException(file, where + ".properties.fragment_id", "missing or empty");
    }
    JsonNode c = f.path("geometry").path("coordinates");
    double lon = number(file, c.path(0), where + ".geometry.coordinates[0]");
    double lat = number(file, c.path(1), where + ".geometry.coordinates[1]");
    double speed = number(file, props.path("impact_speed_mps"),
        where + ".properties.impact_speed_mps");
    double mass = number(file, props.path("mass_final_kg"), where + ".properties.mass_final_kg");
    Instant landed;
    try {
      landed = Instant.parse(props.path("landing_time_utc").asText());
    } catch (DateTimeParseException e) {
      throw new InputException(file, where + ".properties.landing_time_utc",
          "missing or not an ISO-8601 UTC time", e);
    }
    Duration d = Duration.between(start, landed);
    double fall = d.getSeconds() + d.getNano() / 1e9;
    sums.computeIfAbsent(id.asText(), k -> new Sums()).add(lat, lon, fall, speed, mass);
  }

  private static double number(Path file, JsonNode v, String field) throws InputException {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new InputException(file, field, "missing or not a finite number");
    }
    return v.asDouble();
  }

  /** Running sums of one fragment. */
  private static final class Sums {
    long n;
    double lat;
    double lon;
    double fall;
    double speed;
    double mass;

    void add(double la, double lo, double f, double s, double m) {
      n++;
      lat += la;
      lon += lo;
      fall += f;
      speed += s;
      mass += m;
    }

    FragmentLanding mean() {
      return new FragmentLanding(n, lat / n, lon / n, fall / n, speed / n, mass / n);
    }
  }
}
