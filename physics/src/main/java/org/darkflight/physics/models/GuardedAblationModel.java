package org.darkflight.physics.models;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.ablation.AblationModel;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;

/** A plugin ablation model whose exceptions and mass gains stop the run (critical). */
final class GuardedAblationModel implements AblationModel {

  private final String name;
  private final AblationModel plugin;

  GuardedAblationModel(String name, AblationModel plugin) {
    this.name = name;
    this.plugin = plugin;
  }

  @Override
  public double massRateKgPerS(double crossSectionM2, double airDensityKgM3, double airSpeedMps,
      double cd, Fragment fragment) {
    double rate;
    try {
      rate = plugin.massRateKgPerS(crossSectionM2, airDensityKgM3, airSpeedMps, cd, fragment);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(name, PluginKind.ABLATION_MODEL,
          PluginFailureException.describe(e), e);
    }
    if (!(rate <= 0) || !Double.isFinite(rate)) {
      throw new PluginFailureException(name, PluginKind.ABLATION_MODEL,
          "returned dm/dt = " + rate + " kg/s (must be finite and <= 0)", null);
    }
    return rate;
  }

  @Override
  public boolean changesMass() {
    return plugin.changesMass();
  }

  @Override
  public boolean usesFragmentCd() {
    return plugin.usesFragmentCd();
  }
}
