package org.darkflight.io.radiosonde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.Geopotential;
import org.darkflight.io.atmos.source.SourceLevel;

/**
 * Parses the University of Wyoming "TEXT:LIST" sounding page (weather.uwyo.edu
 * {@code TYPE=TEXT:LIST}), either the saved HTML or the text of its {@code <PRE>} blocks.
 *
 * <p>Layout (physics-references §6): a dashed line, a header of column names (PRES HGHT TEMP
 * DWPT … DRCT SKNT …), a units line, a dashed line, then rows of <b>7-character</b> fields.
 * Columns are found from the header line (the frost-point variant adds FRPT and RELI), fields are
 * cut by position — never split on whitespace — and a blank field means missing. After the table
 * a "Station information and sounding indices" block gives {@code key: value} lines.
 *
 * <p>Units: PRES hPa → Pa; HGHT geopotential metres → geometric metres
 * ({@link Geopotential}); TEMP °C → K; DRCT degrees from, SKNT knots → u, v in m/s
 * ({@link SoundingUnits}). Rows without HGHT are dropped (counted); rows without TEMP or wind
 * keep those as NaN.
 */
public final class UwyoTextListParser {

  /** Columns a sounding must have. */
  static final List<String> REQUIRED = List.of("PRES", "HGHT", "TEMP", "DRCT", "SKNT");
  /** UWyo field width. */
  static final int WIDTH = 7;
  /** Highest plausible surface pressure in hPa; a larger PRES means Pa were written. */
  static final double MAX_PLAUSIBLE_HPA = 1100.0;

