package org.darkflight.pipeline.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.process.ProvenanceGraph;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.pipeline.run.GeoOutputSelection;

/**
 * The resolved configuration of one event and where each value came from. Layers, lowest to
 * highest (docs/operations.md): {@link Layer#DEFAULTS built-in defaults} → {@link Layer#PROFILE
 * environment profile} → {@link Layer#PROJECT darkflight.toml} → {@link Layer#EVENT
 * events/&lt;id&gt;/override.toml} → {@link Layer#CLI CLI flags}. Merging is per leaf key
 * (tables are merged, not replaced), last writer wins, and every value a higher layer sets is
 * recorded as a {@link Change}.
 *
 * <p>Every key is checked when the layers are resolved: a key {@link ConfigKeys} does not know is
 * refused naming the known keys, as is an {@code [output]} or {@code [run]} value out of range.
 * {@code [physics]}, {@code [integration]} and {@code [ensemble]} have no built-in defaults: the
 * event's {@code physics_config.json} and {@code ensemble_config.json} are the base, and a key a
 * layer sets replaces the same field of those files ({@link #applyToPhysicsConfig},
 * {@link #applyToEnsembleConfig}), exactly as editing the file would.
 */
public final class LayeredConfig {

  /** Environment variable naming the profile when no {@code --profile} is given. */
  public static final String PROFILE_ENV = "DARKFLIGHT_PROFILE";
  /** Project configuration file name, in the project root. */
  public static final String PROJECT_FILE = "darkflight.toml";
  /** Per-event override file name, in the event directory. */
  public static final String EVENT_FILE = "override.toml";

  private static final String DEFAULTS_RESOURCE = "defaults.toml";
  private static final TomlMapper TOML = new TomlMapper();

  /** Configuration layers, lowest precedence first. */
  public enum Layer {
    /** Built into the program. */
    DEFAULTS,
    /** {@code --profile NAME} or {@code $DARKFLIGHT_PROFILE}. */
    PROFILE,
    /** {@code <project root>/darkflight.toml}. */
    PROJECT,
    /** {@code <event dir>/override.toml}. */
    EVENT,
    /** {@code --set key=value} on the command line. */
    CLI
  }

  /**
   * One value set by a layer.
   *
   * @param key           dotted key, e.g. {@code ensemble.samples}
   * @param layer         the layer that set it
   * @param source        the file (or "built-in", "--set") it came from
   * @param previous      the value before, or null if no lower layer set the key
   * @param previousLayer the layer of the previous value, or null
   * @param value         the new value
   */
  public record Change(String key, Layer layer, String source, JsonNode previous,
      Layer previousLayer, JsonNode value) {}

  private final ObjectNode resolved;
  private final List<Change> changes;
  private final Map<String, Layer> origin;

  private LayeredConfig(ObjectNode resolved, List<Change> changes, Map<String, Layer> origin) {
    this.resolved = resolved;
    this.changes = List.copyOf(changes);
    this.origin = Map.copyOf(origin);
  }

  /**
   * Resolves the layers.
   *
   * @param profile     profile name, or null to use {@code $DARKFLIGHT_PROFILE} (none if unset)
   * @param projectRoot project root (its {@code darkflight.toml} and {@code profiles/} are read)
   * @param eventDir    event directory (its {@code override.toml} is read), or null
   * @param cliSets     {@code key=value} pairs from the command line, value in TOML syntax
   *                    (a bare word is taken as a string)
   * @param env         the environment to read {@link #PROFILE_ENV} from
   * @throws InputException for an unreadable or malformed layer, or an unknown profile
   */
  public static LayeredConfig resolve(String profile, Path projectRoot, Path eventDir,
      List<String> cliSets, Map<String, String> env) throws InputException {
    Builder b = new Builder();
    b.apply(Layer.DEFAULTS, "built-in", resource(DEFAULTS_RESOURCE));
    String name = profile != null ? profile : env.get(PROFILE_ENV);
    if (name != null && !name.isBlank()) {
      b.apply(Layer.PROFILE, "profile " + name, profile(name.trim(), projectRoot));
    }
    Path project = projectRoot.resolve(PROJECT_FILE);
    if (Files.isRegularFile(project)) {
      b.apply(Layer.PROJECT, project.toString(), readToml(project));
    }
    if (eventDir != null) {
      Path override = eventDir.resolve(EVENT_FILE);
      if (Files.isRegularFile(override)) {
        b.apply(Layer.EVENT, override.toString(), readToml(override));
      }
    }
    ObjectNode cli = JsonNodeFactory.instance.objectNode();
    for (String set : cliSets) {
      int eq = set.indexOf('=');
      if (eq <= 0 || set.substring(0, eq).isBlank()) {
        throw new InputException("--set", set, "expected key=value, e.g. ensemble.samples=24");
      }
      String key = set.substring(0, eq).trim();
      putDotted(cli, key, tomlValue(set.substring(eq + 1).trim()));
    }
    b.apply(Layer.CLI, "--set", cli);
    LayeredConfig config = new LayeredConfig(b.resolved, b.changes, b.origin);
    config.check();
    return config;
  }

