package org.darkflight.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.Json;

/**
 * The keys the layered configuration knows (docs/operations.md), section by section. The keys of
 * {@code [physics]}, {@code [integration]} and {@code [ensemble]} are the fields of the event's
 * JSON inputs, read from their schemas so that the two never drift apart: {@code [physics]} is
 * {@code physics_config.json} without its {@code integration} object, {@code [integration]} is
 * that object, {@code [ensemble]} is {@code ensemble_config.json}. {@code [output]} and
 * {@code [run]} have no JSON counterpart.
 */
public final class ConfigKeys {

  /** A known key: a leaf, or (with {@code subtree}) a key under which any table is accepted. */
  record Key(String name, boolean subtree) {
    boolean matches(String leaf) {
      return leaf.equals(name) || (subtree && leaf.startsWith(name + "."));
    }

    @Override
    public String toString() {
      return subtree ? name + "[.*]" : name;
    }
  }

  /** {@code [output]}: which strewn-field files are written, and their precision. */
  static final List<String> OUTPUT = List.of("geo_precision_decimals", "kml_generate",
      "geojson_generate");
  /** {@code [run]}: how the ensemble stage runs. */
  static final List<String> RUN = List.of("target_parallelism", "max_failure_share");

  private static final Map<String, List<Key>> SECTIONS = sections();

  private ConfigKeys() {}

  /** The known sections, in documentation order. */
  public static List<String> sectionNames() {
    return List.copyOf(SECTIONS.keySet());
  }

  /** The known keys of a section (without the section prefix), as printed in messages. */
  public static List<String> keys(String section) {
    List<Key> keys = SECTIONS.get(section);
    return keys == null ? List.of() : keys.stream().map(Key::toString).toList();
  }

  /** Whether {@code section.leaf} is a known key. */
  static boolean known(String section, String leaf) {
    List<Key> keys = SECTIONS.get(section);
    return keys != null && keys.stream().anyMatch(k -> k.matches(leaf));
  }

  private static Map<String, List<Key>> sections() {
    Map<String, List<Key>> m = new LinkedHashMap<>();
    JsonNode physicsSchema = schema("physics_config");
    JsonNode physics = physicsSchema.path("properties");
    List<Key> physicsKeys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = physics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!List.of("integration", "$schema", "meta").contains(e.getKey())) {
        walk(physicsSchema, e.getKey(), e.getValue(), physicsKeys);
      }
    }
    m.put("physics", List.copyOf(physicsKeys));
    List<Key> integration = new ArrayList<>();
    walkProperties(physicsSchema, "", physics.path("integration").path("properties"),
        integration);
    m.put("integration", List.copyOf(integration));
    List<Key> ensemble = new ArrayList<>();
    JsonNode ensembleSchema = schema("ensemble_config");
    walkProperties(ensembleSchema, "", ensembleSchema.path("properties"), ensemble);
    m.put("ensemble", List.copyOf(ensemble));
    m.put("output", OUTPUT.stream().map(k -> new Key(k, false)).toList());
    m.put("run", RUN.stream().map(k -> new Key(k, false)).toList());
    return m;
  }

  private static void walkProperties(JsonNode root, String prefix, JsonNode properties,
      List<Key> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (prefix.isEmpty() && (e.getKey().equals("$schema") || e.getKey().equals("meta"))) {
        continue;
      }
      walk(root, prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
    }
  }

  /**
   * A property: an object with closed properties is walked into; an open table (such as
   * {@code plugins}) is a key under which any table is accepted; anything else is a leaf. Local
   * {@code $ref}s are followed.
   */
  private static void walk(JsonNode root, String name, JsonNode schema, List<Key> out) {
    JsonNode s = schema;
    String ref = s.path("$ref").asText("");
    if (ref.startsWith("#/")) {
      s = root.at(ref.substring(1));
    }
    if (s.has("properties") && s.path("additionalProperties").isBoolean()
        && !s.path("additionalProperties").asBoolean()) {
      walkProperties(root, name, s.path("properties"), out);
    } else {
      out.add(new Key(name, s.path("type").asText("").equals("object")));
    }
  }

  private static JsonNode schema(String name) {
    String resource = "schemas/" + name + ".schema.json";
    try (InputStream in = ConfigKeys.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema on the classpath: " + resource);
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read schema " + resource, e);
    }
  }

  /** Every leaf key under {@code node}, dotted, e.g. {@code ablation.enabled}. */
  static List<String> leaves(String prefix, JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node instanceof ObjectNode o && !o.isEmpty()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.addAll(leaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
            e.getValue()));
      }
    } else {
      out.add(prefix);
    }
    return out;
  }
}
