package org.darkflight.physics.atmosphere;

/**
 * The air at one height.
 *
 * @param temperatureK     temperature, K
 * @param pressurePa       pressure, Pa
 * @param densityKgM3      density, kg/m³
 * @param speedOfSoundMps  speed of sound, m/s
 * @param viscosityPaS     dynamic viscosity, Pa·s
 * @param windEastMps      wind towards the east (u), m/s
 * @param windNorthMps     wind towards the north (v), m/s
 * @param windUpMps        vertical wind (w), m/s, positive up
 */
public record AtmosphereState(
    double temperatureK,
    double pressurePa,
    double densityKgM3,
    double speedOfSoundMps,
    double viscosityPaS,
    double windEastMps,
    double windNorthMps,
    double windUpMps) {}
