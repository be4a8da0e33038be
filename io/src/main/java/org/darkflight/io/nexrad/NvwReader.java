package org.darkflight.io.nexrad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.Units;
import org.darkflight.io.radar.VadFit;
import org.darkflight.io.radiosonde.SoundingUnits;
import ucar.ma2.Array;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;
import ucar.nc2.iosp.nexrad2.NexradStationDB;

/**
 * Reads a NEXRAD Level III VAD Wind Profile product (NVW, message code 48) through netCDF-Java
 * 4.5.5's NIDS reader ({@code Nidsiosp}, file type {@code NEXRAD-3}).
 *
 * <p>The winds are taken from the product's tabular alphanumeric block, which netCDF-Java
 * exposes as the string array {@code TabMessagePage}: the RPG's "VAD Algorithm Output" pages with
 * columns {@code ALT U V W DIR SPD RMS DIV SRNG ELEV} in units
 * {@code 100ft m/s m/s cm/s deg kts kts E-3/s nm deg}, one row per VAD estimate of the newest
 * volume (the wind barbs of the graphic, {@code VADWindSpeed}, hold only screen positions and
 * rounded values). The layout is checked line by line; any line that is neither a header nor a
 * row of ten fields is an error, never skipped.
 *
 * <p>Conventions, each checked on every row:
 * <ul>
 *   <li>U is eastward, V northward, m/s; DIR is the direction the wind blows <em>from</em>,
 *       clockwise from north, SPD in knots: {@code (U, V)} must equal
 *       {@code −SPD·(sin DIR, cos DIR)} to within {@value #MAX_VECTOR_MISMATCH_MPS} m/s (the
 *       rounding of SPD to 1 kt and DIR to 1° at 70 kt; the shipped products agree within
 *       0.39 m/s).</li>
 *   <li>ALT, in hundreds of feet (1 ft = 0.3048 m), is height above mean sea level: ALT minus the
 *       4/3-Earth beam height of SRNG (nautical miles, 1852 m) at ELEV above the antenna averages
 *       the product's {@code RadarAltitude} (the antenna height above mean sea level) — 63.2 m vs
 *       60.4 m for KOKX, 233.0 m vs 231.3 m for KBMX. A mean that differs from
 *       {@code RadarAltitude} by more than {@value #MAX_DATUM_MISMATCH_M} m is refused.</li>
 * </ul>
 */
public final class NvwReader {

  /** Largest disagreement of (U, V) with DIR/SPD, m/s. */
  public static final double MAX_VECTOR_MISMATCH_MPS = 0.6;
  /** Largest disagreement of the altitude datum with the antenna height, m. */
  public static final double MAX_DATUM_MISMATCH_M = 30.0;
  /** Metres per foot (international foot). */
  public static final double M_PER_FT = 0.3048;
  /** Metres per nautical mile. */
  public static final double M_PER_NMI = 1852.0;

  private static final List<String> COLUMNS = List.of("ALT", "U", "V", "W", "DIR", "SPD",
      "RMS", "DIV", "SRNG", "ELEV");
  private static final List<String> UNITS = List.of("100ft", "m/s", "m/s", "cm/s", "deg", "kts",
      "kts", "E-3/s", "nm", "deg");
  private static final DateTimeFormatter PAGE_TIME =
      DateTimeFormatter.ofPattern("MM/dd/yy HH:mm", Locale.ROOT);

  private NvwReader() {}

  /**
   * One row of the VAD table.
   *
   * @param altitudeM        ALT converted to m above mean sea level
   * @param windUMps         U, eastward, m/s
   * @param windVMps         V, northward, m/s
   * @param windWMps         W converted to m/s, or NaN ("NA")
   * @param directionDeg     DIR, direction the wind blows from, degrees
   * @param speedKt          SPD, knots
   * @param rmsMps           RMS converted to m/s, or NaN ("NA")
   * @param slantRangeM      SRNG converted to m
   * @param elevationDeg     ELEV, degrees
   * @param line             the row as printed
   */
  public record Row(double altitudeM, double windUMps, double windVMps, double windWMps,
      double directionDeg, double speedKt, double rmsMps, double slantRangeM,
      double elevationDeg, String line) {}