  /** Refuses unknown sections and keys, and out-of-range [output] and [run] values. */
  private void check() throws InputException {
    for (Iterator<Map.Entry<String, JsonNode>> it = resolved.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String section = e.getKey();
      if (!ConfigKeys.sectionNames().contains(section)) {
        throw new InputException(sourceOf(section), section, "unknown configuration section ["
            + section + "]; known sections: " + String.join(", ", ConfigKeys.sectionNames()));
      }
      if (!(e.getValue() instanceof ObjectNode table)) {
        throw new InputException(sourceOf(section), section, "[" + section + "] must be a table "
            + "of keys; known keys: " + String.join(", ", ConfigKeys.keys(section)));
      }
      for (String leaf : ConfigKeys.leaves("", table)) {
        if (!ConfigKeys.known(section, leaf)) {
          String key = section + "." + leaf;
          throw new InputException(sourceOf(key), key, "unknown configuration key " + key
              + "; known keys of [" + section + "]: " + String.join(", ",
              ConfigKeys.keys(section)) + hint(key));
        }
      }
    }
    output();
    targetParallelism();
    maxFailureShare();
  }

  private static String hint(String key) {
    return key.equals("physics.cd_base") ? " (simple_constant drag uses each fragment's cd "
        + "of fragments.json; physics.cd_scale scales the Cd of every drag model)" : "";
  }

  /** The file (or "--set", "built-in") that last set a key or a key under it. */
  private String sourceOf(String key) {
    for (int i = changes.size() - 1; i >= 0; i--) {
      Change c = changes.get(i);
      if (c.key().equals(key) || c.key().startsWith(key + ".")) {
        return c.source();
      }
    }
    return "configuration";
  }

  /**
   * {@code physics_config.json} as the layers edit it: each {@code [physics]} key replaces the
   * field of the same name, each {@code [integration]} key the field of the {@code integration}
   * object (tables merged key by key). The result is to be validated like the file itself.
   */
  public ObjectNode applyToPhysicsConfig(JsonNode physicsConfig) {
    ObjectNode out = physicsConfig.deepCopy();
    mergeInto(out, section("physics"));
    ObjectNode integration = section("integration");
    if (!integration.isEmpty()) {
      JsonNode i = out.get("integration");
      mergeInto(i instanceof ObjectNode o ? o : out.putObject("integration"), integration);
    }
    return out;
  }

  /** {@code ensemble_config.json} as the {@code [ensemble]} keys edit it (tables merged). */
  public ObjectNode applyToEnsembleConfig(JsonNode ensembleConfig) {
    ObjectNode out = ensembleConfig.deepCopy();
    mergeInto(out, section("ensemble"));
    return out;
  }

  /** The overrides of keys in the given sections, in layer order. */
  public List<Change> overridesOf(List<String> sections) {
    return overrides().stream().filter(c -> sections.contains(c.key().split("\\.", 2)[0]))
        .toList();
  }

