package org.darkflight.physics.gravity;

import org.darkflight.physics.Constants;

/**
 * Gravity in the Earth-fixed frame. Implementations give the magnitude along the downward
 * ellipsoid normal; the default {@link #accelerationEcef} applies it as −g û. Both models are
 * <em>effective</em> gravity (gravitation plus the centrifugal acceleration of the rotating
 * Earth), so the equations of motion never add a separate centrifugal term.
 */
@FunctionalInterface
public interface GravityModel {

  /**
   * Magnitude of gravity, m/s².
   *
   * @param sinLatitude sine of the geodetic latitude
   * @param heightM     height above the ellipsoid, m
   */
  double magnitudeMps2(double sinLatitude, double heightM);

  /**
   * The gravity acceleration vector in ECEF, written into {@code out[0..2]}, m/s².
   *
   * @param sinLat sine of geodetic latitude
   * @param cosLat cosine of geodetic latitude
   * @param sinLon sine of longitude
   * @param cosLon cosine of longitude
   * @param heightM height above the ellipsoid, m
   * @param out receives the acceleration
   */
  default void accelerationEcef(double sinLat, double cosLat, double sinLon, double cosLon,
      double heightM, double[] out) {
    double g = magnitudeMps2(sinLat, heightM);
    out[0] = -g * cosLat * cosLon;
    out[1] = -g * cosLat * sinLon;
    out[2] = -g * sinLat;
  }

  /** {@code constant}: g₀ = 9.80665 m/s² everywhere, along the ellipsoid normal. */
  GravityModel CONSTANT = (sinLatitude, heightM) -> Constants.STANDARD_GRAVITY_MPS2;
}
