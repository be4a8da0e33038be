package org.darkflight.io.atmos.source;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source's profile before fusion (docs/plugins.md {@code AtmosphericRaw}).
 *
 * @param sourceId   a short, unique label (the plugin name plus the file name)
 * @param kind       what kind of source it is
 * @param file       the file it was read from (for provenance and messages)
 * @param validTime  when the profile is valid (sounding launch, model valid time, radar volume)
 * @param latDeg     where the profile was measured or interpolated, degrees
 * @param lonDeg     where, degrees east
 * @param levels     levels, strictly increasing in altitude
 * @param metadata   free-form provenance (station, run_time, grid, interpolation mode …),
 *                   string values, insertion-ordered
 */
public record AtmosphericRaw(String sourceId, SourceKind kind, String file, Instant validTime,
    double latDeg, double lonDeg, List<SourceLevel> levels, Map<String, String> metadata) {

  public AtmosphericRaw {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(validTime, "validTime");
    levels = List.copyOf(levels);
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    if (levels.isEmpty()) {
      throw new IllegalArgumentException(file + ": profile has no levels");
    }
    for (int i = 1; i < levels.size(); i++) {
      if (!(levels.get(i).altitudeM() > levels.get(i - 1).altitudeM())) {
        throw new IllegalArgumentException(file + ": levels not strictly increasing in altitude at "
            + levels.get(i).altitudeM() + " m");
      }
    }
  }

  /** Lowest altitude, m. */
  public double bottomM() {
    return levels.get(0).altitudeM();
  }

  /** Highest altitude, m. */
  public double topM() {
    return levels.get(levels.size() - 1).altitudeM();
  }
}
