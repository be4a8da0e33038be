package org.darkflight.analysis.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.darkflight.io.InputException;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.analysis.sampling.SamplingStrategies;

/**
 * Reads {@code ensemble_config.json} (schema {@code schemas/ensemble_config.schema.json}) and
 * checks every value, reporting the first problem as an {@link InputException} that names the
 * file, the field as a JSON pointer, and the reason.
 */
public final class EnsembleConfigReader {

  private static final Set<String> TOP_FIELDS = Set.of("$schema", "meta", "mode", "samples",
      "random_seed", "sampling", "distributions", "fragments", "mass_classes_kg",
      "samples_per_element", "kml_max_points");
  private static final String WIND_PERTURBATION = "wind_perturbation";

  /** Name of the schema on the classpath. */
  public static final String SCHEMA = "ensemble_config";

  private final String file;

  private EnsembleConfigReader(String file) {
    this.file = file;
  }

  /** Reads and checks a file. */
  public static EnsembleConfig read(Path path) throws InputException {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new InputException(path, "", "file not found");
    } catch (IOException e) {
      throw new InputException(path, "", "cannot read: " + e.getMessage(), e);
    }
    return parse(path.toString(), text);
  }

  /**
   * Parses and checks JSON text: first against {@code schemas/ensemble_config.schema.json}, then
   * the rules a schema cannot express; {@code file} names it in error messages.
   */
  public static EnsembleConfig parse(String file, String json) throws InputException {
    JsonNode root = JsonSchemas.parse(json.getBytes(StandardCharsets.UTF_8), file);
    JsonSchemas.validate(root, SCHEMA, file);
    return new EnsembleConfigReader(file).config(root);
  }

  private EnsembleConfig config(JsonNode root) throws InputException {
    if (root == null || !root.isObject()) {
      throw bad("", "must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!TOP_FIELDS.contains(name)) {
        throw bad("/" + name, "unknown field (allowed: " + String.join(", ",
            TOP_FIELDS.stream().sorted().toList()) + ")");
      }
    }
    EnsembleMode mode = enumValue(root, "mode", EnsembleMode.class, null);
    if (mode == null) {
      throw bad("/mode", "required: one of mass_grid, monte_carlo");
    }
    JsonNode samplesNode = root.get("samples");
    if (samplesNode == null) {
      throw bad("/samples", "required: the number of samples");
    }
    if (!samplesNode.isIntegralNumber()) {
      throw bad("/samples", "must be an integer, got " + samplesNode);
    }
    if (!samplesNode.canConvertToLong() || samplesNode.asLong() > EnsembleConfig.MAX_SAMPLES) {
      throw bad("/samples", "must be at most " + EnsembleConfig.MAX_SAMPLES + ", got "
          + samplesNode.asText() + " (split the run or check the value)");
    }
    long samples = samplesNode.asLong();
    if (samples < 1) {
      throw bad("/samples", "must be at least 1, got " + samples);
    }
    JsonNode seedNode = root.get("random_seed");
    if (seedNode == null) {
      throw bad("/random_seed", "required: the seed of every per-sample random stream");
    }
    if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) {
      throw bad("/random_seed", "must be a 64-bit integer, got " + seedNode);
    }
    String sampling = EnsembleConfig.DEFAULT_SAMPLING;
    if (root.has("sampling")) {
      JsonNode s = root.get("sampling");
      if (!s.isTextual()) {
        throw bad("/sampling", "must be a string");
      }
      sampling = s.asText();
      if (!SamplingStrategies.names().contains(sampling)) {
        throw bad("/sampling", "unknown sampling strategy '" + sampling + "' (available: "
            + String.join(", ", SamplingStrategies.names()) + ")");
      }
    }
    Map<UncertainParameter, Distribution> dists = new EnumMap<>(UncertainParameter.class);
    double windSigmaScale = 0;
    JsonNode distNode = root.get("distributions");
    if (distNode != null) {
      if (!distNode.isObject()) {
        throw bad("/distributions", "must be an object of parameter name -> distribution");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = distNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String ptr = "/distributions/" + e.getKey();
        if (WIND_PERTURBATION.equals(e.getKey())) {
          windSigmaScale = windPerturbation(ptr, e.getValue());
          continue;
        }
        UncertainParameter p = UncertainParameter.byJsonName(e.getKey());
        if (p == null) {
          List<String> names = new ArrayList<>();
          for (UncertainParameter q : UncertainParameter.values()) {
            names.add(q.jsonName());
          }
          names.add(WIND_PERTURBATION);
          throw bad(ptr, "unknown parameter (allowed: " + String.join(", ", names) + ")");
        }
        dists.put(p, distribution(ptr, e.getValue()));
      }
    }
    if (mode == EnsembleMode.MASS_GRID && dists.containsKey(UncertainParameter.MASS_KG)) {
      throw bad("/distributions/mass_kg",
          "mass_grid mode uses the exact grid masses; use mode monte_carlo to draw masses");
    }
    SplitRule split = root.has("fragments") ? split(root.get("fragments")) : null;
    List<Double> edges = EnsembleConfig.defaultMassClassEdgesKg();
    if (root.has("mass_classes_kg")) {
      JsonNode arr = root.get("mass_classes_kg");
      if (!arr.isArray() || arr.isEmpty()) {
        throw bad("/mass_classes_kg", "must be a non-empty array of ascending masses in kg");
      }
      edges = new ArrayList<>();
      for (int i = 0; i < arr.size(); i++) {
        JsonNode v = arr.get(i);
        if (!v.isNumber() || !(v.asDouble() > 0)) {
          throw bad("/mass_classes_kg/" + i, "must be a number > 0, got " + v);
        }
        if (i > 0 && !(v.asDouble() > edges.get(i - 1))) {
          throw bad("/mass_classes_kg/" + i, "edges must be strictly ascending");
        }
        edges.add(v.asDouble());
      }
    }
    int perElement = intField(root, "samples_per_element",
        EnsembleConfig.DEFAULT_SAMPLES_PER_ELEMENT, 1, 1_000_000);
    int kmlMax = intField(root, "kml_max_points", EnsembleConfig.DEFAULT_KML_MAX_POINTS, 1,
        1_000_000);
    return new EnsembleConfig(mode, samples, seedNode.asLong(), sampling, dists, windSigmaScale,
        split, edges, perElement, kmlMax);
  }

  private double windPerturbation(String ptr, JsonNode node) throws InputException {
    distribution(ptr, node);
    JsonNode params = node.get("params");
    JsonNode scale = params == null ? null : params.get("sigma_scale");
    return scale == null ? 1.0 : scale.asDouble();
  }

  private Distribution distribution(String ptr, JsonNode node) throws InputException {
    if (node == null || !node.isObject()) {
      throw bad(ptr, "must be an object {\"dist\": ..., \"params\": {...}}");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("dist") && !f.equals("params")) {
        throw bad(ptr + "/" + f, "unknown field (allowed: dist, params)");
      }
    }
    JsonNode distName = node.get("dist");
    if (distName == null || !distName.isTextual()) {
      throw bad(ptr + "/dist", "required: one of normal, lognormal, uniform");
    }
    DistributionKind kind;
    try {
      kind = DistributionKind.valueOf(distName.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(ptr + "/dist", "unknown distribution '" + distName.asText()
          + "' (allowed: normal, lognormal, uniform)");
    }
    JsonNode params = node.get("params");
    if (params == null || !params.isObject()) {
      throw bad(ptr + "/params", "required: an object of distribution parameters");
    }
    boolean wind = ptr.endsWith("/" + WIND_PERTURBATION);
    if (wind && kind != DistributionKind.NORMAL) {
      throw bad(ptr + "/dist", "per-level wind perturbation is normal, scaled by the profile's σ");
    }
    Set<String> allowed = switch (kind) {
      case NORMAL -> wind ? Set.of("sigma_scale") : Set.of("mean", "sigma");
      case LOGNORMAL -> Set.of("mu", "sigma", "median");
      case UNIFORM -> Set.of("min", "max", "half_width");
    };
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw bad(ptr + "/params/" + f, "unknown parameter of " + kind.jsonName()
            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
      if (!params.get(f).isNumber() || !Double.isFinite(params.get(f).asDouble())) {
        throw bad(ptr + "/params/" + f, "must be a finite number, got " + params.get(f));
      }
    }
    if (wind) {
      double s = params.has("sigma_scale") ? params.get("sigma_scale").asDouble() : 1.0;
      if (s < 0) {
        throw bad(ptr + "/params/sigma_scale", "must be >= 0, got " + s);
      }
      return Distribution.normal(0, 1);
    }
    switch (kind) {
      case NORMAL:
      case LOGNORMAL: {
        JsonNode sigma = params.get("sigma");
        if (sigma == null) {
          throw bad(ptr + "/params/sigma", "required: the standard deviation"
              + (kind == DistributionKind.LOGNORMAL ? " of ln X" : ""));
        }
        if (sigma.asDouble() < 0) {
          throw bad(ptr + "/params/sigma", "must be >= 0, got " + sigma.asDouble());
        }
        double location = Double.NaN;
        if (kind == DistributionKind.NORMAL && params.has("mean")) {
          location = params.get("mean").asDouble();
        }
        if (kind == DistributionKind.LOGNORMAL) {
          if (params.has("mu") && params.has("median")) {
            throw bad(ptr + "/params", "give mu or median, not both");
          }
          if (params.has("mu")) {
            location = params.get("mu").asDouble();
          } else if (params.has("median")) {
            double median = params.get("median").asDouble();
            if (!(median > 0)) {
              throw bad(ptr + "/params/median", "must be > 0, got " + median);
            }
            location = Math.log(median);
          }
        }
        return kind == DistributionKind.NORMAL
            ? Distribution.normal(location, sigma.asDouble())
            : Distribution.lognormal(location, sigma.asDouble());
      }
      case UNIFORM: {
        boolean bounds = params.has("min") || params.has("max");
        if (bounds && params.has("half_width")) {
          throw bad(ptr + "/params", "give min and max, or half_width, not both");
        }
        if (bounds) {
          if (!params.has("min") || !params.has("max")) {
            throw bad(ptr + "/params", "uniform needs both min and max");
          }
          double min = params.get("min").asDouble();
          double max = params.get("max").asDouble();
          if (!(min <= max)) {
            throw bad(ptr + "/params", "min (" + min + ") must not exceed max (" + max + ")");
          }
          return Distribution.uniform(min, max);
        }
        if (!params.has("half_width")) {
          throw bad(ptr + "/params", "uniform needs min and max, or half_width");
        }
        double hw = params.get("half_width").asDouble();
        if (hw < 0) {
          throw bad(ptr + "/params/half_width", "must be >= 0, got " + hw);
        }
        return Distribution.uniformAround(hw);
      }
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  private SplitRule split(JsonNode node) throws InputException {
    String ptr = "/fragments";
    if (!node.isObject()) {
      throw bad(ptr, "must be an object describing a split rule");
    }
    Set<String> allowed = Set.of("split", "min_mass_kg", "max_mass_kg", "total_mass_kg", "count",
        "exponent", "density_kgm3", "cd", "shape_factor");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw bad(ptr + "/" + f, "unknown field (allowed: " + String.join(", ",
            allowed.stream().sorted().toList()) + ")");
      }
    }
    SplitRule.Kind kind = enumValue(node, "split", SplitRule.Kind.class, ptr);
    if (kind == null) {
      throw bad(ptr + "/split", "required: one of decadal, power_law");
    }
    double min = number(node, "min_mass_kg", ptr, Double.NaN);
    double max = number(node, "max_mass_kg", ptr, Double.NaN);
    double total = number(node, "total_mass_kg", ptr, Double.NaN);
    double exponent = number(node, "exponent", ptr, 1.8);
    int count = node.has("count") ? node.get("count").asInt(-1) : 0;
    if (kind == SplitRule.Kind.POWER_LAW) {
      if (Double.isNaN(total)) {
        throw bad(ptr + "/total_mass_kg", "required for a power_law split");
      }
      if (count < 1 || !node.get("count").isIntegralNumber()) {
        throw bad(ptr + "/count", "required for a power_law split: an integer >= 1");
      }
      if (count > 100_000) {
        throw bad(ptr + "/count", "at most 100000 fragments, got " + count);
      }
    }
    return new SplitRule(kind, min, max, total, count, exponent,
        number(node, "density_kgm3", ptr, 3500.0), number(node, "cd", ptr, 1.3),
        number(node, "shape_factor", ptr, 1.21));
  }

  private double number(JsonNode node, String field, String ptr, double dflt)
      throws InputException {
    JsonNode v = node.get(field);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw bad(ptr + "/" + field, "must be a finite number, got " + v);
    }
    return v.asDouble();
  }

  private int intField(JsonNode root, String field, int dflt, int min, int max)
      throws InputException {
    JsonNode v = root.get(field);
    if (v == null) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
      throw bad("/" + field, "must be an integer in [" + min + ", " + max + "], got " + v);
    }
    return v.asInt();
  }

  private <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type,
      String parentPtr) throws InputException {
    JsonNode v = node.get(field);
    if (v == null) {
      return null;
    }
    String ptr = (parentPtr == null ? "" : parentPtr) + "/" + field;
    List<String> names = new ArrayList<>();
    for (E c : type.getEnumConstants()) {
      names.add(c.name().toLowerCase(Locale.ROOT));
    }
    if (!v.isTextual() || !names.contains(v.asText())) {
      throw bad(ptr, "must be one of " + String.join(", ", names) + ", got " + v);
    }
    return Enum.valueOf(type, v.asText().toUpperCase(Locale.ROOT));
  }

  private InputException bad(String pointer, String reason) {
    return new InputException(file, pointer.isEmpty() ? "" : pointer, reason);
  }
}
