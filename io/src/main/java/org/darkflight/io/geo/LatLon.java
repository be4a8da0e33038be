package org.darkflight.io.geo;

/**
 * A WGS84 geodetic position on the ground.
 *
 * @param latitudeDeg   geodetic latitude, degrees [-90, 90]
 * @param longitudeDeg  longitude, degrees; accepted in [-180, 360], stored in (-180, 180]
 */
public record LatLon(double latitudeDeg, double longitudeDeg) {

  public LatLon {
    latitudeDeg = Checks.latitude("latitude_deg", latitudeDeg);
    longitudeDeg = Checks.longitude("longitude_deg", longitudeDeg);
  }
}
