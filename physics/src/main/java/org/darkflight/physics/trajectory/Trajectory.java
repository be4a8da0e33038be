package org.darkflight.physics.trajectory;

import java.util.List;
import org.darkflight.physics.Fragment;

/**
 * A fragment's dark flight: recorded samples from the luminous end to the ground, and the landing.
 *
 * @param fragment the fragment as it started
 * @param points   samples at the configured output interval, first at t = 0, last at impact
 * @param landing  the impact
 */
public record Trajectory(Fragment fragment, List<TrajectoryPoint> points, Landing landing) {
  public Trajectory {
    points = List.copyOf(points);
  }
}
