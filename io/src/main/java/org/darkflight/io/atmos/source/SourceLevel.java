package org.darkflight.io.atmos.source;

import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * One level of a raw source profile, SI units. Unlike {@link AtmosLevel} any quantity but the
 * altitude may be missing ({@code NaN}): a radar VAD level has winds only, a sounding level may
 * lack temperature aloft or wind at a thermodynamic-only level.
 *
 * @param altitudeM    geometric height above mean sea level, m
 * @param pressurePa   pressure, Pa, or NaN
 * @param temperatureK temperature, K, or NaN
 * @param windUMps     eastward wind, m/s, or NaN
 * @param windVMps     northward wind, m/s, or NaN
 * @param windWMps     upward wind, m/s, or NaN
 * @param sigmaUMps    1-σ of u the source reports itself (e.g. a VAD fit error), or NaN
 * @param sigmaVMps    1-σ of v the source reports, or NaN
 * @param sigmaTK      1-σ of T the source reports, or NaN
 */
public record SourceLevel(double altitudeM, double pressurePa, double temperatureK,
    double windUMps, double windVMps, double windWMps,
    double sigmaUMps, double sigmaVMps, double sigmaTK) {

  public SourceLevel {
    if (!Double.isFinite(altitudeM)) {
      throw new IllegalArgumentException("altitude_m must be finite");
    }
    if (!Double.isNaN(pressurePa) && !(pressurePa > 0 && Double.isFinite(pressurePa))) {
      throw new IllegalArgumentException("pressure must be > 0 Pa at " + altitudeM + " m");
    }
    if (!Double.isNaN(temperatureK) && !(temperatureK > 0 && Double.isFinite(temperatureK))) {
      throw new IllegalArgumentException("temperature must be > 0 K at " + altitudeM + " m");
    }
    if (Double.isNaN(windUMps) != Double.isNaN(windVMps)) {
      throw new IllegalArgumentException("wind u and v must both be present or both missing at "
          + altitudeM + " m");
    }
    if (Double.isInfinite(windUMps) || Double.isInfinite(windVMps)
        || Double.isInfinite(windWMps)) {
      throw new IllegalArgumentException("wind components must be finite at " + altitudeM + " m");
    }
  }

  /** A level with pressure, temperature and horizontal wind and nothing else. */
  public static SourceLevel of(double altitudeM, double pressurePa, double temperatureK,
      double windUMps, double windVMps) {
    return new SourceLevel(altitudeM, pressurePa, temperatureK, windUMps, windVMps, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN);
  }

  /** A winds-only level (radar VAD). */
  public static SourceLevel windOnly(double altitudeM, double windUMps, double windVMps,
      double windWMps, double sigmaUMps, double sigmaVMps) {
    return new SourceLevel(altitudeM, Double.NaN, Double.NaN, windUMps, windVMps, windWMps,
        sigmaUMps, sigmaVMps, Double.NaN);
  }

  public boolean hasWind() {
    return !Double.isNaN(windUMps);
  }

  public boolean hasTemperature() {
    return !Double.isNaN(temperatureK);
  }

  public boolean hasPressure() {
    return !Double.isNaN(pressurePa);
  }

  /** True when the level carries everything an {@link AtmosLevel} needs. */
  public boolean isComplete() {
    return hasWind() && hasTemperature() && hasPressure();
  }

  /**
   * This level as a physics {@link AtmosLevel}.
   *
   * @throws IllegalStateException if pressure, temperature or wind is missing
   */
  public AtmosLevel toAtmosLevel() {
    if (!isComplete()) {
      throw new IllegalStateException("level at " + altitudeM + " m lacks p, T or wind");
    }
    return new AtmosLevel(altitudeM, pressurePa, temperatureK, windUMps, windVMps,
        Double.isNaN(windWMps) ? 0.0 : windWMps, Double.NaN, sigmaUMps, sigmaVMps, sigmaTK);
  }
}
