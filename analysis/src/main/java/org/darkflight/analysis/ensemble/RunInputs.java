package org.darkflight.analysis.ensemble;


import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.Hashing;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFile;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.geoid.VerticalDatum;
import org.darkflight.io.meta.CanonicalMeta;
import org.darkflight.io.meta.InputRef;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.darkflight.physics.trajectory.Terrain;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.EnsembleConfigReader;
import org.darkflight.analysis.ensemble.EnsembleMode;

/**
 * Every input of a run, read and checked before anything is written. Heights are on the
 * integration datum ({@link VerticalDatum}): the event's luminous end, the profile levels and the
 * physics' ground are ellipsoidal (converted from mean sea level with EGM96 where the files say
 * so), except in the legacy workbook modes, which keep the heights as given.
 *
 * @param event      the event (its luminous-end height on the integration datum)
 * @param levels     the atmospheric profile levels, sorted by altitude
 * @param physics    the physics configuration
 * @param fragments  fragment hypotheses in canonical order (from fragments.json or a split rule)
 * @param ensemble   the ensemble configuration (a single pass over the fragments when none given)
 * @param files      role → input file (event, atmos, config, fragments?, ensemble?) in that order
 * @param sha256     role → SHA-256 of the file
 * @param warnings   warnings of the input checks ({@link InputChecks}), for console and manifest
 * @param fragmentsDerivation how the fragments were derived when no fragments file was given,
 *                   or null
 * @param heights    how the heights were brought onto the integration datum, or null when the
 *                   inputs were assembled in memory without that statement
 * @param terrain    the ground surface (a DEM), or null for the constant ground of
 *                   {@code physics.groundAltitudeM()}
 */
