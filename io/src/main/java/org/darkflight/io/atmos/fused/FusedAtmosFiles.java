package org.darkflight.io.atmos.fused;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * Writes the four artifacts of {@code darkflight atmos}: {@code atmos_profile.json} (through
 * {@link AtmosProfiles}' canonical writer), {@code wind_profile_compiled.json},
 * {@code vertical_grid.json} and {@code atmos_qc.json}. Every document is serialised through the
 * shared mapper and checked against its schema first; only then is anything written (each file
 * atomically), so a failure leaves no partial set.
 */
public final class FusedAtmosFiles {

  /** File name of the canonical profile. */
  public static final String ATMOS_PROFILE = "atmos_profile.json";

  private FusedAtmosFiles() {}

  /**
   * Builds, validates and writes all four artifacts into {@code dir}.
   *
   * @return the paths written, in the order above
   * @throws IllegalStateException    if a document fails its own schema (a bug; nothing written)
   * @throws IllegalArgumentException if the profile cannot be written (nothing written)
   */
  public static List<Path> writeAll(Path dir, AtmosProfile profile, WindProfileDocument wind,
      VerticalGridDocument grid, AtmosQcDocument qc) throws IOException {
    Map<String, byte[]> docs = new LinkedHashMap<>();
    docs.put(ATMOS_PROFILE, AtmosProfiles.toBytes(profile));
    docs.put(WindProfileDocument.FILE, checked(wind, WindProfileDocument.SCHEMA));
    docs.put(VerticalGridDocument.FILE, checked(grid, VerticalGridDocument.SCHEMA));
    docs.put(AtmosQcDocument.FILE, checked(qc, AtmosQcDocument.SCHEMA));
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : docs.entrySet()) {
      Path target = dir.resolve(e.getKey());
      AtomicFiles.write(target, e.getValue());
      out.add(target);
    }
    return out;
  }

  /** The canonical bytes of a document, after checking them against its schema. */
  static byte[] checked(Object document, String schema) throws IOException {
    byte[] bytes = Json.toCanonicalBytes(document);
    JsonNode tree = Json.mapper().readTree(bytes);
    List<JsonSchemas.Violation> v = JsonSchemas.violations(tree, schema);
    if (!v.isEmpty()) {
      throw new IllegalStateException(schema + " output fails its schema at " + v.get(0).pointer()
          + ": " + v.get(0).reason());
    }
    return bytes;
  }
}
