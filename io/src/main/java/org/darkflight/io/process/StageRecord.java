package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code cache/<stage>/<key>/stage.json}: the record of one finished stage execution in the
 * coordinator's content-addressed cache. An entry without it is unfinished. Schema:
 * {@code schemas/stage_record.schema.json}.
 *
 * @param stage        the stage id, e.g. {@code S3}
 * @param name         the stage name (also the cache directory)
 * @param stageVersion the stage's version, part of the key
 * @param key          the cache key (SHA-256, hex)
 * @param configHash   SHA-256 of the configuration sections the stage declares
 * @param status       {@code ok} or {@code skipped: …}
 * @param inputs       SHA-256 of each input read, by artifact role
 * @param outputs      SHA-256 of each output written, by artifact role
 */
public record StageRecord(
    @JsonProperty("stage") String stage,
    @JsonProperty("name") String name,
    @JsonProperty("stage_version") String stageVersion,
    @JsonProperty("key") String key,
    @JsonProperty("config_hash") String configHash,
    @JsonProperty("status") String status,
    @JsonProperty("inputs") SortedMap<String, String> inputs,
    @JsonProperty("outputs") SortedMap<String, String> outputs) {

  /** File name of the record in a cache entry. */
  public static final String FILE = "stage.json";

  /** Checks the fields and copies the maps (sorted by role). */
  public StageRecord {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    inputs = new TreeMap<>(inputs);
    outputs = new TreeMap<>(outputs);
  }

  /** Builds a record from maps in any order. */
  public static StageRecord of(String stage, String name, String stageVersion, String key,
      String configHash, String status, Map<String, String> inputs,
      Map<String, String> outputs) {
    return new StageRecord(stage, name, stageVersion, key, configHash, status,
        new TreeMap<>(inputs), new TreeMap<>(outputs));
  }

  @Override
  public SortedMap<String, String> inputs() {
    return new TreeMap<>(inputs);
  }

  @Override
  public SortedMap<String, String> outputs() {
    return new TreeMap<>(outputs);
  }
}
