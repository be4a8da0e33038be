package org.darkflight.io.atmos.fused;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.json.Json;

/**
 * A source as the fusion used it, in {@code meta.sources} of {@code wind_profile_compiled.json}.
 *
 * @param name        the source id
 * @param kind        {@code radiosonde}, {@code model} or {@code radar_vad}
 * @param path        the file name
 * @param timeUtc     the source's valid time
 * @param timeOffsetS valid time minus event time, s (1 decimal)
 * @param distanceKm  great-circle distance from the event, km (3 decimals)
 * @param bottomM     lowest level, m (3 decimals)
 * @param topM        highest level, m (3 decimals)
 * @param sha256      SHA-256 of the file, or null (absent) when it could not be read
 * @param metadata    the source's own metadata (station, run time, grid …), sorted by key
 */
public record FusedSource(
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("path") String path,
    @JsonProperty("time_utc") Instant timeUtc,
    @JsonProperty("time_offset_s") BigDecimal timeOffsetS,
    @JsonProperty("distance_km") BigDecimal distanceKm,
    @JsonProperty("bottom_m") BigDecimal bottomM,
    @JsonProperty("top_m") BigDecimal topM,
    @JsonProperty("sha256") @JsonInclude(JsonInclude.Include.NON_NULL) String sha256,
    @JsonProperty("metadata") SortedMap<String, String> metadata) {

  /** Copies the metadata, sorted. */
  public FusedSource {
    metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }

  /** A source with its figures rounded as written. */
  public static FusedSource of(String name, String kind, String path, Instant timeUtc,
      double timeOffsetS, double distanceKm, double bottomM, double topM, String sha256,
      Map<String, String> metadata) {
    return new FusedSource(name, kind, path, timeUtc, Json.roundedDecimal(timeOffsetS, 1),
        Json.roundedDecimal(distanceKm, 3), Json.roundedDecimal(bottomM, 3),
        Json.roundedDecimal(topM, 3), sha256, new TreeMap<>(metadata));
  }

  /**
   * The short form of this source in {@code meta.sources} of {@code atmos_profile.json}.
   *
   * @param name    the source id
   * @param kind    its kind
   * @param timeUtc its valid time
   * @param path    the file name
   * @param sha256  SHA-256 of the file, or null (absent)
   */
  public record ProfileSource(
      @JsonProperty("name") String name,
      @JsonProperty("kind") String kind,
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("path") String path,
      @JsonProperty("sha256") @JsonInclude(JsonInclude.Include.NON_NULL) String sha256) {}

  /** The short form for {@code atmos_profile.json}. */
  public ProfileSource profileSource() {
    return new ProfileSource(name, kind, timeUtc, path, sha256);
  }
}
