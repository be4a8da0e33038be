package org.darkflight.physics.drag;

import org.darkflight.physics.Fragment;

/** {@code simple_constant}: the fragment's own {@link Fragment#cd()}, whatever the flow. */
public final class ConstantDrag implements DragModel {

  /** The shared instance. */
  public static final ConstantDrag INSTANCE = new ConstantDrag();

  private ConstantDrag() {}

  @Override
  public double dragCoefficient(double mach, double reynolds, Fragment fragment) {
    return fragment.cd();
  }
}
