package org.darkflight.analysis.ensemble;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfileDocument.Location;
import org.darkflight.physics.Constants;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;

/**
 * Checks across the input files and against physics, run before anything is written
 * (issue 16 §4; thresholds in {@link CheckLimits}, documented in docs/inputs.md). Problems that
 * move the strewn field are errors, collected and thrown together; the rest are warnings,
 * returned for the console and the output manifest.
 */
public final class InputChecks {

  private final CheckLimits limits;
  private final List<String> warnings = new ArrayList<>();
  private final List<InputException> errors = new ArrayList<>();

  private InputChecks(CheckLimits limits) {
    this.limits = limits;
  }

  /**
   * Runs every check.
   *
   * @param eventFile   event.json, for messages
   * @param atmosFile   the profile, for messages
   * @param configFile  physics_config.json, for messages
   * @param windSigmaScale the ensemble's wind_perturbation scale (0 when none)
   * @param ensembleFile the ensemble config (null when none), for messages
   * @return the warnings, each one line
   * @throws InputException listing every error found
   */
  public static List<String> run(String eventFile, LuminousEnd end, String atmosFile,
      AtmosProfile profile, String configFile, PhysicsConfig physics, double windSigmaScale,
      String ensembleFile, CheckLimits limits) throws InputException {
    InputChecks c = new InputChecks(limits);
    c.profileDistance(eventFile, end, atmosFile, profile.meta().location());
    c.profileTime(end, atmosFile, profile.meta().profileTimeUtc());
    c.endHeight(eventFile, end, configFile, physics.groundAltitudeM());
    c.endSpeed(eventFile, end);
    c.groundAndProfile(atmosFile, profile.atmosLevels(), configFile, physics.groundAltitudeM());
    c.profileTop(eventFile, end, atmosFile, profile.levels());
    c.windPerturbation(ensembleFile, windSigmaScale, atmosFile, profile.atmosLevels());
    if (!c.errors.isEmpty()) {
      throw InputException.of(c.errors);
    }
    return List.copyOf(c.warnings);
  }

  /** Great-circle distance on the mean Earth sphere (haversine), km. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double h = Math.sin(dp / 2) * Math.sin(dp / 2)
        + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * Constants.MEAN_EARTH_RADIUS_M / 1000.0 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /**
   * The distance check as a message, or null: an error (refusal) above {@code maxKm}, a
   * warning above {@code warnKm}. Shared with {@code darkflight atmos}, which checks its sources.
   *
   * @param what e.g. "the profile" or "this sounding"
   */
  public static String distanceMessage(String what, double km, double maxKm) {
    boolean signFlip = km > 2000;
    return String.format(Locale.ROOT, "%s is %.0f km from the event's luminous end (limit %.0f"
        + " km)%s; use a profile for the event's place, or allow it with "
        + "--max-profile-distance-km=%.0f", what, km, maxKm,
        signFlip ? "; check the signs of latitude and longitude (south and west are negative)"
            : "", Math.ceil(km + 1));
  }

  /** The time-gap refusal message. */
  public static String gapMessage(String what, Instant profileTime, Instant eventTime,
      double maxHours) {
    double hours = hours(profileTime, eventTime);
    return String.format(Locale.ROOT, "%s is valid at %s, %s %s the event at %s (limit %.0f h);"
        + " use a profile for the event's time, or allow it with --max-profile-gap-h=%.0f",
        what, profileTime, span(Math.abs(hours)), hours < 0 ? "after" : "before", eventTime,
        maxHours, Math.ceil(Math.abs(hours) + 1));
  }

  /** Signed hours from {@code profileTime} to {@code eventTime} (positive: profile earlier). */
  public static double hours(Instant profileTime, Instant eventTime) {
    return Duration.between(profileTime, eventTime).toMillis() / 3.6e6;
  }

  private static String span(double hours) {
    return hours >= 48 ? String.format(Locale.ROOT, "%.1f days (%.0f h)", hours / 24, hours)
        : String.format(Locale.ROOT, "%.1f h", hours);
  }

