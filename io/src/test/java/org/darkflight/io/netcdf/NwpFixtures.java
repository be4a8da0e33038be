package org.darkflight.io.netcdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.atmos.source.Geopotential;
import ucar.ma2.Array;
import ucar.ma2.ArrayDouble;
import ucar.ma2.DataType;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.NetcdfFileWriter;
import ucar.nc2.Variable;

/**
 * Writes small synthetic weather-model netCDF-3 files in ERA5, GFS and HRRR naming styles with
 * NetCDF-Java's {@link NetcdfFileWriter}. Every field is linear in latitude, longitude and time,
 * given by the closed forms below, so the value at any point is known exactly and bilinear/linear
 * interpolation must reproduce it. {@link #main} regenerates {@code testdata/atmos/*.nc}.
 *
 * <p>Fields (lat, lon in degrees with lon in [−180, 180); h = hours after {@link #T0_ISO};
 * k = level index): geopotential height {@code H = H0[k] + 10(lat−41) + 5(lon+88) + 3h} gpm;
 * {@code u = 5 + 0.2k + 1.5(lat−41) − 0.8(lon+88) + 0.25h};
 * {@code v = −3 + 0.1k + 0.6(lat−41) + 1.1(lon+88) − 0.15h};
 * {@code T = T0[k] + 0.3(lat−41) − 0.2(lon+88) + 0.05h} K.
 */
public final class NwpFixtures {

  /** First output time. */
  public static final String T0_ISO = "2003-03-27T00:00:00Z";
  /** Hours of the two outputs. */
  public static final double[] HOURS = {0.0, 6.0};
  /** Pressure levels, hPa (surface upward). */
  public static final double[] LEVELS_HPA = {1000, 850, 700, 500, 300, 200, 100, 50};
  /** Base geopotential heights of the levels, gpm (close to USSA76). */
  public static final double[] H0 = {111, 1457, 3012, 5574, 9164, 11784, 16180, 20576};

  /** Faults a generated file can carry, to test error handling. */
  public enum Fault {
    NONE, MISSING_TEMPERATURE, NAN_IN_U, MISMATCHED_GRID, PA_LABELLED_HPA, DUPLICATE_LEVEL,
    FILL_VALUE_IN_V,
    /** u and v in knots (values as written, in knots). */
    WIND_IN_KNOTS,
    /** u and v in cm s-1. */
    WIND_IN_CM_S,
    /** u and v in an unknown unit. */
    WIND_IN_FURLONGS
  }

  private NwpFixtures() {}

  /** Base temperature of level k, K (USSA76 lapse rate on H0, isothermal above 11 km'). */
  public static double t0(int k) {
    return Math.max(288.15 - 6.5e-3 * H0[k], 216.65);
  }

  public static double geopotentialHeight(int k, double lat, double lon, double h) {
    return H0[k] + 10 * (lat - 41) + 5 * (lon + 88) + 3 * h;
  }

  public static double u(int k, double lat, double lon, double h) {
    return 5 + 0.2 * k + 1.5 * (lat - 41) - 0.8 * (lon + 88) + 0.25 * h;
  }

  public static double v(int k, double lat, double lon, double h) {
    return -3 + 0.1 * k + 0.6 * (lat - 41) + 1.1 * (lon + 88) - 0.15 * h;
  }

  public static double temperature(int k, double lat, double lon, double h) {
    return t0(k) + 0.3 * (lat - 41) - 0.2 * (lon + 88) + 0.05 * h;
  }

  /** ERA5 (new CDS) style: u v t z, valid_time, pressure_level (hPa), lat 90→−90, lon 0→360. */
  public static void writeEra5(Path file, Fault fault) throws IOException {
    double[] lats = {42.0, 41.75, 41.5, 41.25, 41.0};
    double[] lons = {271.75, 272.0, 272.25, 272.5};
    Grid g = new Grid("valid_time", "seconds since 1970-01-01", 1048723200.0, 3600.0,
        "pressure_level", fault == Fault.PA_LABELLED_HPA ? "Pa" : "hPa", 1.0,
        "latitude", "longitude", lats, lons, null, null);
    write(file, g, new String[] {"u", "v", "t", "z"}, true, "m s**-1", fault,
        List.of(new Attribute("Conventions", "CF-1.7"),
            new Attribute("institution", "European Centre for Medium-Range Weather Forecasts"),
            new Attribute("comment", "synthetic ERA5-style fixture, linear fields, CC0")));
  }

