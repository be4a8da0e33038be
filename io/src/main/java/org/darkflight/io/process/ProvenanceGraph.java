package org.darkflight.io.process;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;

/**
 * {@code <event_id>__provenance_graph__v1.json}, written by stage S10 of
 * {@code darkflight process} (and after a failed stage): every input and artifact of the event
 * (nodes), which stage made which artifact from which (edges), the stage executions and the
 * resolved configuration with every override. Schema:
 * {@code schemas/provenance_graph.schema.json}; {@link ProvenanceDot} draws it.
 *
 * @param schema  the schema's {@code $id}
 * @param eventId the event
 * @param nodes   artifacts, sorted by id
 * @param edges   input → output of each stage, in stage order
 * @param stages  the stage executions, in execution order
 * @param config  the resolved configuration and its overrides
 * @param meta    schema version, creation time, producer, completeness, the user's inputs
 */
public record ProvenanceGraph(
    @JsonProperty("$schema") String schema,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("nodes") List<Node> nodes,
    @JsonProperty("edges") List<Edge> edges,
    @JsonProperty("stages") List<StageRun> stages,
    @JsonProperty("config") Config config,
    @JsonProperty("meta") Meta meta) {

  /** {@code $id} of the schema. */
  public static final String SCHEMA_ID = JsonSchemas.ID_PREFIX + "provenance_graph.schema.json";

  /** Copies the lists. */
  public ProvenanceGraph {
    Objects.requireNonNull(eventId, "eventId");
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    stages = List.copyOf(stages);
  }

  /** A graph with the schema's {@code $id}. */
  public static ProvenanceGraph of(String eventId, List<Node> nodes, List<Edge> edges,
      List<StageRun> stages, Config config, Meta meta) {
    return new ProvenanceGraph(SCHEMA_ID, eventId, nodes, edges, stages, config, meta);
  }

  /**
   * One artifact.
   *
   * @param id            logical artifact name (role); {@code raw.*} are the user's inputs
   * @param path          relative to the project root
   * @param sha256        SHA-256 of the file, hex
   * @param schemaVersion the artifact's schema version
   * @param createdUtc    production time; null for the user's inputs
   * @param producer      the program, or {@code user}
   * @param stageVersion  version of the stage that wrote it; null for the user's inputs
   */
  public record Node(
      @JsonProperty("id") String id,
      @JsonProperty("path") String path,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("created_utc") Instant createdUtc,
      @JsonProperty("producer") String producer,
      @JsonProperty("stage_version") String stageVersion) {

    /** Whether the node is one of the user's inputs (no producing stage). */
    public boolean userInput() {
      return stageVersion == null;
    }
  }

  /**
   * A stage made {@code to} from {@code from}.
   *
   * @param from  input artifact id
   * @param to    output artifact id
   * @param stage stage id, e.g. {@code S2}
   */
  public record Edge(
      @JsonProperty("from") String from,
      @JsonProperty("to") String to,
      @JsonProperty("stage") String stage) {}

  /**
   * One stage execution.
   *
   * @param id           stage id
   * @param name         stage name
   * @param stageVersion stage version
   * @param cacheKey     cache key, or null when it was not computed
   * @param status       {@code ok}, {@code skipped: …}, {@code failed: …} or {@code not run: …}
   */
  public record StageRun(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("stage_version") String stageVersion,
      @JsonProperty("cache_key") String cacheKey,
      @JsonProperty("status") String status) {}

  /**
   * The configuration.
   *
   * @param resolved  the configuration after all layers (arbitrary TOML tables)
   * @param overrides every value a layer above the built-in defaults set, in layer order
   */
  public record Config(
      @JsonProperty("resolved") ObjectNode resolved,
      @JsonProperty("overrides") List<ConfigOverride> overrides) {

    /** Copies the tree and the list. */
    public Config {
      resolved = resolved.deepCopy();
      overrides = List.copyOf(overrides);
    }

    @Override
    public ObjectNode resolved() {
      return resolved.deepCopy();
    }
  }

  /**
   * One value a configuration layer set.
   *
   * @param key           dotted key, e.g. {@code ensemble.samples}
   * @param layer         {@code profile}, {@code project}, {@code event} or {@code cli}
   * @param source        the file, {@code built-in} or {@code --set}
   * @param value         the new value
   * @param previous      the value before, or null
   * @param previousLayer the layer of the previous value, or null
   */
  public record ConfigOverride(
      @JsonProperty("key") String key,
      @JsonProperty("layer") String layer,
      @JsonProperty("source") String source,
      @JsonProperty("value") JsonNode value,
      @JsonProperty("previous") JsonNode previous,
      @JsonProperty("previous_layer") String previousLayer) {}

  /**
   * The graph's meta block.
   *
   * @param schemaVersion schema version
   * @param createdUtc    production time
   * @param producer      the program
   * @param complete      false when written after a failed stage
   * @param inputs        the user's inputs, path relative to the project root
   */
  public record Meta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("created_utc") Instant createdUtc,
      @JsonProperty("producer") String producer,
      @JsonProperty("complete") boolean complete,
      @JsonProperty("inputs") List<InputRef> inputs) {

    /** Copies the list. */
    public Meta {
      inputs = List.copyOf(inputs);
    }
  }
}
