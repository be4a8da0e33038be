package org.darkflight.io.nexrad;

import java.util.Objects;

/**
 * Where a NEXRAD radar stands, as its data file says.
 *
 * @param id              ICAO id, e.g. {@code KLBB}
 * @param latitudeDeg     antenna latitude, degrees (WGS84)
 * @param longitudeDeg    antenna longitude, degrees east
 * @param groundHeightM   height of the site's ground above mean sea level, m
 * @param antennaHeightM  height of the antenna (feedhorn) above mean sea level, m
 * @param positionSource  where the position came from (the file's message-31 volume block, a
 *                        Level III product header, or netCDF-Java's station table for message-1
 *                        volumes that carry no position)
 */
public record NexradSite(String id, double latitudeDeg, double longitudeDeg,
    double groundHeightM, double antennaHeightM, String positionSource) {

  public NexradSite {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(positionSource, "positionSource");
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90) || !(longitudeDeg >= -180
        && longitudeDeg <= 360) || !Double.isFinite(antennaHeightM)) {
      throw new IllegalArgumentException("radar " + id + ": implausible position " + latitudeDeg
          + ", " + longitudeDeg + ", " + antennaHeightM + " m");
    }
  }
}
