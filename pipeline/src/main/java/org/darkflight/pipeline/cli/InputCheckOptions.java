package org.darkflight.pipeline.cli;

import org.darkflight.analysis.ensemble.CheckLimits;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Overrides of the thresholds of the checks across input files and against physics
 * ({@link CheckLimits}, docs/inputs.md "Checks before a run"), for run and atmos.
 */
final class InputCheckOptions {

  @Option(names = "--warn-profile-distance-km", paramLabel = "KM",
      defaultValue = "" + CheckLimits.PROFILE_WARN_KM,
      description = "Warn when the atmospheric profile's location is further than this from the "
          + "luminous end, km (default: ${DEFAULT-VALUE}).")
  double warnKm;

  @Option(names = "--max-profile-distance-km", paramLabel = "KM",
      defaultValue = "" + CheckLimits.PROFILE_MAX_KM,
      description = "Refuse (exit 2) an atmospheric profile or sounding further than this from "
          + "the luminous end, km (default: ${DEFAULT-VALUE}).")
  double maxKm;

  @Option(names = "--warn-profile-gap-h", paramLabel = "HOURS",
      defaultValue = "" + CheckLimits.PROFILE_WARN_H,
      description = "Warn when the profile's valid time is further than this from the event "
          + "time, hours (default: ${DEFAULT-VALUE}).")
  double warnHours;

  @Option(names = "--max-profile-gap-h", paramLabel = "HOURS",
      defaultValue = "" + CheckLimits.PROFILE_MAX_H,
      description = "Refuse (exit 2) a profile or sounding valid further than this from the "
          + "event time, hours (default: ${DEFAULT-VALUE}).")
  double maxHours;

  @Option(names = "--min-end-height-m", paramLabel = "M",
      defaultValue = "" + CheckLimits.MIN_END_HEIGHT_M,
      description = "Refuse a luminous-end altitude_m below this, m (default: ${DEFAULT-VALUE}).")
  double minHeight;

  @Option(names = "--max-end-height-m", paramLabel = "M",
      defaultValue = "" + CheckLimits.MAX_END_HEIGHT_M,
      description = "Refuse a luminous-end altitude_m above this, m (default: ${DEFAULT-VALUE}).")
  double maxHeight;

  @Option(names = "--min-end-speed-mps", paramLabel = "M/S",
      defaultValue = "" + CheckLimits.MIN_END_SPEED_MPS,
      description = "Refuse a luminous-end speed_mps below this, m/s "
          + "(default: ${DEFAULT-VALUE}).")
  double minSpeed;

  @Option(names = "--max-end-speed-mps", paramLabel = "M/S",
      defaultValue = "" + CheckLimits.MAX_END_SPEED_MPS,
      description = "Refuse a luminous-end speed_mps above this, m/s "
          + "(default: ${DEFAULT-VALUE}).")
  double maxSpeed;

  /** The limits, or a usage error naming the options. */
  CheckLimits limits(CommandLine cl) {
    try {
      return new CheckLimits(warnKm, maxKm, warnHours, maxHours, minHeight, maxHeight, minSpeed,
          maxSpeed);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "check limits: " + e.getMessage());
    }
  }
}
