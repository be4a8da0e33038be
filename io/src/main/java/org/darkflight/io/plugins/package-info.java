/** Typed document of the plugin listing ({@code darkflight plugins --json}, docs/plugins.md). */
package org.darkflight.io.plugins;
