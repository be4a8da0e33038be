/**
 * The plugin registry (spec §11): every installed plugin of the six kinds, with its manifest,
 * criticality and source jar ({@code darkflight plugins}). Disabled non-critical plugins are
 * reported through {@link org.darkflight.io.PluginWarnings}, below every plugin kind. See
 * docs/plugins.md.
 */
package org.darkflight.analysis.plugins;