  /**
   * The product.
   *
   * @param file             the file read
   * @param site             the radar (position and antenna height from the product header)
   * @param volumeTime       volume scan start, UTC
   * @param rows             the VAD rows in table order
   * @param datumOffsetM     mean of ALT minus the beam height above the antenna, m
   * @param parameters       the adaptable-parameter page as name → value-with-unit
   */
  public record Product(Path file, NexradSite site, Instant volumeTime, List<Row> rows,
      double datumOffsetM, Map<String, String> parameters) {

    public Product {
      rows = List.copyOf(rows);
      parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
  }

  /**
   * Reads and checks a product.
   *
   * @throws InputException naming the file, the page or line and the reason
   */
  public static Product read(Path file) throws InputException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, "", "file not found");
    }
    int code = NexradFiles.level3ProductCode(file);
    if (code != NexradFiles.PRODUCT_VAD_WIND_PROFILE) {
      throw new InputException(file, "", code < 0 ? "not a NEXRAD Level III product"
          : "NEXRAD Level III product " + code + " is not the VAD Wind Profile (NVW, 48)");
    }
    try (NexradFiles.Scratch scratch = new NexradFiles.Scratch(file);
        NetcdfFile nc = NetcdfFile.open(scratch.path().toString())) {
      return read(file, nc);
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, "", "netCDF-Java's NIDS reader cannot read it: "
          + e.getClass().getSimpleName() + ": " + e.getMessage() + " (truncated or corrupt?)",
          e);
    }
  }

  private static Product read(Path file, NetcdfFile nc) throws IOException, InputException {
    double lat = number(file, nc, "RadarLatitude");
    double lon = number(file, nc, "RadarLongitude");
    double antenna = number(file, nc, "RadarAltitude");
    String station = text(file, nc, "ProductStation").trim();
    Instant volume;
    try {
      volume = Instant.parse(text(file, nc, "time_coverage_start"));
    } catch (DateTimeParseException e) {
      throw new InputException(file, "time_coverage_start", "not an ISO time", e);
    }
    Variable pages = nc.findVariable("TabMessagePage");
    if (pages == null) {
      throw new InputException(file, "TabMessagePage", "the product has no tabular VAD pages");
    }
    Array a = pages.read();
    List<Row> rows = new ArrayList<>();
    Map<String, String> params = new LinkedHashMap<>();
    for (int p = 0; p < a.getSize(); p++) {
      String page = String.valueOf(a.getObject(p));
      String field = "TabMessagePage[" + p + "]";
      if (page.contains("VAD Algorithm Output")) {
        rows.addAll(table(file, field, page, volume));
      } else if (page.contains("ADAPTABLE PARAMETERS")) {
        parameters(page, params);
      }
    }
    if (rows.isEmpty()) {
      throw new InputException(file, "TabMessagePage", "no VAD rows: the radar found no winds "
          + "in this volume");
    }
    double sum = 0;
    for (Row r : rows) {
      sum += r.altitudeM() - VadFit.beamHeightM(r.slantRangeM(), r.elevationDeg(), 0.0);
    }
    double offset = sum / rows.size();
    if (Math.abs(offset - antenna) > MAX_DATUM_MISMATCH_M) {
      throw new InputException(file, "TabMessagePage", String.format(Locale.ROOT, "ALT does not "
          + "look like height above mean sea level: ALT minus the beam height above the antenna"
          + " averages %.1f m, the antenna stands %.1f m above mean sea level", offset, antenna));
    }
    NexradSite site;
    try {
      site = new NexradSite(icao(station, lat, lon), lat, lon, Double.NaN, antenna,
          "file: Level III product description block (RadarLatitude, RadarLongitude, "
              + "RadarAltitude)");
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "RadarLatitude", e.getMessage(), e);
    }
    return new Product(file, site, volume, rows, offset, params);
  }

  /**
   * The radar's ICAO id: {@code K} + the product's 3-letter station id when netCDF-Java's
   * station table lists that id within 0.05° of the product's position (CONUS radars), else the
   * 3-letter id as given.
   */
  static String icao(String station, double lat, double lon) {
    try {
      NexradStationDB.init();
    } catch (IOException e) {
      return station;
    }
    NexradStationDB.Station s = NexradStationDB.get("K" + station);
    if (s != null && Math.abs(s.lat - lat) < 0.05 && Math.abs(s.lon - lon) < 0.05) {
      return "K" + station;
    }
    return station;
  }

  private static List<Row> table(Path file, String field, String page, Instant volume)
      throws InputException {
    String[] lines = page.split("\\R");
    List<Row> rows = new ArrayList<>();
    int state = 0; // 0 title, 1 columns, 2 units, 3 rows
    for (String raw : lines) {
      String line = raw.trim();
      if (line.isEmpty()) {
        continue;
      }
      switch (state) {
        case 0 -> {
          checkPageTime(file, field, line, volume);
          state = 1;
        }
        case 1 -> {
          expect(file, field, line, COLUMNS, "column names");
          state = 2;
        }
        case 2 -> {
          expect(file, field, line, UNITS, "column units");
          state = 3;
        }
        default -> rows.add(row(file, field, line));
      }
    }
    if (state < 3) {
      throw new InputException(file, field, "the VAD page ends before its table");
    }
    return rows;
  }

  private static void checkPageTime(Path file, String field, String line, Instant volume)
      throws InputException {
    String[] t = line.split("\\s+");
    if (t.length < 5) {
      throw new InputException(file, field, "unexpected title line: " + line);
    }
    Instant stamp;
    try {
      stamp = LocalDateTime.parse(t[t.length - 2] + " " + t[t.length - 1], PAGE_TIME)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InputException(file, field, "cannot read the date in the title line: " + line, e);
    }
    if (!stamp.equals(volume.truncatedTo(ChronoUnit.MINUTES))) {
      throw new InputException(file, field, "the table is for " + stamp + " but the product's "
          + "volume started at " + volume);
    }
  }

  private static void expect(Path file, String field, String line, List<String> want,
      String what) throws InputException {
    List<String> got = List.of(line.split("\\s+"));
    if (!got.equals(want)) {
      throw new InputException(file, field, "unexpected " + what + " \"" + line + "\", expected "
          + String.join(" ", want));
    }
  }

  private static Row row(Path file, String field, String line) throws InputException {
    String[] t = line.split("\\s+");
    if (t.length != COLUMNS.size()) {
      throw new InputException(file, field, "not a VAD row of " + COLUMNS.size() + " fields: \""
          + line + "\"");
    }
    try {
      double alt = Integer.parseInt(t[0]) * 100 * M_PER_FT;
      double u = Double.parseDouble(t[1]);
      double v = Double.parseDouble(t[2]);
      double w = na(t[3]) / 100.0;
      double dir = Double.parseDouble(t[4]);
      double spd = Double.parseDouble(t[5]);
      double rms = na(t[6]) * SoundingUnits.MPS_PER_KNOT;
      double srng = Double.parseDouble(t[8]) * M_PER_NMI;
      double elev = Double.parseDouble(t[9]);
      if (!(dir >= 0 && dir <= 360) || !(spd >= 0) || !(srng > 0) || !(elev > 0 && elev < 90)) {
        throw new InputException(file, field, "implausible VAD row \"" + line + "\"");
      }
      Units.WindComponents from = Units.windFromSpeedDirection(spd * SoundingUnits.MPS_PER_KNOT,
          dir);
      double du = u - from.uMps();
      double dv = v - from.vMps();
      if (Math.hypot(du, dv) > MAX_VECTOR_MISMATCH_MPS) {
        throw new InputException(file, field, String.format(Locale.ROOT, "row \"%s\": U, V "
            + "disagree with DIR/SPD (wind from %s deg at %s kt) by %.2f m/s", line, t[4], t[5],
            Math.hypot(du, dv)));
      }
      return new Row(alt, u, v, w, dir, spd, rms, srng, elev, line);
    } catch (NumberFormatException e) {
      throw new InputException(file, field, "cannot read the VAD row \"" + line + "\"", e);
    }
  }

  private static double na(String s) {
    return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
  }

  /** Name → value lines of the adaptable-parameter page ("RMS THRESHOLD 9.7 KNOTS"). */
  private static void parameters(String page, Map<String, String> out) {
    for (String raw : page.split("\\R")) {
      String line = raw.trim();
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("^([A-Z][A-Z ]+?)\\s{2,}(-?[0-9.]+)\\s*([A-Z]*)$").matcher(line);
      if (m.matches()) {
        out.put(m.group(1).trim(), (m.group(2) + " " + m.group(3)).trim());
      }
    }
  }

  private static double number(Path file, NetcdfFile nc, String name) throws InputException {
    Attribute a = nc.findGlobalAttribute(name);
    if (a == null || a.getNumericValue() == null
        || !Double.isFinite(a.getNumericValue().doubleValue())) {
      throw new InputException(file, name, "missing from the product header");
    }
    return a.getNumericValue().doubleValue();
  }

  private static String text(Path file, NetcdfFile nc, String name) throws InputException {
    Attribute a = nc.findGlobalAttribute(name);
    if (a == null || a.getStringValue() == null) {
      throw new InputException(file, name, "missing from the product header");
    }
    return a.getStringValue();
  }
}
