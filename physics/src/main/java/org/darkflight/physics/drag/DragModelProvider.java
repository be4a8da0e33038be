package org.darkflight.physics.drag;

import org.darkflight.physics.plugin.PluginManifest;

/**
 * A {@link DragModel} plugin (docs/plugins.md {@code DragModel}). Implementations have a public
 * no-argument constructor and are listed in
 * {@code META-INF/services/org.darkflight.physics.drag.DragModelProvider}; a physics
 * configuration selects one by {@code drag_model: "<manifest name>"}. See docs/plugins.md.
 */
public interface DragModelProvider {

  /** Name, version, {@code provides: [DragModel]} and configuration schema. */
  PluginManifest manifest();

  /**
   * Builds the model.
   *
   * @param configJson the plugin's block of {@code plugins.<name>} in physics_config.json as JSON
   *                   text, already validated against the manifest's config schema;
   *                   <code>{}</code> when absent
   */
  DragModel create(String configJson);
}
