package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.darkflight.io.InputException;

/**
 * Validates a JSON document against one of the schemas shipped under {@code schemas/} on the
 * classpath (draft 2020-12), reporting the first problem (in a stable order) as an
 * {@link InputException} with a JSON-pointer field.
 */
final class SchemaCheck {

  private static final ConcurrentMap<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

  private SchemaCheck() {}

  static JsonSchema schema(String name) {
    return CACHE.computeIfAbsent(name, n -> {
      try (InputStream in = SchemaCheck.class.getClassLoader()
          .getResourceAsStream("schemas/" + n)) {
        if (in == null) {
          throw new IllegalStateException("schema not on the classpath: schemas/" + n);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(in, config);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static void validate(Path file, JsonNode node, String schemaName) throws InputException {
    Optional<ValidationMessage> first = schema(schemaName).validate(node).stream()
        .min(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage));
    if (first.isPresent()) {
      ValidationMessage m = first.get();
      String pointer = m.getInstanceLocation().toString();
      throw new InputException(file, pointer.isEmpty() ? "/" : pointer,
          "does not match " + schemaName + ": " + m.getMessage());
    }
  }
}