  private void profileDistance(String eventFile, LuminousEnd end, String atmosFile,
      Location loc) {
    double km = distanceKm(end.latitudeDeg(), end.longitudeDeg(), loc.lat(), loc.lon());
    if (km > limits.profileMaxKm()) {
      errors.add(new InputException(atmosFile, "/meta/location",
          distanceMessage("the profile (" + fmt(loc.lat()) + ", " + fmt(loc.lon()) + ")", km,
              limits.profileMaxKm()) + " [event: " + eventFile + "]"));
    } else if (km > limits.profileWarnKm()) {
      warnings.add(String.format(Locale.ROOT, "%s: the profile is %.0f km from the event's "
          + "luminous end (warning above %.0f km, --warn-profile-distance-km); its winds may "
          + "not be the event's", atmosFile, km, limits.profileWarnKm()));
    }
  }

  private void profileTime(LuminousEnd end, String atmosFile, Instant profileTime) {
    double hours = Math.abs(hours(profileTime, end.timeUtc()));
    if (hours > limits.profileMaxHours()) {
      errors.add(new InputException(atmosFile, "/meta/profile_time_utc",
          gapMessage("the profile", profileTime, end.timeUtc(), limits.profileMaxHours())));
    } else if (hours > limits.profileWarnHours()) {
      warnings.add(String.format(Locale.ROOT, "%s: the profile is valid %s from the event "
          + "(warning above %.0f h, --warn-profile-gap-h); its winds may have changed",
          atmosFile, span(hours), limits.profileWarnHours()));
    }
  }

  private void endHeight(String eventFile, LuminousEnd end, String configFile,
      double groundM) {
    double h = end.altitudeM();
    String ptr = "/luminous_end/altitude_m";
    if (h <= groundM) {
      errors.add(new InputException(eventFile, ptr, String.format(Locale.ROOT,
          "the luminous end at %s m is not above the ground at %s m (ground_altitude_m in %s)%s",
          fmt(h), fmt(groundM), configFile, kmHint(h, limits.minEndHeightM(),
              limits.maxEndHeightM(), "altitude_m", "m"))));
    } else if (h < limits.minEndHeightM()) {
      errors.add(new InputException(eventFile, ptr, String.format(Locale.ROOT,
          "the luminous end at %s m is implausibly low (below %.0f m)%s; if the value is right, "
              + "allow it with --min-end-height-m", fmt(h), limits.minEndHeightM(),
          kmHint(h, limits.minEndHeightM(), limits.maxEndHeightM(), "altitude_m", "m"))));
    } else if (h > limits.maxEndHeightM()) {
      errors.add(new InputException(eventFile, ptr, String.format(Locale.ROOT,
          "the luminous end at %s m is implausibly high (above %.0f m): dark flight starts "
              + "where the fireball ends, usually 15-40 km up; if the value is right, allow it "
              + "with --max-end-height-m", fmt(h), limits.maxEndHeightM())));
    }
  }

  private void endSpeed(String eventFile, LuminousEnd end) {
    double v = end.speedMps();
    String ptr = "/luminous_end/speed_mps";
    if (v < limits.minEndSpeedMps()) {
      errors.add(new InputException(eventFile, ptr, String.format(Locale.ROOT,
          "a luminous-end speed of %s m/s is implausibly slow (below %.0f m/s)%s; if the value "
              + "is right, allow it with --min-end-speed-mps", fmt(v), limits.minEndSpeedMps(),
          kmHint(v, limits.minEndSpeedMps(), limits.maxEndSpeedMps(), "speed_mps", "m/s"))));
    } else if (v > limits.maxEndSpeedMps()) {
      errors.add(new InputException(eventFile, ptr, String.format(Locale.ROOT,
          "a luminous-end speed of %s m/s is implausibly fast (above %.0f m/s); if the value "
              + "is right, allow it with --max-end-speed-mps", fmt(v),
          limits.maxEndSpeedMps())));
    }
  }

