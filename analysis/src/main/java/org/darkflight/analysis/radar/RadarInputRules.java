package org.darkflight.analysis.radar;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.InputException;
import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;

/**
 * Checks of radar returns against the event that the returns file alone cannot make. Each
 * failure is an {@link InputException} naming the returns file, the return's JSON pointer and the
 * reason.
 */
public final class RadarInputRules {

  private RadarInputRules() {}

  /**
   * Rejects returns that are not after the luminous end or not below the terminus altitude.
   *
   * @param returnsFile the radar_returns.json the returns came from
   */
  /** Smallest confidence a return may have (its square must not underflow). */
  public static final double MIN_CONFIDENCE = 1e-6;

  public static void check(Path returnsFile, List<GeolocatedReturn> returns, LuminousEnd event)
      throws InputException {
    for (GeolocatedReturn g : returns) {
      String pointer = g.radarReturn().pointer();
      var time = g.radarReturn().observation().timeUtc();
      if (!time.isAfter(event.timeUtc())) {
        throw new InputException(returnsFile, pointer + "/time_utc", "return time " + time
            + " is not after the luminous end (" + event.timeUtc() + "): meteorites cannot be"
            + " seen by radar before the fireball ended");
      }
      double confidence = g.radarReturn().confidence();
      if (!(confidence >= MIN_CONFIDENCE)) {
        throw new InputException(returnsFile, pointer + "/confidence", String.format(Locale.ROOT,
            "confidence %.3g is below %.0e: it weights the refined terminus, and weights this"
                + " small underflow to zero when squared (give a confidence in [%.0e, 1], or"
                + " leave the return out)", confidence, MIN_CONFIDENCE, MIN_CONFIDENCE));
      }
      double h = g.fix().heightM();
      if (h >= event.altitudeM()) {
        throw new InputException(returnsFile, pointer, String.format(Locale.ROOT,
            "return lies at %.0f m, at or above the terminus altitude %.0f m: dark flight starts"
                + " at the terminus, so a falling fragment cannot be there (check elevation and"
                + " slant range)", h, event.altitudeM()));
      }
    }
  }

  /** Backward flight to the terminus needs ablation disabled and the integration (no legacy mode). */
  public static void checkConfig(Path configFile, PhysicsConfig config) throws InputException {
    if (config.ablation().enabled()) {
      throw new InputException(configFile, "/ablation/enabled", "the radar workflow integrates"
          + " backward in time from each return to the terminus, which needs ablation disabled"
          + " (mass loss cannot be reversed)");
    }
    if (config.legacy() != PhysicsConfig.LegacyMode.NONE) {
      throw new InputException(configFile, "/legacy", "the radar workflow propagates each"
          + " return backward and forward with the integration; legacy mode \""
          + config.legacy().name().toLowerCase(java.util.Locale.ROOT) + "\" computes landings"
          + " from the luminous end only: use \"legacy\": \"none\" for radar");
    }
  }
}
