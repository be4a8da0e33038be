package org.darkflight.io.nexrad;

import java.time.Instant;

/**
 * One sweep of one moment of a Level II volume: a radial of gates per antenna position.
 *
 * <p>Values are kept as the file's unsigned 8-bit codes with the scale and offset of the
 * variable ({@code value = code · scale + offset}); codes 0 (signal below threshold) and 1
 * (range folded) carry no value (ICD 2620002, "Data Moment" block; netCDF-Java marks both as
 * {@code missing_value}).
 *
 * @param moment           what the values are
 * @param elevationNumber  the RDA elevation number of the cut (1 = lowest), 0 when unknown
 * @param nyquistMps       Nyquist velocity of the cut, m/s (NaN when not reported)
 * @param timesMs          collection time of each radial, ms since 1970-01-01 UTC
 * @param azimuthsDeg      azimuth of each radial, degrees clockwise from true north
 * @param elevationsDeg    elevation angle of each radial, degrees above the horizon
 * @param gateRangesM      slant range of each gate's centre, m (ICD 2620002: the moment block
 *                         gives the range to the centre of the first gate and the gate spacing)
 * @param codes            radial-major codes, {@code codes[radial · gates + gate]}
 * @param scale            value per code step (0.5 dBZ or 0.5 m/s for WSR-88D Z and V)
 * @param offset           value of code 0 extrapolated (−33 dBZ, −64.5 m/s)
 */
public record Level2Sweep(Moment moment, int elevationNumber, double nyquistMps, long[] timesMs,
    float[] azimuthsDeg, float[] elevationsDeg, float[] gateRangesM, byte[] codes, float scale,
    float offset) {

  /** The two moments Darkflight reads. */
  public enum Moment {
    /** Equivalent reflectivity factor, dBZ. */
    REFLECTIVITY("dBZ"),
    /** Mean radial velocity, m/s, positive away from the radar. */
    RADIAL_VELOCITY("m/s");

    private final String unit;

    Moment(String unit) {
      this.unit = unit;
    }

    /** The unit of the values. */
    public String unit() {
      return unit;
    }
  }

  public Level2Sweep {
    int n = timesMs.length;
    if (azimuthsDeg.length != n || elevationsDeg.length != n
        || codes.length != n * gateRangesM.length) {
      throw new IllegalArgumentException("sweep arrays disagree: " + n + " radials, "
          + azimuthsDeg.length + " azimuths, " + elevationsDeg.length + " elevations, "
          + gateRangesM.length + " gates, " + codes.length + " codes");
    }
  }

  /** Number of radials. */
  public int radials() {
    return timesMs.length;
  }

  /** Number of gates per radial. */
  public int gates() {
    return gateRangesM.length;
  }

  /** The unsigned code of a gate (0 below threshold, 1 range folded). */
  public int code(int radial, int gate) {
    return codes[radial * gateRangesM.length + gate] & 0xff;
  }

  /** The value of a gate in the moment's unit, or NaN for codes 0 and 1. */
  public double value(int radial, int gate) {
    int c = code(radial, gate);
    return c < 2 ? Double.NaN : c * (double) scale + offset;
  }

  /** Collection time of a radial. */
  public Instant time(int radial) {
    return Instant.ofEpochMilli(timesMs[radial]);
  }

  /** Median elevation angle of the radials, degrees (the cut's nominal angle). */
  public double medianElevationDeg() {
    float[] e = elevationsDeg.clone();
    java.util.Arrays.sort(e);
    return e.length % 2 == 1 ? e[e.length / 2] : 0.5 * (e[e.length / 2 - 1] + e[e.length / 2]);
  }

  /** Spacing of the gates, m. */
  public double gateSpacingM() {
    return gateRangesM.length > 1 ? gateRangesM[1] - gateRangesM[0] : Double.NaN;
  }

  /** Time of the first radial. */
  public Instant start() {
    long m = Long.MAX_VALUE;
    for (long t : timesMs) {
      m = Math.min(m, t);
    }
    return Instant.ofEpochMilli(m);
  }

  /** Time of the last radial. */
  public Instant end() {
    long m = Long.MIN_VALUE;
    for (long t : timesMs) {
      m = Math.max(m, t);
    }
    return Instant.ofEpochMilli(m);
  }
}
