package org.darkflight.io.atmos.source;

import java.util.List;
import java.util.Objects;

/**
 * What a plugin says about itself (spec §11.2 {@code plugin_manifest()}).
 *
 * @param name         unique plugin name, e.g. {@code "radiosonde-uwyo"}
 * @param version      plugin version
 * @param provides     the interfaces it implements, by simple name, e.g. {@code AtmosphericSource}
 * @param configSchema the name of the JSON Schema of its configuration or input file under
 *                     {@code schemas/} (without {@code .schema.json}), or {@code null} if none
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
}
