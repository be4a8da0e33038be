package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;

/**
 * A drag coefficient as a function of the flow around a fragment. The drag acceleration is
 * a = −½ ρ C_d S |v_rel| v_rel / m (S = {@link Fragment#crossSectionM2()}).
 * Implementations are immutable and thread-safe. Plugins provide one through a
 * {@link DragModelProvider}; {@code physics.models.PhysicsModels} makes the one a configuration
 * selects.
 */
@FunctionalInterface
public interface DragModel {

  /**
   * The drag coefficient.
   *
   * @param mach      Mach number of the air-relative speed
   * @param reynolds  Reynolds number ρ |v_rel| D / μ with D the equivalent-sphere diameter
   * @param fragment  the fragment (its {@code cd} and {@code shapeFactor})
   * @return C_d &gt; 0
   */
  double dragCoefficient(double mach, double reynolds, Fragment fragment);

  /**
   * Whether the model reads {@link Fragment#cd()}; a fragment without cd is refused only by a
   * model that does. True unless a model says otherwise (a plugin that does not override this is
   * assumed to read it).
   */
  default boolean usesFragmentCd() {
    return true;
  }
}
