package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.plugin.PhysicsPlugins;

/**
 * A drag coefficient as a function of the flow around a fragment. The drag acceleration is
 * a = −½ ρ C_d S |v_rel| v_rel / m (S = {@link Fragment#crossSectionM2()}).
 * Implementations are immutable and thread-safe. Plugins provide one through a
 * {@link DragModelProvider}.
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
   * The model a configuration selects, with the configuration's {@code cdScale} applied: the
   * plugin named by {@link PhysicsConfig.Plugins#dragModel()} when set (guarded, see
   * {@link PhysicsPlugins}), else the built-in kind.
   *
   * @throws IllegalArgumentException when the named plugin is not installed
   */
  static DragModel of(PhysicsConfig config) {
    PhysicsConfig.Plugins plugins = config.plugins();
    DragModel base = plugins.dragModel() != null
        ? PhysicsPlugins.dragModel(plugins.dragModel(), plugins.dragConfigJson())
        : switch (config.dragModel()) {
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
