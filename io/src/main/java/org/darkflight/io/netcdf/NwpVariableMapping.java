package org.darkflight.io.netcdf;

import java.util.List;
import java.util.Map;

/**
 * The mapping table from physical quantities to the variable names each producer writes
 * (physics-references §7). Names are tried in table order; when none is present a variable with
 * the matching CF {@code standard_name} is used.
 *
 * <ul>
 *   <li>ERA5 (Copernicus CDS netCDF): {@code u v t z}, levels {@code pressure_level}
 *       (new CDS) or {@code level} (legacy), hPa; time {@code valid_time} or {@code time}.</li>
 *   <li>GFS through THREDDS / NetCDF-Java GRIB: {@code u-component_of_wind_isobaric},
 *       {@code v-component_of_wind_isobaric}, {@code Temperature_isobaric},
 *       {@code Geopotential_height_isobaric}, level {@code isobaric} (Pa).</li>
 *   <li>GFS/HRRR converted by NCL {@code ncl_convert2nc} (NOMADS GRIB2):
 *       {@code UGRD_P0_L100_GLL0} (GFS lat/lon grid) or {@code UGRD_P0_L100_GLC0} (HRRR Lambert
 *       grid, 2-D {@code gridlat_0}/{@code gridlon_0}), {@code VGRD_…}, {@code TMP_…},
 *       {@code HGT_…}, level {@code lv_ISBL0} (Pa); plain GRIB short names {@code UGRD VGRD TMP
 *       HGT} also accepted.</li>
 * </ul>
 */
public final class NwpVariableMapping {

  /** The quantities read from a model file. */
  public enum Quantity {
    EASTWARD_WIND("eastward_wind"),
    NORTHWARD_WIND("northward_wind"),
    TEMPERATURE("air_temperature"),
    GEOPOTENTIAL("geopotential"),
    GEOPOTENTIAL_HEIGHT("geopotential_height");

    private final String standardName;

    Quantity(String standardName) {
      this.standardName = standardName;
    }

    /** The CF standard name. */
    public String standardName() {
      return standardName;
    }
  }

  /** A producer's naming style. */
  public record Producer(String name, Map<Quantity, List<String>> names) {}

  /** ERA5 names. */
  public static final Producer ERA5 = new Producer("ERA5", Map.of(
      Quantity.EASTWARD_WIND, List.of("u"),
      Quantity.NORTHWARD_WIND, List.of("v"),
      Quantity.TEMPERATURE, List.of("t"),
      Quantity.GEOPOTENTIAL, List.of("z"),
      Quantity.GEOPOTENTIAL_HEIGHT, List.of()));

  /** GFS names (THREDDS/NetCDF-Java GRIB, NCL lat/lon grid, bare GRIB short names). */
  public static final Producer GFS = new Producer("GFS", Map.of(
      Quantity.EASTWARD_WIND, List.of("u-component_of_wind_isobaric", "UGRD_P0_L100_GLL0",
          "UGRD"),
      Quantity.NORTHWARD_WIND, List.of("v-component_of_wind_isobaric", "VGRD_P0_L100_GLL0",
          "VGRD"),
      Quantity.TEMPERATURE, List.of("Temperature_isobaric", "TMP_P0_L100_GLL0", "TMP"),
      Quantity.GEOPOTENTIAL, List.of(),
      Quantity.GEOPOTENTIAL_HEIGHT, List.of("Geopotential_height_isobaric", "HGT_P0_L100_GLL0",
          "HGT")));

  /** HRRR names (NCL conversion of the Lambert-conformal GRIB2). */
  public static final Producer HRRR = new Producer("HRRR", Map.of(
      Quantity.EASTWARD_WIND, List.of("UGRD_P0_L100_GLC0"),
      Quantity.NORTHWARD_WIND, List.of("VGRD_P0_L100_GLC0"),
      Quantity.TEMPERATURE, List.of("TMP_P0_L100_GLC0"),
      Quantity.GEOPOTENTIAL, List.of(),
      Quantity.GEOPOTENTIAL_HEIGHT, List.of("HGT_P0_L100_GLC0")));

  /** All producers, in the order they are tried. */
  public static final List<Producer> PRODUCERS = List.of(ERA5, GFS, HRRR);

  /** Names of time coordinates. */
  public static final List<String> TIME_NAMES = List.of("valid_time", "time", "time1", "time2",
      "initial_time0_hours");
  /** Names of latitude coordinates (1-D or 2-D). */
  public static final List<String> LAT_NAMES = List.of("latitude", "lat", "gridlat_0",
      "lat_0", "XLAT");
  /** Names of longitude coordinates (1-D or 2-D). */
  public static final List<String> LON_NAMES = List.of("longitude", "lon", "gridlon_0",
      "lon_0", "XLONG");
  /** Names of run (reference) time variables or global attributes. */
  public static final List<String> RUN_TIME_NAMES = List.of("reftime", "run_time",
      "forecast_reference_time", "initial_time");

  private NwpVariableMapping() {}
}
