package org.darkflight.io.radar.solution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.radar.returns.ArtifactMeta;

/**
 * {@code radar_solution.json} (schema {@code schemas/radar_solution.schema.json}): per radar
 * return the fitted mass, the predicted impact and the calculated terminus; the refined terminus
 * with its uncertainty; the strewn field of the mass suite from the refined terminus. Angles in
 * degrees, lengths in metres, masses in kg, times in s or ISO-8601 UTC. A figure that could not
 * be computed is written as null where the schema has the key, absent where it is optional.
 *
 * <p>Constant members such as {@code status} are record components (checked), not derived
 * accessors: the mapper writes the components of a record in sorted order before any other
 * property, so only components keep the keys sorted.
 *
 * @param meta          schema version, producer, creation time, model, inputs
 * @param eventId       the event, or null (absent)
 * @param eventTerminus the event's luminous end as given
 * @param settings      the solver's settings
 * @param returns       one entry per return, in input order
 * @param refined       the refined terminus
 * @param strewnField   one entry per mass of the suite
 * @param heightReference what every {@code altitude_m} of the file (terminus, returns, slices of
 *                      the solution) is measured from: {@code msl} or {@code ellipsoid}, the
 *                      reference of the event's luminous end, into which the radar sites'
 *                      antenna heights were converted
 */
