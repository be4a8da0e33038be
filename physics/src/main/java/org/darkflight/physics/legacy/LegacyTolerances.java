package org.darkflight.physics.legacy;

/**
 * Parity tolerances between a legacy mode and its workbook, in one place.
 *
 * <p>v.42 is reproduced formula by formula, so its tolerances are numerical-noise bounds. The v2
 * tolerances are the specification's baseline (ParityGuard, docs/architecture.md): offsets ±1 m, fall time
 * ±0.5 s, terminal velocity ±1 m/s, drift ±2 m; fragment readouts density ±0.01 g/cm³, volume
 * ±0.5 cm³, radius ±1e-6 m, cross-section ±1e-8 m², speed ±0.5 mph.
 */
public final class LegacyTolerances {

  /** v.42 landing displacement, m. */
  public static final double V42_DISPLACEMENT_M = 1e-6;
  /** v.42 in-window fall time, s. */
  public static final double V42_FALL_TIME_S = 1e-9;

  /** v2 landing offsets, m. */
  public static final double V2_OFFSET_M = 1.0;
  /** v2 fall time, s. */
  public static final double V2_FALL_TIME_S = 0.5;
  /** v2 terminal velocity, m/s. */
  public static final double V2_TERMINAL_VELOCITY_MPS = 1.0;
  /** v2 drift magnitude, m. */
  public static final double V2_DRIFT_M = 2.0;
  /** v2 bulk density, g/cm³. */
  public static final double V2_DENSITY_GCM3 = 0.01;
  /** v2 volume, cm³. */
  public static final double V2_VOLUME_CM3 = 0.5;
  /** v2 radius, m. */
  public static final double V2_RADIUS_M = 1e-6;
  /** v2 cross-section, m². */
  public static final double V2_CROSS_SECTION_M2 = 1e-8;
  /** v2 speed in miles per hour. */
  public static final double V2_SPEED_MPH = 0.5;

  private LegacyTolerances() {}
}
