package org.darkflight.io.atmos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code atmos_profile.json} in the canonical SI form {@link AtmosProfiles} writes (schema
 * {@code schemas/atmos_profile.schema.json}): only {@code pressure_Pa}, {@code temperature_K},
 * {@code wind_u_mps}, {@code wind_v_mps} and the optional fields that are known, rounded.
 *
 * @param schema the schema's {@code $id}
 * @param meta   the profile's meta block ({@link AtmosProfileDocument.AtmosMeta} with the
 *               canonical units and schema version), as the shared mapper holds it: its
 *               provenance and sources are free-form objects of the input
 * @param levels the levels, strictly increasing in altitude
 */
public record CanonicalAtmosProfile(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") JsonNode meta,
    @JsonProperty("levels") List<Level> levels) {

  /** Copies the list. */
  public CanonicalAtmosProfile {
    meta = meta.deepCopy();
    levels = List.copyOf(levels);
  }

  @Override
  public JsonNode meta() {
    return meta.deepCopy();
  }

  /**
   * One level, SI units (altitude 1 mm, temperature, winds and sigmas 0.0001, pressure and
   * density 7 significant digits); optional fields null when absent.
   *
   * @param altitudeM    geometric height above mean sea level, m
   * @param pressurePa   pressure, Pa
   * @param temperatureK temperature, K
   * @param windUMps     eastward wind, m/s
   * @param windVMps     northward wind, m/s
   * @param windWMps     vertical wind, m/s, or null when zero
   * @param densityKgM3  density, kg/m³, or null when unknown
   * @param sigmaUMps    1-σ uncertainty of u, m/s, or null
   * @param sigmaVMps    1-σ uncertainty of v, m/s, or null
   * @param sigmaTK      1-σ uncertainty of T, K, or null
   * @param source       the level's source, or null
   * @param qcFlags      QC codes, or null when there are none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Level(
      @JsonProperty("altitude_m") BigDecimal altitudeM,
      @JsonProperty("pressure_Pa") BigDecimal pressurePa,
      @JsonProperty("temperature_K") BigDecimal temperatureK,
      @JsonProperty("wind_u_mps") BigDecimal windUMps,
      @JsonProperty("wind_v_mps") BigDecimal windVMps,
      @JsonProperty("wind_w_mps") BigDecimal windWMps,
      @JsonProperty("density_kg_m3") BigDecimal densityKgM3,
      @JsonProperty("sigma_u_mps") BigDecimal sigmaUMps,
      @JsonProperty("sigma_v_mps") BigDecimal sigmaVMps,
      @JsonProperty("sigma_T_K") BigDecimal sigmaTK,
      @JsonProperty("source") String source,
      @JsonProperty("qc_flags") List<String> qcFlags) {

    /** Copies the list. */
    public Level {
      qcFlags = qcFlags == null ? null : List.copyOf(qcFlags);
    }
  }
}
