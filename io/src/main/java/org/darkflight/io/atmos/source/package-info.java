/**
 * The {@link org.darkflight.io.atmos.source.AtmosphericSource} plugin interface and the raw,
 * not-yet-fused profiles it produces: radiosondes, weather-model files and radar VAD winds, each
 * on its own altitude levels with its own time, place and uncertainty. Implementations are found
 * with {@link java.util.ServiceLoader}; each exposes a
 * {@link org.darkflight.physics.plugin.PluginManifest}.
 */
package org.darkflight.io.atmos.source;
