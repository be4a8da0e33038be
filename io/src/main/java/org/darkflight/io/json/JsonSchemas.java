package org.darkflight.io.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.darkflight.io.InputException;

/**
 * JSON Schema (draft 2020-12) validation of inbound files against the schemas shipped on the
 * classpath under {@code schemas/<name>.schema.json} (the repository's {@code /schemas} folder).
 *
 * <p>Schemas may {@code $ref} each other by their {@code $id}
 * ({@code https://darkflight.org/schemas/<name>.schema.json}); those URIs resolve to the classpath,
 * never to the network. {@code format} keywords (e.g. {@code date-time}) are asserted.
 *
 * <p>Each violation becomes an {@link InputException} whose field is the JSON pointer of the
 * offending value (for a missing property: the pointer the property would have), so that the
 * user reads one line naming file, field and reason. Thread-safe; compiled schemas are cached.
 */
public final class JsonSchemas {

  /** Prefix of every Darkflight schema {@code $id}. */
  public static final String ID_PREFIX = "https://darkflight.org/schemas/";

  /**
   * Schema keyword holding custom messages per failing keyword (as in ajv-errors), e.g.
   * {@code "errorMessage": {"anyOf": "a level needs pressure_Pa or pressure_hPa"}}.
   */
  public static final String ERROR_MESSAGE_KEYWORD = "errorMessage";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V202012,
      b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:schemas/")));

  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER)
      .formatAssertionsEnabled(true)
      .errorMessageKeyword(ERROR_MESSAGE_KEYWORD)
      .locale(Locale.ENGLISH)
      .build();

  private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> SCHEMA_TREES = new ConcurrentHashMap<>();

  /** One schema violation: where and why. */
  public record Violation(String pointer, String reason) {}

  private JsonSchemas() {}

  /**
   * The compiled schema {@code schemas/<name>.schema.json}, e.g. {@code schema("event")}.
   *
   * @throws IllegalArgumentException if no such schema ships on the classpath
   */
  public static JsonSchema schema(String name) {
    return CACHE.computeIfAbsent(name, JsonSchemas::load);
  }

  private static JsonSchema load(String name) {
    String resource = "schemas/" + name + ".schema.json";
    try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema on the classpath: " + resource);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read schema " + resource, e);
    }
    return FACTORY.getSchema(SchemaLocation.of("classpath:" + resource), CONFIG);
  }

  /** Every violation of {@code node} against schema {@code name}, in evaluation order. */
  public static List<Violation> violations(JsonNode node, String name) {
    Set<ValidationMessage> messages = schema(name).validate(node);
    List<Violation> out = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      out.add(toViolation(m));
    }
    return out;
  }

  /**
   * Every violation of {@code node} against a schema given as a tree (a plugin's
   * {@code config_schema}, see docs/plugins.md), in evaluation order. Darkflight {@code $id}s
   * still resolve to the classpath.
   *
   * @throws IllegalArgumentException when {@code schemaNode} is not a usable schema
   */
  public static List<Violation> violations(JsonNode node, JsonNode schemaNode) {
    Set<ValidationMessage> messages = FACTORY.getSchema(schemaNode, CONFIG).validate(node);
    List<Violation> out = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      out.add(toViolation(m));
    }
    return out;
  }

  /**
   * Validates {@code node} against schema {@code name}; throws one {@link InputException} that
   * lists every violation (each its own problem: pointer, reason and, where it can be told, the
   * fix; at most {@link InputException#MAX_LISTED} are printed).
   *
   * @param file the file the node came from, for the message
   * @throws InputException naming file, JSON pointer and reason of each violation
   */
  public static void validate(JsonNode node, String name, String file) throws InputException {
    checkDeclaredSchema(node, name, file);
    List<Violation> found = violations(node, name);
    if (!found.isEmpty()) {
      List<InputException> problems = new ArrayList<>();
      for (Violation v : found) {
        problems.add(new InputException(file, v.pointer(), v.reason()));
      }
      throw InputException.of(problems);
    }
  }

  /**
   * Validates and reports every violation joined in one line ({@code "; "}-separated), the field
   * being the pointer of the first.
   */
  public static void validateAll(JsonNode node, String name, String file) throws InputException {
    checkDeclaredSchema(node, name, file);
    List<Violation> found = violations(node, name);
    if (!found.isEmpty()) {
      String all = found.stream().map(v -> v.pointer() + ": " + v.reason())
          .collect(Collectors.joining("; "));
      throw new InputException(file, found.get(0).pointer(), all);
    }
  }

  /**
   * Reads a JSON file strictly with {@link Json#mapper()} (see there), validates it against
   * schema {@code name}, and returns the tree.
   *
   * @throws InputException on a missing or unreadable file, malformed JSON (field: line and
   *     column), an empty file, or the first schema violation (field: JSON pointer)
   */
  public static JsonNode readValidated(Path file, String name) throws InputException {
    JsonNode node = read(file);
    validate(node, name, file.toString());
    return node;
  }

  /**
   * Reads a JSON file strictly, without schema validation.
   *
   * @throws InputException on a missing or unreadable file, a file over
   *     {@link org.darkflight.io.InputLimits#maxInputBytes()}, malformed JSON or an empty file
   */
  public static JsonNode read(Path file) throws InputException {
    org.darkflight.io.InputLimits.checkInputSize(file);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "", "file not found");
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read file: " + e, e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * Parses JSON bytes strictly.
   *
   * @param file name of the source for messages
   * @throws InputException on malformed JSON (field: {@code line L, column C}) or empty input
   */
  public static JsonNode parse(byte[] bytes, String file) throws InputException {
    JsonNode node;
    try {
      node = Json.mapper().readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new InputException(file, where, "malformed JSON: " + e.getOriginalMessage(), e);
    } catch (NumberFormatException e) {
      // a number Jackson cannot represent (e.g. an exponent of more than ten digits)
      throw new InputException(file, "", "malformed JSON: a number that cannot be read ("
          + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read JSON: " + e.getMessage(), e);
    }
    if (node == null || node.isMissingNode()) {
      throw new InputException(file, "", "empty file, expected a JSON document");
    }
    return node;
  }

  /**
   * A file whose {@code $schema} names another Darkflight schema was given in the wrong place
   * (e.g. fragments.json for --event): say so instead of listing its missing fields.
   */
  private static void checkDeclaredSchema(JsonNode node, String name, String file)
      throws InputException {
    JsonNode declared = node == null ? null : node.get("$schema");
    String expected = ID_PREFIX + name + ".schema.json";
    if (declared != null && declared.isTextual() && declared.asText().startsWith(ID_PREFIX)
        && !declared.asText().equals(expected)) {
      throw new InputException(file, "/$schema", "this file declares " + declared.asText()
          + " but " + expected + " is expected here (wrong file given?)");
    }
  }

  private static Violation toViolation(ValidationMessage m) {
    String pointer = m.getInstanceLocation() == null ? "" : m.getInstanceLocation().toString();
    String type = m.getType();
    String property = m.getProperty();
    if (property != null && ("required".equals(type) || "additionalProperties".equals(type)
        || "dependentRequired".equals(type) || "unevaluatedProperties".equals(type))) {
      pointer = pointer + "/" + escape(property);
    }
    if (pointer.isEmpty()) {
      pointer = "/";
    }
    String reason = m.getError();
    if (reason == null || reason.isEmpty()) {
      reason = m.getMessage();
    }
    if ("format".equals(type)) {
      reason = formatReason(m);
    } else if ("required".equals(type) && property != null) {
      reason = "required field `" + property + "` is missing";
    } else if (("additionalProperties".equals(type) || "unevaluatedProperties".equals(type))
        && property != null) {
      reason = unknownFieldReason(property, knownNames(m));
    }
    return new Violation(pointer, reason.replace('\n', ' '));
  }

  /** A failed {@code format}: say what the value must look like, once. */
  private static String formatReason(ValidationMessage m) {
    Object[] args = m.getArguments();
    String format = args != null && args.length > 0 ? String.valueOf(args[0]) : "";
    return switch (format) {
      case "date-time" -> "not a valid date-time; write an RFC 3339 UTC time such as "
          + "2024-05-01T12:34:56Z";
      case "date" -> "not a valid date; write it as YYYY-MM-DD, e.g. 2024-05-01";
      case "uri", "uri-reference", "iri" -> "not a valid URI";
      case "email" -> "not a valid e-mail address";
      default -> format.isEmpty() ? "not in the expected format"
          : "not a valid " + format;
    };
  }

  /**
   * "unknown field `x`", with the nearest known name when one is close enough to be a typo
   * ("did you mean `elevation_deg`?"), else the list of known names.
   */
  static String unknownFieldReason(String property, List<String> known) {
    String nearest = Suggestions.nearest(property, known);
    if (nearest != null) {
      return "unknown field `" + property + "`; did you mean `" + nearest + "`?";
    }
    if (known.isEmpty()) {
      return "unknown field `" + property + "`";
    }
    return "unknown field `" + property + "`; known fields here: "
        + String.join(", ", known);
  }

  /**
   * The property names the schema object holding the failed {@code additionalProperties} allows
   * (its {@code properties}), read from the schema file the message's location points into.
   */
  private static List<String> knownNames(ValidationMessage m) {
    if (m.getSchemaLocation() == null) {
      return List.of();
    }
    String loc = m.getSchemaLocation().toString();
    int hash = loc.indexOf('#');
    String base = hash < 0 ? loc : loc.substring(0, hash);
    String fragment = hash < 0 ? "" : loc.substring(hash + 1);
    String resource;
    if (base.startsWith(ID_PREFIX)) {
      resource = "schemas/" + base.substring(ID_PREFIX.length());
    } else if (base.startsWith("classpath:")) {
      resource = base.substring("classpath:".length());
    } else {
      return List.of();
    }
    JsonNode schemaTree = SCHEMA_TREES.computeIfAbsent(resource, JsonSchemas::loadTree);
    if (schemaTree == null || schemaTree.isMissingNode()) {
      return List.of();
    }
    int slash = fragment.lastIndexOf('/');
    String parent = slash <= 0 ? "" : fragment.substring(0, slash);
    JsonNode holder = parent.isEmpty() ? schemaTree : schemaTree.at(parent);
    List<String> names = new ArrayList<>();
    holder.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode loadTree(String resource) {
    try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
          : Json.mapper().readTree(in);
    } catch (IOException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
