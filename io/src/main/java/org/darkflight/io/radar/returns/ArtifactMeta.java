package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.Hashing;
import org.darkflight.io.meta.InputRef;

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

  /**
   * The meta block as written.
   *
   * @param schemaVersion version of the artifact's schema
   * @param producer      what wrote it
   * @param createdUtc    when
   * @param model         the model statement, or null (absent)
   * @param units         unit of each kind of quantity, or null (absent)
   * @param inputs        input file names with their SHA-256
   */
  public record Block(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("producer") String producer,
      @JsonProperty("created_utc") Instant createdUtc,
      @JsonProperty("model") @JsonInclude(JsonInclude.Include.NON_NULL) String model,
      @JsonProperty("units") @JsonInclude(JsonInclude.Include.NON_NULL)
      SortedMap<String, String> units,
      @JsonProperty("inputs") List<InputRef> inputs) {

    /** Copies the map and the list. */
    public Block {
      units = units == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(units));
      inputs = List.copyOf(inputs);
    }
  }

  /** The meta block, inputs hashed now; {@code model} is added when not null. */
  public Block block(String model) throws IOException {
    return block(model, null);
  }

  /**
   * The meta block, inputs hashed now.
   *
   * @param model the model statement, or null
   * @param units unit of each kind of quantity, or null
   */
  public Block block(String model, Map<String, String> units) throws IOException {
    List<InputRef> in = new ArrayList<>();
    for (Path p : inputs) {
      in.add(new InputRef(p.getFileName().toString(), sha256(p)));
    }
    return new Block(schemaVersion, producer, createdUtc, model,
        units == null ? null : new TreeMap<>(units), in);
  }

  /** Hex SHA-256 of a file ({@link Hashing#sha256Hex(Path)}). */
  public static String sha256(Path file) throws IOException {
    return Hashing.sha256Hex(file);
  }
}
