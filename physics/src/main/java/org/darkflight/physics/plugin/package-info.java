/**
 * What every Darkflight plugin shares: the {@link org.darkflight.physics.plugin.PluginManifest},
 * the {@link org.darkflight.physics.plugin.PluginKind}s with their criticality, the failure
 * exception, and {@link org.darkflight.physics.plugin.PhysicsPlugins}, which finds the physics
 * providers (drag, ablation, integrator) with {@link java.util.ServiceLoader}. It lives in the
 * physics module because that is the one module every plugin kind can see; see docs/plugins.md.
 */
package org.darkflight.physics.plugin;
