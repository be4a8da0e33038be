package org.darkflight.io.radar.returns;

import java.time.Instant;
import org.darkflight.physics.radar.RadarObservation;

/**
 * One return of {@code radar_returns.json}.
 *
 * @param id              identifier, unique in the file
 * @param index           position in the file's {@code returns} array (for error pointers)
 * @param observation     what the radar measured
 * @param reflectivityDbz reflectivity, dBZ, or NaN when not given
 * @param confidence      analyst's confidence in (0, 1]; weights the refined terminus
 * @param volumeTimeUtc   start of the volume scan, or null
 * @param notes           free text, or null
 */
public record RadarReturn(String id, int index, RadarObservation observation,
    double reflectivityDbz, double confidence, Instant volumeTimeUtc, String notes) {

  public RadarReturn {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("return id must not be blank");
    }
    if (observation == null) {
      throw new IllegalArgumentException("observation must be given");
    }
    if (!(confidence > 0) || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in (0, 1], got " + confidence);
    }
  }

  /** JSON pointer of this return in its file. */
  public String pointer() {
    return "/returns/" + index;
  }
}
