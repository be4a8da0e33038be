package org.darkflight.io.netcdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.Geopotential;
import org.darkflight.io.atmos.source.Plausibility;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.io.netcdf.NwpVariableMapping.Producer;
import org.darkflight.io.netcdf.NwpVariableMapping.Quantity;
import ucar.ma2.Array;
import ucar.ma2.InvalidRangeException;
import ucar.nc2.Attribute;
import ucar.nc2.Dimension;
import ucar.nc2.Variable;
import ucar.nc2.dataset.NetcdfDataset;
import ucar.nc2.time.CalendarDate;
import ucar.nc2.time.CalendarDateUnit;

/**
 * Reads a weather-model netCDF file (GFS, HRRR, ERA5 on pressure levels) into one vertical
 * profile at the event's place and time.
 *
 * <p>Steps, each failing with one {@link InputException} line naming file, variable and reason:
 * <ol>
 *   <li>open enhanced (NetCDF-Java applies {@code scale_factor}/{@code add_offset} and turns
 *       {@code _FillValue}/{@code missing_value} into NaN);</li>
 *   <li>find u, v, T and geopotential or geopotential height through
 *       {@link NwpVariableMapping}; all four must share one (time, level, y, x) grid;</li>
 *   <li>bracket the event time between two outputs (times decoded with UDUNITS
 *       "{@code <unit> since <date>}") and interpolate linearly in time, weight
 *       {@code w = (t − t0)/(t1 − t0)};</li>
 *   <li>locate the event in the horizontal grid and interpolate bilinearly
 *       ({@link HorizontalGrid});</li>
 *   <li>convert the level coordinate to Pa (units {@code Pa} or {@code hPa}/{@code mb}, checked
 *       against plausible ranges), geopotential Φ to geopotential height {@code H = Φ/g0} and H
 *       to geometric altitude {@code Z = r0 H/(r0 − H)} (USSA76; {@link Geopotential}).</li>
 * </ol>
 * The interpolations are done on each pressure level; the levels are then ordered by altitude.
 */
public final class NwpNetcdfReader {

  private NwpNetcdfReader() {}

  /** The variables found for each quantity. */
  private record Found(Producer producer, Variable u, Variable v, Variable t, Variable z,
      boolean zIsGeopotential) {}

