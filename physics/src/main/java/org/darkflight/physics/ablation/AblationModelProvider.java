package org.darkflight.physics.ablation;

import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * An {@link AblationModel} plugin (docs/plugins.md {@code AblationModel}). Implementations have a
 * public no-argument constructor and are listed in
 * {@code META-INF/services/org.darkflight.physics.ablation.AblationModelProvider}; a physics
 * configuration selects one by {@code ablation.method: "<manifest name>"} (with
 * {@code enabled: true}). See docs/plugins.md.
 */
public interface AblationModelProvider {

  /** Name, version, {@code provides: [AblationModel]} and configuration schema. */
  PluginManifest manifest();

  /**
   * Builds the model.
   *
   * @param settings   the configuration's ablation block ({@code params} as NaN when absent)
   * @param configJson the plugin's block of {@code plugins.<name>} as JSON text, already
   *                   validated against the manifest's config schema; <code>{}</code> when absent
   */
  AblationModel create(PhysicsConfig.Ablation settings, String configJson);
}