  /** "; it looks like kilometres: …" when 1000 × value is plausible, else "". */
  private static String kmHint(double value, double min, double max, String field,
      String unit) {
    double k = value * 1000;
    if (value > 0 && k >= min && k <= max) {
      return String.format(Locale.ROOT, "; it looks like a value in k%s: %s is in %s, write %s",
          unit, field, unit, java.math.BigDecimal.valueOf(value).movePointRight(3)
              .stripTrailingZeros().toPlainString());
    }
    return "";
  }

  private void groundAndProfile(String atmosFile, List<AtmosLevel> levels, String configFile,
      double groundM) {
    double lowest = levels.get(0).altitudeM();
    if (groundM < lowest) {
      warnings.add(String.format(Locale.ROOT, "%s: the ground (%s m, %s) lies below the "
          + "profile's lowest level (%s m): from there down the air is extrapolated with the "
          + "USSA76 shape (pressure and density scaled by the USSA76 ratio, temperature and "
          + "wind held) and blended into the US Standard Atmosphere 1976 without wind over %.0f m",
          atmosFile, fmt(groundM), configFile, fmt(lowest), ProfileAtmosphere.BLEND_DISTANCE_M));
    }
  }

  /** Source label of the levels the atmospheric fusion fills with USSA76 ({@code atmos}, S2). */
  public static final String FILL_SOURCE = "ussa76";

  /**
   * The US Standard Atmosphere 1976 fill at the luminous end, a QC warning (docs/inputs.md):
   * the profile ends below the luminous end (the physics carries its top level over with the
   * USSA76 shape), or a fused profile's levels up there are the fusion's USSA76 fill (source
   * {@value #FILL_SOURCE}) because no source reaches that high.
   */
  private void profileTop(String eventFile, LuminousEnd end,  String atmosFile,
      List<org.darkflight.io.atmos.ProfileLevel> levels) {
    double endM = end.altitudeM();
    double top = levels.get(levels.size() - 1).level().altitudeM();
    if (top < endM) {
      warnings.add(String.format(Locale.ROOT, "%s: the profile's highest level (%s m) lies "
          + "below the luminous end (%s m, %s): from there up the air is the US Standard "
          + "Atmosphere 1976 fill (the top level's temperature and wind held, pressure and "
          + "density with the USSA76 shape, blended into USSA76 without wind over %.0f m); "
          + "add a source that reaches the luminous end", atmosFile, fmt(top), fmt(endM),
          eventFile, ProfileAtmosphere.BLEND_DISTANCE_M));
      return;
    }
    double data = Double.NaN;
    boolean fillBelowEnd = false;
    for (org.darkflight.io.atmos.ProfileLevel l : levels) {
      double z = l.level().altitudeM();
      if (l.source() != null && !l.source().equals(FILL_SOURCE)) {
        data = z;
      } else if (FILL_SOURCE.equals(l.source()) && z <= endM) {
        fillBelowEnd = true;
      }
    }
    if (Double.isFinite(data) && data < endM && fillBelowEnd) {
      warnings.add(String.format(Locale.ROOT, "%s: no atmospheric source reaches the luminous "
          + "end (%s m, %s): above %s m the profile's levels are the fusion's US Standard "
          + "Atmosphere 1976 fill (source %s: temperature blended from the last data level, "
          + "hydrostatic pressure, winds decaying to calm); add a source that reaches the "
          + "luminous end", atmosFile, fmt(endM), eventFile, fmt(data), FILL_SOURCE));
    }
  }

  private void windPerturbation(String ensembleFile, double scale, String atmosFile,
      List<AtmosLevel> levels) {
    if (!(scale > 0)) {
      return;
    }
    boolean anySigma = levels.stream().anyMatch(l -> Double.isFinite(l.sigmaUMps())
        && l.sigmaUMps() > 0 || Double.isFinite(l.sigmaVMps()) && l.sigmaVMps() > 0);
    if (!anySigma) {
      warnings.add(ensembleFile + ": /wind_perturbation has no effect: the profile " + atmosFile
          + " gives no wind uncertainty (sigma_u_mps, sigma_v_mps) on any level; fuse the "
          + "profile with darkflight atmos or add the sigmas");
    }
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%s", Double.toString(v));
  }
}
