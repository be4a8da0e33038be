package org.darkflight.io.geo;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provenance and event context of one run, embedded in every geospatial output: the GeoJSON
 * top-level {@code meta}, the KML Document description (escaped JSON), the "Event Overview"
 * placemark and the KMZ {@code README.txt}.
 *
 * @param eventId                 event identifier
 * @param runId                   run identifier
 * @param gitCommit               commit of the code that produced the run, or null when unknown
 * @param createdUtc              creation time written into the outputs, UTC (give a fixed value
 *                                for byte-identical reruns)
 * @param luminousEndLatitudeDeg  latitude of the end of luminous flight, degrees
 * @param luminousEndLongitudeDeg longitude of the end of luminous flight, degrees; stored in
 *                                (-180, 180]
 * @param luminousEndAltitudeM    height of the end of luminous flight above the WGS84 ellipsoid, m
 * @param luminousEndTimeUtc      time of the end of luminous flight, UTC
 * @param producer                producing program and version, e.g. {@code "darkflight 0.1.0"}
 * @param artifacts               inputs and other artifacts with their SHA-256 (order kept)
 * @param validationStatus        validation outcome, e.g. {@code "passed"}, {@code "failed"},
 *                                {@code "skipped: <reason>"}
 * @param summary                 free run summary for README.txt and the overview balloon
 *                                (key → text); stored sorted by key
 * @param heightsAboveEllipsoid   whether the run's heights (luminous end, trajectories, radar
 *                                points) are above the WGS84 ellipsoid, as {@code darkflight
 *                                run} integrates; the KML then draws them above mean sea level
 *                                (EGM96), as KML's {@code absolute} altitudes are. False: they
 *                                are above mean sea level already (a radar run in the event's
 *                                {@code msl} frame) or as a legacy workbook gives them, and are
 *                                drawn unchanged
 */
public record RunInfo(
    String eventId,
    String runId,
    String gitCommit,
    Instant createdUtc,
    double luminousEndLatitudeDeg,
    double luminousEndLongitudeDeg,
    double luminousEndAltitudeM,
    Instant luminousEndTimeUtc,
    String producer,
    List<ArtifactRef> artifacts,
    String validationStatus,
    Map<String, String> summary,
    boolean heightsAboveEllipsoid) {

  /** A run whose heights are above the WGS84 ellipsoid. */
  public RunInfo(String eventId, String runId, String gitCommit, Instant createdUtc,
      double luminousEndLatitudeDeg, double luminousEndLongitudeDeg, double luminousEndAltitudeM,
      Instant luminousEndTimeUtc, String producer, List<ArtifactRef> artifacts,
      String validationStatus, Map<String, String> summary) {
    this(eventId, runId, gitCommit, createdUtc, luminousEndLatitudeDeg, luminousEndLongitudeDeg,
        luminousEndAltitudeM, luminousEndTimeUtc, producer, artifacts, validationStatus, summary,
        true);
  }

  public RunInfo {
    Checks.text("event_id", eventId);
    Checks.text("run_id", runId);
    if (gitCommit != null) {
      Checks.text("git_commit", gitCommit);
    }
    Checks.present("created_utc", createdUtc);
    luminousEndLatitudeDeg = Checks.latitude("luminous_end_latitude_deg", luminousEndLatitudeDeg);
    luminousEndLongitudeDeg =
        Checks.longitude("luminous_end_longitude_deg", luminousEndLongitudeDeg);
    Checks.range("luminous_end_altitude_m", luminousEndAltitudeM, -500, 200_000);
    Checks.present("luminous_end_time_utc", luminousEndTimeUtc);
    Checks.text("producer", producer);
    artifacts = List.copyOf(Checks.present("artifacts", artifacts));
    Checks.text("validation_status", validationStatus);
    Checks.present("summary", summary);
    TreeMap<String, String> sorted = new TreeMap<>();
    summary.forEach((k, v) -> sorted.put(Checks.text("summary key", k),
        Checks.wellFormed("summary value for " + k, v)));
    summary = Collections.unmodifiableMap(sorted);
  }

  /** The same run whose heights are (or are not) above the WGS84 ellipsoid. */
  public RunInfo withHeightsAboveEllipsoid(boolean aboveEllipsoid) {
    return new RunInfo(eventId, runId, gitCommit, createdUtc, luminousEndLatitudeDeg,
        luminousEndLongitudeDeg, luminousEndAltitudeM, luminousEndTimeUtc, producer, artifacts,
        validationStatus, summary, aboveEllipsoid);
  }

  /** The luminous end as a ground position. */
  public LatLon luminousEnd() {
    return new LatLon(luminousEndLatitudeDeg, luminousEndLongitudeDeg);
  }
}
