package org.darkflight.analysis.atmos;

import java.util.List;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * One level of the fused profile, SI units.
 *
 * @param altitudeM    geometric height above mean sea level, m
 * @param pressurePa   pressure, Pa
 * @param temperatureK temperature, K
 * @param windUMps     eastward wind, m/s
 * @param windVMps     northward wind, m/s
 * @param windWMps     vertical wind, m/s
 * @param densityKgM3  density p/(R T), kg/m³
 * @param sigmaUMps    1-σ uncertainty of u, m/s
 * @param sigmaVMps    1-σ uncertainty of v, m/s
 * @param sigmaTK      1-σ uncertainty of T, K
 * @param source       the source that dominates this level's wind (highest weight)
 * @param qcFlags      QC codes that apply to this level
 */
public record FusedLevel(double altitudeM, double pressurePa, double temperatureK,
    double windUMps, double windVMps, double windWMps, double densityKgM3,
    double sigmaUMps, double sigmaVMps, double sigmaTK, String source, List<String> qcFlags) {

  public FusedLevel {
    qcFlags = List.copyOf(qcFlags);
  }

  /** This level as a physics {@link AtmosLevel} (with density and sigmas). */
  public AtmosLevel toAtmosLevel() {
    return new AtmosLevel(altitudeM, pressurePa, temperatureK, windUMps, windVMps, windWMps,
        densityKgM3, sigmaUMps, sigmaVMps, sigmaTK);
  }
}
