package org.darkflight.io.atmos;

/**
 * Unit normalisation of atmospheric inputs to the SI units of
 * {@link org.darkflight.physics.atmosphere.AtmosLevel}.
 */
public final class Units {

  /** Pascals per hectopascal. */
  public static final double PA_PER_HPA = 100.0;
  /** Kelvin at 0 °C (ITS-90 / SI definition of the Celsius scale). */
  public static final double KELVIN_AT_ZERO_CELSIUS = 273.15;

  private Units() {}

  /** Eastward (u) and northward (v) wind components, m/s. */
  public record WindComponents(double uMps, double vMps) {}

  /** hPa → Pa. */
  public static double hectopascalToPascal(double pressureHPa) {
    return pressureHPa * PA_PER_HPA;
  }

  /** °C → K. */
  public static double celsiusToKelvin(double temperatureC) {
    return temperatureC + KELVIN_AT_ZERO_CELSIUS;
  }

  /**
   * Wind components from speed and meteorological direction: the direction the wind blows
   * <em>from</em>, clockwise from true north (WMO convention; e.g. WMO-No. 8, Guide to
   * Instruments and Methods of Observation, Part I ch. 5). A wind from the north (0°) blows
   * towards the south: u = −V sin(dir), v = −V cos(dir).
   *
   * @param speedMps      horizontal speed, m/s (&gt;= 0)
   * @param directionDeg  direction the wind comes from, degrees clockwise from true north
   */
  public static WindComponents windFromSpeedDirection(double speedMps, double directionDeg) {
    double dir = Math.toRadians(directionDeg);
    double u = -speedMps * Math.sin(dir);
    double v = -speedMps * Math.cos(dir);
    // Clean the tiny residues of sin(π), cos(π/2) so that e.g. a west wind has v = 0 exactly.
    return new WindComponents(clean(u, speedMps), clean(v, speedMps));
  }

  /**
   * Speed (m/s) and meteorological direction (degrees from which the wind blows, [0, 360)) of a
   * wind given by its components; the inverse of {@link #windFromSpeedDirection}. A calm gives
   * direction 0.
   */
  public static double[] speedDirectionFromWind(double uMps, double vMps) {
    double speed = Math.hypot(uMps, vMps);
    if (speed == 0.0) {
      return new double[] {0.0, 0.0};
    }
    double dir = Math.toDegrees(Math.atan2(-uMps, -vMps));
    if (dir < 0) {
      dir += 360.0;
    }
    if (dir >= 360.0) {
      dir -= 360.0;
    }
    return new double[] {speed, dir};
  }

  private static double clean(double component, double speed) {
    return Math.abs(component) <= 1e-15 * Math.abs(speed) ? 0.0 : component;
  }
}