  /** GFS (THREDDS GRIB) style: isobaric (Pa), Geopotential_height_isobaric (gpm), reftime. */
  public static void writeGfs(Path file, Fault fault) throws IOException {
    double[] lats = {41.75, 41.5, 41.25};
    double[] lons = {271.75, 272.0, 272.25, 272.5};
    Grid g = new Grid("time", "Hour since 2003-03-27T00:00:00Z", 0.0, 1.0,
        "isobaric", fault == Fault.PA_LABELLED_HPA ? "hPa" : "Pa", 100.0,
        "lat", "lon", lats, lons, null, null);
    write(file, g, new String[] {"u-component_of_wind_isobaric", "v-component_of_wind_isobaric",
        "Temperature_isobaric", "Geopotential_height_isobaric"}, false, "m/s", fault,
        List.of(new Attribute("Originating_or_generating_Center",
            "US National Weather Service, National Centres for Environmental Prediction (NCEP)"),
            new Attribute("comment", "synthetic GFS-style fixture, linear fields, CC0")));
  }

  /** HRRR (NCL ncl_convert2nc) style: 2-D gridlat_0/gridlon_0, lv_ISBL0 (Pa), *_GLC0. */
  public static void writeHrrr(Path file, Fault fault) throws IOException {
    int ny = 4;
    int nx = 4;
    double[][] lat = new double[ny][nx];
    double[][] lon = new double[ny][nx];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        // a sheared, slightly non-affine grid (like a Lambert grid's curvature)
        lat[j][i] = 41.30 + 0.1 * j + 0.03 * i;
        lon[j][i] = -87.85 + 0.12 * i - 0.04 * j + 0.002 * i * j;
      }
    }
    Grid g = new Grid("time", "hours since 2003-03-27 00:00:00", 0.0, 1.0,
        "lv_ISBL0", fault == Fault.PA_LABELLED_HPA ? "hPa" : "Pa", 100.0,
        "ygrid_0", "xgrid_0", null, null, lat, lon);
    write(file, g, new String[] {"UGRD_P0_L100_GLC0", "VGRD_P0_L100_GLC0", "TMP_P0_L100_GLC0",
        "HGT_P0_L100_GLC0"}, false, "m s-1", fault,
        List.of(new Attribute("creation_date", "synthetic"),
            new Attribute("comment", "synthetic HRRR-style fixture, linear fields, CC0")));
  }

  /** timeScale: time units per hour. */
  private record Grid(String timeName, String timeUnits, double timeBase, double timeScale,
      String levName, String levUnits, double levScale, String yName, String xName,
      double[] lats, double[] lons, double[][] lat2, double[][] lon2) {

    int ny() {
      return lats != null ? lats.length : lat2.length;
    }

    int nx() {
      return lons != null ? lons.length : lat2[0].length;
    }

    double lat(int j, int i) {
      return lats != null ? lats[j] : lat2[j][i];
    }

    double lonEast(int j, int i) {
      double x = lons != null ? lons[i] : lon2[j][i];
      return x >= 180 ? x - 360 : x;
    }
  }

  private static void write(Path file, Grid g, String[] names, boolean geopotential,
      String windUnits, Fault fault, List<Attribute> globals) throws IOException {
    Files.deleteIfExists(file);
    int nt = HOURS.length;
    int nl = LEVELS_HPA.length;
    NetcdfFileWriter w = NetcdfFileWriter.createNew(NetcdfFileWriter.Version.netcdf3,
        file.toString());
    try {
      for (Attribute a : globals) {
        w.addGroupAttribute(null, a);
      }
      Dimension dt = w.addDimension(null, g.timeName(), nt);
      Dimension dl = w.addDimension(null, g.levName(), nl);
      Dimension dy = w.addDimension(null, g.yName(), g.ny());
      Dimension dx = w.addDimension(null, g.xName(), g.nx());
      Variable vt = w.addVariable(null, g.timeName(), DataType.DOUBLE, List.of(dt));
      w.addVariableAttribute(vt, new Attribute("units", g.timeUnits()));
      w.addVariableAttribute(vt, new Attribute("standard_name", "time"));
      Variable vl = w.addVariable(null, g.levName(), DataType.DOUBLE, List.of(dl));
      w.addVariableAttribute(vl, new Attribute("units", g.levUnits()));
      Variable vy;
      Variable vx;
      if (g.lats() != null) {
        vy = w.addVariable(null, g.yName(), DataType.DOUBLE, List.of(dy));
        w.addVariableAttribute(vy, new Attribute("units", "degrees_north"));
        vx = w.addVariable(null, g.xName(), DataType.DOUBLE, List.of(dx));
        w.addVariableAttribute(vx, new Attribute("units", "degrees_east"));
      } else {
        vy = w.addVariable(null, "gridlat_0", DataType.DOUBLE, List.of(dy, dx));
        w.addVariableAttribute(vy, new Attribute("units", "degrees_north"));
        vx = w.addVariable(null, "gridlon_0", DataType.DOUBLE, List.of(dy, dx));
        w.addVariableAttribute(vx, new Attribute("units", "degrees_east"));
      }
      Variable vRef = null;
      if (!geopotential && g.lats() != null) {
        vRef = w.addVariable(null, "reftime", DataType.DOUBLE, new ArrayList<Dimension>());
        w.addVariableAttribute(vRef, new Attribute("units", g.timeUnits()));
        w.addVariableAttribute(vRef, new Attribute("standard_name", "forecast_reference_time"));
      }
      List<Dimension> dims4 = List.of(dt, dl, dy, dx);
      String wind = switch (fault) {
        case WIND_IN_KNOTS -> "knot";
        case WIND_IN_CM_S -> "cm s-1";
        case WIND_IN_FURLONGS -> "furlong fortnight-1";
        default -> windUnits;
      };
      String[] units = {wind, wind, "K", geopotential ? "m**2 s**-2" : "gpm"};
      Variable[] vars = new Variable[4];
      for (int q = 0; q < 4; q++) {
        if (q == 2 && fault == Fault.MISSING_TEMPERATURE) {
          continue;
        }
        List<Dimension> d = dims4;
        if (q == 1 && fault == Fault.MISMATCHED_GRID) {
          Dimension dx2 = w.addDimension(null, g.xName() + "_2", g.nx() - 1);
          d = List.of(dt, dl, dy, dx2);
        }
        vars[q] = w.addVariable(null, names[q], DataType.DOUBLE, d);
        w.addVariableAttribute(vars[q], new Attribute("units", units[q]));
        if (q == 1 && fault == Fault.FILL_VALUE_IN_V) {
          w.addVariableAttribute(vars[q], new Attribute("_FillValue", -32767.0));
        }
      }
      w.create();
      try {
        Array time = Array.factory(DataType.DOUBLE, new int[] {nt});
        for (int n = 0; n < nt; n++) {
          time.setDouble(n, g.timeBase() + HOURS[n] * g.timeScale());
        }
        w.write(vt, time);
        Array lev = Array.factory(DataType.DOUBLE, new int[] {nl});
        for (int k = 0; k < nl; k++) {
          double hpa = fault == Fault.DUPLICATE_LEVEL && k == 3 ? LEVELS_HPA[2] : LEVELS_HPA[k];
          lev.setDouble(k, hpa * g.levScale());
        }
        w.write(vl, lev);
        if (g.lats() != null) {
          w.write(vy, Array.factory(DataType.DOUBLE, new int[] {g.ny()}, g.lats()));
          w.write(vx, Array.factory(DataType.DOUBLE, new int[] {g.nx()}, g.lons()));
        } else {
          ArrayDouble.D2 la = new ArrayDouble.D2(g.ny(), g.nx());
          ArrayDouble.D2 lo = new ArrayDouble.D2(g.ny(), g.nx());
          for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
              la.set(j, i, g.lat2()[j][i]);
              lo.set(j, i, g.lon2()[j][i]);
            }
          }
          w.write(vy, la);
          w.write(vx, lo);
        }
        if (vRef != null) {
          Array ref = Array.factory(DataType.DOUBLE, new int[0]);
          ref.setDouble(0, 0.0);
          w.write(vRef, ref);
        }
        for (int q = 0; q < 4; q++) {
          if (vars[q] == null) {
            continue;
          }
          int[] shape = vars[q].getShape();
          ArrayDouble.D4 a = new ArrayDouble.D4(shape[0], shape[1], shape[2], shape[3]);
          for (int n = 0; n < shape[0]; n++) {
            for (int k = 0; k < shape[1]; k++) {
              for (int j = 0; j < shape[2]; j++) {
                for (int i = 0; i < shape[3]; i++) {
                  double lat = g.lat(j, i);
                  double lon = g.lonEast(j, i);
                  double h = HOURS[n];
                  double val = switch (q) {
                    case 0 -> u(k, lat, lon, h);
                    case 1 -> v(k, lat, lon, h);
                    case 2 -> temperature(k, lat, lon, h);
                    default -> geopotential
                        ? geopotentialHeight(k, lat, lon, h) * Geopotential.G0_MPS2
                        : geopotentialHeight(k, lat, lon, h);
                  };
                  if (q == 0 && fault == Fault.NAN_IN_U && k == 2) {
                    val = Double.NaN;
                  }
                  if (q == 1 && fault == Fault.FILL_VALUE_IN_V && k == 4) {
                    val = -32767.0;
                  }
                  a.set(n, k, j, i, val);
                }
              }
            }
          }
          w.write(vars[q], a);
        }
      } catch (InvalidRangeException e) {
        throw new IOException(e);
      }
    } finally {
      w.close();
    }
  }

  /** Regenerates the committed fixtures: {@code testdata/atmos/{era5,gfs,hrrr}_*.nc}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "testdata/atmos");
    Files.createDirectories(dir);
    writeEra5(dir.resolve("era5_pl_20030327.nc"), Fault.NONE);
    writeGfs(dir.resolve("gfs_0p25_20030327.nc"), Fault.NONE);
    writeHrrr(dir.resolve("hrrr_prs_20030327.nc"), Fault.NONE);
  }
}
