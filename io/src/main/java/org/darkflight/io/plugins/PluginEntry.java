package org.darkflight.io.plugins;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.List;
import org.darkflight.io.json.Json;

/**
 * One installed plugin as {@code darkflight plugins --json} prints it (docs/plugins.md): a JSON
 * array of these, canonical (sorted keys).
 *
 * @param kind         the plugin interface, e.g. {@code DragModel}
 * @param name         plugin name
 * @param version      plugin version
 * @param provides     interfaces its manifest says it provides
 * @param configSchema the JSON Schema of its configuration block (inline JSON text or a resource
 *                     name), or null (written as null)
 * @param critical     whether a failure of the plugin stops the run
 * @param source       where it came from ({@code builtin} or the jar)
 * @param className    implementing class
 */
public record PluginEntry(
    @JsonProperty("kind") String kind,
    @JsonProperty("name") String name,
    @JsonProperty("version") String version,
    @JsonProperty("provides") List<String> provides,
    @JsonProperty("config_schema") String configSchema,
    @JsonProperty("critical") boolean critical,
    @JsonProperty("source") String source,
    @JsonProperty("class") String className) {

  public PluginEntry {
    provides = List.copyOf(provides);
  }

  /** The canonical text of a list of entries, without a final newline. */
  public static String toJson(List<PluginEntry> entries) throws IOException {
    return Json.toCanonicalString(entries).strip();
  }
}
