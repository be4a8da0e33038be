package org.darkflight.io.table;

import java.util.List;

/**
 * The columns of the per-sample analysis table, in order (docs/outputs.md, "samples.fgb"). Every
 * sample has a row; a failed sample has no geometry and no landing values (null), and says why
 * it failed. The {@code draw_*} columns are the sample's inputs as the pipeline used them: the
 * drawn value of an uncertain parameter, else the nominal value. Units are in the names.
 */
public final class SampleTable {

  /** Layer name of every table file. */
  public static final String LAYER = "samples";
  /** The merged FlatGeobuf file. */
  public static final String FLATGEOBUF_FILE = "samples.fgb";
  /** The directory of the per-shard FlatGeobuf files, as written by the pipeline's workers. */
  public static final String SHARD_DIR = "samples_table";
  /** The GDAL VRT that opens the shards as one layer. */
  public static final String VRT_FILE = "samples_table.vrt";
  /** The GeoPackage. */
  public static final String GEOPACKAGE_FILE = "samples.gpkg";
  /** EPSG code of the geometry (WGS84 longitude/latitude). */
  public static final int EPSG = 4326;

  /** A column's value type. */
  public enum Type {
    /** 64-bit integer (GDAL Integer64). */
    LONG,
    /** 32-bit integer (GDAL Integer). */
    INT,
    /** 64-bit float (GDAL Real). */
    DOUBLE,
    /** UTF-8 text (GDAL String). */
    STRING
  }

  /**
   * One column.
   *
   * @param name        field name (units in the name)
   * @param type        value type
   * @param nullable    whether a row may leave it empty
   * @param description what it holds, with its unit
   */
  public record Column(String name, Type type, boolean nullable, String description) {}

  /** The columns, in the order of {@link SampleRow#values()}. */
  public static final List<Column> COLUMNS = List.of(
      new Column("sample_index", Type.LONG, false, "sample index in the ensemble (0-based)"),
      new Column("fragment_id", Type.STRING, false, "fragment the sample belongs to"),
      new Column("substream_seed", Type.LONG, false,
          "first word of the sample's generator state (signed 64-bit; docs/ensemble.md)"),
      new Column("status", Type.STRING, false, "landed or failed"),
      new Column("failure_reason", Type.STRING, true, "why the sample failed (failed only)"),
      new Column("failure_message", Type.STRING, true, "the failure in words (failed only)"),
      new Column("failure_time_s", Type.DOUBLE, true,
          "time after the luminous end at which the sample failed, s (failed only, when known)"),
      new Column("mass_class", Type.STRING, true, "mass class of the final mass (landed only)"),
      new Column("mass_class_index", Type.INT, true, "index of the mass class (landed only)"),
      new Column("draw_mass_kg", Type.DOUBLE, false, "initial mass, kg"),
      new Column("draw_density_kgm3", Type.DOUBLE, false, "bulk density, kg/m^3"),
      new Column("draw_cd", Type.DOUBLE, true, "drag coefficient as drawn (before cd_scale), "
          + "1; empty when the fragment gives no cd (its drag model computes Cd)"),
      new Column("draw_shape_factor", Type.DOUBLE, false, "shape factor A, 1"),
      new Column("draw_start_latitude_deg", Type.DOUBLE, false,
          "luminous-end latitude, WGS84 degrees"),
      new Column("draw_start_longitude_deg", Type.DOUBLE, false,
          "luminous-end longitude, WGS84 degrees"),
      new Column("draw_start_altitude_m", Type.DOUBLE, false,
          "luminous-end height above the ellipsoid, m"),
      new Column("draw_start_speed_mps", Type.DOUBLE, false, "luminous-end speed, m/s"),
      new Column("draw_start_azimuth_deg", Type.DOUBLE, false,
          "luminous-end direction of motion, degrees clockwise from north"),
      new Column("draw_start_elevation_deg", Type.DOUBLE, false,
          "luminous-end descent angle below the horizontal, degrees"),
      new Column("draw_wind_scale", Type.DOUBLE, false, "multiplier on the profile's wind, 1"),
      new Column("landing_latitude_deg", Type.DOUBLE, true, "landing latitude, WGS84 degrees"),
      new Column("landing_longitude_deg", Type.DOUBLE, true, "landing longitude, WGS84 degrees"),
      new Column("landing_height_m", Type.DOUBLE, true,
          "height of the ground at the landing above the ellipsoid, m"),
      new Column("mass_final_kg", Type.DOUBLE, true, "mass at impact, kg"),
      new Column("impact_speed_mps", Type.DOUBLE, true, "speed at impact, m/s"),
      new Column("impact_energy_j", Type.DOUBLE, true, "kinetic energy at impact, J"),
      new Column("terminal_velocity_mps", Type.DOUBLE, true, "terminal velocity at impact, m/s"),
      new Column("fall_time_s", Type.DOUBLE, true, "time from the luminous end to impact, s"),
      new Column("cd_effective", Type.DOUBLE, true,
          "drag coefficient in use at impact (the drag model's, cd_scale applied), 1"),
      new Column("ballistic_coefficient_kgm2", Type.DOUBLE, true,
          "ballistic coefficient at impact m/(Cd S), kg/m^2"),
      new Column("east_m", Type.DOUBLE, true,
          "landing east of the point below the nominal luminous end, m"),
      new Column("north_m", Type.DOUBLE, true,
          "landing north of the point below the nominal luminous end, m"),
      new Column("drift_distance_m", Type.DOUBLE, true,
          "horizontal distance from the sample's luminous end to its landing, m"),
      new Column("drift_bearing_deg", Type.DOUBLE, true,
          "bearing from the sample's luminous end to its landing, degrees from north"));

  private SampleTable() {}
}
