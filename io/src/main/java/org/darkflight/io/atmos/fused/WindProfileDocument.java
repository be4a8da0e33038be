package org.darkflight.io.atmos.fused;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code wind_profile_compiled.json} (schema {@code schemas/wind_profile_compiled.schema.json}):
 * the fused winds on the integration grid with per-level 1-σ uncertainties, the dominant source
 * and the QC flags of each level, levels strictly increasing in altitude.
 *
 * @param schema the schema's {@code $id}
 * @param meta   event, time, place, strategy, units, provenance, sources
 * @param levels the levels
 */
public record WindProfileDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") Meta meta,
    @JsonProperty("levels") List<Level> levels) {

  /** File name. */
  public static final String FILE = "wind_profile_compiled.json";
  /** Schema name. */
  public static final String SCHEMA = "wind_profile_compiled";
  /** {@code $id} of the schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + SCHEMA + ".schema.json";
  /** Unit of every level field, for {@code meta.units}. */
  public static final SortedMap<String, String> UNITS = java.util.Collections
      .unmodifiableSortedMap(new TreeMap<>(java.util.Map.of("altitude_m", "m",
          "wind_u_mps", "m/s", "wind_v_mps", "m/s", "wind_w_mps", "m/s", "sigma_u_mps", "m/s",
          "sigma_v_mps", "m/s", "wind_speed_mps", "m/s", "wind_dir_deg", "deg")));

  /** Copies the list. */
  public WindProfileDocument {
    levels = List.copyOf(levels);
  }

  /** A document with the schema's {@code $id}. */
  public static WindProfileDocument of(Meta meta, List<Level> levels) {
    return new WindProfileDocument(SCHEMA_ID, meta, levels);
  }

  /**
   * The meta block.
   *
   * @param schemaVersion  schema version
   * @param eventId        the event
   * @param profileTimeUtc the time the profile is valid at (the event time)
   * @param location       where
   * @param strategy       the fusion strategy, name and version
   * @param gridSource     the source whose levels define the grid
   * @param units          unit of every level field
   * @param provenance     where the values come from
   * @param sources        the sources used, in the order given
   */
  public record Meta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("event_id") String eventId,
      @JsonProperty("profile_time_utc") Instant profileTimeUtc,
      @JsonProperty("location") Location location,
      @JsonProperty("strategy") String strategy,
      @JsonProperty("grid_source") String gridSource,
      @JsonProperty("units") SortedMap<String, String> units,
      @JsonProperty("provenance") FusedProvenance provenance,
      @JsonProperty("sources") List<FusedSource> sources) {

    /** Copies the map and the list. */
    public Meta {
      units = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(units));
      sources = List.copyOf(sources);
    }
  }

  /**
   * Where the profile applies, 6 decimals of a degree.
   *
   * @param lat latitude, deg
   * @param lon longitude, deg east
   */
  public record Location(
      @JsonProperty("lat") BigDecimal lat,
      @JsonProperty("lon") BigDecimal lon) {

    /** A location rounded to 6 decimals. */
    public static Location of(double latDeg, double lonDeg) {
      return new Location(Json.roundedDecimal(latDeg, 6), Json.roundedDecimal(lonDeg, 6));
    }
  }

  /**
   * One level (altitude 1 mm, winds 0.0001 m/s, direction 0.01°).
   *
   * @param altitudeM    geometric height above mean sea level, m
   * @param windUMps     eastward wind, m/s
   * @param windVMps     northward wind, m/s
   * @param windWMps     vertical wind, m/s
   * @param sigmaUMps    1-σ uncertainty of u, m/s
   * @param sigmaVMps    1-σ uncertainty of v, m/s
   * @param windSpeedMps horizontal speed, m/s
   * @param windDirDeg   direction the wind blows from, deg clockwise from north, in [0, 360)
   * @param source       the source dominating the level's wind
   * @param qcFlags      QC codes of the level
   */
  public record Level(
      @JsonProperty("altitude_m") BigDecimal altitudeM,
      @JsonProperty("wind_u_mps") BigDecimal windUMps,
      @JsonProperty("wind_v_mps") BigDecimal windVMps,
      @JsonProperty("wind_w_mps") BigDecimal windWMps,
      @JsonProperty("sigma_u_mps") BigDecimal sigmaUMps,
      @JsonProperty("sigma_v_mps") BigDecimal sigmaVMps,
      @JsonProperty("wind_speed_mps") BigDecimal windSpeedMps,
      @JsonProperty("wind_dir_deg") BigDecimal windDirDeg,
      @JsonProperty("source") String source,
      @JsonProperty("qc_flags") List<String> qcFlags) {

    /** Copies the list. */
    public Level {
      qcFlags = List.copyOf(qcFlags);
    }
  }
}
