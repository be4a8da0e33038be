package org.darkflight.physics.radar;

import java.time.Instant;

/**
 * One radar return as the radar measures it: the beam centre of one range gate at one time.
 *
 * @param site           the radar
 * @param timeUtc        time the sweep passed the return, UTC
 * @param elevationDeg   elevation angle of the sweep above the horizon, degrees [-2, 90)
 * @param azimuthDeg     azimuth of the radial, degrees clockwise from true north [0, 360)
 * @param slantRangeM    slant range to the centre of the gate, m (0, 500 km]
 * @param beamWidthDeg   one-way half-power (3 dB) beam width, degrees (0, 10]
 * @param gateLengthM    range-gate length, m (0, 5000]
 */
public record RadarObservation(RadarSite site, Instant timeUtc, double elevationDeg,
    double azimuthDeg, double slantRangeM, double beamWidthDeg, double gateLengthM) {

  /** Half-power beam width of the WSR-88D antenna, degrees (NOAA ROC: "less than 1°", ≈0.95°). */
  public static final double NEXRAD_BEAM_WIDTH_DEG = 0.95;
  /** Range-gate length of WSR-88D super-resolution reflectivity, m. */
  public static final double NEXRAD_GATE_LENGTH_M = 250.0;
  /** Largest slant range accepted, m (WSR-88D reflectivity reaches 460 km). */
  public static final double MAX_SLANT_RANGE_M = 500_000.0;

  public RadarObservation {
    if (site == null) {
      throw new IllegalArgumentException("radar site must be given");
    }
    if (timeUtc == null) {
      throw new IllegalArgumentException("time_utc must be given");
    }
    check("elevation_deg", elevationDeg, -2.0, 90.0);
    check("azimuth_deg", azimuthDeg, 0.0, 360.0);
    if (!Double.isFinite(slantRangeM) || !(slantRangeM > 0) || slantRangeM > MAX_SLANT_RANGE_M) {
      throw new IllegalArgumentException(
          "slant_range_m must be in (0, " + MAX_SLANT_RANGE_M + "] m, got " + slantRangeM);
    }
    if (!Double.isFinite(beamWidthDeg) || !(beamWidthDeg > 0) || beamWidthDeg > 10) {
      throw new IllegalArgumentException(
          "beam_width_deg must be in (0, 10] degrees, got " + beamWidthDeg);
    }
    if (!Double.isFinite(gateLengthM) || !(gateLengthM > 0) || gateLengthM > 5000) {
      throw new IllegalArgumentException(
          "gate_length_m must be in (0, 5000] m, got " + gateLengthM);
    }
  }

  private static void check(String field, double value, double min, double maxExclusive) {
    if (!Double.isFinite(value) || value < min || value >= maxExclusive) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + maxExclusive + "), got " + value);
    }
  }
}
