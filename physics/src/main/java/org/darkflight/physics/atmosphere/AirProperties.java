package org.darkflight.physics.atmosphere;

import org.darkflight.physics.Constants;

/** Thermodynamic and transport properties of dry air as functions of temperature. */
public final class AirProperties {

  private AirProperties() {}

  /**
   * Speed of sound a = √(γ R T) of an ideal gas (USSA76 Eq. 50), m/s.
   *
   * @param temperatureK temperature, K
   */
  public static double speedOfSoundMps(double temperatureK) {
    return Math.sqrt(Constants.HEAT_CAPACITY_RATIO_AIR * Constants.GAS_CONSTANT_AIR
        * temperatureK);
  }

  /**
   * Dynamic viscosity by Sutherland's law in the USSA76 form μ = β T^{3/2} / (T + S)
   * (USSA76 Eq. 51), Pa·s.
   *
   * @param temperatureK temperature, K
   */
  public static double viscosityPaS(double temperatureK) {
    return Constants.SUTHERLAND_BETA * temperatureK * Math.sqrt(temperatureK)
        / (temperatureK + Constants.SUTHERLAND_TEMPERATURE_K);
  }

  /** Ideal-gas density ρ = p / (R T) of dry air (USSA76 Eq. 42), kg/m³. */
  public static double densityKgM3(double pressurePa, double temperatureK) {
    return pressurePa / (Constants.GAS_CONSTANT_AIR * temperatureK);
  }
}
