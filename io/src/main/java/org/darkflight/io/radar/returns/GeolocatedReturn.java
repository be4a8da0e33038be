package org.darkflight.io.radar.returns;

import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.radar.RadarGeolocator;

/**
 * A radar return with its geodetic position and uncertainty.
 *
 * @param radarReturn the return as read
 * @param fix         where it lies (4/3-Earth beam model, WGS84 geodesic)
 */
public record GeolocatedReturn(RadarReturn radarReturn, RadarFix fix) {

  /**
   * Geolocates every return of a file.
   *
   * @throws InputException naming the return when its geometry is impossible
   */
  public static List<GeolocatedReturn> locateAll(RadarReturnsFile file) throws InputException {
    List<GeolocatedReturn> out = new ArrayList<>();
    for (RadarReturn r : file.returns()) {
      try {
        out.add(new GeolocatedReturn(r, RadarGeolocator.locate(r.observation())));
      } catch (IllegalArgumentException e) {
        throw new InputException(file.file(), r.pointer(), e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }
}