public record RadarSolutionDocument(
    @JsonProperty("meta") ArtifactMeta.Block meta,
    @JsonProperty("event_id") @JsonInclude(JsonInclude.Include.NON_NULL) String eventId,
    @JsonProperty("event_terminus") EventTerminus eventTerminus,
    @JsonProperty("settings") Settings settings,
    @JsonProperty("returns") List<ReturnEntry> returns,
    @JsonProperty("refined_terminus") RefinedTerminus refined,
    @JsonProperty("strewn_field") List<SuiteEntry> strewnField,
    @JsonProperty("height_reference") String heightReference) {

  /** File name. */
  public static final String FILE = "radar_solution.json";
  /** Schema version written. */
  public static final String SCHEMA_VERSION = "1.0";

  /** Checks the blocks and copies the lists. */
  public RadarSolutionDocument {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(eventTerminus, "eventTerminus");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(refined, "refined");
    returns = List.copyOf(returns);
    strewnField = List.copyOf(strewnField);
    heightReference = heightReference == null ? "msl" : heightReference;
  }

  /** A solution whose heights are above mean sea level. */
  public RadarSolutionDocument(ArtifactMeta.Block meta, String eventId,
      EventTerminus eventTerminus, Settings settings, List<ReturnEntry> returns,
      RefinedTerminus refined, List<SuiteEntry> strewnField) {
    this(meta, eventId, eventTerminus, settings, returns, refined, strewnField, "msl");
  }

  /**
   * The event's luminous end.
   *
   * @param timeUtc      time
   * @param lat          latitude, deg
   * @param lon          longitude, deg
   * @param altitudeM    height, m
   * @param speedMps     speed, m/s
   * @param azimuthDeg   azimuth of travel, deg from north
   * @param elevationDeg elevation of travel, deg
   */
  public record EventTerminus(
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("speed_mps") double speedMps,
      @JsonProperty("azimuth_deg") double azimuthDeg,
      @JsonProperty("elevation_deg") double elevationDeg) {}

  /**
   * The solver's settings.
   *
   * @param massMinKg     lightest mass searched, kg
   * @param massMaxKg     heaviest mass searched, kg
   * @param densityKgM3   fragment density, kg/m³
   * @param cd            drag coefficient
   * @param shapeFactor   shape factor
   * @param suiteMassesKg masses of the strewn-field suite, kg
   */
  public record Settings(
      @JsonProperty("mass_min_kg") double massMinKg,
      @JsonProperty("mass_max_kg") double massMaxKg,
      @JsonProperty("density_kg_m3") double densityKgM3,
      @JsonProperty("cd") double cd,
      @JsonProperty("shape_factor") double shapeFactor,
      @JsonProperty("suite_masses_kg") List<Double> suiteMassesKg) {

    /** Copies the list. */
    public Settings {
      suiteMassesKg = List.copyOf(suiteMassesKg);
    }
  }

  /** One return: {@link SolvedReturn} or {@link UnsolvedReturn}. */
  public sealed interface ReturnEntry permits SolvedReturn, UnsolvedReturn {}

  /**
   * A solved return.
   *
   * @param returnId                 the return's id
   * @param siteId                   the radar site
   * @param timeUtc                  observation time
   * @param lat                      geolocated latitude, deg
   * @param lon                      geolocated longitude, deg
   * @param altitudeM                geolocated height, m
   * @param confidence               the return's confidence, 0–1
   * @param status                   {@value #SOLVED}
   * @param observedTimeS            fall time from the terminus to the return, s
   * @param lightestTimeS            time the lightest mass needs to the return's height, s, or
   *                                 null
   * @param heaviestTimeS            time the heaviest mass needs, s, or null
   * @param evaluations              flights flown by the root finder
   * @param massKg                   the fitted mass, kg
   * @param massAtPlusSigmaHeightKg  the mass fitted with the return 1 σ higher, kg, or null
   * @param massAtMinusSigmaHeightKg the mass fitted with the return 1 σ lower, kg, or null
   * @param predictedImpact          where the fitted mass lands flying forward from the return
   * @param calculatedTerminus       the terminus flying backward from the return
   */
  public record SolvedReturn(
      @JsonProperty("return_id") String returnId,
      @JsonProperty("site_id") String siteId,
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("confidence") double confidence,
      @JsonProperty("status") String status,
      @JsonProperty("observed_time_s") double observedTimeS,
      @JsonProperty("lightest_time_s") Double lightestTimeS,
      @JsonProperty("heaviest_time_s") Double heaviestTimeS,
      @JsonProperty("evaluations") int evaluations,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("mass_at_plus_sigma_height_kg") Double massAtPlusSigmaHeightKg,
      @JsonProperty("mass_at_minus_sigma_height_kg") Double massAtMinusSigmaHeightKg,
      @JsonProperty("predicted_impact") Impact predictedImpact,
      @JsonProperty("calculated_terminus") CalculatedTerminus calculatedTerminus)
      implements ReturnEntry {

    /** The status of a solved return. */
    public static final String SOLVED = "solved";

    /** Checks the status. */
    public SolvedReturn {
      if (!SOLVED.equals(status)) {
        throw new IllegalArgumentException("solved return status: " + status);
      }
    }
  }

  /**
   * A return that could not be solved.
   *
   * @param returnId      the return's id
   * @param siteId        the radar site
   * @param timeUtc       observation time
   * @param lat           geolocated latitude, deg
   * @param lon           geolocated longitude, deg
   * @param altitudeM     geolocated height, m
   * @param confidence    the return's confidence, 0–1
   * @param status        {@code failed} (a mass fits, no terminus) or {@code no_mass_fits}
   * @param reason        why
   * @param observedTimeS fall time from the terminus to the return, s
   * @param lightestTimeS time the lightest mass needs to the return's height, s, or null
   * @param heaviestTimeS time the heaviest mass needs, s, or null
   * @param evaluations   flights flown by the root finder
   * @param massKg        the fitted mass, kg, when one fits (else absent)
   */
  public record UnsolvedReturn(
      @JsonProperty("return_id") String returnId,
      @JsonProperty("site_id") String siteId,
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("confidence") double confidence,
      @JsonProperty("status") String status,
      @JsonProperty("reason") String reason,
      @JsonProperty("observed_time_s") double observedTimeS,
      @JsonProperty("lightest_time_s") Double lightestTimeS,
      @JsonProperty("heaviest_time_s") Double heaviestTimeS,
      @JsonProperty("evaluations") int evaluations,
      @JsonProperty("mass_kg") @JsonInclude(JsonInclude.Include.NON_NULL) Double massKg)
      implements ReturnEntry {

    /** Checks the status. */
    public UnsolvedReturn {
      if (!"failed".equals(status) && !"no_mass_fits".equals(status)) {
        throw new IllegalArgumentException("unsolved return status: " + status);
      }
    }
  }

  /**
   * Where a mass lands.
   *
   * @param lat            latitude, deg
   * @param lon            longitude, deg
   * @param timeUtc        landing time
   * @param fallTimeS      fall time, s
   * @param impactSpeedMps impact speed, m/s
   * @param massFinalKg    mass at impact, kg
   */
  public record Impact(
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("fall_time_s") double fallTimeS,
      @JsonProperty("impact_speed_mps") double impactSpeedMps,
      @JsonProperty("mass_final_kg") double massFinalKg) {}

  /**
   * The terminus calculated from one return.
   *
   * @param lat             latitude, deg
   * @param lon             longitude, deg
   * @param altitudeM       height, m
   * @param timeOffsetS     its time minus the event's terminus time, s
   * @param method          {@code backward} or {@code forward_shooting}
   * @param backwardGapM    miss distance of the backward flight, m, or null
   * @param eastM           east offset from the event's terminus, m
   * @param northM          north offset, m
   * @param covarianceEnM2  2×2 east/north covariance, m²
   */
  public record CalculatedTerminus(
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("time_offset_s") double timeOffsetS,
      @JsonProperty("method") String method,
      @JsonProperty("backward_gap_m") Double backwardGapM,
      @JsonProperty("east_m") double eastM,
      @JsonProperty("north_m") double northM,
      @JsonProperty("covariance_en_m2") List<List<Double>> covarianceEnM2) {}

  /**
   * The refined terminus.
   *
   * @param timeUtc            time
   * @param lat                latitude, deg
   * @param lon                longitude, deg
   * @param altitudeM          height, m
   * @param eastM              east offset from the event's terminus, m
   * @param northM             north offset, m
   * @param returnsUsed        solved returns combined
   * @param effectiveCount     effective number of returns, (Σw)²/Σw²
   * @param covarianceEnM2     reported 2×2 east/north covariance, m²
   * @param scatterCovEnM2     scatter covariance of the termini, m²
   * @param measurementCovEnM2 covariance from the returns' position uncertainties, m²
   * @param sigmaMajorM        1-σ semi-major axis, m
   * @param sigmaMinorM        1-σ semi-minor axis, m
   * @param orientationDeg     azimuth of the major axis, deg from north
   */
  public record RefinedTerminus(
      @JsonProperty("time_utc") Instant timeUtc,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("east_m") double eastM,
      @JsonProperty("north_m") double northM,
      @JsonProperty("returns_used") int returnsUsed,
      @JsonProperty("effective_count") double effectiveCount,
      @JsonProperty("covariance_en_m2") List<List<Double>> covarianceEnM2,
      @JsonProperty("scatter_cov_en_m2") List<List<Double>> scatterCovEnM2,
      @JsonProperty("measurement_cov_en_m2") List<List<Double>> measurementCovEnM2,
      @JsonProperty("sigma_major_m") double sigmaMajorM,
      @JsonProperty("sigma_minor_m") double sigmaMinorM,
      @JsonProperty("orientation_deg") double orientationDeg) {}

  /** One mass of the suite: {@link LandedMass} or {@link FailedMass}. */
  public sealed interface SuiteEntry permits LandedMass, FailedMass {}

  /**
   * A suite mass that landed.
   *
   * @param massKg mass at the terminus, kg
   * @param status {@value #LANDED}
   * @param impact where it lands
   */
  public record LandedMass(
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("status") String status,
      @JsonProperty("impact") Impact impact) implements SuiteEntry {

    /** The status of a landed mass. */
    public static final String LANDED = "landed";

    /** Checks the status. */
    public LandedMass {
      if (!LANDED.equals(status)) {
        throw new IllegalArgumentException("landed mass status: " + status);
      }
    }

    /** A landed mass. */
    public static LandedMass of(double massKg, Impact impact) {
      return new LandedMass(massKg, LANDED, impact);
    }
  }

  /**
   * A suite mass whose flight failed.
   *
   * @param massKg mass at the terminus, kg
   * @param status {@value #FAILED}
   * @param reason why
   */
  public record FailedMass(
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("status") String status,
      @JsonProperty("reason") String reason) implements SuiteEntry {

    /** The status of a failed mass. */
    public static final String FAILED = "failed";

    /** Checks the status. */
    public FailedMass {
      if (!FAILED.equals(status)) {
        throw new IllegalArgumentException("failed mass status: " + status);
      }
    }

    /** A mass whose flight failed. */
    public static FailedMass of(double massKg, String reason) {
      return new FailedMass(massKg, FAILED, reason);
    }
  }

  /** A matrix as nested lists (rows). */
  public static List<List<Double>> matrix(double[][] m) {
    return java.util.Arrays.stream(m)
        .map(row -> java.util.Arrays.stream(row).boxed().toList()).toList();
  }

  /** A finite value, or null for NaN and infinities. */
  public static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
