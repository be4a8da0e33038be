package org.darkflight.io.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfileDocument;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.fragments.FragmentsFile;
import org.darkflight.io.imports.ImportedInputs;
import org.darkflight.io.json.Json;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.RaobRow;

/**
 * Imports a JÖRMUNGANDR v.42 workbook as Darkflight inputs ({@code darkflight import workbook},
 * docs/legacy.md): the luminous end from {@code particle parameters} (UTM B6/C6 → WGS84 in the
 * given zone, top of the window B19, speed B25, direction of travel B24, angle below the
 * horizontal B26), the fragment (mass B21, density B16, a sphere), the profile from
 * {@code RAOB Used for Calcs} B1:G600 (hPa, m, tenths of °C, wind from, tenths of m/s), and a
 * modern physics configuration with the ground height of {@code Timing Altitude}!J5. The time of
 * day is {@code Timing Altitude}!O2:Q2 ("Fireball End", UTC); the workbook holds no date.
 * Only stored values are read; no formula is evaluated.
 */
public final class V42Import {

  /** Sheet with the fireball timing and the ground height. */
  public static final String TIMING = "Timing Altitude";
  /** Drag coefficient written into fragments.json: the hypersonic limit of the Carter et al.
   * sphere curve the workbook's sheet Vz uses (only drag_model simple_constant uses it as is). */
  public static final double CD = 0.92;
  /** Shape factor of a sphere; the workbook assumes a sphere ('particle parameters'!A46). */
  public static final double SPHERE = 1.21;

  private V42Import() {}

  /**
   * Reads the workbook and builds the validated inputs.
   *
   * @param file    the workbook
   * @param zone    the UTM zone of its easting/northing
   * @param date    the UTC date of the fall (the workbook stores the time of day only), or null
   *                when {@code timeUtc} is given
   * @param timeUtc the time of the luminous end, or null to take the date and the workbook's
   *                'Fireball End' time
   * @param eventId the event identifier, or null for the workbook's file name
   * @throws InputException when a cell is missing or implausible, or no time can be formed
   */
  public static ImportedInputs read(Path file, UtmZone zone, LocalDate date, Instant timeUtc,
      String eventId) throws InputException {
    XSSFWorkbook wb = SafeWorkbooks.open(file, WorkbookLimits.defaults());
    try {
      FriesV42Inputs in = V42WorkbookReader.read(file, wb);
      Sheet timing = wb.getSheet(TIMING);
      if (timing == null) {
        throw new InputException(file, "sheet '" + TIMING + "'", "missing; not a JÖRMUNGANDR "
            + "v.42 workbook");
      }
      Instant time = timeUtc;
      if (time == null) {
        if (date == null) {
          throw new InputException("command line", "--date", "the workbook stores the time of "
              + "day only: give --date YYYY-MM-DD (UTC) or --time-utc");
        }
        int h = (int) whole(file, timing, "O2");
        int m = (int) whole(file, timing, "P2");
        double s = V42WorkbookReader.number(file, timing, "Q2");
        try {
          time = date.atTime(LocalTime.of(h, m)).toInstant(ZoneOffset.UTC)
              .plusNanos(Math.round(s * 1e9));
        } catch (java.time.DateTimeException e) {
          throw new InputException(file, "'" + TIMING + "'!O2:Q2", "not a time of day: " + h
              + ":" + m + ":" + s);
        }
      }
      double groundM = V42WorkbookReader.number(file, timing, "J5");
      return build(file, in, zone, time, eventId, groundM);
    } finally {
      SafeWorkbooks.close(wb);
    }
  }

  private static double whole(Path file, Sheet sheet, String ref) throws InputException {
    double v = V42WorkbookReader.number(file, sheet, ref);
    if (v != Math.rint(v)) {
      throw new InputException(file, "'" + sheet.getSheetName() + "'!" + ref, "must be a whole "
          + "number, is " + v);
    }
    return v;
  }

