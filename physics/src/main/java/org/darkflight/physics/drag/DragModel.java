package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;

/**
 * A drag coefficient as a function of the flow around a fragment. The drag acceleration is
 * a = −½ ρ C_d S |v_rel| v_rel / m (S = {@link Fragment#crossSectionM2()}).
 * Implementations are immutable and thread-safe.
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
   * The model a configuration selects, with the configuration's {@code cdScale} applied.
   */
  static DragModel of(PhysicsConfig config) {
    DragModel base = switch (config.dragModel()) {
      case SIMPLE_CONSTANT -> ConstantDrag.INSTANCE;
      case MACH_REGIME -> MachRegimeDrag.INSTANCE;
      case REYNOLDS_CURVE -> ReynoldsCurveDrag.INSTANCE;
    };
    double scale = config.cdScale();
    if (scale == 1.0) {
      return base;
    }
    return (mach, reynolds, fragment) -> scale * base.dragCoefficient(mach, reynolds, fragment);
  }
}
