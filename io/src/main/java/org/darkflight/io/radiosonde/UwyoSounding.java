package org.darkflight.io.radiosonde;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.atmos.source.SourceLevel;

/**
 * A University of Wyoming sounding after parsing and unit normalisation.
 *
 * @param stationId       ICAO identifier (may be empty)
 * @param stationNumber   WMO station number (may be empty)
 * @param observationTime launch (nominal) time, UTC
 * @param latDeg          station latitude, degrees
 * @param lonDeg          station longitude, degrees east
 * @param elevationM      station elevation, m
 * @param columns         the column names found in the header, in order
 * @param levels          levels on geometric altitude, strictly increasing, SI units
 * @param droppedLevels   table rows without a height (not usable on an altitude axis)
 */
public record UwyoSounding(String stationId, String stationNumber, Instant observationTime,
    double latDeg, double lonDeg, double elevationM, List<String> columns,
    List<SourceLevel> levels, int droppedLevels) {

  public UwyoSounding {
    Objects.requireNonNull(observationTime, "observationTime");
    columns = List.copyOf(columns);
    levels = List.copyOf(levels);
  }
}
