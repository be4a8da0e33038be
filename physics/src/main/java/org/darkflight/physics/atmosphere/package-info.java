/**
 * Atmosphere models: the US Standard Atmosphere 1976 and profiles interpolated from sounding or
 * model levels, giving temperature, pressure, density, speed of sound, viscosity and wind.
 */
package org.darkflight.physics.atmosphere;
