package org.darkflight.analysis.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.darkflight.io.Hashing;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.validate.RunResults;
import org.darkflight.io.validate.ValidationDiffDocument;
import org.darkflight.io.workbook.FormulaGraphExtractor;
import org.darkflight.io.workbook.UtmZone;

/**
 * ParityGuard (docs/architecture.md, docs/legacy.md, docs/operations.md stage S8): for every golden event of a validation spec, checks
 * the golden file's artifact hash and metadata hash, then compares the landing outputs of the
 * run it is given ({@link RunResults}: per fragment the landing position, fall time, impact
 * speed and final mass) with the golden's fragments, and measures {@code centroid_delta},
 * {@code max_point_delta}, {@code fall_time_delta}, {@code impact_speed_delta}, {@code runtime}
 * and {@code mass_rmse} against the spec's tolerances. Every value is computed from the run.
 */
public final class ParityGuard {

  /** The metrics of docs/legacy.md, with fall time and impact speed (issue 15). */
  public static final Set<String> METRICS = Set.of("centroid_delta", "max_point_delta",
      "fall_time_delta", "impact_speed_delta", "runtime", "mass_rmse");

  /**
   * One golden fragment against the run.
   *
   * @param samples              landed samples of the fragment in the run (their mean is used)
   * @param goldenImpactSpeedMps golden impact speed, m/s (NaN when the golden has none)
   * @param impactSpeedMps       the run's impact speed, m/s
   */
  public record FragmentDiff(String eventId, String fragmentId, double goldenEastingM,
      double goldenNorthingM, double eastingM, double northingM, double deltaM,
      double goldenFallTimeS, double fallTimeS, double goldenMassKg, double massKg,
      long samples, double goldenImpactSpeedMps, double impactSpeedMps) {}

  /**
   * One metric of one event.
   *
   * @param note why the value could not be measured (value NaN, not a breach), else null
   */
  public record Metric(String eventId, String name, double value, double tolerance,
      String unit, boolean breached, String note) {}

  /** Everything a validation found. */
  public record Outcome(List<Metric> metrics, List<FragmentDiff> fragments,
      List<String> problems) {
    /** True when no metric is breached and no golden is unusable. */
    public boolean passed() {
      return problems.isEmpty() && metrics.stream().noneMatch(Metric::breached);
    }
  }

