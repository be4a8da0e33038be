package org.darkflight.physics.legacy;

/**
 * One row of the workbook sheet {@code RAOB Used for Calcs}, columns B–G, in the workbook's own
 * units. An empty row (all zero) is how the workbook marks "no level".
 *
 * @param pressureHpa        column B, pressure, hPa
 * @param altitudeM          column C, altitude, m (0 = no level)
 * @param temperatureDeciC   column D, temperature in tenths of a degree Celsius
 * @param dewpointDeciC      column E, dew point in tenths of a degree Celsius (not used by v.42)
 * @param windFromDeg        column F, direction the wind blows from, compass degrees
 * @param windSpeedDeciMps   column G, wind speed in tenths of a metre per second
 */
public record RaobRow(double pressureHpa, double altitudeM, double temperatureDeciC,
    double dewpointDeciC, double windFromDeg, double windSpeedDeciMps) {

  /** The empty row. */
  public static final RaobRow EMPTY = new RaobRow(0, 0, 0, 0, 0, 0);

  public RaobRow {
    if (!Double.isFinite(pressureHpa) || !Double.isFinite(altitudeM)
        || !Double.isFinite(temperatureDeciC) || !Double.isFinite(dewpointDeciC)
        || !Double.isFinite(windFromDeg) || !Double.isFinite(windSpeedDeciMps)) {
      throw new IllegalArgumentException("RAOB row values must be finite");
    }
  }
}
