package org.darkflight.io.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;

/**
 * A Desert Fireball Network DarkFlight event file ({@code .cfg}), read the way DFN_DarkFlight
 * reads it with Python's {@code configparser.RawConfigParser} (github.com/desertfireballnetwork/
 * DFN_darkflight, MIT, {@code DFN_DarkFlight.py} 862–867 and {@code InitialiseCFG} 281–353):
 * {@code [section]} headers, {@code key = value} or {@code key: value}, whole-line comments
 * starting with {@code #} or {@code ;}, section and key names case-insensitive, values trimmed,
 * no interpolation (so {@code dmass = 10%} is a value).
 */
public final class DfnConfig {

  private final Path file;
  private final Map<String, Map<String, String>> sections;

  private DfnConfig(Path file, Map<String, Map<String, String>> sections) {
    this.file = file;
    this.sections = sections;
  }

  /** Reads a cfg file. */
  public static DfnConfig read(Path file) throws InputException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
    }
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = sections.computeIfAbsent(
            line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT),
            k -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      if (sep <= 0 || current == null) {
        throw new InputException(file, "line " + (i + 1), current == null
            ? "a key before the first [section]" : "expected 'key = value', got '" + line + "'");
      }
      current.put(line.substring(0, sep).strip().toLowerCase(Locale.ROOT),
          line.substring(sep + 1).strip());
    }
    return new DfnConfig(file, sections);
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** A value, or null when the section or key is absent. */
  public String get(String section, String key) {
    Map<String, String> s = sections.get(section);
    return s == null ? null : s.get(key);
  }

  /** A required number. */
  public double number(String section, String key) throws InputException {
    String v = get(section, key);
    if (v == null || v.isEmpty()) {
      throw new InputException(file, "[" + section + "] " + key, "missing; DFN DarkFlight "
          + "needs it");
    }
    return parse(section, key, v);
  }

  /** An optional number, or null when absent. */
  public Double optionalNumber(String section, String key) throws InputException {
    String v = get(section, key);
    return v == null || v.isEmpty() ? null : parse(section, key, v);
  }

  private double parse(String section, String key, String v) throws InputException {
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InputException(file, "[" + section + "] " + key, "not a number: '" + v + "'");
    }
  }
}
