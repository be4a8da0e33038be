package org.darkflight.io.atmos.source;

import org.darkflight.io.InputException;

/**
 * Range checks that catch unit mix-ups (Pa written as hPa and vice versa, °C as K) instead of
 * guessing. Pressure is compared with an isothermal-scale-height atmosphere
 * {@code p ≈ 101 325 Pa · exp(−z / 7 km)}, which stays within a factor 1.2 of the US Standard
 * Atmosphere 1976 from 0 to 50 km; a factor of 3 either way is accepted, so a factor 100 (hPa vs
 * Pa) always fails.
 */
public final class Plausibility {

  /** Scale height of the rough reference, m. */
  static final double SCALE_HEIGHT_M = 7000.0;
  /** Accepted ratio to the rough reference, either way. */
  static final double PRESSURE_FACTOR = 3.0;
  /** Coldest and warmest plausible air, K. */
  public static final double MIN_TEMPERATURE_K = 150.0;
  public static final double MAX_TEMPERATURE_K = 350.0;
  /** Fastest plausible horizontal wind component, m/s. */
  public static final double MAX_WIND_MPS = 200.0;

  private Plausibility() {}

  /** The rough reference pressure at a height, Pa. */
  public static double referencePressurePa(double altitudeM) {
    return 101_325.0 * Math.exp(-altitudeM / SCALE_HEIGHT_M);
  }

  /** Fails unless {@code pressurePa} is plausible at {@code altitudeM}. */
  public static void pressure(String file, String field, double pressurePa, double altitudeM)
      throws InputException {
    double ref = referencePressurePa(altitudeM);
    double ratio = pressurePa / ref;
    if (!(ratio > 1 / PRESSURE_FACTOR && ratio < PRESSURE_FACTOR)) {
      String hint = ratio < 0.03 ? " (hPa written as Pa?)" : ratio > 30 ? " (Pa written as hPa?)"
          : "";
      throw new InputException(file, field, String.format(java.util.Locale.ROOT,
          "pressure %.6g Pa is implausible at %.0f m (expected about %.4g Pa)%s",
          pressurePa, altitudeM, ref, hint));
    }
  }

  /** Fails unless the temperature is plausible for air. */
  public static void temperature(String file, String field, double temperatureK)
      throws InputException {
    if (!(temperatureK >= MIN_TEMPERATURE_K && temperatureK <= MAX_TEMPERATURE_K)) {
      String hint = temperatureK < MIN_TEMPERATURE_K && temperatureK > -130 ? " (°C given as K?)"
          : "";
      throw new InputException(file, field, String.format(java.util.Locale.ROOT,
          "temperature %.6g K is implausible%s", temperatureK, hint));
    }
  }

  /** Fails unless a wind component is plausible. */
  public static void wind(String file, String field, double windMps) throws InputException {
    if (!(Math.abs(windMps) <= MAX_WIND_MPS)) {
      throw new InputException(file, field, "wind component " + windMps
          + " m/s is implausible (|w| > " + MAX_WIND_MPS + ")");
    }
  }
}
