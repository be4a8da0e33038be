package org.darkflight.physics.legacy;

import java.util.List;

/**
 * Result of the v2 slice method.
 *
 * @param offsetEastM          landing offset east of the point below the start, m
 * @param offsetNorthM         landing offset north, m
 * @param driftM               horizontal distance of the landing from the point below the start, m
 * @param fallTimeS            time from the start to the ground, s
 * @param impactSpeedMps       ground-relative speed at the ground, m/s
 * @param impactSpeedMph       the same in miles per hour
 * @param terminalVelocityMps  still-air terminal velocity at the ground, m/s
 * @param densityGcm3          bulk density, g/cm³
 * @param volumeCm3            volume, cm³
 * @param radiusM              radius of the equivalent sphere, m
 * @param crossSectionM2       cross-section πr², m²
 * @param slices               the final ({@code f}) state of every slice, top first
 */
public record FriesV2Result(
    double offsetEastM,
    double offsetNorthM,
    double driftM,
    double fallTimeS,
    double impactSpeedMps,
    double impactSpeedMph,
    double terminalVelocityMps,
    double densityGcm3,
    double volumeCm3,
    double radiusM,
    double crossSectionM2,
    List<SliceState> slices) {

  /**
   * The state at the bottom of one slice.
   *
   * @param altitudeM altitude, m
   * @param timeS     time since the start, s
   * @param xM        east position, m
   * @param yM        north position, m
   * @param vxMps     east velocity, m/s
   * @param vyMps     north velocity, m/s
   * @param vzMps     vertical velocity, m/s (negative down)
   */
  public record SliceState(double altitudeM, double timeS, double xM, double yM, double vxMps,
      double vyMps, double vzMps) {}

  public FriesV2Result {
    slices = List.copyOf(slices);
  }
}
