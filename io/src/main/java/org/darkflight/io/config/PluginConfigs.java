package org.darkflight.io.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.models.PhysicsPlugins;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * Checks the plugins a configuration file selects: that each named plugin is installed, that each
 * {@code plugins.<name>} block belongs to a selected plugin, and that each block satisfies its
 * plugin's {@code config_schema} (a plugin without a schema takes no configuration). Every
 * problem is one {@link InputException} naming the file, the field and the plugin.
 */
public final class PluginConfigs {

  private PluginConfigs() {}

  /**
   * The JSON Schema tree of a plugin's configuration: inline text or a class-path resource read
   * with the plugin's own class loader.
   *
   * @return the schema, or null when the plugin takes no configuration
   * @throws IllegalArgumentException when the schema is missing or not JSON
   */
  public static JsonNode schemaOf(PluginManifest manifest, ClassLoader pluginLoader) {
    String s = manifest.configSchema();
    if (s == null) {
      return null;
    }
    try {
      if (manifest.configSchemaInline()) {
        return Json.mapper().readTree(s);
      }
      String resource = s.startsWith("/") ? s.substring(1) : s;
      try (InputStream in = pluginLoader.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("plugin '" + manifest.name()
              + "' declares config_schema " + s + " but no such resource is on its class path");
        }
        return Json.mapper().readTree(in);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("plugin '" + manifest.name()
          + "' config_schema is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Validates one plugin's configuration block against its schema.
   *
   * @param file    the configuration file, for messages
   * @param pointer the JSON pointer of the block, e.g. {@code /plugins/my-drag}
   * @param block   the block (null = absent = <code>{}</code>)
   * @throws InputException naming file, the offending field inside the block, the plugin and the
   *     reason
   */
  public static void validate(String file, String pointer, PluginManifest manifest,
      ClassLoader pluginLoader, JsonNode block) throws InputException {
    JsonNode config = block == null ? JsonNodeFactory.instance.objectNode() : block;
    JsonNode schema;
    try {
      schema = schemaOf(manifest, pluginLoader);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, pointer, e.getMessage());
    }
    if (schema == null) {
      if (config.size() > 0) {
        throw new InputException(file, pointer, "plugin '" + manifest.name()
            + "' takes no configuration (its manifest has no config_schema)");
      }
      return;
    }
    List<JsonSchemas.Violation> found;
    try {
      found = JsonSchemas.violations(config, schema);
    } catch (RuntimeException e) {
      throw new InputException(file, pointer, "plugin '" + manifest.name()
          + "' has an unusable config_schema: " + e.getMessage());
    }
    if (!found.isEmpty()) {
      JsonSchemas.Violation v = found.get(0);
      String inner = v.pointer().equals("/") ? "" : v.pointer();
      throw new InputException(file, pointer + inner, "plugin '" + manifest.name()
          + "' configuration: " + v.reason());
    }
  }

  /**
   * Checks the plugins a physics configuration selects (see the class comment) and then builds
   * and probes them ({@link PhysicsPlugins#check}); a plugin that throws while being probed
   * escapes as {@link org.darkflight.physics.plugin.PluginFailureException} (critical kinds).
   *
   * @param node   the validated physics_config tree
   * @param config the configuration built from it
   */
  public static void checkPhysics(JsonNode node, PhysicsConfig config, String file)
      throws InputException {
    PhysicsConfig.Plugins p = config.plugins();
    Map<String, PluginManifest> selected = new LinkedHashMap<>();
    Map<String, ClassLoader> loaders = new LinkedHashMap<>();
    if (p.dragModel() != null) {
      Object prov = find(file, "/drag_model",
          () -> PhysicsPlugins.dragModelProvider(p.dragModel()));
      selected.put(p.dragModel(), PhysicsPlugins.dragModelProvider(p.dragModel()).manifest());
      loaders.put(p.dragModel(), prov.getClass().getClassLoader());
    }
    if (p.ablationModel() != null) {
      Object prov = find(file, "/ablation/method",
          () -> PhysicsPlugins.ablationModelProvider(p.ablationModel()));
      selected.put(p.ablationModel(),
          PhysicsPlugins.ablationModelProvider(p.ablationModel()).manifest());
      loaders.put(p.ablationModel(), prov.getClass().getClassLoader());
    }
    if (p.integrator() != null) {
      Object prov = find(file, "/integration/method",
          () -> PhysicsPlugins.integratorProvider(p.integrator()));
      selected.put(p.integrator(), PhysicsPlugins.integratorProvider(p.integrator()).manifest());
      loaders.put(p.integrator(), prov.getClass().getClassLoader());
    }
    JsonNode blocks = node.get("plugins");
    if (blocks != null) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = blocks.fieldNames(); it.hasNext();) {
        names.add(it.next());
      }
      for (String name : names) {
        if (!selected.containsKey(name)) {
          throw new InputException(file, "/plugins/" + name, "no plugin named '" + name
              + "' is selected by this file (selected plugins: "
              + (selected.isEmpty() ? "none" : String.join(", ", selected.keySet())) + ")");
        }
      }
    }
    for (Map.Entry<String, PluginManifest> e : selected.entrySet()) {
      String name = e.getKey();
      validate(file, "/plugins/" + name, e.getValue(), loaders.get(name),
          blocks == null ? null : blocks.get(name));
    }
    PhysicsPlugins.check(config);
  }

  private interface Lookup {
    Object find();
  }

  private static Object find(String file, String pointer, Lookup lookup) throws InputException {
    try {
      return lookup.find();
    } catch (IllegalArgumentException e) {
      throw new InputException(file, pointer, e.getMessage());
    }
  }
}
