package org.darkflight.physics.atmosphere;

/**
 * One level of an atmospheric profile, in SI units. Optional quantities are {@code NaN} when
 * absent (density is then derived from pressure and temperature; sigmas mean "unknown").
 *
 * @param altitudeM     height above mean sea level, m
 * @param pressurePa    pressure, Pa
 * @param temperatureK  temperature, K
 * @param windUMps      eastward wind, m/s
 * @param windVMps      northward wind, m/s
 * @param windWMps      upward wind, m/s (0 when unknown)
 * @param densityKgM3   density, kg/m³, or NaN
 * @param sigmaUMps     1-σ uncertainty of u, m/s, or NaN
 * @param sigmaVMps     1-σ uncertainty of v, m/s, or NaN
 * @param sigmaTK       1-σ uncertainty of T, K, or NaN
 */
public record AtmosLevel(
    double altitudeM,
    double pressurePa,
    double temperatureK,
    double windUMps,
    double windVMps,
    double windWMps,
    double densityKgM3,
    double sigmaUMps,
    double sigmaVMps,
    double sigmaTK) {

  public AtmosLevel {
    if (!Double.isFinite(altitudeM)) {
      throw new IllegalArgumentException("altitude_m must be finite");
    }
    if (!(pressurePa > 0) || !Double.isFinite(pressurePa)) {
      throw new IllegalArgumentException("pressure must be > 0 Pa at " + altitudeM + " m");
    }
    if (!(temperatureK > 0) || !Double.isFinite(temperatureK)) {
      throw new IllegalArgumentException("temperature must be > 0 K at " + altitudeM + " m");
    }
    if (!Double.isFinite(windUMps) || !Double.isFinite(windVMps) || !Double.isFinite(windWMps)) {
      throw new IllegalArgumentException("wind components must be finite at " + altitudeM + " m");
    }
  }

  /** A level with winds and no uncertainties or explicit density. */
  public static AtmosLevel of(double altitudeM, double pressurePa, double temperatureK,
      double windUMps, double windVMps) {
    return new AtmosLevel(altitudeM, pressurePa, temperatureK, windUMps, windVMps, 0.0,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }
}
