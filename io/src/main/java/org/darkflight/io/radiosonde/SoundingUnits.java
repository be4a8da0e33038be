package org.darkflight.io.radiosonde;

/**
 * Unit conversions for sounding data. Wind direction is meteorological: the direction the wind
 * blows FROM, clockwise from true north, so (WMO Manual on Codes, No. 306; physics-references §6)
 * {@code u = −V sin(dir)}, {@code v = −V cos(dir)}: a 270° (westerly) wind has u = +V.
 */
public final class SoundingUnits {

  /** One international knot in m/s: 1852 m per hour, exactly. */
  public static final double MPS_PER_KNOT = 1852.0 / 3600.0;
  /** 0 °C in kelvin. */
  public static final double ZERO_CELSIUS_K = 273.15;
  /** Pascals per hectopascal (= millibar). */
  public static final double PA_PER_HPA = 100.0;

  private SoundingUnits() {}

  public static double knotsToMps(double knots) {
    return knots * MPS_PER_KNOT;
  }

  public static double celsiusToKelvin(double celsius) {
    return celsius + ZERO_CELSIUS_K;
  }

  /** Eastward component of a wind of {@code speedMps} blowing from {@code fromDeg}. */
  public static double windU(double speedMps, double fromDeg) {
    return -speedMps * Math.sin(Math.toRadians(fromDeg));
  }

  /** Northward component of a wind of {@code speedMps} blowing from {@code fromDeg}. */
  public static double windV(double speedMps, double fromDeg) {
    return -speedMps * Math.cos(Math.toRadians(fromDeg));
  }

  /** Direction the wind blows from, degrees clockwise from north in [0, 360). */
  public static double directionFromDeg(double uMps, double vMps) {
    double d = Math.toDegrees(Math.atan2(-uMps, -vMps));
    return d < 0 ? d + 360.0 : (d >= 360.0 ? d - 360.0 : d);
  }
}
