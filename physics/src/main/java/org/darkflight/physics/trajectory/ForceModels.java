package org.darkflight.physics.trajectory;

import org.darkflight.physics.ablation.AblationModel;
import org.darkflight.physics.drag.DragModel;
import org.darkflight.physics.gravity.GravityModel;

/**
 * The pluggable models the equations of motion are built from.
 * {@code physics.models.PhysicsModels.forces(config)} gives the models a configuration selects;
 * plugins and tests may supply their own.
 *
 * @param drag     drag coefficient model (with any C_d scale already applied)
 * @param gravity  gravity model
 * @param ablation mass-loss model
 */
public record ForceModels(DragModel drag, GravityModel gravity, AblationModel ablation) {

  public ForceModels {
    if (drag == null || gravity == null || ablation == null) {
      throw new IllegalArgumentException("force models must not be null");
    }
  }
}
