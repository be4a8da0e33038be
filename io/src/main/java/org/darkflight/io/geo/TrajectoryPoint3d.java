package org.darkflight.io.geo;

/**
 * One vertex of a {@link TrajectoryLine}.
 *
 * @param latitudeDeg   geodetic latitude, WGS84, degrees [-90, 90]
 * @param longitudeDeg  longitude, degrees; stored in (-180, 180]
 * @param heightM       height above the WGS84 ellipsoid, m (KML writes it as altitudeMode
 *                      {@code absolute}, which Google Earth reads as above mean sea level; the
 *                      geoid undulation, under 110 m, is not removed)
 * @param timeS         time since the luminous end, s (&gt;= 0)
 */
public record TrajectoryPoint3d(double latitudeDeg, double longitudeDeg, double heightM,
    double timeS) {

  public TrajectoryPoint3d {
    latitudeDeg = Checks.latitude("latitude_deg", latitudeDeg);
    longitudeDeg = Checks.longitude("longitude_deg", longitudeDeg);
    Checks.range("height_m", heightM, -11_000, 500_000);
    Checks.nonNegative("time_s", timeS);
  }
}
