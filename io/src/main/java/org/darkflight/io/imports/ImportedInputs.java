package org.darkflight.io.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFile;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.Meta;
import org.darkflight.physics.PhysicsConfig;

/**
 * The canonical inputs an importer produces, each already validated, and how they are written:
 * {@value #EVENT}, {@value #FRAGMENTS}, {@value #ATMOS}, and where the source has them
 * {@value #PHYSICS} and {@value #ENSEMBLE}.
 *
 * @param event       the event
 * @param fragments   the fragment hypotheses
 * @param profile     the atmospheric profile
 * @param physics     the physics configuration, or null
 * @param physicsMeta meta block of the physics configuration, or null
 * @param ensemble    the ensemble configuration, or null
 * @param notes       what the import assumed or converted, one sentence each, for the console
 */
public record ImportedInputs(Event event, FragmentsFile fragments, AtmosProfile profile,
    PhysicsConfig physics, Meta physicsMeta, ImportedEnsembleConfig ensemble, List<String> notes) {

  /** File name of the event. */
  public static final String EVENT = "event.json";
  /** File name of the fragments. */
  public static final String FRAGMENTS = "fragments.json";
  /** File name of the profile. */
  public static final String ATMOS = "atmos_profile.json";
  /** File name of the physics configuration. */
  public static final String PHYSICS = "physics_config.json";
  /** File name of the ensemble configuration. */
  public static final String ENSEMBLE = "ensemble_config.json";

  public ImportedInputs {
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /**
   * Writes every file into {@code dir} (created if needed), each atomically; the bytes of all of
   * them are made first, so a file that cannot be made leaves nothing written.
   *
   * @return the files written, in the order above
   * @throws InputException when an imported value does not pass the file's schema (the
   *     message names the source of the value)
   */
  public List<Path> write(Path dir) throws IOException, InputException {
    List<Path> paths = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    paths.add(dir.resolve(EVENT));
    bytes.add(Json.toCanonicalBytes(EventFiles.toDocument(event)));
    EventFiles.fromTree(Json.mapper().readTree(bytes.get(0)), source(EVENT));
    paths.add(dir.resolve(FRAGMENTS));
    bytes.add(Json.toCanonicalBytes(FragmentsFiles.toDocument(fragments)));
    FragmentsFiles.fromTree(Json.mapper().readTree(bytes.get(1)), source(FRAGMENTS));
    paths.add(dir.resolve(ATMOS));
    bytes.add(AtmosProfiles.toBytes(profile));
    if (ensemble != null) {
      JsonSchemas.validate(Json.mapper().valueToTree(ensemble), "ensemble_config",
          source(ENSEMBLE));
    }
    Files.createDirectories(dir);
    for (int i = 0; i < paths.size(); i++) {
      AtomicFiles.write(paths.get(i), bytes.get(i));
    }
    if (physics != null) {
      Path p = dir.resolve(PHYSICS);
      PhysicsConfigFiles.write(p, physics, physicsMeta);
      paths.add(p);
    }
    if (ensemble != null) {
      Path p = dir.resolve(ENSEMBLE);
      AtomicFiles.write(p, Json.toCanonicalBytes(ensemble));
      paths.add(p);
    }
    return paths;
  }

  private String source(String file) {
    String src = event.meta() == null || event.meta().provenance() == null ? "import"
        : event.meta().provenance().path("source").asText("import");
    return "imported " + file + " (from " + src + ")";
  }
}