  /**
   * Reads a file.
   *
   * @param path     the netCDF file
   * @param request  the event time and place
   * @param sourceId label for the resulting profile
   */
  public static AtmosphericRaw read(Path path, SourceRequest request, String sourceId)
      throws InputException {
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new InputException(file, "", "file not found");
    }
    try (NetcdfDataset nc = open(path)) {
      return read(nc, file, request, sourceId);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read netCDF data: " + e.getMessage()
          + " (file truncated or corrupt?)", e);
    }
  }

  private static NetcdfDataset open(Path path) throws InputException {
    String file = path.toString();
    // A netCDF-3 file shorter than its header declares is refused at open instead of reading
    // the missing data as zeros (which surfaced as "expected about Infinity Pa").
    ucar.nc2.iosp.netcdf3.N3header.disallowFileTruncation = true;
    // Every count and length of a classic header must fit in the file before netCDF-Java
    // allocates what it declares (a 6 kB file declaring a 2 GB name took minutes).
    Netcdf3Header.check(path);
    try {
      return NetcdfDataset.openDataset(path.toString());
    } catch (IOException | RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("truncated")) {
        throw new InputException(file, "", "the file is truncated or corrupt: it is shorter than"
            + " its header declares (" + m + "); download it again", e);
      }
      throw new InputException(file, "", "not a readable netCDF file: " + e.getMessage(), e);
    }
  }

  /** The time coordinate: its variable's name and the decoded times, strictly increasing. */
  private record TimeAxis(String name, Instant[] times) {}

  /**
   * The two outputs around the event and the linear weight of the later one ({@code t0 == t1}
   * and weight 0 when the event is exactly on an output).
   */
  private record TimeSelection(int t0, int t1, double weight) {}

  /** The level coordinate: its variable, the values as stored and in Pa. */
  private record LevelAxis(Variable var, double[] values, double[] pa) {}

  /** The grid cell around the event and a one-line description of the grid. */
  private record Location(HorizontalGrid.Cell cell, String gridDescription) {}

  /** u, v, T and z at the event, per pressure level, in the file's units. */
  private record Columns(double[] u, double[] v, double[] t, double[] z) {}

  private static AtmosphericRaw read(NetcdfDataset nc, String file, SourceRequest request,
      String sourceId) throws InputException, IOException {
    // open + detect the producer
    Found f = findVariables(nc, file);
    List<Dimension> dims = sharedGrid(f, file);
    // coordinates
    TimeAxis time = readTimes(nc, dims.get(0), file);
    // select in time
    TimeSelection when = selectTime(time, request.eventTime(), file);
    LevelAxis levels = readLevels(nc, dims.get(1), file);
    // select in space
    Location where = locate(nc, dims, request, file);
    // interpolate
    Columns columns = new Columns(
        interpolate(f.u(), where.cell(), when, file, time.times()),
        interpolate(f.v(), where.cell(), when, file, time.times()),
        interpolate(f.t(), where.cell(), when, file, time.times()),
        interpolate(f.z(), where.cell(), when, file, time.times()));
    // convert units, build the profile
    double tScale = temperatureToKelvin(f.t(), file);
    scale(columns.u(), windToMps(f.u(), file));
    scale(columns.v(), windToMps(f.v(), file));
    double zToGpm = geopotentialToGpm(f, file);
    List<SourceLevel> out = sourceLevels(f, levels, columns, tScale, zToGpm, file);
    checkIncreasingHeight(out, f, file);
    return new AtmosphericRaw(sourceId, SourceKind.MODEL, file, request.eventTime(),
        request.latDeg(), request.lonDeg(), out,
        metadata(nc, f, where, time.times(), when, request));
  }

  /** u's dimensions, which v, T and z must share: (time, level, y, x). */
  private static List<Dimension> sharedGrid(Found f, String file) throws InputException {
    List<Dimension> dims = f.u().getDimensions();
    if (dims.size() != 4) {
      throw new InputException(file, f.u().getShortName(), "expected dimensions (time, level, "
          + "y, x), found " + dimNames(dims));
    }
    for (Variable other : List.of(f.v(), f.t(), f.z())) {
      if (!dimNames(other.getDimensions()).equals(dimNames(dims))
          || !java.util.Arrays.equals(other.getShape(), f.u().getShape())) {
        throw new InputException(file, other.getShortName(), "mismatched grid: dimensions "
            + dimNames(other.getDimensions()) + " shape "
            + java.util.Arrays.toString(other.getShape()) + " differ from "
            + f.u().getShortName() + " " + dimNames(dims) + " "
            + java.util.Arrays.toString(f.u().getShape()));
      }
    }
    return dims;
  }

  /** The time coordinate decoded with UDUNITS "{@code <unit> since <date>}". */
  private static TimeAxis readTimes(NetcdfDataset nc, Dimension dim, String file)
      throws InputException {
    Variable timeVar = coordinate(nc, dim, file, "time");
    double[] timeValues = values(timeVar, file);
    String timeUnits = timeVar.getUnitsString();
    if (timeUnits == null || !timeUnits.contains("since")) {
      throw new InputException(file, timeVar.getShortName(), "units must be '<unit> since "
          + "<date>', got " + (timeUnits == null ? "none" : "'" + timeUnits + "'"));
    }
    CalendarDateUnit cdu;
    try {
      cdu = CalendarDateUnit.of(null, timeUnits);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, timeVar.getShortName(), "cannot read time units '"
          + timeUnits + "'");
    }
    Instant[] times = new Instant[timeValues.length];
    for (int k = 0; k < times.length; k++) {
      if (Double.isNaN(timeValues[k])) {
        throw new InputException(file, timeVar.getShortName() + "[" + k + "]", "missing value");
      }
      CalendarDate cd = cdu.makeCalendarDate(timeValues[k]);
      times[k] = Instant.ofEpochMilli(cd.getMillis());
      if (k > 0 && !times[k].isAfter(times[k - 1])) {
        throw new InputException(file, timeVar.getShortName(), "times must increase strictly ("
            + times[k] + " after " + times[k - 1] + ")");
      }
    }
    return new TimeAxis(timeVar.getShortName(), times);
  }

  /** The outputs bracketing the event, weight {@code w = (t − t0)/(t1 − t0)}. */
  private static TimeSelection selectTime(TimeAxis axis, Instant event, String file)
      throws InputException {
    Instant[] times = axis.times();
    int[] bracket = bracketTime(times, event, file, axis.name());
    int t0 = bracket[0];
    int t1 = bracket[1];
    double wTime = t0 == t1 ? 0.0
        : (double) (event.toEpochMilli() - times[t0].toEpochMilli())
            / (times[t1].toEpochMilli() - times[t0].toEpochMilli());
    return new TimeSelection(t0, t1, wTime);
  }

  /** The pressure-level coordinate, converted to Pa and checked. */
  private static LevelAxis readLevels(NetcdfDataset nc, Dimension dim, String file)
      throws InputException {
    Variable levVar = coordinate(nc, dim, file, "level");
    double[] levels = values(levVar, file);
    return new LevelAxis(levVar, levels, levelsInPa(levVar, levels, file));
  }

  /**
   * The grid cell around the event: from 1-D latitude/longitude axes (regular grid) or from 2-D
   * latitude/longitude variables (curvilinear grid, e.g. HRRR's Lambert conformal).
   */
  private static Location locate(NetcdfDataset nc, List<Dimension> dims, SourceRequest request,
      String file) throws InputException {
    HorizontalGrid.Cell cell;
    String gridDesc;
    Variable yVar = nc.findVariable(dims.get(2).getShortName());
    Variable xVar = nc.findVariable(dims.get(3).getShortName());
    if (yVar != null && xVar != null && yVar.getRank() == 1 && xVar.getRank() == 1
        && NwpVariableMapping.LAT_NAMES.contains(yVar.getShortName())
        && NwpVariableMapping.LON_NAMES.contains(xVar.getShortName())) {
      double[] lats = values(yVar, file);
      double[] lons = values(xVar, file);
      checkCoordinateRange(lats, file, yVar.getShortName(), 90);
      checkCoordinateRange(lons, file, xVar.getShortName(), 360);
      checkMonotonic(lats, file, yVar.getShortName());
      checkMonotonic(lons, file, xVar.getShortName());
      cell = HorizontalGrid.locateRectilinear(lats, lons, request.latDeg(), request.lonDeg());
      gridDesc = String.format(Locale.ROOT, "regular lat/lon %dx%d, dlat %.4g deg, dlon %.4g deg",
          lats.length, lons.length, lats.length > 1 ? Math.abs(lats[1] - lats[0]) : 0.0,
          lons.length > 1 ? Math.abs(lons[1] - lons[0]) : 0.0);
    } else {
      Variable lat2 = find2d(nc, NwpVariableMapping.LAT_NAMES, dims, file, "latitude");
      Variable lon2 = find2d(nc, NwpVariableMapping.LON_NAMES, dims, file, "longitude");
      double[][] lats = values2d(lat2, file);
      double[][] lons = values2d(lon2, file);
      for (int j = 0; j < lats.length; j++) {
        checkCoordinateRange(lats[j], file, lat2.getShortName() + "[" + j + "]", 90);
      }
      for (int j = 0; j < lons.length; j++) {
        checkCoordinateRange(lons[j], file, lon2.getShortName() + "[" + j + "]", 360);
      }
      cell = HorizontalGrid.locateCurvilinear(lats, lons, request.latDeg(), request.lonDeg());
      gridDesc = String.format(Locale.ROOT, "curvilinear %dx%d (2-D %s/%s)", lats.length,
          lats[0].length, lat2.getShortName(), lon2.getShortName());
    }
    if (cell == null) {
      throw new InputException(file, "latitude/longitude", String.format(Locale.ROOT,
          "event location (%.5f, %.5f) lies outside the grid", request.latDeg(),
          request.lonDeg()));
    }
    return new Location(cell, gridDesc);
  }

  /**
   * One level per pressure level: geopotential to geometric altitude, temperature to K, each
   * value checked for plausibility.
   */
  private static List<SourceLevel> sourceLevels(Found f, LevelAxis levels, Columns c,
      double tScale, double zToGpm, String file) throws InputException {
    Variable levVar = levels.var();
    List<SourceLevel> out = new ArrayList<>();
    for (int k = 0; k < levels.pa().length; k++) {
      double h = c.z()[k] * zToGpm;
      double alt = Geopotential.geometricFromGeopotentialHeight(h);
      double tk = c.t()[k] + tScale;
      String where = "level " + levels.values()[k] + " " + levVar.getUnitsString();
      Plausibility.temperature(file, f.t().getShortName() + " at " + where, tk);
      Plausibility.pressure(file, levVar.getShortName() + " at " + where, levels.pa()[k], alt);
      Plausibility.wind(file, f.u().getShortName() + " at " + where, c.u()[k]);
      Plausibility.wind(file, f.v().getShortName() + " at " + where, c.v()[k]);
      out.add(SourceLevel.of(alt, levels.pa()[k], tk, c.u()[k], c.v()[k]));
    }
    return out;
  }

  /** Sorts the levels by altitude in place; height must rise as pressure falls. */
  private static void checkIncreasingHeight(List<SourceLevel> out, Found f, String file)
      throws InputException {
    out.sort(Comparator.comparingDouble(SourceLevel::altitudeM));
    for (int k = 1; k < out.size(); k++) {
      if (!(out.get(k).altitudeM() > out.get(k - 1).altitudeM())
          || !(out.get(k).pressurePa() < out.get(k - 1).pressurePa())) {
        throw new InputException(file, f.z().getShortName(), "height does not increase as "
            + "pressure decreases between " + out.get(k - 1).pressurePa() + " Pa and "
            + out.get(k).pressurePa() + " Pa (duplicate levels or bad geopotential)");
      }
    }
  }

  /** The profile's metadata: producer, run, grid, interpolation and variables used. */
  private static Map<String, String> metadata(NetcdfDataset nc, Found f, Location where,
      Instant[] times, TimeSelection when, SourceRequest request) {
    int t0 = when.t0();
    int t1 = when.t1();
    double wTime = when.weight();
    Map<String, String> md = new LinkedHashMap<>();
    md.put("format", "netcdf");
    md.put("producer", f.producer().name());
    md.put("run_time", runTime(nc));
    md.put("grid", where.gridDescription());
    md.put("interpolation", "horizontal: bilinear in grid cell; temporal: linear between "
        + times[t0] + " and " + times[t1] + " (weight " + fmt(wTime) + "); vertical: none, "
        + "pressure levels kept");
    md.put("time_before", times[t0].toString());
    md.put("time_after", times[t1].toString());
    md.put("time_weight", fmt(wTime));
    long nearest = Math.min(
        Math.abs(request.eventTime().toEpochMilli() - times[t0].toEpochMilli()),
        Math.abs(times[t1].toEpochMilli() - request.eventTime().toEpochMilli())) / 1000;
    md.put("time_to_nearest_output_s", Long.toString(nearest));
    md.put("variables", String.join(",", f.u().getShortName(), f.v().getShortName(),
        f.t().getShortName(), f.z().getShortName()));
    md.put("vertical", f.zIsGeopotential() ? "geopotential / g0 -> geometric (USSA76 r0)"
        : "geopotential height -> geometric (USSA76 r0)");
    return md;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }

  private static Found findVariables(NetcdfDataset nc, String file) throws InputException {
    for (Producer p : NwpVariableMapping.PRODUCERS) {
      Variable u = byNames(nc, p.names().get(Quantity.EASTWARD_WIND));
      if (u == null) {
        continue;
      }
      Variable v = require(nc, p, Quantity.NORTHWARD_WIND, file);
      Variable t = require(nc, p, Quantity.TEMPERATURE, file);
      Variable z = byNames(nc, p.names().get(Quantity.GEOPOTENTIAL));
      boolean isGeopotential = z != null;
      if (z == null) {
        z = byNames(nc, p.names().get(Quantity.GEOPOTENTIAL_HEIGHT));
      }
      if (z == null) {
        List<String> all = new ArrayList<>(p.names().get(Quantity.GEOPOTENTIAL));
        all.addAll(p.names().get(Quantity.GEOPOTENTIAL_HEIGHT));
        throw new InputException(file, String.join("|", all), "missing variable: " + p.name()
            + "-style file has " + u.getShortName() + " but no geopotential or geopotential "
            + "height");
      }
      return new Found(p, u, v, t, z, isGeopotential);
    }
    // CF standard names
    Variable u = byStandardName(nc, Quantity.EASTWARD_WIND);
    if (u == null) {
      throw new InputException(file, "u|u-component_of_wind_isobaric|UGRD…",
          "missing variable: no eastward wind under any known name (ERA5, GFS, HRRR) or "
              + "standard_name eastward_wind");
    }
    Variable v = byStandardName(nc, Quantity.NORTHWARD_WIND);
    Variable t = byStandardName(nc, Quantity.TEMPERATURE);
    Variable zg = byStandardName(nc, Quantity.GEOPOTENTIAL);
    Variable zh = byStandardName(nc, Quantity.GEOPOTENTIAL_HEIGHT);
    if (v == null || t == null || (zg == null && zh == null)) {
      String missing = v == null ? "northward_wind" : t == null ? "air_temperature"
          : "geopotential|geopotential_height";
      throw new InputException(file, missing, "missing variable (by standard_name)");
    }
    return new Found(new Producer("CF", java.util.Map.of()), u, v, t, zg != null ? zg : zh,
        zg != null);
  }

  private static Variable require(NetcdfDataset nc, Producer p, Quantity q, String file)
      throws InputException {
    Variable v = byNames(nc, p.names().get(q));
    if (v == null) {
      v = byStandardName(nc, q);
    }
    if (v == null) {
      throw new InputException(file, String.join("|", p.names().get(q)), "missing variable: "
          + p.name() + "-style file lacks " + q.standardName());
    }
    return v;
  }

  private static Variable byNames(NetcdfDataset nc, List<String> names) {
    for (String n : names) {
      Variable v = nc.findVariable(n);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Variable byStandardName(NetcdfDataset nc, Quantity q) {
    for (Variable v : nc.getVariables()) {
      Attribute a = v.findAttribute("standard_name");
      if (a != null && a.isString() && q.standardName().equals(a.getStringValue())) {
        return v;
      }
    }
    return null;
  }

  private static List<String> dimNames(List<Dimension> dims) {
    List<String> out = new ArrayList<>();
    for (Dimension d : dims) {
      out.add(d.getShortName());
    }
    return out;
  }

  private static Variable coordinate(NetcdfDataset nc, Dimension dim, String file, String role)
      throws InputException {
    Variable c = nc.findVariable(dim.getShortName());
    if (c == null || c.getRank() != 1) {
      throw new InputException(file, dim.getShortName(), "missing " + role
          + " coordinate variable for dimension " + dim.getShortName());
    }
    return c;
  }

  private static double[] values(Variable v, String file) throws InputException {
    try {
      Array a = v.read();
      double[] out = new double[(int) a.getSize()];
      for (int k = 0; k < out.length; k++) {
        out[k] = a.getDouble(k);
        if (Double.isNaN(out[k])) {
          throw new InputException(file, v.getShortName() + "[" + k + "]",
              "missing/fill value in a coordinate");
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, v.getShortName(), "cannot read: " + e.getMessage()
          + " (file truncated?)", e);
    }
  }

  private static double[][] values2d(Variable v, String file) throws InputException {
    try {
      Array a = v.read();
      int[] shape = a.getShape();
      double[][] out = new double[shape[0]][shape[1]];
      ucar.ma2.Index ix = a.getIndex();
      for (int j = 0; j < shape[0]; j++) {
        for (int i = 0; i < shape[1]; i++) {
          out[j][i] = a.getDouble(ix.set(j, i));
          if (Double.isNaN(out[j][i])) {
            throw new InputException(file, v.getShortName() + "[" + j + "][" + i + "]",
                "missing/fill value in a coordinate");
          }
        }
      }
      return out;
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, v.getShortName(), "cannot read: " + e.getMessage(), e);
    }
  }

  private static Variable find2d(NetcdfDataset nc, List<String> names, List<Dimension> dims,
      String file, String role) throws InputException {
    for (String n : names) {
      Variable v = nc.findVariable(n);
      if (v != null && v.getRank() == 2
          && v.getDimensions().get(0).getShortName().equals(dims.get(2).getShortName())
          && v.getDimensions().get(1).getShortName().equals(dims.get(3).getShortName())) {
        return v;
      }
    }
    throw new InputException(file, role, "no 1-D " + role + " axis for dimension "
        + dims.get(role.equals("latitude") ? 2 : 3).getShortName() + " and no 2-D " + role
        + " variable " + names + " on (" + dims.get(2).getShortName() + ", "
        + dims.get(3).getShortName() + ")");
  }

  /**
   * Refuses a latitude outside [-90, 90] or a longitude outside [-360, 360] degrees (a corrupt
   * file, or an axis in radians or metres), before any grid search uses the values.
   */
  private static void checkCoordinateRange(double[] axis, String file, String name,
      double limitDeg) throws InputException {
    for (int k = 0; k < axis.length; k++) {
      if (!(Math.abs(axis[k]) <= limitDeg)) {
        throw new InputException(file, name + "[" + k + "]", String.format(Locale.ROOT,
            "%s value %s is outside [-%.0f, %.0f] degrees (corrupt file, or not degrees)",
            limitDeg == 90 ? "latitude" : "longitude", axis[k], limitDeg, limitDeg));
      }
    }
  }

  private static void checkMonotonic(double[] axis, String file, String name)
      throws InputException {
    for (int k = 1; k < axis.length; k++) {
      double d0 = axis[1] - axis[0];
      double d = axis[k] - axis[k - 1];
      if (d == 0 || Math.signum(d) != Math.signum(d0)) {
        throw new InputException(file, name, d == 0 ? "duplicate coordinate value " + axis[k]
            : "coordinate not monotonic at index " + k);
      }
    }
  }

  private static int[] bracketTime(Instant[] times, Instant event, String file, String name)
      throws InputException {
    for (int k = 0; k < times.length; k++) {
      if (times[k].equals(event)) {
        return new int[] {k, k};
      }
    }
    for (int k = 0; k < times.length - 1; k++) {
      if (times[k].isBefore(event) && times[k + 1].isAfter(event)) {
        return new int[] {k, k + 1};
      }
    }
    throw new InputException(file, name, "event time " + event + " outside the file's times "
        + times[0] + " .. " + times[times.length - 1] + " (no extrapolation in time)");
  }

  private static double[] levelsInPa(Variable lev, double[] levels, String file)
      throws InputException {
    String units = lev.getUnitsString() == null ? "" : lev.getUnitsString().trim();
    String lc = units.toLowerCase(Locale.ROOT);
    double scale;
    if (lc.equals("pa")) {
      scale = 1.0;
    } else if (lc.equals("hpa") || lc.equals("mb") || lc.equals("mbar") || lc.equals("millibar")
        || lc.equals("millibars")) {
      scale = 100.0;
    } else {
      throw new InputException(file, lev.getShortName(), "pressure level units must be Pa or "
          + "hPa/millibars, got " + (units.isEmpty() ? "none" : "'" + units + "'"));
    }
    double max = Double.NEGATIVE_INFINITY;
    double[] pa = new double[levels.length];
    for (int k = 0; k < levels.length; k++) {
      pa[k] = levels[k] * scale;
      max = Math.max(max, pa[k]);
      if (!(pa[k] > 0)) {
        throw new InputException(file, lev.getShortName() + "[" + k + "]",
            "pressure level must be > 0, got " + levels[k]);
      }
      for (int m = 0; m < k; m++) {
        if (pa[m] == pa[k]) {
          throw new InputException(file, lev.getShortName() + "[" + k + "]",
              "duplicate pressure level " + levels[k] + " " + units);
        }
      }
    }
    // A pressure-level set reaching no higher than 11 hPa but labelled Pa is hPa mislabelled,
    // one above 1100 hPa labelled hPa is Pa mislabelled.
    if (max > 110_000.0) {
      throw new InputException(file, lev.getShortName(), "levels up to " + (max / scale) + " "
          + units + " are implausible (Pa labelled as hPa?)");
    }
    if (max < 1_100.0) {
      throw new InputException(file, lev.getShortName(), "levels up to " + (max / scale) + " "
          + units + " are implausible (hPa labelled as Pa?)");
    }
    return pa;
  }

  private static double temperatureToKelvin(Variable t, String file) throws InputException {
    String u = t.getUnitsString() == null ? "" : t.getUnitsString().trim();
    switch (u) {
      case "K", "kelvin", "degK", "Kelvin":
        return 0.0;
      case "degC", "C", "celsius", "Celsius", "degree_Celsius":
        return 273.15;
      default:
        throw new InputException(file, t.getShortName(), "temperature units must be K or degC, "
            + "got " + (u.isEmpty() ? "none" : "'" + u + "'"));
    }
  }

  private static void scale(double[] values, double factor) {
    if (factor != 1.0) {
      for (int k = 0; k < values.length; k++) {
        values[k] *= factor;
      }
    }
  }

  /** Metres per second in one knot (1852 m per hour). */
  static final double MPS_PER_KNOT = 1852.0 / 3600.0;

  /**
   * Factor from a wind variable's units to m/s: m/s in its usual spellings, knots, cm/s, km/h.
   * Other units, and none, are refused naming the variable.
   */
  static double windToMps(Variable w, String file) throws InputException {
    String u = w.getUnitsString() == null ? "" : w.getUnitsString().trim();
    String norm = u.toLowerCase(Locale.ROOT).replace("**", "").replace("^", "")
        .replace(".", " ").replaceAll("\\s+", " ");
    switch (norm) {
      case "m s-1", "m/s", "ms-1", "m s -1", "meter second-1", "metre second-1",
          "meters per second", "metres per second", "meter/second", "metre/second":
        return 1.0;
      case "knot", "knots", "kt", "kts", "kn":
        return MPS_PER_KNOT;
      case "cm s-1", "cm/s", "cms-1", "centimeter/second", "centimetre/second":
        return 0.01;
      case "km h-1", "km/h", "kmh-1", "km hr-1", "km/hr", "kph":
        return 1.0 / 3.6;
      default:
        throw new InputException(file, w.getShortName(), "wind units must be m s-1, knot, "
            + "cm s-1 or km h-1, got " + (u.isEmpty() ? "none" : "'" + u + "'"));
    }
  }

  /** Factor from the z variable's units to geopotential metres. */
  private static double geopotentialToGpm(Found f, String file) throws InputException {
    String u = f.z().getUnitsString() == null ? "" : f.z().getUnitsString().trim();
    String norm = u.replace(" ", "").replace("**", "^");
    if (norm.equals("m^2s^-2") || norm.equals("m2s-2") || norm.equals("m^2/s^2")
        || norm.equals("m2/s2")) {
      return 1.0 / Geopotential.G0_MPS2;
    }
    if (norm.equals("gpm") || norm.equals("m")) {
      return 1.0;
    }
    throw new InputException(file, f.z().getShortName(), "geopotential units must be m**2 s**-2 "
        + "or gpm, got " + (u.isEmpty() ? "none" : "'" + u + "'"));
  }

  /**
   * Reads var at the four cell corners for both bracketing times, all levels; returns the
   * interpolated value at each level k.
   */
  private static double[] interpolate(Variable var, HorizontalGrid.Cell c, TimeSelection when,
      String file, Instant[] times) throws InputException {
    int t0 = when.t0();
    int t1 = when.t1();
    double wTime = when.weight();
    int[] shape = var.getShape();
    int nLev = shape[1];
    int dj = shape[2] > 1 ? 2 : 1;
    int di = shape[3] > 1 ? 2 : 1;
    int jj = Math.min(c.j(), shape[2] - dj);
    int ii = Math.min(c.i(), shape[3] - di);
    double[] result = new double[nLev];
    int[] tIdx = t0 == t1 ? new int[] {t0} : new int[] {t0, t1};
    double[] tW = t0 == t1 ? new double[] {1.0} : new double[] {1 - wTime, wTime};
    for (int n = 0; n < tIdx.length; n++) {
      Array a;
      try {
        a = var.read(new int[] {tIdx[n], 0, jj, ii}, new int[] {1, nLev, dj, di});
      } catch (IOException | InvalidRangeException | RuntimeException e) {
        throw new InputException(file, var.getShortName(), "cannot read data: " + e.getMessage()
            + " (file truncated?)", e);
      }
      ucar.ma2.Index ix = a.getIndex();
      for (int k = 0; k < nLev; k++) {
        double sum = 0;
        for (int a1 = 0; a1 < dj; a1++) {
          for (int b1 = 0; b1 < di; b1++) {
            double w = (dj == 1 ? 1 : c.weight(a1, 0)) * (di == 1 ? 1 : c.weight(0, b1));
            if (dj > 1 && di > 1) {
              w = c.weight(a1, b1);
            }
            double val = a.getDouble(ix.set(0, k, a1, b1));
            if (Double.isNaN(val)) {
              throw new InputException(file, String.format(Locale.ROOT, "%s[time=%s][level=%d]"
                  + "[%d][%d]", var.getShortName(), times[tIdx[n]], k, jj + a1, ii + b1),
                  "missing/fill value (NaN) at a grid point used for interpolation");
            }
            sum += w * val;
          }
        }
        result[k] += tW[n] * sum;
      }
    }
    return result;
  }

  private static String runTime(NetcdfDataset nc) {
    for (String n : NwpVariableMapping.RUN_TIME_NAMES) {
      Variable v = nc.findVariable(n);
      if (v != null && v.getUnitsString() != null && v.getUnitsString().contains("since")) {
        try {
          Array a = v.read();
          CalendarDateUnit cdu = CalendarDateUnit.of(null, v.getUnitsString());
          return Instant.ofEpochMilli(cdu.makeCalendarDate(a.getDouble(0)).getMillis())
              .toString();
        } catch (IOException | RuntimeException e) {
          return "unreadable " + n;
        }
      }
      Attribute g = nc.findGlobalAttribute(n);
      if (g != null && g.isString()) {
        return g.getStringValue();
      }
    }
    return "not given (analysis/reanalysis)";
  }
}