public record RunInputs(Event event, List<AtmosLevel> levels, PhysicsConfig physics,
    List<Fragment> fragments, EnsembleConfig ensemble, Map<String, Path> files,
    Map<String, String> sha256, List<String> warnings, String fragmentsDerivation,
    VerticalDatum.Note heights, Terrain terrain) {

  public RunInputs {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Inputs without check warnings or derived fragments, on the constant ground. */
  public RunInputs(Event event, List<AtmosLevel> levels, PhysicsConfig physics,
      List<Fragment> fragments, EnsembleConfig ensemble, Map<String, Path> files,
      Map<String, String> sha256, VerticalDatum.Note heights) {
    this(event, levels, physics, fragments, ensemble, files, sha256, List.of(), null, heights,
        null);
  }

  /** Inputs without check warnings, derived fragments or a statement of their heights' datum. */
  public RunInputs(Event event, List<AtmosLevel> levels, PhysicsConfig physics,
      List<Fragment> fragments, EnsembleConfig ensemble, Map<String, Path> files,
      Map<String, String> sha256) {
    this(event, levels, physics, fragments, ensemble, files, sha256, null);
  }

  /**
   * The default decadal suite used when neither a fragments file nor a split rule is given
   * (docs/inputs.md): one fragment per decade from 1 g to 10 kg, ordinary chondrite
   * (3300 kg/m3), cd 1.0, sphere (shape factor 1.21).
   */
  public static final SplitRule DEFAULT_SUITE = new SplitRule(SplitRule.Kind.DECADAL, 0.001, 10.0,
      Double.NaN, 0, 0.0, 3300.0, 1.0, 1.21);

  /** Seed of the default (no ensemble file) run; it draws nothing. */
  public static final long DEFAULT_SEED = 0;

  /**
   * A fragment may leave out {@code cd} only when nothing reads it: the drag model computes Cd
   * itself (mach_regime, reynolds_curve, henderson), no ablation model reads it and no legacy
   * mode runs; and then the ensemble must not perturb it.
   *
   * @param ensembleFile may be null (then {@code ensemble} is null too)
   *
   * @throws InputException naming the first fragment without cd and what uses it
   */
  public static void checkCd(Path fragmentsFile, List<Fragment> fragments, Path configFile,
      PhysicsConfig physics, Path ensembleFile, EnsembleConfig ensemble) throws InputException {
    for (int i = 0; i < fragments.size(); i++) {
      Fragment f = fragments.get(i);
      if (f.hasCd()) {
        continue;
      }
      boolean needed;
      try {
        needed = org.darkflight.physics.models.PhysicsModels.needsFragmentCd(physics);
      } catch (IllegalArgumentException e) {
        return; // a plugin that is not installed: reported where the models are built
      }
      if (needed) {
        String prefix = "/fragments/";
        try {
          prefix = org.darkflight.io.json.Json.mapper().readTree(fragmentsFile.toFile()).isArray()
              ? "/" : prefix;
        } catch (IOException e) {
          // read and validated a moment ago; keep the object form's pointer
        }
        throw new InputException(fragmentsFile, prefix + i + "/cd", "missing: "
            + describeCdUser(physics) + " (" + configFile.getFileName() + ") uses each"
            + " fragment's cd; give cd, or choose a drag model that computes Cd itself"
            + " (mach_regime, reynolds_curve, henderson)");
      }
      if (ensemble != null && ensemble.distributions().containsKey(UncertainParameter.CD)) {
        throw new InputException(ensembleFile, "/distributions/cd", "perturbs cd, but fragment"
            + " '" + f.id() + "' of " + fragmentsFile.getFileName() + " gives none (drag_model "
            + physics.dragModel().name().toLowerCase(java.util.Locale.ROOT) + " computes Cd"
            + " itself); remove the cd distribution or give cd (scale the model's Cd with"
            + " physics_config cd_scale)");
      }
    }
  }

  private static String describeCdUser(PhysicsConfig physics) {
    if (physics.legacy() != PhysicsConfig.LegacyMode.NONE) {
      return "legacy mode " + physics.legacy().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (physics.plugins().dragModel() != null) {
      return "drag model plugin " + physics.plugins().dragModel();
    }
    if (physics.dragModel() == PhysicsConfig.DragModelKind.SIMPLE_CONSTANT) {
      return "drag_model simple_constant";
    }
    return "the ablation model (ablation.method "
        + physics.ablation().method().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  /**
   * Reads and checks the inputs.
   *
   * @param fragmentsFile fragments.json, or null to use the ensemble's split rule
   * @param ensembleFile  ensemble_config.json, or null for one sample per fragment, nothing drawn
   * @throws InputException naming file, field and reason of the first problem
   */
  public static RunInputs read(Path eventFile, Path atmosFile, Path configFile, Path fragmentsFile,
      Path ensembleFile) throws InputException {
    return read(eventFile, atmosFile, configFile, fragmentsFile, ensembleFile,
        CheckLimits.DEFAULTS);
  }

  /**
   * Reads and checks the inputs, the checks across files and against physics with the given
   * limits ({@link InputChecks}).
   *
   * @throws InputException naming file, field and reason of every problem found
   */
  public static RunInputs read(Path eventFile, Path atmosFile, Path configFile, Path fragmentsFile,
      Path ensembleFile, CheckLimits limits) throws InputException {
    Event given = EventFiles.read(eventFile);
    AtmosProfile profile = AtmosProfiles.read(atmosFile);
    try {
      new ProfileAtmosphere(profile.atmosLevels());
    } catch (IllegalArgumentException e) {
      throw new InputException(atmosFile, "/levels", e.getMessage());
    }
    PhysicsConfig asGiven = PhysicsConfigFiles.read(configFile);
    LegacySlices.factory(asGiven, atmosFile); // a fries_v2 run's vertical_grid.json must be valid
    VerticalDatum.Converted onDatum = VerticalDatum.toIntegrationDatum(given.luminousEnd(),
        given.heightReference(), profile.atmosLevels(), profile.heightReference(),
        asGiven, PhysicsConfigFiles.groundReference(configFile));
    Event event = onDatum.note().integration().equals(VerticalDatum.ELLIPSOID)
        ? new Event(given.eventId(), onDatum.luminousEnd(), given.meta(),
            HeightReference.ELLIPSOID)
        : given;
    List<AtmosLevel> levels = onDatum.levels();
    PhysicsConfig physics = onDatum.physics();
    EnsembleConfig ensemble = ensembleFile == null ? null : EnsembleConfigReader.read(ensembleFile);
    // The checks compare the values as the files give them (their messages quote the files).
    List<String> warnings = new ArrayList<>(InputChecks.run(eventFile.toString(),
        given.luminousEnd(), atmosFile.toString(), profile, configFile.toString(), asGiven,
        ensemble == null ? 0.0 : ensemble.windPerturbationSigmaScale(),
        ensembleFile == null ? "(no ensemble config)" : ensembleFile.toString(), limits));
    if (event.meta() == null) {
      warnings.add(eventFile + ": no meta block: the event's provenance is missing (add "
          + "meta.provenance.source to say where the values come from)");
    }
    List<Fragment> fragments;
    String derivation = null;
    if (fragmentsFile != null) {
      if (ensemble != null && ensemble.splitRule() != null) {
        throw new InputException(ensembleFile, "/fragments",
            "a split rule and --fragments were both given; use one of them");
      }
      FragmentsFile ff = FragmentsFiles.read(fragmentsFile);
      if (ff.meta() == null) {
        warnings.add(fragmentsFile + ": no meta block: the fragments' provenance is missing");
      }
      fragments = FragmentPrep.canonical(fragmentsFile.toString(), ff.fragments());
      checkCd(fragmentsFile, ff.fragments(), configFile, physics, ensembleFile, ensemble);
    } else if (ensemble != null && ensemble.splitRule() != null) {
      fragments = FragmentPrep.split(ensembleFile.toString(), ensemble.splitRule());
      derivation = "no fragments file: fragments derived from the split rule in " + ensembleFile
          + " (" + describe(fragments) + ")";
    } else {
      fragments = FragmentPrep.split("(default fragment suite)", DEFAULT_SUITE);
      derivation = "no fragments file and no split rule: the default decadal suite of "
          + "docs/inputs.md (" + describe(fragments) + ", 3300 kg/m3, cd 1.0, sphere)";
    }
    try {
      // Refuse before any work a configuration whose budgets no nominal fall can keep.
      org.darkflight.physics.trajectory.DarkflightSimulator.checkBudgets(physics,
          event.luminousEnd(), false);
    } catch (org.darkflight.physics.trajectory.SimulationException e) {
      throw new InputException(configFile, "/integration", e.getMessage());
    }
    if (ensemble == null) {
      ensemble = new EnsembleConfig(EnsembleMode.MASS_GRID, fragments.size(), DEFAULT_SEED,
          EnsembleConfig.DEFAULT_SAMPLING, Map.of(), 0.0, null,
          EnsembleConfig.defaultMassClassEdgesKg(), EnsembleConfig.DEFAULT_SAMPLES_PER_ELEMENT,
          EnsembleConfig.DEFAULT_KML_MAX_POINTS);
    }
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("event", eventFile);
    files.put("atmos", atmosFile);
    files.put("config", configFile);
    if (fragmentsFile != null) {
      files.put("fragments", fragmentsFile);
    }
    if (ensembleFile != null) {
      files.put("ensemble", ensembleFile);
    }
    Map<String, String> sha = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : files.entrySet()) {
      try {
        sha.put(e.getKey(), sha256(e.getValue()));
      } catch (IOException ex) {
        throw new InputException(e.getValue(), "", "cannot read: " + ex.getMessage(), ex);
      }
    }
    return new RunInputs(event, List.copyOf(levels), physics, List.copyOf(fragments), ensemble,
        files, sha, warnings, derivation, onDatum.note(), null);
  }

  private static String describe(List<Fragment> fragments) {
    StringBuilder sb = new StringBuilder().append(fragments.size()).append(" fragments: ");
    for (int i = 0; i < fragments.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(fragments.get(i).massKg()).append(" kg");
    }
    return sb.toString();
  }

  /**
   * A copy starting from another luminous end whose height is measured as the event file's was
   * (e.g. a radar-refined terminus computed on the inputs as given): it is brought onto the
   * integration datum the same way.
   */
  public RunInputs withLuminousEndAsGiven(LuminousEnd asGiven, HeightReference reference) {
    LuminousEnd le = asGiven;
    VerticalDatum.Note note = heights;
    if (heights != null && heights.integration().equals(VerticalDatum.ELLIPSOID)) {
      double h = reference.toEllipsoidM(asGiven.altitudeM(), asGiven.latitudeDeg(),
          asGiven.longitudeDeg());
      le = new LuminousEnd(asGiven.timeUtc(), asGiven.latitudeDeg(), asGiven.longitudeDeg(), h,
          asGiven.speedMps(), asGiven.azimuthDeg(), asGiven.elevationDeg());
      note = new VerticalDatum.Note(heights.integration(), heights.eventHeightReference(),
          heights.atmosHeightReference(), heights.groundHeightReference(), heights.geoid(),
          heights.undulationM(), h, heights.groundHeightM(), heights.ground());
    }
    return new RunInputs(new Event(event.eventId(), le, event.meta(), event.heightReference()),
        levels, physics, fragments, ensemble, files, sha256, warnings, fragmentsDerivation, note,
        terrain);
  }

  /**
   * A copy that lands on a terrain surface.
   *
   * @param surface     the ground (ellipsoidal heights)
   * @param description what it is, for the manifest's {@code heights.ground}
   */
  public RunInputs withTerrain(Terrain surface, String description) {
    return new RunInputs(event, levels, physics, fragments, ensemble, files, sha256, warnings,
        fragmentsDerivation, heights == null ? null : heights.withGround(description), surface);
  }

  /** The input files as (path as given, sha256), in role order. */
  public List<Map.Entry<String, String>> fileHashes() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    files.forEach((role, path) -> out.add(Map.entry(path.toString(), sha256.get(role))));
    return out;
  }

  /**
   * The canonical {@code meta} block of an artifact derived from these inputs: schema_version,
   * product, created_utc, producer, event_id and the inputs with their sha256.
   */
  public CanonicalMeta canonicalMeta(String product, String schemaVersion,
      java.time.Instant createdUtc) {
    List<InputRef> inputs = new ArrayList<>();
    fileHashes().forEach(e -> inputs.add(new InputRef(e.getKey(), e.getValue())));
    return CanonicalMeta.of(product, schemaVersion, createdUtc, event.eventId(), inputs);
  }

  /** Hex SHA-256 of a file ({@link Hashing#sha256Hex(Path)}). */
  public static String sha256(Path file) throws IOException {
    return Hashing.sha256Hex(file);
  }
}
