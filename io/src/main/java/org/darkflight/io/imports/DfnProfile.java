package org.darkflight.io.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;

/**
 * A DFN DarkFlight wind profile CSV (DFN_darkflight, MIT, {@code DFN_DarkFlight.py} 875–899,
 * {@code df_functions.py} 66–135). Two header forms are accepted, as DFN does:
 * <ul>
 *   <li>the legacy {@code # Height, TempK, Press, RHum, Wind, WDir} (m, K, Pa, %, m/s, degrees the
 *       wind blows from, clockwise from north), as in DFN's example files;</li>
 *   <li>{@code extract_profile.py}'s {@code height, temperature, pressure, relative_humidity,
 *       wind_horizontal, wind_direction[, wind_east, wind_north, wind_up, density]}.</li>
 * </ul>
 * Names are trimmed, a leading {@code #} dropped, case ignored; fields are trimmed numbers.
 * Levels are sorted by height; a repeated height is refused. Relative humidity has no field in
 * Darkflight's profile and is dropped (DFN's own density ends up dry, see docs/import.md).
 *
 * @param levels the levels, lowest first
 */
public record DfnProfile(List<Level> levels) {

  /**
   * One level in DFN's units.
   *
   * @param heightM       height, m
   * @param temperatureK  temperature, K
   * @param pressurePa    pressure, Pa
   * @param windSpeedMps  horizontal wind speed, m/s
   * @param windFromDeg   direction the wind blows from, degrees clockwise from north
   * @param windEastMps   east wind, m/s, or null (extract_profile.py only)
   * @param windNorthMps  north wind, m/s, or null
   * @param densityKgM3   air density, kg/m³, or null
   */
  public record Level(double heightM, double temperatureK, double pressurePa,
      double windSpeedMps, double windFromDeg, Double windEastMps, Double windNorthMps,
      Double densityKgM3) {}

  private static final String[][] COLUMNS = {
    {"height", "height"}, {"tempk", "temperature"}, {"press", "pressure"},
    {"wind", "wind_horizontal"}, {"wdir", "wind_direction"}};

  public DfnProfile {
    levels = List.copyOf(levels);
  }

  /** Reads a profile CSV. */
  public static DfnProfile read(Path file) throws InputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
    }
    int headerLine = 0;
    while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
      headerLine++;
    }
    if (headerLine == lines.size()) {
      throw new InputException(file, "line 1", "empty; expected the header '# Height, TempK, "
          + "Press, RHum, Wind, WDir'");
    }
    String[] names = lines.get(headerLine).split(",", -1);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String n = names[i].strip();
      if (n.startsWith("#")) {
        n = n.substring(1).strip();
      }
      index.put(n.toLowerCase(Locale.ROOT), i);
    }
    int[] col = new int[COLUMNS.length];
    for (int c = 0; c < COLUMNS.length; c++) {
      Integer i = index.containsKey(COLUMNS[c][0]) ? index.get(COLUMNS[c][0])
          : index.get(COLUMNS[c][1]);
      if (i == null) {
        throw new InputException(file, "line " + (headerLine + 1), "no column '"
            + (c == 0 ? "Height" : COLUMNS[c][0].substring(0, 1).toUpperCase(Locale.ROOT)
                + COLUMNS[c][0].substring(1)) + "' (or '" + COLUMNS[c][1] + "'); expected the "
            + "header '# Height, TempK, Press, RHum, Wind, WDir'");
      }
      col[c] = i;
    }
    Integer east = index.get("wind_east");
    Integer north = index.get("wind_north");
    Integer density = index.get("density");
    List<Level> levels = new ArrayList<>();
    for (int r = headerLine + 1; r < lines.size(); r++) {
      String line = lines.get(r);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      String where = "line " + (r + 1);
      double[] v = new double[COLUMNS.length];
      for (int c = 0; c < COLUMNS.length; c++) {
        v[c] = number(file, where, f, col[c], names);
      }
      levels.add(new Level(v[0], v[1], v[2], v[3], v[4],
          east == null || north == null ? null : number(file, where, f, east, names),
          east == null || north == null ? null : number(file, where, f, north, names),
          density == null ? null : number(file, where, f, density, names)));
    }
    if (levels.isEmpty()) {
      throw new InputException(file, "line " + (headerLine + 2), "no levels after the header");
    }
    levels.sort(Comparator.comparingDouble(Level::heightM));
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i).heightM() == levels.get(i - 1).heightM()) {
        throw new InputException(file, "Height " + levels.get(i).heightM(), "appears twice; "
            + "every level needs its own height");
      }
    }
    return new DfnProfile(levels);
  }

  private static double number(Path file, String where, String[] f, int i, String[] names)
      throws InputException {
    String name = names[i].strip().replaceFirst("^#\\s*", "");
    if (i >= f.length) {
      throw new InputException(file, where, "no value for column '" + name + "'");
    }
    String s = f[i].strip();
    try {
      double d = Double.parseDouble(s);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InputException(file, where + ", column '" + name + "'", "not a number: '" + s
          + "'");
    }
  }
}
