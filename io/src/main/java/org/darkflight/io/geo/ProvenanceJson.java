package org.darkflight.io.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The provenance object shared by every geospatial output (docs/outputs.md canonical {@code meta} and
 * §7.5): the GeoJSON top-level {@code meta} member and the JSON snippet in the KML Document
 * description carry the same keys, in this fixed order.
 */
public final class ProvenanceJson {

  private static final JsonFactory JSON = new JsonFactory();

  private ProvenanceJson() {}

  /** ISO-8601 UTC text of an instant, e.g. {@code 2026-11-25T17:05:08Z} (fraction only if any). */
  public static String instant(java.time.Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /**
   * Writes the provenance object (the generator must be positioned where a value may go).
   *
   * @param product        artifact name without extension, e.g. {@code strewn_field_points}
   * @param schemaVersion  schema version of that artifact
   * @param decimals       decimals of the coordinates in the artifact
   */
  public static void write(JsonGenerator g, RunInfo run, String product, String schemaVersion,
      int decimals) throws IOException {
    g.writeStartObject();
    g.writeStringField("schema_version", schemaVersion);
    g.writeStringField("product", product);
    g.writeStringField("created_utc", instant(run.createdUtc()));
    g.writeStringField("producer", run.producer());
    g.writeStringField("event_id", run.eventId());
    g.writeStringField("run_id", run.runId());
    if (run.gitCommit() == null) {
      g.writeNullField("git_commit");
    } else {
      g.writeStringField("git_commit", run.gitCommit());
    }
    g.writeStringField("validation_status", run.validationStatus());
    g.writeStringField("coordinate_reference_system", "EPSG:4326");
    g.writeNumberField("coordinate_precision_decimals", decimals);
    g.writeObjectFieldStart("luminous_end");
    g.writeFieldName("latitude_deg");
    g.writeNumber(GeoNumbers.coordinate(run.luminousEndLatitudeDeg(), decimals));
    g.writeFieldName("longitude_deg");
    g.writeNumber(GeoNumbers.coordinate(run.luminousEndLongitudeDeg(), decimals));
    g.writeFieldName("altitude_m");
    g.writeNumber(GeoNumbers.quantity(run.luminousEndAltitudeM()));
    g.writeStringField("time_utc", instant(run.luminousEndTimeUtc()));
    g.writeEndObject();
    g.writeArrayFieldStart("inputs");
    for (ArtifactRef a : run.artifacts()) {
      g.writeStartObject();
      g.writeStringField("path", a.path());
      g.writeStringField("sha256", a.sha256());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("summary");
    for (Map.Entry<String, String> e : run.summary().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * The provenance object as JSON text, indented by two spaces with LF line ends (fixed, whatever
   * the platform's line separator).
   */
  public static String toJson(RunInfo run, String product, String schemaVersion, int decimals) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      DefaultIndenter indent = new DefaultIndenter("  ", "\n");
      g.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(indent).withArrayIndenter(indent));
      write(g, run, product, schemaVersion, decimals);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
