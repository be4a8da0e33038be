package org.darkflight.analysis.plugins;

import java.util.Objects;
import org.darkflight.physics.plugin.PluginKind;
import org.darkflight.physics.plugin.PluginManifest;

/**
 * One installed plugin as {@code darkflight plugins} lists it.
 *
 * @param kind      the plugin kind it was found as (its interface)
 * @param manifest  what it says about itself
 * @param className its implementation class
 * @param source    the jar or directory it was loaded from, or {@code built-in}
 */
public record PluginInfo(PluginKind kind, PluginManifest manifest, String className,
    String source) {

  /** {@link #source()} of the plugins that ship with Darkflight. */
  public static final String BUILT_IN = "built-in";

  public PluginInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(source, "source");
  }

  /** Whether a failure stops the run (by kind, see {@link PluginKind}). */
  public boolean critical() {
    return kind.critical();
  }

  /** Whether it ships with Darkflight. */
  public boolean builtIn() {
    return BUILT_IN.equals(source);
  }
}
