package org.darkflight.analysis.ensemble;

/**
 * Thresholds of the checks across input files and against physics ({@link InputChecks}); each
 * has a command-line option that overrides it (docs/inputs.md, "Checks before a run").
 *
 * @param profileWarnKm      profile location further from the luminous end than this: warning, km
 *                           ({@code --warn-profile-distance-km})
 * @param profileMaxKm       further than this: refused, km ({@code --max-profile-distance-km})
 * @param profileWarnHours   profile valid time further from the event than this: warning, h
 *                           ({@code --warn-profile-gap-h})
 * @param profileMaxHours    further than this: refused, h ({@code --max-profile-gap-h})
 * @param minEndHeightM      lowest plausible luminous-end height, m ({@code --min-end-height-m})
 * @param maxEndHeightM      highest plausible luminous-end height, m ({@code --max-end-height-m})
 * @param minEndSpeedMps     lowest plausible luminous-end speed, m/s ({@code --min-end-speed-mps})
 * @param maxEndSpeedMps     highest plausible luminous-end speed, m/s
 *                           ({@code --max-end-speed-mps})
 */
public record CheckLimits(double profileWarnKm, double profileMaxKm, double profileWarnHours,
    double profileMaxHours, double minEndHeightM, double maxEndHeightM, double minEndSpeedMps,
    double maxEndSpeedMps) {

  /** Warn above this distance, km. */
  public static final double PROFILE_WARN_KM = 200;
  /** Refuse above this distance, km. */
  public static final double PROFILE_MAX_KM = 1000;
  /** Warn above this time gap, h. */
  public static final double PROFILE_WARN_H = 6;
  /** Refuse above this time gap, h. */
  public static final double PROFILE_MAX_H = 72;
  /** Lowest plausible luminous-end height, m. */
  public static final double MIN_END_HEIGHT_M = 3000;
  /** Highest plausible luminous-end height, m. */
  public static final double MAX_END_HEIGHT_M = 150_000;
  /** Lowest plausible luminous-end speed, m/s. */
  public static final double MIN_END_SPEED_MPS = 300;
  /** Highest plausible luminous-end speed, m/s (Earth's fastest meteoroids enter at 72 km/s). */
  public static final double MAX_END_SPEED_MPS = 72_000;

  /** The documented defaults. */
  public static final CheckLimits DEFAULTS = new CheckLimits(PROFILE_WARN_KM, PROFILE_MAX_KM,
      PROFILE_WARN_H, PROFILE_MAX_H, MIN_END_HEIGHT_M, MAX_END_HEIGHT_M, MIN_END_SPEED_MPS,
      MAX_END_SPEED_MPS);

  public CheckLimits {
    for (double v : new double[] {profileWarnKm, profileMaxKm, profileWarnHours, profileMaxHours,
        minEndSpeedMps, maxEndSpeedMps}) {
      if (!(v >= 0) || Double.isNaN(v)) {
        throw new IllegalArgumentException("check limits must be non-negative numbers");
      }
    }
    if (Double.isNaN(minEndHeightM) || Double.isNaN(maxEndHeightM)
        || minEndHeightM > maxEndHeightM || minEndSpeedMps > maxEndSpeedMps) {
      throw new IllegalArgumentException("a check's minimum exceeds its maximum");
    }
  }
}
