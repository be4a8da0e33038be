package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.Hashing;

/**
 * The {@code meta} block of a produced artifact (spec §6): schema version, producer, creation
 * time and the inputs with their SHA-256.
 *
 * <p>The creation time is the {@code SOURCE_DATE_EPOCH} environment variable when set (the
 * reproducible-builds convention), so that the same inputs give byte-identical artifacts.
 *
 * @param schemaVersion version of the artifact's schema
 * @param producer      what wrote it
 * @param createdUtc    when
 * @param inputs        input files, hashed when written
 */
public record ArtifactMeta(String schemaVersion, String producer, Instant createdUtc,
    List<Path> inputs) {

  public ArtifactMeta {
    inputs = List.copyOf(inputs);
  }

  /** Creation time: {@code SOURCE_DATE_EPOCH} (seconds) if set, else now. */
  public static Instant createdNow() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && epoch.matches("[0-9]+")) {
      return Instant.ofEpochSecond(Long.parseLong(epoch));
    }
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  /** The meta block as JSON; {@code model} is added when not null. */
  public ObjectNode toJson(String model) throws IOException {
    ObjectNode meta = JsonNodeFactory.instance.objectNode();
    meta.put("schema_version", schemaVersion);
    meta.put("producer", producer);
    meta.put("created_utc", createdUtc.toString());
    if (model != null) {
      meta.put("model", model);
    }
    ArrayNode in = meta.putArray("inputs");
    for (Path p : inputs) {
      ObjectNode o = in.addObject();
      o.put("path", p.getFileName().toString());
      o.put("sha256", sha256(p));
    }
    return meta;
  }

  /** Hex SHA-256 of a file ({@link Hashing#sha256Hex(Path)}). */
  public static String sha256(Path file) throws IOException {
    return Hashing.sha256Hex(file);
  }
}
