package org.darkflight.analysis.atmos;

import java.time.Instant;
import java.util.Map;

/**
 * A source as the fusion saw it, for provenance.
 *
 * @param name          the source id
 * @param kind          its kind label (radiosonde, model, radar_vad)
 * @param path          the file read
 * @param validTime     its valid time
 * @param timeOffsetS   valid time minus event time, s
 * @param distanceKm    great-circle distance from the event, km
 * @param bottomM       lowest level, m
 * @param topM          highest level, m
 * @param metadata      the source's own metadata (station, run_time, grid, interpolation …)
 */
public record SourceSummary(String name, String kind, String path, Instant validTime,
    double timeOffsetS, double distanceKm, double bottomM, double topM,
    Map<String, String> metadata) {

  public SourceSummary {
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
  }
}
