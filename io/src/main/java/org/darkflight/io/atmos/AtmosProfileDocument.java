package org.darkflight.io.atmos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON shape of {@code atmos_profile.json} (schema {@code schemas/atmos_profile.schema.json},
 * docs/inputs.md), as read: every alternative unit field is here, null when absent.
 *
 * @param schema the {@code $schema} URI
 * @param meta   time, place, units and provenance
 * @param levels the levels, strictly increasing in altitude
 */
public record AtmosProfileDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") AtmosMeta meta,
    @JsonProperty("levels") List<LevelJson> levels) {

  /** {@code $id} of the profile schema. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/atmos_profile.schema.json";

  public AtmosProfileDocument {
    levels = levels == null ? null : List.copyOf(levels);
  }

  /**
   * The profile's {@code meta} block.
   *
   * @param schemaVersion  schema version, e.g. "1.0"
   * @param profileTimeUtc valid time of the profile
   * @param location       where it applies
   * @param units          field → unit symbol
   * @param provenance     provenance object ({@code source} required)
   * @param sources        fused sources, or null
   * @param heightReference what {@code altitude_m} is measured from: {@code msl} (default when
   *                        null) or {@code ellipsoid}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AtmosMeta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("profile_time_utc") Instant profileTimeUtc,
      @JsonProperty("location") Location location,
      @JsonProperty("units") SortedMap<String, String> units,
      @JsonProperty("provenance") ObjectNode provenance,
      @JsonProperty("sources") List<ObjectNode> sources,
      @JsonProperty("height_reference") String heightReference) {

    public AtmosMeta {
      units = units == null ? null : new TreeMap<>(units);
      provenance = provenance == null ? null : provenance.deepCopy();
      sources = sources == null ? null
          : sources.stream().map(ObjectNode::deepCopy).toList();
    }

    /** A meta block without an explicit height reference (mean sea level). */
    public AtmosMeta(String schemaVersion, Instant profileTimeUtc, Location location,
        SortedMap<String, String> units, ObjectNode provenance, List<ObjectNode> sources) {
      this(schemaVersion, profileTimeUtc, location, units, provenance, sources, null);
    }

    @Override
    public SortedMap<String, String> units() {
      return units == null ? null : new TreeMap<>(units);
    }

    @Override
    public ObjectNode provenance() {
      return provenance == null ? null : provenance.deepCopy();
    }

    @Override
    public List<ObjectNode> sources() {
      return sources == null ? null : sources.stream().map(ObjectNode::deepCopy).toList();
    }
  }

  /**
   * Where the profile applies.
   *
   * @param lat        latitude, degrees
   * @param lon        longitude, degrees
   * @param elevationM station elevation, m, or null
   * @param stationId  station identifier, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Location(
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("elevation_m") Double elevationM,
      @JsonProperty("station_id") String stationId) {}

  /** One level as written in the file; null = absent. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LevelJson(
      @JsonProperty("altitude_m") double altitudeM,
      @JsonProperty("pressure_Pa") Double pressurePa,
      @JsonProperty("pressure_hPa") Double pressureHPa,
      @JsonProperty("temperature_K") Double temperatureK,
      @JsonProperty("temperature_C") Double temperatureC,
      @JsonProperty("wind_u_mps") Double windUMps,
      @JsonProperty("wind_v_mps") Double windVMps,
      @JsonProperty("wind_speed_mps") Double windSpeedMps,
      @JsonProperty("wind_dir_deg") Double windDirDeg,
      @JsonProperty("wind_w_mps") Double windWMps,
      @JsonProperty("density_kg_m3") Double densityKgM3,
      @JsonProperty("sigma_u_mps") Double sigmaUMps,
      @JsonProperty("sigma_v_mps") Double sigmaVMps,
      @JsonProperty("sigma_T_K") Double sigmaTK,
      @JsonProperty("source") String source,
      @JsonProperty("qc_flags") List<String> qcFlags) {

    public LevelJson {
      qcFlags = qcFlags == null ? null : List.copyOf(qcFlags);
    }
  }
}
