package org.darkflight.physics.models;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.drag.DragModel;
import org.darkflight.physics.plugin.PluginFailureException;
import org.darkflight.physics.plugin.PluginKind;

/** A plugin drag model whose exceptions and impossible values stop the run (critical). */
final class GuardedDragModel implements DragModel {

  private final String name;
  private final DragModel plugin;

  GuardedDragModel(String name, DragModel plugin) {
    this.name = name;
    this.plugin = plugin;
  }

  @Override
  public double dragCoefficient(double mach, double reynolds, Fragment fragment) {
    double cd;
    try {
      cd = plugin.dragCoefficient(mach, reynolds, fragment);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(name, PluginKind.DRAG_MODEL,
          PluginFailureException.describe(e), e);
    }
    if (!(cd >= 0) || !Double.isFinite(cd)) {
      throw new PluginFailureException(name, PluginKind.DRAG_MODEL,
          "returned C_d = " + cd + " at Mach " + mach + ", Re " + reynolds
          + " (must be finite and >= 0)", null);
    }
    return cd;
  }

  @Override
  public boolean usesFragmentCd() {
    return plugin.usesFragmentCd();
  }
}
