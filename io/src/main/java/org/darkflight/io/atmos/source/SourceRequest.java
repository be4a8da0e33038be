package org.darkflight.io.atmos.source;

import java.time.Instant;
import java.util.Objects;

/**
 * Where and when the atmosphere is wanted: gridded sources interpolate to this point and time;
 * point sources (soundings, radar) report how far they are from it.
 *
 * @param eventTime the event time (luminous end), UTC
 * @param latDeg    geodetic latitude of the event, degrees
 * @param lonDeg    longitude of the event, degrees east (any range; normalised by readers)
 */
public record SourceRequest(Instant eventTime, double latDeg, double lonDeg) {

  public SourceRequest {
    Objects.requireNonNull(eventTime, "eventTime");
    if (!(latDeg >= -90 && latDeg <= 90)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90]: " + latDeg);
    }
    if (!Double.isFinite(lonDeg)) {
      throw new IllegalArgumentException("longitude must be finite: " + lonDeg);
    }
  }
}
