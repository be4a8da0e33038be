/**
 * The plugin registry (spec §11): every installed plugin of the six kinds, with its manifest,
 * criticality and source jar ({@code darkflight plugins}), and where disabled non-critical
 * plugins are reported. See docs/plugins.md.
 */
package org.darkflight.analysis.plugins;
