package org.darkflight.physics.trajectory;

import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;

/**
 * A legacy workbook method that replaces the integration from the luminous end
 * ({@code "legacy": "fries_v42"} or {@code "fries_v2"} in physics_config.json); a
 * {@link DarkflightSimulator} built with one answers {@code simulate} and {@code land} from the
 * luminous end with it. The methods are flat and stepwise: they give a landing and a few
 * recorded points, not a continuous state that could be propagated further.
 */
public interface LegacyMethod {

  /** The configuration name of the method ({@code fries_v42}, {@code fries_v2}). */
  String name();

  /** The method and what it used, in one line (profile rows or slices, placement). */
  String description();

  /** The trajectory of a fragment from the luminous end. */
  Trajectory simulate(LuminousEnd start, Fragment fragment);

  /** The landing of a fragment from the luminous end. */
  Landing land(LuminousEnd start, Fragment fragment);
}
