package org.darkflight.physics.plugin;

/**
 * The six plugin kinds of docs/plugins.md and what happens when a plugin of the kind throws.
 *
 * <p>Criticality is decided by kind, not by the plugin: the kinds that decide the physics of a
 * trajectory (drag, ablation, integrator) are <em>critical</em>, because no substitute would give
 * the answer the user asked for, so a failure stops the run with one clear error. The others have
 * an honest baseline (USSA76 fill for a failed atmospheric source, the default fusion, the Monte
 * Carlo sampler) and are <em>non-critical</em>: the plugin is disabled, the baseline takes over
 * and a warning names the plugin and its exception.
 */
public enum PluginKind {
  /** {@code org.darkflight.io.atmos.source.AtmosphericSource}. */
  ATMOSPHERIC_SOURCE("AtmosphericSource", false),
  /** {@code org.darkflight.analysis.atmos.AtmosFusionStrategy}. */
  ATMOS_FUSION_STRATEGY("AtmosFusionStrategy", false),
  /** {@link org.darkflight.physics.drag.DragModelProvider}. */
  DRAG_MODEL("DragModel", true),
  /** {@link org.darkflight.physics.ablation.AblationModelProvider}. */
  ABLATION_MODEL("AblationModel", true),
  /** {@link org.darkflight.physics.integrate.IntegratorProvider}. */
  INTEGRATOR("Integrator", true),
  /** {@code org.darkflight.analysis.sampling.SamplingStrategy}. */
  SAMPLING_STRATEGY("SamplingStrategy", false);

  private final String interfaceName;
  private final boolean critical;

  PluginKind(String interfaceName, boolean critical) {
    this.interfaceName = interfaceName;
    this.critical = critical;
  }

  /** The interface's simple name, as in {@link PluginManifest#provides()}. */
  public String interfaceName() {
    return interfaceName;
  }

  /** Whether a failure of a plugin of this kind stops the run (else: baseline + warning). */
  public boolean critical() {
    return critical;
  }
}