  /** Validates a JSON document against a schema shipped in the io jar. */
  public static void checkSchema(Path file, JsonNode doc, String schemaName)
      throws InputException {
    try (InputStream in = ParityGuard.class.getResourceAsStream("/schemas/" + schemaName)) {
      if (in == null) {
        throw new IllegalStateException("schema " + schemaName + " missing from the classpath");
      }
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(in);
      Set<ValidationMessage> errors = schema.validate(doc);
      if (!errors.isEmpty()) {
        ValidationMessage m = errors.iterator().next();
        throw new InputException(file, m.getInstanceLocation().toString(), m.getMessage());
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode readJson(Path file) throws InputException {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(file, "", "not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * sha256 of a golden's content other than {@code meta.metadata_hash}, canonical JSON: keys
   * sorted, compact, every non-integer number written as the nearest double prints
   * ({@link Double#toString}-style, e.g. {@code 1.0E-9}), integers as integers (docs/legacy.md).
   */
  public static String metadataHash(JsonNode golden) {
    ObjectNode copy = golden.deepCopy();
    if (copy.get("meta") instanceof ObjectNode meta) {
      meta.remove("metadata_hash");
    }
    try {
      // Json.mapper() writes tree properties sorted (JsonNodeFeature.WRITE_PROPERTIES_SORTED).
      byte[] bytes = Json.mapper().writeValueAsBytes(asDoubles(copy));
      return Hashing.sha256Hex(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tree with every decimal number as a double, as the hash has always seen them. */
  private static JsonNode asDoubles(JsonNode n) {
    if (n.isBigDecimal() || n.isFloat()) {
      return DoubleNode.valueOf(n.doubleValue());
    }
    if (n instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> e.setValue(asDoubles(e.getValue())));
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, asDoubles(a.get(i)));
      }
    }
    return n;
  }

  /**
   * Validates a run against the goldens of a spec file (goldens resolved relative to it).
   *
   * @param run the run's landing outputs
   * @throws InputException when the spec is unreadable or outside its schema
   */
  public Outcome validate(Path specFile, RunResults run) throws InputException {
    JsonNode spec = readJson(specFile);
    checkSchema(specFile, spec, "validation_spec.schema.json");
    Path base = specFile.toAbsolutePath().getParent();
    JsonNode tol = spec.get("tolerances");
    List<String> wanted = new ArrayList<>();
    spec.get("metrics").forEach(m -> wanted.add(m.asText()));
    List<Metric> metrics = new ArrayList<>();
    List<FragmentDiff> diffs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (String m : wanted) {
      String key = TOLERANCE_KEYS.get(m);
      if (key != null && !tol.has(key) && !DEFAULT_TOLERANCES.containsKey(key)) {
        problems.add("the spec asks for metric " + m + " but gives no tolerances." + key);
      }
    }
    for (JsonNode ev : spec.get("golden_events")) {
      String id = ev.get("id").asText();
      Path goldenFile = base.resolve(ev.get("golden").asText()).normalize();
      JsonNode golden = usableGolden(id, ev, goldenFile, problems);
      if (golden == null) {
        continue;
      }
      List<FragmentDiff> ev0 = compare(id, golden, run, problems);
      if (ev0.isEmpty()) {
        continue;
      }
      diffs.addAll(ev0);
      for (String m : wanted) {
        metrics.add(metric(id, m, ev0, run, tol));
      }
    }
    return new Outcome(metrics, diffs, problems);
  }

  /** Tolerance key of each metric. */
  private static final Map<String, String> TOLERANCE_KEYS = Map.of(
      "centroid_delta", "centroid_error_m", "max_point_delta", "point_error_m",
      "fall_time_delta", "fall_time_error_s", "impact_speed_delta", "impact_speed_error_mps",
      "runtime", "runtime_s", "mass_rmse", "mass_rmse_kg");

  /** Tolerances a spec may leave out (as always): runtime 60 s, mass RMSE 1e-9 kg. */
  private static final Map<String, Double> DEFAULT_TOLERANCES = Map.of("runtime_s", 60.0,
      "mass_rmse_kg", 1e-9);

  /** The golden, checked (file hash, schema, metadata hash), or null with a problem noted. */
  private static JsonNode usableGolden(String id, JsonNode ev, Path goldenFile,
      List<String> problems) throws InputException {
    String hash;
    try {
      hash = FormulaGraphExtractor.sha256(goldenFile);
    } catch (InputException e) {
      problems.add(id + ": golden " + goldenFile + " cannot be read: " + e.getMessage());
      return null;
    }
    if (!hash.equals(ev.get("artifact_hash").asText())) {
      problems.add(id + ": artifact hash mismatch for " + goldenFile.getFileName()
          + " (spec " + ev.get("artifact_hash").asText() + ", file " + hash
          + "): the golden changed without the spec being updated");
      return null;
    }
    JsonNode golden = readJson(goldenFile);
    checkSchema(goldenFile, golden, "golden_event.schema.json");
    String recorded = golden.at("/meta/metadata_hash").asText();
    String actual = metadataHash(golden);
    if (!recorded.equals(actual)) {
      problems.add(id + ": metadata hash mismatch in " + goldenFile.getFileName()
          + " (recorded " + recorded + ", content " + actual + ")");
      return null;
    }
    if (!golden.has("utm_zone")) {
      problems.add(id + ": golden " + goldenFile.getFileName() + " has no utm_zone, so its "
          + "easting/northing cannot be placed on the run's WGS84 landings");
      return null;
    }
    return golden;
  }

  /** Each golden fragment against the run's landings of the same fragment id. */
  private static List<FragmentDiff> compare(String id, JsonNode golden, RunResults run,
      List<String> problems) {
    String goldenEvent = golden.get("event_id").asText();
    if (!goldenEvent.equals(run.eventId())) {
      problems.add(id + ": the run is of event '" + run.eventId() + "', the golden of '"
          + goldenEvent + "'");
      return List.of();
    }
    UtmZone zone = UtmZone.parse(golden.get("utm_zone").asText());
    List<FragmentDiff> out = new ArrayList<>();
    for (JsonNode f : golden.get("fragments")) {
      String fid = f.get("fragment_id").asText();
      RunResults.FragmentLanding l = run.fragments().get(fid);
      if (l == null) {
        problems.add(id + ": the run has no landing of golden fragment '" + fid
            + "' (fragments landed in the run: " + listed(run.fragments().keySet()) + ")");
        continue;
      }
      double[] en = zone.fromGeographic(l.latitudeDeg(), l.longitudeDeg());
      double ge = f.get("easting_m").asDouble();
      double gn = f.get("northing_m").asDouble();
      double goldenMass = f.has("mass_final_kg") ? f.get("mass_final_kg").asDouble()
          : f.get("mass_kg").asDouble();
      out.add(new FragmentDiff(id, fid, ge, gn, en[0], en[1], Math.hypot(en[0] - ge, en[1] - gn),
          f.get("fall_time_s").asDouble(), l.fallTimeS(), goldenMass, l.massFinalKg(),
          l.samples(), f.path("impact_speed_mps").asDouble(Double.NaN), l.impactSpeedMps()));
    }
    return out;
  }

  private static String listed(java.util.Collection<String> ids) {
    if (ids.isEmpty()) {
      return "none";
    }
    List<String> l = new ArrayList<>(ids);
    return l.size() <= 10 ? String.join(", ", l)
        : String.join(", ", l.subList(0, 10)) + ", … (" + l.size() + " in all)";
  }

  /** One metric of one event from its fragment diffs. */
  private static Metric metric(String id, String name, List<FragmentDiff> d, RunResults run,
      JsonNode tol) {
    String key = TOLERANCE_KEYS.get(name);
    double tolerance = tol.path(key).asDouble(DEFAULT_TOLERANCES.getOrDefault(key, Double.NaN));
    int n = d.size();
    String note = null;
    double value;
    String unit;
    switch (name) {
      case "centroid_delta" -> {
        double dx = 0;
        double dy = 0;
        for (FragmentDiff f : d) {
          dx += f.eastingM() - f.goldenEastingM();
          dy += f.northingM() - f.goldenNorthingM();
        }
        value = Math.hypot(dx / n, dy / n);
        unit = "m";
      }
      case "max_point_delta" -> {
        value = d.stream().mapToDouble(FragmentDiff::deltaM).max().orElse(Double.NaN);
        unit = "m";
      }
      case "fall_time_delta" -> {
        value = d.stream().mapToDouble(f -> Math.abs(f.fallTimeS() - f.goldenFallTimeS()))
            .max().orElse(Double.NaN);
        unit = "s";
      }
      case "impact_speed_delta" -> {
        value = d.stream().mapToDouble(f -> Math.abs(f.impactSpeedMps()
            - f.goldenImpactSpeedMps())).max().orElse(Double.NaN);
        unit = "m/s";
        if (d.stream().anyMatch(f -> Double.isNaN(f.goldenImpactSpeedMps()))) {
          // a missing golden value is a breach: the metric was asked for and cannot pass
          return new Metric(id, name, Double.NaN, tolerance, unit, true,
              "the golden gives no impact_speed_mps for every fragment");
        }
      }
      case "mass_rmse" -> {
        double sq = 0;
        for (FragmentDiff f : d) {
          sq += Math.pow(f.massKg() - f.goldenMassKg(), 2);
        }
        value = Math.sqrt(sq / n);
        unit = "kg";
      }
      case "runtime" -> {
        unit = "s";
        if (run.runtimeS() == null) {
          return new Metric(id, name, Double.NaN, tolerance, unit, false,
              "not measured: " + run.runtimeNote());
        }
        value = run.runtimeS();
      }
      default -> throw new IllegalArgumentException("unknown metric " + name);
    }
    return new Metric(id, name, value, tolerance, unit, !(value <= tolerance), note);
  }

  /** The Markdown report. */
  public static String report(Path specFile, RunResults run, Outcome o) {
    StringBuilder sb = new StringBuilder("# Validation report\n\n");
    sb.append("Spec: `").append(specFile.getFileName()).append("`\n\n");
    sb.append("Run: `").append(run.source().toAbsolutePath().normalize().getParent()
        .getFileName()).append('/').append(run.source().getFileName()).append("` (event `")
        .append(run.eventId()).append("`, ").append(run.fragments().size())
        .append(" fragments landed). Every value below is computed from this run's landings; "
            + "a fragment with several samples is compared by its mean.\n\n");
    sb.append("**Verdict: ").append(o.passed() ? "PASSED" : "FAILED — publication blocked")
        .append("**\n\n");
    if (!o.problems().isEmpty()) {
      sb.append("## Problems\n\n");
      o.problems().forEach(p -> sb.append("- ").append(p).append('\n'));
      sb.append('\n');
    }
    sb.append("## Metrics\n\n| event | metric | value | tolerance | status |\n"
        + "|---|---|---:|---:|---|\n");
    for (Metric m : o.metrics()) {
      String status = m.breached() ? "**BREACH**" : "ok";
      if (m.note() != null) {
        status = (m.breached() ? "**BREACH**: " : "not measured: ")
            + m.note().replaceFirst("^not measured: ", "");
      }
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.6g %s | %.6g %s | %s |%n",
          m.eventId(), m.name(), m.value(), m.unit(), m.tolerance(), m.unit(), status));
    }
    sb.append("\n## Fragments\n\n| event | fragment | samples | golden E, N (m) | run E, N (m) | "
        + "delta (m) | golden fall time (s) | run (s) | golden impact speed (m/s) | run (m/s) | "
        + "golden final mass (kg) | run (kg) |\n"
        + "|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (FragmentDiff d : o.fragments()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f, %.3f | %.3f, %.3f | %.6g | "
          + "%.9g | %.9g | %s | %.6g | %.9g | %.9g |%n", d.eventId(), d.fragmentId(),
          d.samples(), d.goldenEastingM(), d.goldenNorthingM(), d.eastingM(), d.northingM(),
          d.deltaM(), d.goldenFallTimeS(), d.fallTimeS(),
          Double.isNaN(d.goldenImpactSpeedMps()) ? "—"
              : String.format(Locale.ROOT, "%.6g", d.goldenImpactSpeedMps()),
          d.impactSpeedMps(), d.goldenMassKg(), d.massKg()));
    }
    return sb.toString();
  }

  /** The per-fragment diff as its document ({@code validation_diff.json}). */
  public static ValidationDiffDocument diffDocument(Outcome o) {
    List<ValidationDiffDocument.Metric> metrics = new ArrayList<>();
    for (Metric m : o.metrics()) {
      metrics.add(new ValidationDiffDocument.Metric(m.eventId(), m.name(), m.value(),
          m.tolerance(), m.unit(), m.breached(), m.note()));
    }
    List<ValidationDiffDocument.FragmentDiff> fragments = new ArrayList<>();
    for (FragmentDiff d : o.fragments()) {
      fragments.add(new ValidationDiffDocument.FragmentDiff(d.eventId(), d.fragmentId(),
          d.goldenEastingM(), d.goldenNorthingM(), d.eastingM(), d.northingM(), d.deltaM(),
          d.goldenFallTimeS(), d.fallTimeS(), d.goldenMassKg(), d.massKg(), d.samples(),
          Double.isNaN(d.goldenImpactSpeedMps()) ? null : d.goldenImpactSpeedMps(),
          d.impactSpeedMps()));
    }
    return new ValidationDiffDocument(o.passed(), o.problems(), metrics, fragments);
  }

  /** The per-fragment diff as JSON bytes. */
  public static byte[] diffJson(Outcome o) throws IOException {
    return diffDocument(o).toBytes();
  }

  /** Reads a small text file, for tests and tools. */
  static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
