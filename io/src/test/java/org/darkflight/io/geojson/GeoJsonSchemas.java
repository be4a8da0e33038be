package org.darkflight.io.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.darkflight.io.json.JsonSchemas;

/**
 * Validates documents against the shipped JSON Schemas with the project's networknt validator
 * ({@link JsonSchemas}: draft 2020-12, {@code format} asserted, classpath resolution).
 */
final class GeoJsonSchemas {

  private GeoJsonSchemas() {}

  /** Violations of {@code document} against {@code schemas/<name>.schema.json}, as text. */
  static List<String> validate(String resource, JsonNode document) {
    String name = resource.replaceFirst("^schemas/", "").replaceFirst("\\.schema\\.json$", "");
    return JsonSchemas.violations(document, name).stream()
        .map(v -> v.pointer() + ": " + v.reason()).toList();
  }
}
