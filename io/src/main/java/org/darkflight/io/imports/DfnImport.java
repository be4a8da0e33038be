package org.darkflight.io.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfileDocument;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.fragments.FragmentsFile;
import org.darkflight.io.json.Json;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;

/**
 * Imports a Desert Fireball Network DarkFlight event ({@code darkflight import dfn},
 * docs/import.md). The formats are those of github.com/desertfireballnetwork/DFN_darkflight (MIT,
 * © 2020 Desert Fireball Network), read at commits 346e472 (master) and 5b86ad5 (winchcombe):
 * <ul>
 *   <li>{@code [met]} lat0, lon0 (deg), z0 (m above the WGS84 ellipsoid), vtot0 (m/s),
 *       azimuth0 (direction of travel, clockwise from north, as ours), zenangle (zenith angle of
 *       the radiant: our elevation below the horizontal is 90° − zenangle), exposure_time (UTC,
 *       no zone), mass0 (kg), rdens0 (kg/m³), name;</li>
 *   <li>the 1-σ keys dlat, dlon, dz, dvtot, dazimuth0, dzenith become normal distributions of
 *       the ensemble; {@code [montecarlo]} dmass (kg or N% of mass0) and drdens, which DFN draws
 *       as a half-normal at or above the nominal value, become log-normals with the same mean and
 *       standard deviation; no_runs becomes the number of samples;</li>
 *   <li>{@code [gnd]} gndlvl is the ground height, atmosprofile the default wind CSV.</li>
 * </ul>
 * Keys DFN's code never reads (dragmin, dragmax, dwind, rand) are reported and not imported.
 */
public final class DfnImport {

  /** Drag coefficient written into fragments.json unless given (a sphere's hypersonic Cd). */
  public static final double DEFAULT_CD = 0.92;
  /** Shape factors of DFN's {@code -s} letters: sphere, cylinder, brick. */
  public static final Map<String, Double> SHAPES = Map.of("s", 1.21, "c", 1.60, "b", 2.7);
  /** Samples when the cfg has no no_runs. */
  public static final int DEFAULT_SAMPLES = 1000;

  private static final String MET = "met";
  private static final String MC = "montecarlo";
  private static final String GND = "gnd";

  /**
   * Import settings.
   *
   * @param cfg         the DFN event file
   * @param wind        the wind profile CSV, or null for the cfg's [gnd] atmosprofile
   * @param shapeFactor shape factor (DFN's -s; sphere 1.21)
   * @param cd          drag coefficient for fragments.json
   * @param groundM     ground height, m, or null for the cfg's [gnd] gndlvl (else 0, DFN's -g)
   * @param samples     ensemble samples, or null for the cfg's no_runs (else 1000)
   * @param seed        ensemble seed
   */
  public record Options(Path cfg, Path wind, double shapeFactor, double cd, Double groundM,
      Integer samples, long seed) {}

  private DfnImport() {}

