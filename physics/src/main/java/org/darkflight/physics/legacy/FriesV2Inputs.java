package org.darkflight.physics.legacy;

import java.util.List;

/**
 * Inputs of the v2 slice method.
 *
 * @param massKg                 meteorite mass, kg (&gt; 0)
 * @param densityKgM3            bulk density, kg/m³ (&gt; 0)
 * @param startAltitudeM         altitude of the luminous end, m
 * @param groundAltitudeM        altitude of the ground, m (below the start)
 * @param speedMps               speed at the luminous end, m/s (&gt; 0)
 * @param azimuthDeg             direction of travel, compass degrees
 * @param angleBelowHorizontalDeg entry angle below the horizon, degrees (0, 90]
 * @param gravityMps2            gravity, m/s²
 * @param levels                 the sounding, any order; must span start and ground altitudes
 */
public record FriesV2Inputs(
    double massKg,
    double densityKgM3,
    double startAltitudeM,
    double groundAltitudeM,
    double speedMps,
    double azimuthDeg,
    double angleBelowHorizontalDeg,
    double gravityMps2,
    List<Level> levels) {

  /**
   * One sounding level.
   *
   * @param altitudeM    altitude, m
   * @param pressurePa   pressure, Pa
   * @param temperatureK temperature, K
   * @param windFromDeg  direction the wind blows from, compass degrees
   * @param windSpeedMps wind speed, m/s
   */
  public record Level(double altitudeM, double pressurePa, double temperatureK,
      double windFromDeg, double windSpeedMps) {
    public Level {
      if (!(pressurePa > 0) || !(temperatureK > 0) || !Double.isFinite(altitudeM)
          || !Double.isFinite(windFromDeg) || !(windSpeedMps >= 0)) {
        throw new IllegalArgumentException("invalid sounding level at " + altitudeM + " m");
      }
    }
  }

  public FriesV2Inputs {
    if (!(massKg > 0) || !(densityKgM3 > 0) || !(speedMps > 0) || !(gravityMps2 > 0)) {
      throw new IllegalArgumentException("mass, density, speed and gravity must be > 0");
    }
    if (!(angleBelowHorizontalDeg > 0) || angleBelowHorizontalDeg > 90) {
      throw new IllegalArgumentException("angle below horizontal must be in (0, 90] degrees, got "
          + angleBelowHorizontalDeg);
    }
    if (!(startAltitudeM > groundAltitudeM)) {
      throw new IllegalArgumentException("start altitude must be above the ground");
    }
    if (levels == null || levels.size() < 2) {
      throw new IllegalArgumentException("the sounding needs at least two levels");
    }
    levels = List.copyOf(levels);
  }
}