  private static void mergeInto(ObjectNode into, ObjectNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      if (e.getValue() instanceof ObjectNode child && existing instanceof ObjectNode target) {
        mergeInto(target, child);
      } else {
        into.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  /**
   * The {@code [output]} keys: which strewn-field files are written and their decimals.
   *
   * @throws InputException for a value of the wrong type or out of range
   */
  public GeoOutputSelection output() throws InputException {
    ObjectNode o = section("output");
    int decimals = 6;
    JsonNode d = o.get("geo_precision_decimals");
    if (d != null) {
      if (!d.isIntegralNumber() || (d.asInt() != 5 && d.asInt() != 6)) {
        throw new InputException(sourceOf("output.geo_precision_decimals"),
            "output.geo_precision_decimals", "must be 5 (about 1.1 m) or 6 (about 0.11 m) "
            + "decimals of latitude/longitude, got " + d);
      }
      decimals = d.asInt();
    }
    return new GeoOutputSelection(decimals, bool(o, "kml_generate"),
        bool(o, "geojson_generate"));
  }

  private boolean bool(ObjectNode section, String key) throws InputException {
    JsonNode v = section.get(key);
    if (v == null) {
      return true;
    }
    if (!v.isBoolean()) {
      throw new InputException(sourceOf("output." + key), "output." + key,
          "must be true or false, got " + v);
    }
    return v.asBoolean();
  }

  /**
   * {@code [run] target_parallelism}: Beam's target parallelism of the ensemble stage (1 when
   * unset).
   *
   * @throws InputException unless a whole number >= 1
   */
  public int targetParallelism() throws InputException {
    JsonNode v = section("run").get("target_parallelism");
    if (v == null) {
      return 1;
    }
    if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > 4096) {
      throw new InputException(sourceOf("run.target_parallelism"), "run.target_parallelism",
          "must be a whole number of workers from 1 to 4096, got " + v);
    }
    return v.asInt();
  }

  /**
   * {@code [run] max_failure_share}: the largest share of failed samples the ensemble stage
   * accepts (0.01 when unset).
   *
   * @throws InputException unless a number in [0, 1]
   */
  public double maxFailureShare() throws InputException {
    JsonNode v = section("run").get("max_failure_share");
    if (v == null) {
      return EnsembleRun.DEFAULT_MAX_FAILURE_SHARE;
    }
    if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
      throw new InputException(sourceOf("run.max_failure_share"), "run.max_failure_share",
          "must be a fraction between 0 and 1 (e.g. 0.01 for 1 %), got " + v);
    }
    return v.asDouble();
  }

  /** The resolved configuration (a copy). */
  public ObjectNode resolved() {
    return resolved.deepCopy();
  }

