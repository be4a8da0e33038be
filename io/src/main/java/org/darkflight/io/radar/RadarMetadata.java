package org.darkflight.io.radar;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code radar_metadata.json} (docs/radar.md): pointers to the raw radar volumes used for winds.
 *
 * @param radarSiteId   radar identifier, e.g. {@code KLOT}
 * @param volumeTime    volume scan start, UTC
 * @param level2Files   paths or URIs of the Level II volumes
 * @param notes         free text, may be empty
 * @param siteLatDeg    radar latitude, degrees, or NaN when not given
 * @param siteLonDeg    radar longitude, degrees, or NaN
 * @param siteHeightM   antenna height above mean sea level, m, or NaN (a file's ellipsoidal
 *                      {@code elevation_m} is converted with EGM96 when read)
 */
public record RadarMetadata(String radarSiteId, Instant volumeTime, List<String> level2Files,
    String notes, double siteLatDeg, double siteLonDeg, double siteHeightM) {

  public RadarMetadata {
    Objects.requireNonNull(radarSiteId, "radarSiteId");
    Objects.requireNonNull(volumeTime, "volumeTime");
    level2Files = List.copyOf(level2Files);
    notes = notes == null ? "" : notes;
  }
}
