package org.darkflight.io.geo;

import java.util.List;

/**
 * The dark-flight path of one representative fragment, drawn in the KML folder "Trajectories".
 *
 * @param fragmentId      fragment identifier
 * @param massClass       label of the mass class of the fragment
 * @param massClassIndex  index of that mass class, 0 = smallest
 * @param massKg          representative mass (initial mass of the fragment), kg (&gt; 0)
 * @param points          path from the luminous end to the ground, at least 2 vertices, times
 *                        non-decreasing
 */
public record TrajectoryLine(String fragmentId, String massClass, int massClassIndex,
    double massKg, List<TrajectoryPoint3d> points) {

  public TrajectoryLine {
    Checks.text("fragment_id", fragmentId);
    Checks.text("mass_class", massClass);
    if (massClassIndex < 0) {
      throw new IllegalArgumentException("mass_class_index must be >= 0, got " + massClassIndex);
    }
    Checks.positive("mass_kg", massKg);
    points = List.copyOf(Checks.present("points", points));
    if (points.size() < 2) {
      throw new IllegalArgumentException(
          "a trajectory needs at least 2 points, got " + points.size());
    }
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).timeS() < points.get(i - 1).timeS()) {
        throw new IllegalArgumentException("trajectory times must not decrease (point " + i + ")");
      }
    }
  }
}
