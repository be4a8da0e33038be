package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * {@code radar_slices/<return id>.json} (schema {@code schemas/radar_slice.schema.json}): one
 * radar return with its measurement, the WGS84 position it was geolocated to and the
 * uncertainty of that position. Angles in degrees, lengths in metres, heights above the WGS84
 * ellipsoid.
 *
 * @param meta        schema version, producer, creation time, model, units, inputs
 * @param returnId    the return's id
 * @param site        the radar site
 * @param timeUtc     observation time
 * @param measured    what the radar measured
 * @param position    the geolocated position
 * @param uncertainty the position's uncertainty
 */
public record RadarSliceDocument(
    @JsonProperty("meta") ArtifactMeta.Block meta,
    @JsonProperty("return_id") String returnId,
    @JsonProperty("site") Site site,
    @JsonProperty("time_utc") Instant timeUtc,
    @JsonProperty("measured") Measured measured,
    @JsonProperty("position") Position position,
    @JsonProperty("uncertainty") Uncertainty uncertainty) {

  /**
   * The radar site.
   *
   * @param id              site id, e.g. {@code KLOT}
   * @param lat             latitude, deg
   * @param lon             longitude, deg
   * @param antennaHeightM  antenna height above the ellipsoid, m
   */
  public record Site(
      @JsonProperty("id") String id,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("antenna_height_m") double antennaHeightM) {}

  /**
   * The measurement.
   *
   * @param elevationDeg    beam elevation, deg
   * @param azimuthDeg      azimuth, deg from north
   * @param slantRangeM     slant range, m
   * @param beamWidthDeg    half-power beam width, deg
   * @param gateLengthM     range-gate length, m
   * @param reflectivityDbz reflectivity, dBZ, or null (absent)
   * @param confidence      confidence, 0–1
   * @param volumeTimeUtc   start of the volume scan, or null (absent)
   * @param notes           the observer's notes, or null (absent)
   */
  public record Measured(
      @JsonProperty("elevation_deg") double elevationDeg,
      @JsonProperty("azimuth_deg") double azimuthDeg,
      @JsonProperty("slant_range_m") double slantRangeM,
      @JsonProperty("beam_width_deg") double beamWidthDeg,
      @JsonProperty("gate_length_m") double gateLengthM,
      @JsonProperty("reflectivity_dbz") @JsonInclude(JsonInclude.Include.NON_NULL)
      Double reflectivityDbz,
      @JsonProperty("confidence") double confidence,
      @JsonProperty("volume_time_utc") @JsonInclude(JsonInclude.Include.NON_NULL)
      Instant volumeTimeUtc,
      @JsonProperty("notes") @JsonInclude(JsonInclude.Include.NON_NULL) String notes) {}

  /**
   * The geolocated position.
   *
   * @param lat              latitude, deg
   * @param lon              longitude, deg
   * @param altitudeM        height, m
   * @param groundRangeM     ground range from the site, m
   * @param radialAzimuthDeg azimuth of the beam at the target, deg from north
   */
  public record Position(
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("ground_range_m") double groundRangeM,
      @JsonProperty("radial_azimuth_deg") double radialAzimuthDeg) {}

  /**
   * The position's uncertainty.
   *
   * @param sigmaAltitudeM      1-σ height, m
   * @param sigmaAlongM         1-σ along the beam's ground track, m
   * @param sigmaCrossM         1-σ across it, m
   * @param covAltitudeAlongM2  covariance of height and along-track position, m²
   * @param beamBottomM         height of the beam's lower half-power edge, m
   * @param beamTopM            height of its upper edge, m
   * @param covarianceEnuM2     3×3 east/north/up covariance, m²
   */
  public record Uncertainty(
      @JsonProperty("sigma_altitude_m") double sigmaAltitudeM,
      @JsonProperty("sigma_along_m") double sigmaAlongM,
      @JsonProperty("sigma_cross_m") double sigmaCrossM,
      @JsonProperty("cov_altitude_along_m2") double covAltitudeAlongM2,
      @JsonProperty("beam_bottom_m") double beamBottomM,
      @JsonProperty("beam_top_m") double beamTopM,
      @JsonProperty("covariance_enu_m2") List<List<Double>> covarianceEnuM2) {}
}