  private static ImportedInputs build(Path file, FriesV42Inputs in, UtmZone zone, Instant time,
      String eventId, double groundM) throws InputException {
    String name = file.getFileName().toString();
    String source = "JÖRMUNGANDR v.42 workbook " + name + " (sha256 "
        + FormulaGraphExtractor.sha256(file) + "), imported by darkflight import workbook";
    String id = eventId != null ? eventId : defaultId(name);
    double[] latLon = zone.toGeographic(in.startEastingM(), in.startNorthingM());
    LuminousEnd end;
    try {
      end = new LuminousEnd(time, latLon[0], latLon[1], in.highAltitudeM(), in.speedMps(),
          ((in.azimuthDeg() % 360) + 360) % 360, in.angleBelowHorizontalDeg());
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "'" + V42WorkbookReader.PARAMS + "'", e.getMessage(), e);
    }
    List<String> notes = new ArrayList<>();
    notes.add(String.format(Locale.ROOT, "luminous end: UTM %s E %.3f N %.3f ('particle "
        + "parameters'!B6:C6) = %.7f, %.7f (WGS84), altitude_m = top of the window B19 %.1f m",
        zone, in.startEastingM(), in.startNorthingM(), latLon[0], latLon[1], in.highAltitudeM()));
    notes.add("azimuth_deg = B24 (direction of travel) and elevation_deg = B26 (angle below the "
        + "horizontal), as the workbook defines them; no conversion");
    Event event = new Event(id, end, meta(source, Map.of("time_utc", "UTC", "lat", "deg", "lon",
        "deg", "altitude_m", "m", "speed_mps", "m/s", "azimuth_deg", "deg", "elevation_deg",
        "deg"), "Sheet 'particle parameters': start B6/C6 in UTM zone " + zone
        + " (WGS84) converted with Apache SIS; altitude_m = B19 (top of the integrated window); "
        + "speed_mps = B25; azimuth_deg = B24 (direction of travel, clockwise from north); "
        + "elevation_deg = B26 (angle below the horizontal). time_utc: the given date with "
        + "'Timing Altitude'!O2:Q2 ('Fireball End'), or --time-utc."));
    Fragment fragment;
    try {
      fragment = new Fragment(massId(in.massG()), in.massG() / 1000, in.densityGcm3() * 1000,
          CD, SPHERE);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "'" + V42WorkbookReader.PARAMS + "'!B16:B21",
          e.getMessage(), e);
    }
    FragmentsFile fragments = new FragmentsFile(List.of(fragment), meta(source, Map.of("mass_kg",
        "kg", "density_kgm3", "kg/m3", "cd", "1", "shape_factor", "1"), "mass_kg = "
        + "'particle parameters'!B21 / 1000; density_kgm3 = B16 × 1000; a sphere (shape factor "
        + "1.21), as the workbook assumes; cd = 0.92, the hypersonic limit of the Carter et al. "
        + "sphere curve of sheet 'Vz' (used as is only by drag_model simple_constant)."));
    AtmosProfile profile = profile(file, in.profile(), time, latLon, source);
    notes.add(String.format(Locale.ROOT, "profile: %d levels of 'RAOB Used for Calcs' "
        + "(%.0f-%.0f m); its time is unknown, set to the event time",
        profile.levels().size(), profile.levels().get(0).level().altitudeM(),
        profile.levels().get(profile.levels().size() - 1).level().altitudeM()));
    PhysicsConfig physics = physics(file, groundM);
    notes.add(String.format(Locale.ROOT, "physics: modern (mach_regime, WGS84 gravity, RK4), "
        + "ground %.1f m from 'Timing Altitude'!J5; the workbook's own method is "
        + "'darkflight workbook run'", groundM));
    Meta physicsMeta = meta(source, Map.of("ground_altitude_m", "m", "dt_initial_s", "s",
        "dt_min_s", "s", "dt_max_s", "s", "output_interval_s", "s"), "Modern physics on the "
        + "workbook's inputs: Mach-dependent drag like sheet 'Vz', no ablation (the workbook has "
        + "none), WGS84 gravity; ground_altitude_m = 'Timing Altitude'!J5 'Ground Alt (m)'.");
    return new ImportedInputs(event, fragments, profile, physics, physicsMeta, null, notes);
  }

  private static AtmosProfile profile(Path file, List<RaobRow> rows, Instant time,
      double[] latLon, String source) throws InputException {
    List<AtmosProfileDocument.LevelJson> levels = new ArrayList<>();
    for (RaobRow r : rows) {
      if (r.equals(RaobRow.EMPTY)) {
        continue;
      }
      levels.add(new AtmosProfileDocument.LevelJson(r.altitudeM(), null, r.pressureHpa(), null,
          r.temperatureDeciC() / 10, null, null, r.windSpeedDeciMps() / 10, r.windFromDeg(),
          null, null, null, null, null, null, null));
    }
    Map<String, String> units = new TreeMap<>(Map.of("altitude_m", "m", "pressure_hPa", "hPa",
        "temperature_C", "degC", "wind_speed_mps", "m/s", "wind_dir_deg", "deg"));
    ObjectNode prov = provenance(source, "Every non-empty row of sheet 'RAOB Used for Calcs' "
        + "B1:G600: pressure_hPa = B, altitude_m = C, temperature_C = D / 10, wind_dir_deg = F "
        + "(direction the wind blows from), wind_speed_mps = G / 10. The workbook records neither "
        + "station nor time: profile_time_utc is the event time and location the luminous end.");
    AtmosProfileDocument doc = new AtmosProfileDocument(AtmosProfileDocument.SCHEMA_ID,
        new AtmosProfileDocument.AtmosMeta(AtmosProfiles.SCHEMA_VERSION, time,
            new AtmosProfileDocument.Location(latLon[0], latLon[1],
                levels.isEmpty() ? null : levels.get(0).altitudeM(), null),
            new TreeMap<>(units), prov, null),
        levels);
    JsonNode tree = Json.mapper().valueToTree(doc);
    return AtmosProfiles.fromTree(tree, file + " 'RAOB Used for Calcs'");
  }

  private static PhysicsConfig physics(Path file, double groundM) throws InputException {
    String json = String.format(Locale.ROOT, """
        {"$schema": "https://darkflight.org/schemas/physics_config.schema.json",
         "drag_model": "mach_regime", "cd_scale": 1.0,
         "ablation": {"enabled": false, "method": "classical"},
         "gravity_model": "wgs84_local", "earth_rotation": false, "ground_altitude_m": %s,
         "legacy": "none",
         "integration": {"method": "rk4", "dt_initial_s": 0.05, "dt_min_s": 0.005,
                         "dt_max_s": 0.2},
         "output_interval_s": 1.0}""", Double.toString(groundM));
    try {
      return PhysicsConfigFiles.fromTree(Json.mapper().readTree(json), file + " 'Timing "
          + "Altitude'!J5");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the physics template is JSON", e);
    }
  }

  /** A meta block with a source and notes. */
  static Meta meta(String source, Map<String, String> units, String notes) {
    return new Meta("1.0", new TreeMap<>(units), provenance(source, notes));
  }

  private static ObjectNode provenance(String source, String notes) {
    ObjectNode prov = Json.mapper().createObjectNode();
    prov.put("source", source);
    prov.put("notes", notes);
    return prov;
  }

  /** An identifier from a file name: letters, digits, '-' and '_' only. */
  static String defaultId(String fileName) {
    String stem = fileName.replaceFirst("\\.[^.]*$", "");
    String id = stem.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "workbook-event" : id;
  }

  /** {@code m1000g}, {@code m2.5g}: the fragment id of a mass in grams. */
  public static String massId(double grams) {
    String g = grams == Math.rint(grams) ? Long.toString((long) grams)
        : java.math.BigDecimal.valueOf(grams).stripTrailingZeros().toPlainString();
    return "m" + g + "g";
  }
}
