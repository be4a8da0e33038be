package org.darkflight.analysis.atmos;

import java.util.List;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.atmos.source.SourceRequest;

/**
 * Merges raw atmospheric sources into one profile (docs/plugins.md {@code AtmosFusionStrategy}).
 * Implementations are immutable and listed in
 * {@code META-INF/services/org.darkflight.analysis.atmos.AtmosFusionStrategy}.
 */
public interface AtmosFusionStrategy {

  /** Name, version, interfaces provided, configuration schema. */
  PluginManifest manifest();

  /**
   * Fuses the sources for one event.
   *
   * @param raws   the sources, any kinds, at least one
   * @param target the event time and place
   * @return the fused profile with QC annotations
   * @throws IllegalArgumentException when no source is given
   */
  FusedProfile fuse(List<AtmosphericRaw> raws, SourceRequest target);
}
