package org.darkflight.analysis.atmos;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.darkflight.physics.Constants;

/**
 * One node of the fusion grid while {@link DefaultAtmosFusion} works on it: the steps fill in,
 * fill up, replace and smooth its values in place, then {@link #toFusedLevel()} freezes it. A
 * quantity no source gave is NaN until a fill step sets it.
 */
final class WorkingLevel {

  /** Geometric altitude, m. */
  final double altitudeM;
  /** Eastward wind, m/s. */
  double windUMps;
  /** Northward wind, m/s. */
  double windVMps;
  /** Vertical wind, m/s. */
  double windWMps;
  /** 1-σ of u, m/s. */
  double sigmaUMps;
  /** 1-σ of v, m/s. */
  double sigmaVMps;
  /** Temperature, K. */
  double temperatureK;
  /** 1-σ of T, K. */
  double sigmaTK;
  /** ln of the pressure in Pa. */
  double lnPressure;
  /** The source that dominates the wind, or how the wind was filled. */
  String source;
  /** QC codes of this level, in the order they were raised. */
  final Set<String> flags = new LinkedHashSet<>();

  WorkingLevel(double altitudeM) {
    this.altitudeM = altitudeM;
  }

  /** Whether a source gave this level a wind (before filling). */
  boolean hasWind() {
    return !Double.isNaN(windUMps);
  }

  /** Whether a source gave this level temperature and pressure (before filling). */
  boolean hasTemperature() {
    return !Double.isNaN(temperatureK);
  }

  /** Whether the level's values come from data, not from a fill. */
  boolean measured() {
    return !flags.contains(QcAnnotation.Codes.STD_ATMOSPHERE_FILL)
        && !flags.contains(QcAnnotation.Codes.GAP_FILLED);
  }

  /** The finished level; density from the ideal gas law ρ = p / (R T). */
  FusedLevel toFusedLevel() {
    double p = Math.exp(lnPressure);
    double rho = p / (Constants.GAS_CONSTANT_AIR * temperatureK);
    return new FusedLevel(altitudeM, p, temperatureK, windUMps, windVMps, windWMps, rho,
        sigmaUMps, sigmaVMps, sigmaTK, source, List.copyOf(flags));
  }
}