  private static final Pattern TITLE = Pattern.compile(
      "(\\d{5})?\\s*(\\w+)?.*Observations at (\\d{2})Z (\\d{1,2}) (\\w{3}) (\\d{4})",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private UwyoTextListParser() {}

  /** Reads and parses a file. */
  public static UwyoSounding parse(Path file) throws InputException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw new InputException(file, "", "file not found");
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * The table's columns as named in the header line, and the positions of the ones read.
   *
   * @param headerLine 0-based index of the header line
   */
  private record Layout(int headerLine, List<String> columns, int iPres, int iHght, int iTemp,
      int iDrct, int iSknt) {}

  /**
   * One table row: its fields by column (NaN where blank).
   *
   * @param lineNo 1-based line number in the file
   */
  private record TableRow(int lineNo, double[] fields) {}

  /**
   * The rows of the table.
   *
   * @param end 0-based index of the first line after the table
   */
  private record Table(List<TableRow> rows, int end) {}

  /** The levels with a height, and the number of rows dropped for want of one. */
  private record Levels(List<SourceLevel> levels, int dropped) {}

  /**
   * Parses the text of a page.
   *
   * @param text the page (HTML or plain text)
   * @param file the file name for messages
   */
  public static UwyoSounding parse(String text, String file) throws InputException {
    String[] lines = text.replace("\r", "").split("\n", -1);
    Layout layout = layout(lines, findHeader(lines, file), file);
    Table table = readTable(lines, layout, file);
    Map<String, String> info = stationInfo(lines, table.end());
    checkPressureUnits(table, layout, file);
    Levels levels = toLevels(table, layout, file);
    return station(info, lines, layout, levels, file);
  }

  /** The TEXT:LIST block: the first line naming PRES and HGHT. */
  private static int findHeader(String[] lines, String file) throws InputException {
    for (int i = 0; i < lines.length; i++) {
      List<String> tokens = tokens(lines[i]);
      if (tokens.contains("PRES") && tokens.contains("HGHT")) {
        return i;
      }
    }
    throw new InputException(file, "header", "no UWyo TEXT:LIST header line (PRES HGHT TEMP …)");
  }

  /**
   * The column layout from the header line: each name right-aligned in its own 7-character
   * field, the required columns present, then a units line and a dashed line.
   */
  private static Layout layout(String[] lines, int header, String file) throws InputException {
    String headerLine = stripTags(lines[header]);
    List<String> columns = tokens(headerLine);
    // Each name is right-aligned in its own 7-character field: check, so a shifted layout is
    // reported rather than silently read from the wrong columns.
    for (int k = 0; k < columns.size(); k++) {
      int end = WIDTH * (k + 1);
      String name = columns.get(k);
      if (headerLine.length() < end || name.length() > WIDTH
          || !headerLine.substring(end - name.length(), end).equals(name)
          || !headerLine.substring(end - WIDTH, end - name.length()).isBlank()) {
        throw new InputException(file, "header line " + (header + 1),
            "column " + columns.get(k) + " is not in a 7-character field ending at character "
                + end + "; not the UWyo TEXT:LIST layout");
      }
    }
    for (String req : REQUIRED) {
      if (!columns.contains(req)) {
        throw new InputException(file, req, "required column missing from header " + columns);
      }
    }
    if (header + 3 >= lines.length || !stripTags(lines[header + 2]).trim().startsWith("---")) {
      throw new InputException(file, "line " + (header + 3),
          "expected the units line and a dashed line after the header; file truncated?");
    }
    return new Layout(header, columns, columns.indexOf("PRES"), columns.indexOf("HGHT"),
        columns.indexOf("TEMP"), columns.indexOf("DRCT"), columns.indexOf("SKNT"));
  }

  /** The data rows after the dashed line, up to the first line that is not one. */
  private static Table readTable(String[] lines, Layout layout, String file)
      throws InputException {
    List<String> columns = layout.columns();
    List<TableRow> rows = new ArrayList<>();
    int end = layout.headerLine() + 3;
    for (; end < lines.length; end++) {
      String line = stripTags(lines[end]);
      if (line.isBlank() || !isDataRow(line)) {
        break;
      }
      double[] row = new double[columns.size()];
      for (int k = 0; k < columns.size(); k++) {
        row[k] = field(line, k, columns.get(k), file, end + 1);
      }
      rows.add(new TableRow(end + 1, row));
    }
    if (rows.isEmpty()) {
      throw new InputException(file, "line " + (layout.headerLine() + 4),
          "sounding table has no rows");
    }
    return new Table(rows, end);
  }

  /** Pa vs hPa: implausible ranges are reported, never guessed. */
  private static void checkPressureUnits(Table table, Layout layout, String file)
      throws InputException {
    double maxPres = table.rows().stream().mapToDouble(r -> r.fields()[layout.iPres()])
        .filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
    if (maxPres > MAX_PLAUSIBLE_HPA) {
      throw new InputException(file, "PRES", "values up to " + maxPres
          + " are implausible in hPa (looks like Pa); UWyo PRES must be hPa");
    }
  }

  /**
   * Row → level for every row with a height; pressure must fall and height rise from row to
   * row.
   */
  private static Levels toLevels(Table table, Layout layout, String file)
      throws InputException {
    List<SourceLevel> levels = new ArrayList<>();
    int dropped = 0;
    double lastPres = Double.POSITIVE_INFINITY;
    double lastHeight = Double.NEGATIVE_INFINITY;
    for (TableRow tr : table.rows()) {
      double[] row = tr.fields();
      String where = "line " + tr.lineNo();
      double presHpa = row[layout.iPres()];
      if (Double.isNaN(presHpa)) {
        throw new InputException(file, where + " PRES", "pressure missing");
      }
      if (!(presHpa > 0)) {
        throw new InputException(file, where + " PRES", "pressure must be > 0 hPa: " + presHpa);
      }
      if (!(presHpa < lastPres)) {
        throw new InputException(file, where + " PRES", presHpa == lastPres
            ? "duplicate level " + presHpa + " hPa"
            : "levels not sorted: pressure must decrease upward (" + presHpa + " after "
                + lastPres + " hPa)");
      }
      lastPres = presHpa;
      double hght = row[layout.iHght()];
      if (Double.isNaN(hght)) {
        dropped++;
        continue;
      }
      if (!(hght > lastHeight)) {
        throw new InputException(file, where + " HGHT", hght == lastHeight
            ? "duplicate height " + hght + " m"
            : "levels not sorted: height must increase upward (" + hght + " after "
                + lastHeight + " m)");
      }
      lastHeight = hght;
      levels.add(level(row, layout, where, file));
    }
    if (levels.size() < 2) {
      throw new InputException(file, "HGHT", "fewer than two levels with a height");
    }
    return new Levels(levels, dropped);
  }

  /**
   * One row with pressure and height as a level: HGHT geopotential → geometric metres, TEMP °C →
   * K, DRCT and SKNT → u, v in m/s; temperature and wind checked for plausibility.
   */
  private static SourceLevel level(double[] row, Layout layout, String where, String file)
      throws InputException {
    double presHpa = row[layout.iPres()];
    double hght = row[layout.iHght()];
    double tempC = row[layout.iTemp()];
    if (!Double.isNaN(tempC) && (tempC < -130 || tempC > 70)) {
      throw new InputException(file, where + " TEMP", "implausible temperature " + tempC
          + " (UWyo TEMP is °C; values like this suggest K or a shifted column)");
    }
    double drct = row[layout.iDrct()];
    double sknt = row[layout.iSknt()];
    if (Double.isNaN(drct) != Double.isNaN(sknt)) {
      throw new InputException(file, where + (Double.isNaN(drct) ? " DRCT" : " SKNT"),
          "wind direction and speed must both be present or both blank");
    }
    if (!Double.isNaN(drct) && (drct < 0 || drct > 360)) {
      throw new InputException(file, where + " DRCT", "direction outside [0, 360]: " + drct);
    }
    if (!Double.isNaN(sknt) && (sknt < 0 || sknt > 400)) {
      throw new InputException(file, where + " SKNT", "implausible wind speed " + sknt + " kt");
    }
    double speed = SoundingUnits.knotsToMps(sknt);
    return SourceLevel.of(
        Geopotential.geometricFromGeopotentialHeight(hght),
        presHpa * SoundingUnits.PA_PER_HPA,
        Double.isNaN(tempC) ? Double.NaN : SoundingUnits.celsiusToKelvin(tempC),
        Double.isNaN(speed) ? Double.NaN : SoundingUnits.windU(speed, drct),
        Double.isNaN(speed) ? Double.NaN : SoundingUnits.windV(speed, drct));
  }

  /**
   * The station: observation time, position and elevation from the station information block
   * (the time may come from the page title instead; the elevation defaults to the lowest level).
   */
  private static UwyoSounding station(Map<String, String> info, String[] lines, Layout layout,
      Levels levels, String file) throws InputException {
    Instant time = observationTime(info, lines, file);
    double lat = number(info, "Station latitude", file);
    double lon = number(info, "Station longitude", file);
    if (!(lat >= -90 && lat <= 90)) {
      throw new InputException(file, "Station latitude", "outside [-90, 90]: " + lat);
    }
    if (!(lon >= -360 && lon <= 360)) {
      throw new InputException(file, "Station longitude", "outside [-360, 360]: " + lon);
    }
    double elev = info.containsKey("Station elevation")
        ? number(info, "Station elevation", file) : levels.levels().get(0).altitudeM();
    return new UwyoSounding(info.getOrDefault("Station identifier", ""),
        info.getOrDefault("Station number", ""), time, lat, lon, elev, layout.columns(),
        levels.levels(), levels.dropped());
  }

  /** A table row starts with a number in its first (PRES) field; anything else ends the table. */
  private static boolean isDataRow(String line) {
    String first = line.substring(0, Math.min(WIDTH, line.length())).trim();
    if (first.isEmpty()) {
      return false;
    }
    try {
      Double.parseDouble(first);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static double field(String line, int k, String column, String file, int lineNo)
      throws InputException {
    int from = WIDTH * k;
    int to = WIDTH * (k + 1);
    if (from >= line.length()) {
      return Double.NaN;
    }
    String s = line.substring(from, Math.min(to, line.length())).trim();
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InputException(file, "line " + lineNo + " " + column,
          "not a number in 7-character field: '" + s + "'");
    }
  }

  private static Map<String, String> stationInfo(String[] lines, int from) {
    Map<String, String> info = new HashMap<>();
    for (int i = from; i < lines.length; i++) {
      String line = stripTags(lines[i]);
      int colon = line.indexOf(':');
      if (colon > 0) {
        info.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return info;
  }

  private static double number(Map<String, String> info, String key, String file)
      throws InputException {
    String v = info.get(key);
    if (v == null) {
      throw new InputException(file, key, "missing from the station information block "
          + "(save the whole UWyo page, including \"Station information and sounding indices\")");
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new InputException(file, key, "not a number: '" + v + "'");
    }
  }

  private static Instant observationTime(Map<String, String> info, String[] lines, String file)
      throws InputException {
    String obs = info.get("Observation time");
    if (obs != null) {
      try {
        return LocalDateTime.parse(obs, DateTimeFormatter.ofPattern("yyMMdd/HHmm", Locale.ROOT))
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new InputException(file, "Observation time", "expected yymmdd/hhmm, got '"
            + obs + "'");
      }
    }
    for (String raw : lines) {
      Matcher m = TITLE.matcher(stripTags(raw));
      if (m.find()) {
        String date = m.group(4) + " " + m.group(5) + " " + m.group(6) + " " + m.group(3);
        try {
          return LocalDateTime.parse(date + ":00",
              DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH))
              .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw new InputException(file, "title", "cannot read the date in '" + raw.trim() + "'");
        }
      }
    }
    throw new InputException(file, "Observation time",
        "neither a station information block nor an 'Observations at HHZ DD Mon YYYY' title");
  }

  private static String stripTags(String line) {
    return TAG.matcher(line).replaceAll("");
  }

  private static List<String> tokens(String line) {
    String t = stripTags(line).trim();
    return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
  }
}