  /** Reads the cfg and the profile and builds the validated inputs. */
  public static ImportedInputs read(Options o) throws InputException {
    DfnConfig c = DfnConfig.read(o.cfg());
    Path cfg = o.cfg();
    String name = cfg.getFileName().toString();
    List<String> notes = new ArrayList<>();
    String source = "DFN DarkFlight event " + name + " (format: github.com/"
        + "desertfireballnetwork/DFN_darkflight, MIT), imported by darkflight import dfn";
    String id = c.get(MET, "name");
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
      id = name.replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]+", "-")
          .replaceAll("^[^A-Za-z0-9]+", "");
      if (id.isEmpty()) {
        id = "dfn-event";
      }
    }
    Instant time = time(c);
    double zenith = c.number(MET, "zenangle");
    if (zenith < 0 || zenith >= 90) {
      throw new InputException(cfg, "[met] zenangle", "zenith angle " + zenith + "° is outside "
          + "[0, 90): a falling meteoroid's radiant is above the horizon");
    }
    double elevation = 90 - zenith;
    LuminousEnd end;
    try {
      end = new LuminousEnd(time, c.number(MET, "lat0"), c.number(MET, "lon0"),
          c.number(MET, "z0"), c.number(MET, "vtot0"),
          ((c.number(MET, "azimuth0") % 360) + 360) % 360, elevation);
    } catch (IllegalArgumentException e) {
      throw new InputException(cfg, "[met]", e.getMessage(), e);
    }
    notes.add(String.format(Locale.ROOT, "zenangle %.6f° (zenith angle of the radiant) → "
        + "elevation_deg %.6f° = 90 − zenangle (the event schema has no zenith field)", zenith,
        elevation));
    notes.add("azimuth0 is the direction of travel clockwise from north, as azimuth_deg: no "
        + "conversion; z0 is above the WGS84 ellipsoid (DFN triangulation), so the event says "
        + "height_reference ellipsoid; the profile heights and the ground are taken as above "
        + "mean sea level (model heights; DFN's code uses them on the ellipsoid, which differs "
        + "by the EGM96 undulation N)");
    Event event = new Event(id, end, meta(source, Map.of("time_utc", "UTC", "lat", "deg", "lon",
        "deg", "altitude_m", "m", "speed_mps", "m/s", "azimuth_deg", "deg", "elevation_deg",
        "deg"), "[met] lat0, lon0, z0, vtot0, azimuth0 as is; elevation_deg = 90 - zenangle "
        + "(DFN's zenith angle of the radiant, DFN_DarkFlight.py 300-309); time_utc = "
        + "exposure_time (UTC, DFN scale='utc')."),
        org.darkflight.io.geoid.HeightReference.ELLIPSOID);

    double mass = c.number(MET, "mass0");
    double density = c.number(MET, "rdens0");
    Fragment fragment;
    try {
      fragment = new Fragment(massId(mass), mass, density, o.cd(), o.shapeFactor());
    } catch (IllegalArgumentException e) {
      throw new InputException(cfg, "[met] mass0/rdens0", e.getMessage(), e);
    }
    FragmentsFile fragments = new FragmentsFile(List.of(fragment), meta(source, Map.of("mass_kg",
        "kg", "density_kgm3", "kg/m3", "cd", "1", "shape_factor", "1"), "mass_kg = [met] mass0, "
        + "density_kgm3 = [met] rdens0; shape_factor = " + o.shapeFactor() + " (DFN's -s); cd = "
        + o.cd() + " (DFN computes its own Cd; only drag_model simple_constant uses this as "
        + "is)."));

    Path wind = o.wind();
    if (wind == null) {
      String p = c.get(GND, "atmosprofile");
      if (p == null || !p.toLowerCase(Locale.ROOT).endsWith(".csv")) {
        throw new InputException("command line", "--wind", "no wind profile: the cfg's [gnd] "
            + "atmosprofile " + (p == null ? "is missing" : "'" + p + "' is not a .csv file")
            + "; give --wind PROFILE.csv");
      }
      Path base = cfg.toAbsolutePath().getParent();
      wind = base == null ? Path.of(p) : base.resolve(p).normalize();
    }
    DfnProfile csv = DfnProfile.read(wind);
    AtmosProfile profile = profile(wind, csv, end, source);
    notes.add(String.format(Locale.ROOT, "profile %s: %d levels %.0f-%.0f m (Height m, TempK, "
        + "Press Pa, Wind m/s, WDir = direction the wind blows from); RHum dropped; its time is "
        + "set to the event time", wind.getFileName(), csv.levels().size(),
        csv.levels().get(0).heightM(), csv.levels().get(csv.levels().size() - 1).heightM()));

    Double ground = o.groundM() != null ? o.groundM() : c.optionalNumber(GND, "gndlvl");
    if (ground == null) {
      ground = 0.0;
      notes.add("ground 0 m (DFN's -g default): the cfg has no [gnd] gndlvl");
    } else {
      notes.add(String.format(Locale.ROOT, "ground %.1f m (%s)", ground,
          o.groundM() != null ? "--ground-m" : "[gnd] gndlvl"));
    }
    PhysicsConfig physics = physics(cfg, ground);
    Meta physicsMeta = meta(source, Map.of("ground_altitude_m", "m", "dt_initial_s", "s",
        "dt_min_s", "s", "dt_max_s", "s", "output_interval_s", "s"), "Mach-regime drag (the "
        + "Carter et al. sphere curve DFN's atm_functions.py also carries), no ablation, WGS84 "
        + "gravity, Earth rotation on (DFN integrates in an inertial frame), RKF45; "
        + "ground_altitude_m from " + (o.groundM() != null ? "--ground-m" : "[gnd] gndlvl, "
        + "else DFN's default 0") + ".");

    ImportedEnsembleConfig ensemble = ensemble(c, o, mass, density, notes);
    for (String k : List.of("dragmin", "dragmax", "dwind", "rand")) {
      if (c.get(MC, k) != null) {
        notes.add("[montecarlo] " + k + " not imported: DFN's code does not read it");
      }
    }
    return new ImportedInputs(event, fragments, profile, physics, physicsMeta, ensemble, notes);
  }

  private static Instant time(DfnConfig c) throws InputException {
    String t = c.get(MET, "exposure_time");
    if (t == null) {
      throw new InputException(c.file(), "[met] exposure_time", "missing; DFN DarkFlight needs "
          + "it");
    }
    try {
      return t.endsWith("Z") ? Instant.parse(t)
          : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InputException(c.file(), "[met] exposure_time", "not an ISO-8601 time "
          + "(e.g. 2015-11-27T10:43:51.626): '" + t + "'");
    }
  }

  private static ImportedEnsembleConfig ensemble(DfnConfig c, Options o, double mass,
      double density, List<String> notes) throws InputException {
    TreeMap<String, ImportedEnsembleConfig.Distribution> d = new TreeMap<>();
    String[][] normal = {{"dlat", "lat"}, {"dlon", "lon"}, {"dz", "altitude_m"},
        {"dvtot", "speed_mps"}, {"dazimuth0", "azimuth_deg"}, {"dzenith", "elevation_deg"}};
    for (String[] k : normal) {
      Double sigma = c.optionalNumber(MET, k[0]);
      if (sigma != null) {
        if (sigma < 0) {
          throw new InputException(c.file(), "[met] " + k[0], "a 1-σ must not be negative: "
              + sigma);
        }
        if (sigma > 0) {
          d.put(k[1], ImportedEnsembleConfig.Distribution.normal(sigma));
        }
      }
    }
    Double dmass = massSigma(c, mass);
    if (dmass != null && dmass > 0) {
      d.put("mass_kg", halfNormalAsLognormal(mass, dmass));
    }
    Double drdens = c.optionalNumber(MC, "drdens");
    if (drdens != null && drdens > 0) {
      d.put("density_kgm3", halfNormalAsLognormal(density, drdens));
    }
    if (d.containsKey("mass_kg") || d.containsKey("density_kgm3")) {
      notes.add("dmass/drdens: DFN draws a half-normal at or above the nominal value; the "
          + "ensemble uses a log-normal with the same mean and standard deviation");
    }
    Double runs = c.optionalNumber(MC, "no_runs");
    int samples = o.samples() != null ? o.samples()
        : runs != null && runs >= 1 && runs == Math.rint(runs) ? (int) Math.min(runs, 1e8)
        : DEFAULT_SAMPLES;
    notes.add("ensemble: " + samples + " Monte Carlo samples, seed " + o.seed() + ", σ of "
        + String.join(", ", d.keySet()));
    return new ImportedEnsembleConfig(ImportedEnsembleConfig.SCHEMA_ID, "monte_carlo", samples,
        o.seed(), d, new ImportedEnsembleConfig.Description("1-sigma of the DFN DarkFlight event "
            + c.file().getFileName() + ": [met] dlat, dlon, dz, dvtot, dazimuth0, dzenith as "
            + "normal distributions; [montecarlo] dmass, drdens (half-normals at or above the "
            + "nominal value in DFN) as log-normals with the same mean and standard deviation; "
            + "samples = [montecarlo] no_runs."));
  }

  private static Double massSigma(DfnConfig c, double mass) throws InputException {
    String v = c.get(MC, "dmass");
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.endsWith("%")) {
      try {
        return mass * Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100;
      } catch (NumberFormatException e) {
        throw new InputException(c.file(), "[montecarlo] dmass", "not a number or N%: '" + v
            + "'");
      }
    }
    return c.number(MC, "dmass");
  }

  /**
   * The log-normal with the mean and standard deviation of DFN's
   * {@code truncnorm(loc=x0, scale=s, a=0, b=inf)}: mean x0 + s √(2/π), variance s² (1 − 2/π).
   */
  static ImportedEnsembleConfig.Distribution halfNormalAsLognormal(double x0, double s) {
    double mean = x0 + s * Math.sqrt(2 / Math.PI);
    double var = s * s * (1 - 2 / Math.PI);
    double sigmaLn = Math.sqrt(Math.log1p(var / (mean * mean)));
    double mu = Math.log(mean) - sigmaLn * sigmaLn / 2;
    return new ImportedEnsembleConfig.Distribution("lognormal",
        new TreeMap<>(Map.of("mu", mu, "sigma", sigmaLn)));
  }

  private static AtmosProfile profile(Path file, DfnProfile csv, LuminousEnd end, String source)
      throws InputException {
    List<AtmosProfileDocument.LevelJson> levels = new ArrayList<>();
    boolean uv = csv.levels().stream().allMatch(l -> l.windEastMps() != null);
    for (DfnProfile.Level l : csv.levels()) {
      levels.add(new AtmosProfileDocument.LevelJson(l.heightM(), l.pressurePa(), null,
          l.temperatureK(), null, uv ? l.windEastMps() : null, uv ? l.windNorthMps() : null,
          uv ? null : l.windSpeedMps(), uv ? null : l.windFromDeg(), null, l.densityKgM3(),
          null, null, null, null, null));
    }
    TreeMap<String, String> units = new TreeMap<>(Map.of("altitude_m", "m", "pressure_Pa", "Pa",
        "temperature_K", "K"));
    if (uv) {
      units.put("wind_u_mps", "m/s");
      units.put("wind_v_mps", "m/s");
    } else {
      units.put("wind_speed_mps", "m/s");
      units.put("wind_dir_deg", "deg");
    }
    if (csv.levels().stream().anyMatch(l -> l.densityKgM3() != null)) {
      units.put("density_kg_m3", "kg/m3");
    }
    AtmosProfileDocument doc = new AtmosProfileDocument(AtmosProfileDocument.SCHEMA_ID,
        new AtmosProfileDocument.AtmosMeta(AtmosProfiles.SCHEMA_VERSION, end.timeUtc(),
            new AtmosProfileDocument.Location(end.latitudeDeg(), end.longitudeDeg(), null, null),
            units, provenance(source + "; profile " + file.getFileName(), "Columns Height (m), "
                + "TempK (K), Press (Pa), Wind (m/s), WDir (degrees the wind blows FROM, "
                + "clockwise from north; df_functions.py 110-113) as altitude_m, temperature_K, "
                + "pressure_Pa, wind_speed_mps, wind_dir_deg (or wind_east/wind_north as u/v "
                + "when given); RHum dropped. The CSV has no time or place: profile_time_utc is "
                + "the event time and location the luminous end."), null),
        levels);
    JsonNode tree = Json.mapper().valueToTree(doc);
    return AtmosProfiles.fromTree(tree, file.toString());
  }

  private static PhysicsConfig physics(Path cfg, double groundM) throws InputException {
    String json = String.format(Locale.ROOT, """
        {"$schema": "https://darkflight.org/schemas/physics_config.schema.json",
         "drag_model": "mach_regime", "cd_scale": 1.0,
         "ablation": {"enabled": false, "method": "classical"},
         "gravity_model": "wgs84_local", "earth_rotation": true, "ground_altitude_m": %s,
         "legacy": "none",
         "integration": {"method": "rkf45", "dt_initial_s": 0.05, "dt_min_s": 0.001,
                         "dt_max_s": 1.0},
         "output_interval_s": 1.0}""", Double.toString(groundM));
    try {
      return PhysicsConfigFiles.fromTree(Json.mapper().readTree(json), cfg + " [gnd] gndlvl");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("the physics template is JSON", e);
    }
  }

  private static Meta meta(String source, Map<String, String> units, String notes) {
    return new Meta("1.0", new TreeMap<>(units), provenance(source, notes));
  }

  private static ObjectNode provenance(String source, String notes) {
    ObjectNode prov = Json.mapper().createObjectNode();
    prov.put("source", source);
    prov.put("notes", notes);
    return prov;
  }

  /** {@code m1680g}: the fragment id of a mass in kg. */
  static String massId(double kg) {
    double g = kg * 1000;
    String s = Math.abs(g - Math.rint(g)) < 1e-9 ? Long.toString(Math.round(g))
        : java.math.BigDecimal.valueOf(g).round(new java.math.MathContext(6))
            .stripTrailingZeros().toPlainString();
    return "m" + s + "g";
  }
}
