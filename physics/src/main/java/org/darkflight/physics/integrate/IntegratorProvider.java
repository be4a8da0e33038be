package org.darkflight.physics.integrate;

import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * An {@link Integrator} plugin (docs/plugins.md {@code Integrator}). Implementations have a public
 * no-argument constructor and are listed in
 * {@code META-INF/services/org.darkflight.physics.integrate.IntegratorProvider}; a physics
 * configuration selects one by {@code integration.method: "<manifest name>"}. See
 * docs/plugins.md.
 */
public interface IntegratorProvider {

  /** Name, version, {@code provides: [Integrator]} and configuration schema. */
  PluginManifest manifest();

  /**
   * A new integrator (integrators are mutable: one per integration, never shared).
   *
   * @param settings           the configuration's integration block (steps, tolerances)
   * @param absoluteTolerances per-component absolute tolerances; its length is the dimension
   * @param positionComponents number of leading position components whose derivatives are the
   *                           next {@code positionComponents} components
   * @param configJson         the plugin's block of {@code plugins.<name>} as JSON text, already
   *                           validated against the manifest's config schema; <code>{}</code>
   *                           when absent
   */
  Integrator create(PhysicsConfig.Integration settings, double[] absoluteTolerances,
      int positionComponents, String configJson);
}
