package org.darkflight.physics.atmosphere;

/**
 * The atmosphere as a function of height. Implementations are immutable and thread-safe, so one
 * instance can serve every sample of an ensemble; the views of {@link #forTrajectory} are not
 * (one per propagation).
 */
@FunctionalInterface
public interface AtmosphereModel {

  /**
   * The state of the air at a height.
   *
   * @param altitudeM height above mean sea level / the ellipsoid, m
   * @return temperature, pressure, density, speed of sound, viscosity and wind there
   */
  AtmosphereState at(double altitudeM);

  /**
   * A view of this atmosphere for one trajectory, used by one thread: it returns exactly what
   * {@link #at} returns, but may keep lookup state between calls (an integrator asks for
   * neighbouring heights, so the profile layer of the last call is the first one to try). The
   * simulator asks for one per propagation. The default is this model itself.
   */
  default AtmosphereModel forTrajectory() {
    return this;
  }

  /**
   * The heights of the levels this model was built from (a sounding, a fused profile's grid),
   * ascending, m; empty when it has none (USSA76). The legacy workbook methods take their profile
   * rows ({@code fries_v42}) and slice boundaries ({@code fries_v2}) at these heights.
   */
  default double[] levelAltitudesM() {
    return new double[0];
  }

  /** Where {@link #levelAltitudesM()} come from, in words (for outputs and the console). */
  default String levelSource() {
    return "no profile levels";
  }
}
