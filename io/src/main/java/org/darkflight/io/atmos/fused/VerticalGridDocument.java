package org.darkflight.io.atmos.fused;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.json.JsonSchemas;

/**
 * {@code vertical_grid.json} (schema {@code schemas/vertical_grid.schema.json}): the altitude
 * grid of the fused profile and the slices between consecutive levels, top-down, each with the
 * atmospheric state at its top and bottom boundary (slice k's bottom is slice k+1's top).
 *
 * @param schema     the schema's {@code $id}
 * @param meta       event, time, grid source, units, provenance
 * @param altitudesM the grid, m, increasing (1 mm)
 * @param slices     the slices, top-down
 */
public record VerticalGridDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") Meta meta,
    @JsonProperty("altitudes_m") List<BigDecimal> altitudesM,
    @JsonProperty("slices") List<Slice> slices) {

  /** File name. */
  public static final String FILE = "vertical_grid.json";
  /** Schema name. */
  public static final String SCHEMA = "vertical_grid";
  /** {@code $id} of the schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + SCHEMA + ".schema.json";
  /** Unit of every state field, for {@code meta.units}. */
  public static final SortedMap<String, String> UNITS = Collections.unmodifiableSortedMap(
      new TreeMap<>(Map.of("altitude_m", "m", "pressure_Pa", "Pa", "temperature_K", "K",
          "density_kg_m3", "kg/m3", "wind_u_mps", "m/s", "wind_v_mps", "m/s")));

  /** Copies the lists. */
  public VerticalGridDocument {
    altitudesM = List.copyOf(altitudesM);
    slices = List.copyOf(slices);
  }

  /** A document with the schema's {@code $id}. */
  public static VerticalGridDocument of(Meta meta, List<BigDecimal> altitudesM,
      List<Slice> slices) {
    return new VerticalGridDocument(SCHEMA_ID, meta, altitudesM, slices);
  }

  /**
   * The meta block.
   *
   * @param schemaVersion  schema version
   * @param eventId        the event
   * @param profileTimeUtc the time the profile is valid at
   * @param gridSource     the source whose levels define the grid
   * @param units          unit of every state field
   * @param provenance     where the values come from
   */
  public record Meta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("event_id") String eventId,
      @JsonProperty("profile_time_utc") Instant profileTimeUtc,
      @JsonProperty("grid_source") String gridSource,
      @JsonProperty("units") SortedMap<String, String> units,
      @JsonProperty("provenance") FusedProvenance provenance) {

    /** Copies the map. */
    public Meta {
      units = Collections.unmodifiableSortedMap(new TreeMap<>(units));
    }
  }

  /**
   * One slice between two grid levels.
   *
   * @param index      0 for the top slice
   * @param topM       top altitude, m
   * @param bottomM    bottom altitude, m
   * @param thicknessM top − bottom, m
   * @param top        the state at the top
   * @param bottom     the state at the bottom
   */
  public record Slice(
      @JsonProperty("index") int index,
      @JsonProperty("top_m") BigDecimal topM,
      @JsonProperty("bottom_m") BigDecimal bottomM,
      @JsonProperty("thickness_m") BigDecimal thicknessM,
      @JsonProperty("top") State top,
      @JsonProperty("bottom") State bottom) {}

  /**
   * The atmospheric state at a grid level (altitude 1 mm, temperature and winds 0.0001,
   * pressure and density 7 significant digits).
   *
   * @param altitudeM    altitude, m
   * @param pressurePa   pressure, Pa
   * @param temperatureK temperature, K
   * @param densityKgM3  density, kg/m³
   * @param windUMps     eastward wind, m/s
   * @param windVMps     northward wind, m/s
   */
  public record State(
      @JsonProperty("altitude_m") BigDecimal altitudeM,
      @JsonProperty("pressure_Pa") BigDecimal pressurePa,
      @JsonProperty("temperature_K") BigDecimal temperatureK,
      @JsonProperty("density_kg_m3") BigDecimal densityKgM3,
      @JsonProperty("wind_u_mps") BigDecimal windUMps,
      @JsonProperty("wind_v_mps") BigDecimal windVMps) {}
}
