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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.darkflight.io.Hashing;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.validate.ValidationDiffDocument;
import org.darkflight.io.workbook.FormulaGraphExtractor;
import org.darkflight.io.workbook.UtmZone;
import org.darkflight.io.workbook.V42WorkbookReader;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.FriesV42Result;

/**
 * ParityGuard (spec §3.2, §4.8, §5 S8, §12): for every golden event of a validation spec, checks
 * the golden file's artifact hash and metadata hash, recomputes each golden fragment with the
 * event's method, and measures {@code centroid_delta}, {@code max_point_delta}, {@code runtime}
 * and {@code mass_rmse} against the spec's tolerances.
 */
public final class ParityGuard {

  /** The metrics of spec §4.8. */
  public static final Set<String> METRICS =
      Set.of("centroid_delta", "max_point_delta", "runtime", "mass_rmse");

  /** One fragment's comparison. */
  public record FragmentDiff(String eventId, String fragmentId, double goldenEastingM,
      double goldenNorthingM, double eastingM, double northingM, double deltaM,
      double goldenFallTimeS, double fallTimeS, double goldenMassKg, double massKg) {}

  /** One metric of one event. */
  public record Metric(String eventId, String name, double value, double tolerance,
      String unit, boolean breached) {}

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

  /** Runs the validation of a spec file (goldens resolved relative to it). */
  public Outcome validate(Path specFile) throws InputException {
    JsonNode spec = readJson(specFile);
    checkSchema(specFile, spec, "validation_spec.schema.json");
    Path base = specFile.toAbsolutePath().getParent();
    JsonNode tol = spec.get("tolerances");
    List<String> wanted = new ArrayList<>();
    spec.get("metrics").forEach(m -> wanted.add(m.asText()));
    List<Metric> metrics = new ArrayList<>();
    List<FragmentDiff> diffs = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode ev : spec.get("golden_events")) {
      String id = ev.get("id").asText();
      Path goldenFile = base.resolve(ev.get("golden").asText()).normalize();
      String hash;
      try {
        hash = FormulaGraphExtractor.sha256(goldenFile);
      } catch (InputException e) {
        problems.add(id + ": golden " + goldenFile + " cannot be read: " + e.getMessage());
        continue;
      }
      if (!hash.equals(ev.get("artifact_hash").asText())) {
        problems.add(id + ": artifact hash mismatch for " + goldenFile.getFileName()
            + " (spec " + ev.get("artifact_hash").asText() + ", file " + hash
            + "): the golden changed without the spec being updated");
        continue;
      }
      JsonNode golden = readJson(goldenFile);
      checkSchema(goldenFile, golden, "golden_event.schema.json");
      String recorded = golden.at("/meta/metadata_hash").asText();
      String actual = metadataHash(golden);
      if (!recorded.equals(actual)) {
        problems.add(id + ": metadata hash mismatch in " + goldenFile.getFileName()
            + " (recorded " + recorded + ", content " + actual + ")");
        continue;
      }
      long t0 = System.nanoTime();
      List<FragmentDiff> ev0 = recompute(id, golden, goldenFile.getParent());
      double runtimeS = (System.nanoTime() - t0) / 1e9;
      diffs.addAll(ev0);
      double gx = 0;
      double gy = 0;
      double cx = 0;
      double cy = 0;
      double maxDelta = 0;
      double massSq = 0;
      for (FragmentDiff d : ev0) {
        gx += d.goldenEastingM();
        gy += d.goldenNorthingM();
        cx += d.eastingM();
        cy += d.northingM();
        maxDelta = Math.max(maxDelta, d.deltaM());
        massSq += Math.pow(d.massKg() - d.goldenMassKg(), 2);
      }
      int n = ev0.size();
      double centroid = Math.hypot((cx - gx) / n, (cy - gy) / n);
      Map<String, double[]> values = new LinkedHashMap<>();
      values.put("centroid_delta", new double[] {centroid,
          tol.get("centroid_error_m").asDouble()});
      values.put("max_point_delta", new double[] {maxDelta, tol.get("point_error_m").asDouble()});
      values.put("runtime", new double[] {runtimeS, tol.path("runtime_s").asDouble(60)});
      values.put("mass_rmse", new double[] {Math.sqrt(massSq / n),
          tol.path("mass_rmse_kg").asDouble(1e-9)});
      Map<String, String> units = Map.of("centroid_delta", "m", "max_point_delta", "m",
          "runtime", "s", "mass_rmse", "kg");
      for (String m : wanted) {
        double[] v = values.get(m);
        metrics.add(new Metric(id, m, v[0], v[1], units.get(m), !(v[0] <= v[1])));
      }
    }
    return new Outcome(metrics, diffs, problems);
  }

  /** Recomputes a golden event's fragments with its method. */
  private static List<FragmentDiff> recompute(String id, JsonNode golden, Path dir)
      throws InputException {
    String method = golden.get("method").asText();
    if (!method.equals("fries_v42")) {
      throw new InputException(id, "/method", "unsupported golden method " + method);
    }
    Path workbook = dir.resolve(golden.get("workbook").asText()).normalize();
    String sha = FormulaGraphExtractor.sha256(workbook);
    if (!sha.equals(golden.get("workbook_sha256").asText())) {
      throw new InputException(workbook, "", "workbook sha256 " + sha + " differs from the "
          + "golden's " + golden.get("workbook_sha256").asText());
    }
    FriesV42Inputs in = new V42WorkbookReader().read(workbook);
    List<FragmentDiff> out = new ArrayList<>();
    for (JsonNode f : golden.get("fragments")) {
      double massKg = f.get("mass_kg").asDouble();
      FriesV42Result r = new FriesV42().run(in.withMassG(massKg * 1000));
      double ge = f.get("easting_m").asDouble();
      double gn = f.get("northing_m").asDouble();
      out.add(new FragmentDiff(id, f.get("fragment_id").asText(), ge, gn, r.endEastingM(),
          r.endNorthingM(), Math.hypot(r.endEastingM() - ge, r.endNorthingM() - gn),
          f.get("fall_time_s").asDouble(), r.fallTimeS(), massKg, massKg));
    }
    if (golden.has("utm_zone")) {
      UtmZone.parse(golden.get("utm_zone").asText());
    }
    return out;
  }

  /** The Markdown report. */
  public static String report(Path specFile, Outcome o) {
    StringBuilder sb = new StringBuilder("# Validation report\n\n");
    sb.append("Spec: `").append(specFile.getFileName()).append("`\n\n");
    sb.append("**Verdict: ").append(o.passed() ? "PASSED" : "FAILED — publication blocked")
        .append("**\n\n");
    if (!o.problems().isEmpty()) {
      sb.append("## Unusable goldens\n\n");
      o.problems().forEach(p -> sb.append("- ").append(p).append('\n'));
      sb.append('\n');
    }
    sb.append("## Metrics\n\n| event | metric | value | tolerance | status |\n"
        + "|---|---|---:|---:|---|\n");
    for (Metric m : o.metrics()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.6g %s | %.6g %s | %s |%n",
          m.eventId(), m.name(), m.value(), m.unit(), m.tolerance(), m.unit(),
          m.breached() ? "**BREACH**" : "ok"));
    }
    sb.append("\n## Fragments\n\n| event | fragment | golden E, N (m) | now E, N (m) | "
        + "delta (m) | golden fall time (s) | now (s) |\n|---|---|---|---|---:|---:|---:|\n");
    for (FragmentDiff d : o.fragments()) {
      sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f, %.3f | %.3f, %.3f | %.6g | "
          + "%.9g | %.9g |%n", d.eventId(), d.fragmentId(), d.goldenEastingM(),
          d.goldenNorthingM(), d.eastingM(), d.northingM(), d.deltaM(), d.goldenFallTimeS(),
          d.fallTimeS()));
    }
    return sb.toString();
  }

  /** The per-fragment diff as its document ({@code validation_diff.json}). */
  public static ValidationDiffDocument diffDocument(Outcome o) {
    List<ValidationDiffDocument.Metric> metrics = new ArrayList<>();
    for (Metric m : o.metrics()) {
      metrics.add(new ValidationDiffDocument.Metric(m.eventId(), m.name(), m.value(),
          m.tolerance(), m.unit(), m.breached()));
    }
    List<ValidationDiffDocument.FragmentDiff> fragments = new ArrayList<>();
    for (FragmentDiff d : o.fragments()) {
      fragments.add(new ValidationDiffDocument.FragmentDiff(d.eventId(), d.fragmentId(),
          d.goldenEastingM(), d.goldenNorthingM(), d.eastingM(), d.northingM(), d.deltaM(),
          d.goldenFallTimeS(), d.fallTimeS(), d.goldenMassKg(), d.massKg()));
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
