/**
 * What every Darkflight plugin shares: the {@link org.darkflight.physics.plugin.PluginManifest},
 * the {@link org.darkflight.physics.plugin.PluginKind}s with their criticality and the failure
 * exception. It lives in the physics module because that is the one module every plugin kind can
 * see, and it depends on nothing else of Darkflight, so that the provider interfaces of every
 * kind can name it; the physics providers are looked up by
 * {@code org.darkflight.physics.models.PhysicsPlugins}. See docs/plugins.md.
 */
package org.darkflight.physics.plugin;
