package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.darkflight.io.meta.InputRef;

/**
 * A written {@code radar_returns.json} (schema {@code schemas/radar_returns.schema.json}) of
 * candidate returns found in NEXRAD Level II data by {@code darkflight radar-candidates}
 * (docs/radar.md). Every return is marked {@code "review": "candidate"}: {@code darkflight
 * radar} refuses it until the analyst has looked at it in the radar data and set
 * {@code "confirmed"} (or deleted it). The {@code candidate} block says where the return came
 * from and why it was selected; {@code darkflight radar} does not use it.
 *
 * @param schema    URI of the schema
 * @param eventId   the event
 * @param meta      what wrote the file, from which inputs and with which settings
 * @param returns   the candidates
 */
public record RadarReturnsDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("event_id") @JsonInclude(JsonInclude.Include.NON_NULL) String eventId,
    @JsonProperty("meta") Meta meta,
    @JsonProperty("returns") List<Entry> returns) {

  /** The schema's URI. */
  public static final String SCHEMA = "https://darkflight.org/schemas/radar_returns.schema.json";
  /** Version of the document. */
  public static final String SCHEMA_VERSION = "1.1";
  /** File name. */
  public static final String FILE = "radar_returns.json";
  /** {@code review} of a return nobody has looked at yet. */
  public static final String REVIEW_CANDIDATE = "candidate";
  /** {@code review} of a return an analyst has confirmed. */
  public static final String REVIEW_CONFIRMED = "confirmed";

  public RadarReturnsDocument {
    returns = List.copyOf(returns);
  }

  /**
   * The meta block.
   *
   * @param schemaVersion  {@link #SCHEMA_VERSION}
   * @param producer       what wrote it
   * @param createdUtc     when (ISO 8601 UTC)
   * @param description    one paragraph on what the file is
   * @param inputs         input files with their SHA-256
   * @param selection      the settings the candidates were selected with
   */
  public record Meta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("producer") String producer,
      @JsonProperty("created_utc") String createdUtc,
      @JsonProperty("description") String description,
      @JsonProperty("inputs") List<InputRef> inputs,
      @JsonProperty("selection") Selection selection) {
    public Meta {
      inputs = List.copyOf(inputs);
    }
  }

  /**
   * The selection settings.
   *
   * @param minReflectivityDbz     reflectivity threshold, dBZ
   * @param windowStartUtc         start of the time window (the luminous end + start offset)
   * @param windowEndUtc           end of the time window
   * @param windowSource           how the window's end was chosen
   * @param corridorHalfWidthM     horizontal half-width of the corridor, m
   * @param corridorTracks         the nominal trajectories forming the corridor (mass labels)
   * @param groundHeightM          ground height of the trajectories, m
   * @param heightDatum            datum of every height in the file
   * @param beamModel              how gates were located
   * @param qcFlags                each QC flag with its meaning and threshold
   */
  public record Selection(
      @JsonProperty("min_reflectivity_dbz") double minReflectivityDbz,
      @JsonProperty("window_start_utc") String windowStartUtc,
      @JsonProperty("window_end_utc") String windowEndUtc,
      @JsonProperty("window_source") String windowSource,
      @JsonProperty("corridor_half_width_m") double corridorHalfWidthM,
      @JsonProperty("corridor_tracks") List<String> corridorTracks,
      @JsonProperty("ground_height_m") double groundHeightM,
      @JsonProperty("height_datum") String heightDatum,
      @JsonProperty("beam_model") String beamModel,
      @JsonProperty("qc_flags") java.util.SortedMap<String, String> qcFlags) {
    public Selection {
      corridorTracks = List.copyOf(corridorTracks);
      qcFlags = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(qcFlags));
    }
  }

  /**
   * A radar site written inline.
   *
   * @param id              ICAO id
   * @param lat             latitude, degrees
   * @param lon             longitude, degrees east
   * @param antennaHeightM  antenna height above mean sea level, m
   */
  public record Site(
      @JsonProperty("id") String id,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("antenna_height_m") double antennaHeightM) {}

  /**
   * One return.
   *
   * @param id               unique id
   * @param site             the radar
   * @param timeUtc          time of the radial
   * @param volumeTimeUtc    start of the volume (header time), or null (absent)
   * @param elevationDeg     elevation of the radial, degrees
   * @param azimuthDeg       azimuth of the radial, degrees
   * @param slantRangeM      slant range of the gate's centre, m
   * @param beamWidthDeg     beam width, degrees
   * @param gateLengthM      gate spacing, m
   * @param reflectivityDbz  reflectivity, dBZ
   * @param review           {@link #REVIEW_CANDIDATE}
   * @param candidate        why and from where
   */
  public record Entry(
      @JsonProperty("id") String id,
      @JsonProperty("site") Site site,
      @JsonProperty("time_utc") String timeUtc,
      @JsonProperty("volume_time_utc") @JsonInclude(JsonInclude.Include.NON_NULL)
      String volumeTimeUtc,
      @JsonProperty("elevation_deg") double elevationDeg,
      @JsonProperty("azimuth_deg") double azimuthDeg,
      @JsonProperty("slant_range_m") double slantRangeM,
      @JsonProperty("beam_width_deg") double beamWidthDeg,
      @JsonProperty("gate_length_m") double gateLengthM,
      @JsonProperty("reflectivity_dbz") double reflectivityDbz,
      @JsonProperty("review") String review,
      @JsonProperty("candidate") Candidate candidate) {}

  /**
   * Where a candidate came from and where it lies.
   *
   * @param level2File            file name of the Level II volume
   * @param elevationNumber       RDA elevation number of the sweep
   * @param sweepStartUtc         time of the sweep's first radial
   * @param radialIndex           radial index in the sweep (netCDF-Java order)
   * @param gateIndex             gate index in the radial
   * @param lat                   beam-centre latitude, degrees
   * @param lon                   beam-centre longitude, degrees
   * @param heightM               beam-centre height, m
   * @param beamBottomM           height of the beam's lower half-power edge, m
   * @param beamTopM              height of its upper half-power edge, m
   * @param corridorDistanceM     horizontal distance to the corridor's cross-section, m
   * @param nearestTrack          the nearest nominal trajectory
   * @param secondsAfterEnd       the radial's time after the luminous end, s
   * @param corridorTimeSpanS     earliest and latest time a corridor trajectory passes this
   *                              height, s after the luminous end
   * @param neighbourShare        share of the gates around it at or above the threshold
   * @param qcFlags               quality-control flags (meta.selection.qc_flags says what they
   *                              mean)
   */
  public record Candidate(
      @JsonProperty("level2_file") String level2File,
      @JsonProperty("elevation_number") int elevationNumber,
      @JsonProperty("sweep_start_utc") String sweepStartUtc,
      @JsonProperty("radial_index") int radialIndex,
      @JsonProperty("gate_index") int gateIndex,
      @JsonProperty("lat") BigDecimal lat,
      @JsonProperty("lon") BigDecimal lon,
      @JsonProperty("height_m") BigDecimal heightM,
      @JsonProperty("beam_bottom_m") BigDecimal beamBottomM,
      @JsonProperty("beam_top_m") BigDecimal beamTopM,
      @JsonProperty("corridor_distance_m") BigDecimal corridorDistanceM,
      @JsonProperty("nearest_track") String nearestTrack,
      @JsonProperty("seconds_after_luminous_end") BigDecimal secondsAfterEnd,
      @JsonProperty("corridor_time_span_s") List<BigDecimal> corridorTimeSpanS,
      @JsonProperty("neighbour_share") BigDecimal neighbourShare,
      @JsonProperty("qc_flags") List<String> qcFlags) {
    public Candidate {
      corridorTimeSpanS = List.copyOf(corridorTimeSpanS);
      qcFlags = List.copyOf(qcFlags);
    }
  }
}
