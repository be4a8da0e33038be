package org.darkflight.physics.radar;

/**
 * A weather radar.
 *
 * @param id              site identifier, e.g. the ICAO id {@code KLOT}
 * @param latitudeDeg     geodetic latitude of the antenna, WGS84, degrees [-90, 90]
 * @param longitudeDeg    longitude of the antenna, degrees [-180, 360)
 * @param antennaHeightM  height of the antenna (elevation-axis / feedhorn) above mean sea level,
 *                        m — used like every height in Darkflight as height above the WGS84
 *                        ellipsoid
 */
public record RadarSite(String id, double latitudeDeg, double longitudeDeg,
    double antennaHeightM) {

  public RadarSite {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("radar site id must not be blank");
    }
    if (!Double.isFinite(latitudeDeg) || latitudeDeg < -90 || latitudeDeg > 90) {
      throw new IllegalArgumentException("site lat must be in [-90, 90], got " + latitudeDeg);
    }
    if (!Double.isFinite(longitudeDeg) || longitudeDeg < -180 || longitudeDeg >= 360) {
      throw new IllegalArgumentException("site lon must be in [-180, 360), got " + longitudeDeg);
    }
    if (!Double.isFinite(antennaHeightM) || antennaHeightM < -500 || antennaHeightM > 9000) {
      throw new IllegalArgumentException(
          "antenna_height_m must be in [-500, 9000] m, got " + antennaHeightM);
    }
  }
}
