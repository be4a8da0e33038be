package org.darkflight.physics;

import java.time.Instant;

/**
 * The state at the end of luminous flight, where dark flight starts.
 *
 * <p>Angle conventions (see docs/MODEL_ASSUMPTIONS.md): {@code azimuthDeg} is the direction of
 * travel measured clockwise from true north (90 = moving east); {@code elevationDeg} is the entry
 * angle: the velocity points that many degrees <em>below</em> the local horizontal (90 = straight
 * down, 0 = horizontal).
 *
 * @param timeUtc       time of the luminous end, UTC
 * @param latitudeDeg   geodetic latitude, WGS84, degrees [-90, 90]
 * @param longitudeDeg  longitude, WGS84, degrees [-180, 360)
 * @param altitudeM     height of the luminous end, m (treated as height above the WGS84 ellipsoid)
 * @param speedMps      speed, m/s (&gt;= 0)
 * @param azimuthDeg    direction of travel clockwise from true north, degrees [0, 360)
 * @param elevationDeg  entry angle below the local horizontal, degrees [0, 90]
 */
public record LuminousEnd(
    Instant timeUtc,
    double latitudeDeg,
    double longitudeDeg,
    double altitudeM,
    double speedMps,
    double azimuthDeg,
    double elevationDeg) {

  public LuminousEnd {
    if (timeUtc == null) {
      throw new IllegalArgumentException("time_utc must be given");
    }
    check("lat", latitudeDeg, -90, 90);
    check("lon", longitudeDeg, -180, 360);
    check("altitude_m", altitudeM, -500, 200_000);
    check("speed_mps", speedMps, 0, 80_000);
    check("azimuth_deg", azimuthDeg, 0, 360);
    check("elevation_deg", elevationDeg, 0, 90);
  }

  private static void check(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be a finite number in [" + min + ", " + max + "], got " + value);
    }
  }
}
