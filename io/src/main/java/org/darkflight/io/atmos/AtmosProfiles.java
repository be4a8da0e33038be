package org.darkflight.io.atmos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfileDocument.AtmosMeta;
import org.darkflight.io.atmos.AtmosProfileDocument.LevelJson;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.Constants;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * Reads {@code atmos_profile.json} in any of its unit forms and writes its canonical SI form.
 *
 * <p>Reading: strict JSON, the schema, then normalisation (hPa → Pa, °C → K, speed + direction
 * → u/v with the meteorological "from" convention, see {@link Units}) and semantic checks:
 * <ul>
 *   <li>levels strictly increasing in altitude (no duplicates);</li>
 *   <li>pressure never increasing with altitude;</li>
 *   <li>pressure plausible for its altitude — within a factor {@value #PRESSURE_PLAUSIBILITY_FACTOR}
 *       of the exponential atmosphere {@code p0 exp(-z/H)} (p0 = 101325 Pa, H = 7 km, which stays
 *       within a factor ~2 of the US Standard Atmosphere 1976 from 0 to 100 km); a value about
 *       100 times off is reported as a Pa/hPa mix-up. Not checked above 100 km;</li>
 *   <li>a given density within {@value #DENSITY_TOLERANCE} (relative) of the ideal-gas density
 *       p/(R_d T), R_d = {@link Constants#GAS_CONSTANT_AIR} ≈ 287.053 J/(kg·K) (USSA76 dry air;
 *       moisture changes it by under 2 %).</li>
 * </ul>
 *
 * <p>Writing: only {@code pressure_Pa}, {@code temperature_K}, {@code wind_u_mps},
 * {@code wind_v_mps} (plus {@code wind_w_mps} when non-zero and the optional fields when known),
 * with fixed rounding, sorted keys and the profile re-validated before it is written.
 */
public final class AtmosProfiles {

  /** Name of the schema, {@code schemas/atmos_profile.schema.json}. */
  public static final String SCHEMA = "atmos_profile";
  /** Schema version written. */
  public static final String SCHEMA_VERSION = "1.0";

  /** Allowed factor between a pressure and the exponential atmosphere at its altitude. */
  public static final double PRESSURE_PLAUSIBILITY_FACTOR = 8.0;
  /** Highest altitude at which pressures are checked for plausibility, m. */
  public static final double PRESSURE_CHECK_CEILING_M = 100_000.0;
  /** Allowed relative difference between a given density and p/(R_d T). */
  public static final double DENSITY_TOLERANCE = 0.10;

  private static final double P0_PA = 101_325.0;
  private static final double SCALE_HEIGHT_M = 7_000.0;

  private AtmosProfiles() {}

  /**
   * Reads, validates and normalises a profile.
   *
   * @throws InputException on any problem with the file
   */
  public static AtmosProfile read(Path file) throws InputException {
    return fromTree(JsonSchemas.readValidated(file, SCHEMA), file.toString());
  }

  /** Validates, normalises and checks an already parsed tree. */
  public static AtmosProfile fromTree(JsonNode node, String file) throws InputException {
    JsonSchemas.validate(node, SCHEMA, file);
    AtmosProfileDocument doc = Binding.bind(node, AtmosProfileDocument.class, file);
    List<ProfileLevel> levels = new ArrayList<>(doc.levels().size());
    for (int i = 0; i < doc.levels().size(); i++) {
      LevelJson lj = doc.levels().get(i);
      String ptr = "/levels/" + i;
      AtmosLevel level = Binding.build(file, ptr, () -> normalise(lj));
      checkLevel(file, ptr, lj, level);
      if (i > 0) {
        checkOrder(file, ptr, lj, level, levels.get(i - 1).level());
      }
      levels.add(new ProfileLevel(level, lj.source(), lj.qcFlags()));
    }
    return new AtmosProfile(doc.meta(), levels);
  }

  /** One level in SI units: hPa → Pa, °C → K, speed/direction → u/v. */
  static AtmosLevel normalise(LevelJson l) {
    double p = l.pressurePa() != null ? l.pressurePa() : Units.hectopascalToPascal(l.pressureHPa());
    double t = l.temperatureK() != null ? l.temperatureK()
        : Units.celsiusToKelvin(l.temperatureC());
    double u;
    double v;
    if (l.windUMps() != null) {
      u = l.windUMps();
      v = l.windVMps();
    } else {
      Units.WindComponents w = Units.windFromSpeedDirection(l.windSpeedMps(), l.windDirDeg());
      u = w.uMps();
      v = w.vMps();
    }
    return new AtmosLevel(l.altitudeM(), p, t, u, v, orZero(l.windWMps()), orNaN(l.densityKgM3()),
        orNaN(l.sigmaUMps()), orNaN(l.sigmaVMps()), orNaN(l.sigmaTK()));
  }

  private static String pressureField(LevelJson l) {
    return l.pressurePa() != null ? "pressure_Pa" : "pressure_hPa";
  }

  private static void checkLevel(String file, String ptr, LevelJson lj, AtmosLevel level)
      throws InputException {
    double z = level.altitudeM();
    double p = level.pressurePa();
    if (z <= PRESSURE_CHECK_CEILING_M) {
      double expected = P0_PA * Math.exp(-z / SCALE_HEIGHT_M);
      double ratio = p / expected;
      if (ratio < 1 / PRESSURE_PLAUSIBILITY_FACTOR || ratio > PRESSURE_PLAUSIBILITY_FACTOR) {
        String given = lj.pressurePa() != null ? lj.pressurePa() + " Pa" : lj.pressureHPa() + " hPa";
        String hint = "";
        if (lj.pressurePa() != null && ratio * 100 > 1 / PRESSURE_PLAUSIBILITY_FACTOR
            && ratio * 100 < PRESSURE_PLAUSIBILITY_FACTOR) {
          hint = "; it looks like hPa: use pressure_hPa";
        } else if (lj.pressureHPa() != null && ratio / 100 > 1 / PRESSURE_PLAUSIBILITY_FACTOR
            && ratio / 100 < PRESSURE_PLAUSIBILITY_FACTOR) {
          hint = "; it looks like Pa: use pressure_Pa";
        }
        throw new InputException(file, ptr + "/" + pressureField(lj), String.format(
            java.util.Locale.ROOT, "implausible pressure %s at %.1f m (about %.0f Pa expected)%s",
            given, z, expected, hint));
      }
    }
    if (Double.isFinite(level.densityKgM3())) {
      double ideal = p / (Constants.GAS_CONSTANT_AIR * level.temperatureK());
      if (Math.abs(level.densityKgM3() - ideal) > DENSITY_TOLERANCE * ideal) {
        throw new InputException(file, ptr + "/density_kg_m3", String.format(java.util.Locale.ROOT,
            "density %.6g kg/m3 disagrees with p/(R T) = %.6g kg/m3 by more than %.0f %%",
            level.densityKgM3(), ideal, DENSITY_TOLERANCE * 100));
      }
    }
  }

  private static void checkOrder(String file, String ptr, LevelJson lj, AtmosLevel level,
      AtmosLevel prev) throws InputException {
    if (level.altitudeM() == prev.altitudeM()) {
      throw new InputException(file, ptr + "/altitude_m",
          "duplicate altitude " + level.altitudeM() + " m (same as the previous level)");
    }
    if (level.altitudeM() < prev.altitudeM()) {
      throw new InputException(file, ptr + "/altitude_m", "levels must be sorted by strictly "
          + "increasing altitude: " + level.altitudeM() + " m follows " + prev.altitudeM() + " m");
    }
    if (level.pressurePa() > prev.pressurePa()) {
      throw new InputException(file, ptr + "/" + pressureField(lj), "pressure increases with "
          + "altitude: " + level.pressurePa() + " Pa at " + level.altitudeM() + " m above "
          + prev.pressurePa() + " Pa at " + prev.altitudeM() + " m");
    }
  }

  // ---------------------------------------------------------------------------------- writing

  /** Units of the canonical form, for {@code meta.units}. */
  private static final Map<String, String> CANONICAL_UNITS = Map.of("altitude_m", "m",
      "pressure_Pa", "Pa", "temperature_K", "K", "wind_u_mps", "m/s", "wind_v_mps", "m/s",
      "wind_w_mps", "m/s", "density_kg_m3", "kg/m3", "sigma_u_mps", "m/s", "sigma_v_mps", "m/s",
      "sigma_T_K", "K");

  /** Units of the canonical form, for {@code meta.units} (a sorted copy). */
  public static Map<String, String> canonicalUnits() {
    return new TreeMap<>(CANONICAL_UNITS);
  }

  /**
   * The canonical document of a profile: SI fields only, rounded (altitude 1 mm, temperature and
   * winds 0.0001, pressure and density 7 significant digits), keys sorted when written. The
   * meta block is written as given except that {@code units} become {@link #canonicalUnits()} and
   * {@code schema_version} {@value #SCHEMA_VERSION}.
   */
  public static CanonicalAtmosProfile document(AtmosProfile profile) {
    AtmosMeta m = profile.meta();
    AtmosMeta canonicalMeta = new AtmosMeta(SCHEMA_VERSION, m.profileTimeUtc(), m.location(),
        new TreeMap<>(canonicalUnits()), m.provenance(), m.sources(), m.heightReference());
    List<CanonicalAtmosProfile.Level> levels = new ArrayList<>();
    for (ProfileLevel pl : profile.levels()) {
      AtmosLevel l = pl.level();
      levels.add(new CanonicalAtmosProfile.Level(Json.roundedDecimal(l.altitudeM(), 3),
          Json.roundedSignificant(l.pressurePa(), 7), Json.roundedDecimal(l.temperatureK(), 4),
          Json.roundedDecimal(l.windUMps(), 4), Json.roundedDecimal(l.windVMps(), 4),
          l.windWMps() != 0.0 ? Json.roundedDecimal(l.windWMps(), 4) : null,
          Double.isFinite(l.densityKgM3()) ? Json.roundedSignificant(l.densityKgM3(), 7) : null,
          Double.isFinite(l.sigmaUMps()) ? Json.roundedDecimal(l.sigmaUMps(), 4) : null,
          Double.isFinite(l.sigmaVMps()) ? Json.roundedDecimal(l.sigmaVMps(), 4) : null,
          Double.isFinite(l.sigmaTK()) ? Json.roundedDecimal(l.sigmaTK(), 4) : null,
          pl.source(), pl.qcFlags().isEmpty() ? null : pl.qcFlags()));
    }
    // The meta block goes through the mapper's tree, which holds numbers as decimals, as the
    // profile has always been written.
    return new CanonicalAtmosProfile(AtmosProfileDocument.SCHEMA_ID,
        Json.mapper().valueToTree(canonicalMeta), levels);
  }

  /**
   * The canonical bytes of a profile (see {@link #document}), checked by reading them back.
   *
   * @throws IllegalArgumentException if the result would not pass {@link #fromTree} (a bug in the
   *     caller's profile, e.g. implausible pressures)
   */
  public static byte[] toBytes(AtmosProfile profile) throws IOException {
    byte[] bytes = Json.toCanonicalBytes(document(profile));
    try {
      fromTree(Json.mapper().readTree(bytes), "(canonical atmos profile)");
    } catch (InputException e) {
      throw new IllegalArgumentException("profile cannot be written: " + e.getMessage(), e);
    }
    return bytes;
  }

  /**
   * Writes the canonical form atomically (see {@link #document}).
   *
   * @throws IllegalArgumentException if the profile is invalid (nothing is written)
   */
  public static void write(Path file, AtmosProfile profile) throws IOException {
    AtomicFiles.write(file, toBytes(profile));
  }

  private static double orZero(Double d) {
    return d == null ? 0.0 : d;
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }
}
