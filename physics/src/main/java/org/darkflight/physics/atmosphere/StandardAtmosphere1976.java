package org.darkflight.physics.atmosphere;

import static org.darkflight.physics.Constants.GAS_CONSTANT_AIR;
import static org.darkflight.physics.Constants.SEA_LEVEL_PRESSURE_PA;
import static org.darkflight.physics.Constants.SEA_LEVEL_TEMPERATURE_K;
import static org.darkflight.physics.Constants.STANDARD_GRAVITY_MPS2;
import static org.darkflight.physics.Constants.USSA76_EARTH_RADIUS_M;

/**
 * The U.S. Standard Atmosphere 1976 (NOAA-S/T 76-1562, 1976) up to 86 km geometric altitude:
 * seven layers of constant lapse rate in geopotential height, hydrostatic pressure, ideal-gas
 * density, no wind.
 *
 * <p>Geopotential height H = r₀ Z / (r₀ + Z) (USSA76 Eq. 18); in layer b with base H_b,
 * temperature T_b, pressure P_b and lapse rate L_b: T = T_b + L_b (H − H_b) (Eq. 23);
 * P = P_b (T_b/T)^{g₀/(R L_b)} if L_b ≠ 0, P = P_b exp(−g₀ (H − H_b)/(R T_b)) otherwise (Eq. 33).
 * Above 80 km the temperature is the molecular-scale temperature T_M; the kinetic temperature is
 * lower by at most 0.04 % (USSA76 Table 8), which this model ignores. Below sea level the first
 * layer is extended downwards; above 86 km the air is continued isothermally at the 86 km temperature
 * (docs/MODEL_ASSUMPTIONS.md).
 */
public final class StandardAtmosphere1976 implements AtmosphereModel {

  /** The shared instance (the model has no state). */
  public static final StandardAtmosphere1976 INSTANCE = new StandardAtmosphere1976();

  /** Top of the model, geometric altitude, m. */
  public static final double TOP_ALTITUDE_M = 86_000.0;

  // Layer bases in geopotential metres, lapse rates K/m', base temperatures K (USSA76 Table 4).
  private static final double[] H_BASE = {0, 11_000, 20_000, 32_000, 47_000, 51_000, 71_000};
  private static final double[] LAPSE = {-6.5e-3, 0.0, 1.0e-3, 2.8e-3, 0.0, -2.8e-3, -2.0e-3};
  private static final double[] T_BASE = new double[7];
  private static final double[] P_BASE = new double[7];

  static {
    // Base temperatures and pressures follow from the sea-level values by the layer formulas;
    // they reproduce USSA76 Table 4 (22632.06, 5474.889, 868.0187, 110.9063, 66.93887,
    // 3.956420 Pa) to the printed digits (tested).
    T_BASE[0] = SEA_LEVEL_TEMPERATURE_K;
    P_BASE[0] = SEA_LEVEL_PRESSURE_PA;
    for (int b = 1; b < H_BASE.length; b++) {
      double dh = H_BASE[b] - H_BASE[b - 1];
      T_BASE[b] = T_BASE[b - 1] + LAPSE[b - 1] * dh;
      P_BASE[b] = pressureInLayer(b - 1, dh, T_BASE[b]);
    }
  }

  /** Prefer {@link #INSTANCE}; public for frameworks that instantiate by reflection. */
  public StandardAtmosphere1976() {
    // stateless
  }

  /** Geopotential height H of a geometric altitude Z (USSA76 Eq. 18), m'. */
  public static double geopotentialHeightM(double altitudeM) {
    return USSA76_EARTH_RADIUS_M * altitudeM / (USSA76_EARTH_RADIUS_M + altitudeM);
  }

  private static double pressureInLayer(int b, double dh, double temperatureK) {
    if (LAPSE[b] == 0.0) {
      return P_BASE[b] * Math.exp(-STANDARD_GRAVITY_MPS2 * dh / (GAS_CONSTANT_AIR * T_BASE[b]));
    }
    return P_BASE[b] * Math.pow(T_BASE[b] / temperatureK,
        STANDARD_GRAVITY_MPS2 / (GAS_CONSTANT_AIR * LAPSE[b]));
  }

  private static int layer(double h) {
    int b = H_BASE.length - 1;
    while (b > 0 && h < H_BASE[b]) {
      b--;
    }
    return b;
  }

  private static double clamp(double altitudeM) {
    return altitudeM > TOP_ALTITUDE_M ? TOP_ALTITUDE_M : altitudeM;
  }

  @Override
  public AtmosphereState at(double altitudeM) {
    double z = clamp(altitudeM);
    double h = geopotentialHeightM(z);
    int b = layer(h);
    double dh = h - H_BASE[b];
    double t = T_BASE[b] + LAPSE[b] * dh;
    double p = pressureInLayer(b, dh, t);
    if (altitudeM > TOP_ALTITUDE_M) {
      // Isothermal continuation above 86 km: hydrostatic decay at the 86 km temperature.
      double dhAbove = geopotentialHeightM(altitudeM) - h;
      p *= Math.exp(-STANDARD_GRAVITY_MPS2 * dhAbove / (GAS_CONSTANT_AIR * t));
    }
    return new AtmosphereState(t, p, AirProperties.densityKgM3(p, t),
        AirProperties.speedOfSoundMps(t), AirProperties.viscosityPaS(t), 0.0, 0.0, 0.0);
  }
}
