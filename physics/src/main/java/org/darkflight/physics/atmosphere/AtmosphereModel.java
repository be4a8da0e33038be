package org.darkflight.physics.atmosphere;

/**
 * The atmosphere as a function of height. Implementations are immutable and thread-safe, so one
 * instance can serve every sample of an ensemble.
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
}
