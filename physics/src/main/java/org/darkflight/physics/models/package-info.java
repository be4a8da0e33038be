/**
 * From configuration to models: {@link org.darkflight.physics.models.PhysicsModels} creates the
 * drag, ablation, gravity and integrator models a {@link org.darkflight.physics.PhysicsConfig}
 * selects (and a simulator from them), resolving built-ins and plugins alike through the one
 * registry {@link org.darkflight.physics.models.PhysicsPlugins} (ServiceLoader), which guards
 * every plugin model. The model packages below it ({@code drag}, {@code ablation},
 * {@code integrate}, {@code gravity}, {@code trajectory}) know nothing of configurations or
 * plugin look-up. It is separate from {@code physics.plugin}, the plugin interface every plugin
 * kind sees, because the provider interfaces of the model packages name that package's
 * {@code PluginManifest}: a look-up there would make a package cycle. See docs/architecture.md.
 */
package org.darkflight.physics.models;
