package org.darkflight.physics.plugin;

import java.util.List;
import java.util.Objects;

/**
 * What a plugin says about itself (docs/plugins.md {@code plugin_manifest()}): the one manifest type of
 * every plugin kind ({@link PluginKind}).
 *
 * @param name         unique plugin name, the name a configuration selects it by, e.g.
 *                     {@code "radiosonde-uwyo"} or {@code "mach_regime"}
 * @param version      plugin version
 * @param provides     the interfaces it implements, by simple name ({@link PluginKind#interfaceName()}),
 *                     e.g. {@code DragModel}
 * @param configSchema the JSON Schema (draft 2020-12) of its configuration block: inline JSON text
 *                     (starting with <code>{</code>) or the name of a class-path resource loaded with
 *                     the plugin's own class loader (e.g. {@code org/acme/drag.schema.json});
 *                     {@code null} when the plugin takes no configuration
 */
public record PluginManifest(String name, String version, List<String> provides,
    String configSchema) {

  public PluginManifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (name.isBlank()) {
      throw new IllegalArgumentException("plugin name must not be blank");
    }
    provides = List.copyOf(provides);
    if (provides.isEmpty()) {
      throw new IllegalArgumentException("plugin " + name + " provides nothing");
    }
  }

  /** Whether the configuration schema is inline JSON text rather than a resource name. */
  public boolean configSchemaInline() {
    return configSchema != null && configSchema.strip().startsWith("{");
  }
}