  /** A section ({@code ensemble}, {@code physics} …), empty if absent. */
  public ObjectNode section(String name) {
    JsonNode n = resolved.get(name);
    return n instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /** Every value set by a layer, in layer order (defaults included). */
  public List<Change> changes() {
    return changes;
  }

  /** Only the changes that overrode a value of a lower layer or added a key above defaults. */
  public List<Change> overrides() {
    return changes.stream().filter(c -> c.layer() != Layer.DEFAULTS).toList();
  }

  /** Which layer set each leaf key last. */
  public Map<String, Layer> origin() {
    return new TreeMap<>(origin);
  }

  /**
   * SHA-256 of the canonical JSON of the named sections (absent ones count as empty), the
   * "config hash" of a stage's cache key.
   */
  public String hash(List<String> sections) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String s : sections) {
      o.set(s, section(s));
    }
    try {
      return sha256(Json.toCanonicalBytes(o));
    } catch (IOException e) {
      throw new IllegalStateException("serialising an in-memory tree cannot fail", e);
    }
  }

  /**
   * The overrides as the provenance graph records them. Values pass through the shared mapper,
   * which holds numbers as decimals (a TOML {@code 1.0} is recorded as {@code 1}), as the graph
   * has always written them.
   */
  public List<ProvenanceGraph.ConfigOverride> overridesAsList() {
    List<ProvenanceGraph.ConfigOverride> out = new ArrayList<>();
    for (Change c : overrides()) {
      out.add(new ProvenanceGraph.ConfigOverride(c.key(), layerName(c.layer()), c.source(),
          canonical(c.value()), canonical(c.previous()),
          c.previousLayer() == null ? null : layerName(c.previousLayer())));
    }
    return out;
  }

  private static String layerName(Layer layer) {
    return layer.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static JsonNode canonical(JsonNode value) {
    return value == null ? null : Json.mapper().valueToTree(value);
  }

  /** Hex SHA-256 of bytes ({@link org.darkflight.io.Hashing#sha256Hex(byte[])}). */
  public static String sha256(byte[] bytes) {
    return org.darkflight.io.Hashing.sha256Hex(bytes);
  }

  private static ObjectNode profile(String name, Path projectRoot) throws InputException {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new InputException("--profile", name, "a profile name is letters, digits, - or _");
    }
    Path file = projectRoot.resolve("profiles").resolve(name + ".toml");
    if (Files.isRegularFile(file)) {
      return readToml(file);
    }
    ObjectNode builtIn = resourceOrNull("profiles/" + name + ".toml");
    if (builtIn == null) {
      throw new InputException("--profile", name, "unknown profile: neither " + file
          + " nor a built-in profile (ci, prod)");
    }
    return builtIn;
  }

  private static ObjectNode resource(String name) {
    ObjectNode n = resourceOrNull(name);
    if (n == null) {
      throw new IllegalStateException("missing built-in resource " + name);
    }
    return n;
  }

  private static ObjectNode resourceOrNull(String name) {
    try (InputStream in = LayeredConfig.class.getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      return (ObjectNode) TOML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("built-in resource " + name + " is not valid TOML", e);
    }
  }

  static ObjectNode readToml(Path file) throws InputException {
    try {
      JsonNode n = TOML.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (!(n instanceof ObjectNode o)) {
        throw new InputException(file, "", "not a TOML table");
      }
      return o;
    } catch (IOException e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst()
          .orElse("");
      throw new InputException(file, "", "not valid TOML: " + msg, e);
    }
  }

  private static JsonNode tomlValue(String text) {
    try {
      JsonNode n = TOML.readTree("v = " + text);
      JsonNode v = n.get("v");
      if (v != null) {
        return v;
      }
    } catch (IOException e) {
      // not a TOML literal: a bare word is a string
    }
    return JsonNodeFactory.instance.textNode(text);
  }

  private static void putDotted(ObjectNode root, String key, JsonNode value) {
    String[] parts = key.split("\\.");
    ObjectNode o = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = o.get(parts[i]);
      if (!(next instanceof ObjectNode)) {
        next = o.putObject(parts[i]);
      }
      o = (ObjectNode) next;
    }
    o.set(parts[parts.length - 1], value);
  }

  /** Merges layers leaf by leaf and records the changes. */
  private static final class Builder {
    final ObjectNode resolved = JsonNodeFactory.instance.objectNode();
    final List<Change> changes = new ArrayList<>();
    final Map<String, Layer> origin = new LinkedHashMap<>();

    void apply(Layer layer, String source, ObjectNode tree) {
      merge(layer, source, resolved, tree, "");
    }

    private void merge(Layer layer, String source, ObjectNode into, ObjectNode from,
        String prefix) {
      for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        JsonNode value = e.getValue();
        JsonNode existing = into.get(e.getKey());
        if (value instanceof ObjectNode child) {
          if (!(existing instanceof ObjectNode)) {
            if (existing != null) {
              changes.add(new Change(key, layer, source, existing, origin.remove(key), child));
            }
            existing = into.putObject(e.getKey());
          }
          merge(layer, source, (ObjectNode) existing, child, key);
        } else {
          if (existing instanceof ObjectNode) {
            removeOrigins(key);
          }
          if (existing == null || !existing.equals(value)) {
            changes.add(new Change(key, layer, source, existing, origin.get(key), value));
          }
          into.set(e.getKey(), value.deepCopy());
          origin.put(key, layer);
        }
      }
    }

    private void removeOrigins(String prefix) {
      origin.keySet().removeIf(k -> k.startsWith(prefix + "."));
    }
  }
}
