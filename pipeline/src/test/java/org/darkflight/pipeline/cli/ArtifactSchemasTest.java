package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.darkflight.io.json.DeclaredOrderJson;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.run.DragRegimesDocument;
import org.darkflight.io.run.MetricsDocument;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.uq.CalibratedParamsDocument;
import org.darkflight.io.uq.CalibrationNarrowingDocument;
import org.darkflight.io.uq.PairedComparisonDocument;
import org.darkflight.io.uq.SensitivityDocument;
import org.darkflight.io.validate.ValidationDiffDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON and GeoJSON artifact the commands write validates against its schema in
 * {@code schemas/}: run (with and without heatmaps, with {@code --debug}), trajectory, calibrate
 * (with {@code --rerun-ensemble}), compare, sensitivity, validate (with {@code --run-dir}),
 * radar, radar-candidates, atmos and process, each run once in-process on small inputs. The schema is the one the
 * file's {@code $schema} names, else the one named like the file ({@code
 * <event>__<name>__v1.json} → {@code <name>}); a file with no schema fails the test. The
 * run-side artifacts also read back through their typed documents to the same bytes.
 */
class ArtifactSchemasTest {

  static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  static final Path DATA = REPO.resolve("testdata");
  static final Path PF = DATA.resolve("events/park-forest-2003");
  static final String PRODUCED = "--produced-utc=2024-01-01T00:00:00Z";
  /** {@code <event>__<name>__v<n>.json} of the project layout. */
  static final Pattern VERSIONED = Pattern.compile("^.+__([a-z0-9_]+)__v[0-9]+$");

  @TempDir
  static Path out;

  @BeforeAll
  static void runEveryCommand() throws Exception {
    String[] inputs = {"--event", pf("event.json"), "--atmos", pf("atmos_profile.json"),
        "--config", pf("physics_config_ensemble.json")};
    String tiny = DATA.resolve("uq/park-forest-mc-tiny.json").toString();
    ok("--debug", "run", inputs, "--fragments", pf("fragments.json"), "--ensemble", tiny,
        "--out", dir("run"), PRODUCED);
    ok("run", inputs, "--fragments", pf("fragments.json"), "--ensemble", tiny,
        "--heatmap-cell-m", "250", "--out", dir("runheat"), PRODUCED);
    ok("trajectory", inputs, "--fragments", pf("fragments.json"), "--out", dir("traj"));
    ok("calibrate", inputs, "--finds", DATA.resolve("uq/finds-one.json").toString(),
        "--rerun-ensemble", tiny, "--fragments", pf("fragments.json"), "--out",
        dir("calibrate"), PRODUCED);
    ok("compare", "--event", pf("event.json"), "--atmos", pf("atmos_profile.json"),
        "--config-a", pf("physics_config_ensemble.json"), "--config-b", pf("physics_config.json"),
        "--fragments", pf("fragments.json"), "--ensemble", tiny, "--out", dir("compare"),
        PRODUCED);
    ok("sensitivity", inputs, "--fragments", pf("fragments.json"), "--ensemble", tiny,
        "--samples", "4", "--bootstrap", "10", "--threads", "1", "--out", dir("sens"),
        PRODUCED);
    Path runv = out.resolve("runv");
    copyTree(out.resolve("run"), runv);
    // a modern-physics ensemble against the v.42 golden: validation fails (exit 1), and its
    // report, diff and manifest verdict are written all the same
    exits(DarkflightCli.EXIT_FAILURE, "validate", "--spec",
        DATA.resolve("golden/validation_spec.json").toString(), "--out", dir("validate"),
        "--run-dir", runv.toString());
    ok("radar", "--event", pf("event.json"), "--atmos", pf("atmos_profile.json"), "--config",
        pf("physics_config.json"), "--returns",
        DATA.resolve("radar/park-forest-synthetic-returns.json").toString(), "--sites",
        DATA.resolve("radar/radar_sites.json").toString(), "--out", dir("radar"));
    ok("atmos", "--event", pf("event.json"), "--sonde",
        DATA.resolve("atmos/uwyo_74560_2003032700.html").toString(), "--model",
        DATA.resolve("atmos/era5_pl_20030327.nc").toString(), "--vad",
        DATA.resolve("atmos/radar_vad/KLOT_20030327_0548.json").toString(), "--radar-metadata",
        DATA.resolve("atmos/radar_metadata.json").toString(), "--out", dir("atmos"));
    Path klbb = RadarCandidatesCommandTest.inputs(out.resolve("candidates-in"),
        "2016-06-01T14:57:00Z", "KLBB",
        DATA.resolve("nexrad").resolve(RadarCandidatesCommandTest.KLBB));
    ok("radar-candidates", "--event", klbb.resolve("event.json").toString(), "--atmos",
        klbb.resolve("atmos_profile.json").toString(), "--config",
        klbb.resolve("physics_config.json").toString(), "--radar-metadata",
        klbb.resolve("radar_metadata.json").toString(), "--out", dir("candidates"), PRODUCED);
    Path project = out.resolve("project");
    copyTree(DATA.resolve("project"), project);
    ok("process", "--event-dir",
        project.resolve("data/events/synthetic-calm").toString());
  }

  @Test
  void everyWrittenArtifactValidatesAgainstItsSchema() throws IOException {
    List<String> problems = new ArrayList<>();
    Set<String> checked = new TreeSet<>();
    for (Path f : artifacts()) {
      String rel = out.relativize(f).toString();
      JsonNode doc;
      try {
        doc = JsonSchemas.read(f);
      } catch (Exception e) {
        problems.add(rel + ": " + e.getMessage());
        continue;
      }
      String schema = schemaOf(f, doc);
      if (schema == null) {
        problems.add(rel + ": no schema in schemas/ (neither its $schema nor its name)");
        continue;
      }
      for (JsonSchemas.Violation v : JsonSchemas.violations(doc, schema)) {
        problems.add(rel + " (" + schema + ") " + v.pointer() + ": " + v.reason());
      }
      checked.add(schema);
    }
    assertThat(String.join("\n", problems), problems, empty());
    assertThat(checked, hasItems("output_manifest", "ensemble_manifest", "metrics",
        "debug_drag_regimes", "strewn_field_points", "uncertainty_ellipses", "trajectory",
        "calibrated_params", "calibration_narrowing", "paired_comparison", "sensitivity",
        "validation_diff", "radar_solution", "radar_slice", "radar_layers", "radar_returns",
        "atmos_profile",
        "atmos_qc", "vertical_grid", "wind_profile_compiled", "model_manifest",
        "validation_status", "provenance_graph"));
  }

  /**
   * {@code run} and {@code process} write {@code trajectories/<fragment_id>.json} for every
   * nominal fragment (stage S5), schema-valid, each listed in their output manifest with its
   * true SHA-256 and size; the run's flights are those of {@code darkflight trajectory} on the
   * same inputs (same landing and time series).
   */
  @Test
  void runAndProcessWriteTheNominalTrajectoriesListedWithTheirHashes() throws Exception {
    List<String> runIds = fragmentIds(PF.resolve("fragments.json"));
    Path run = out.resolve("run");
    JsonNode runManifest = JsonSchemas.read(run.resolve(OutputManifestDocument.FILE));
    assertListed(run, runManifest, "trajectories/", runIds);
    for (String id : runIds) {
      JsonNode mine = JsonSchemas.read(run.resolve("trajectories/" + id + ".json"));
      JsonNode theirs = JsonSchemas.read(out.resolve("traj/trajectories/" + id + ".json"));
      assertThat(id, mine.get("landing"), equalTo(theirs.get("landing")));
      assertThat(id, mine.get("points"), equalTo(theirs.get("points")));
      assertThat(JsonSchemas.violations(mine, "trajectory"), empty());
    }
    Path project = out.resolve("project");
    Path eventDir = project.resolve("data/events/synthetic-calm");
    List<String> processIds = fragmentIds(eventDir.resolve("raw/fragments.json"));
    JsonNode processManifest = JsonSchemas.read(project.resolve(
        "artifacts/synthetic-calm/synthetic-calm__output_manifest__v1.json"));
    String dir = "artifacts/synthetic-calm/sim/synthetic-calm__trajectories__v1/";
    assertListed(project, processManifest, dir, processIds);
    for (String id : processIds) {
      assertThat(JsonSchemas.violations(JsonSchemas.read(project.resolve(dir + id + ".json")),
          "trajectory"), empty());
    }
  }

  private static List<String> fragmentIds(Path fragments) throws Exception {
    List<String> ids = new ArrayList<>();
    JsonNode doc = JsonSchemas.read(fragments);
    for (JsonNode f : doc.isArray() ? doc : doc.path("fragments")) {
      ids.add(f.get("id").asText());
    }
    assertThat(ids.isEmpty(), equalTo(false));
    return ids;
  }

  /** Every fragment's trajectory is in the manifest under {@code prefix}, hash and size true. */
  private static void assertListed(Path root, JsonNode manifest, String prefix, List<String> ids)
      throws IOException {
    Set<String> listed = new TreeSet<>();
    for (JsonNode a : manifest.path("artifacts")) {
      String path = a.path("path").asText();
      if (!path.startsWith(prefix)) {
        continue;
      }
      listed.add(path.substring(prefix.length()));
      Path f = root.resolve(path);
      assertThat(path, a.path("sha256").asText(),
          equalTo(org.darkflight.io.Hashing.sha256Hex(f)));
      assertThat(path, a.path("bytes").asLong(), equalTo(Files.size(f)));
      assertThat(path, a.path("type").asText(), equalTo("json"));
    }
    Set<String> expected = new TreeSet<>();
    ids.forEach(id -> expected.add(id + ".json"));
    assertThat(listed, equalTo(expected));
  }

  /**
   * The typed documents read the run-side artifacts back: each file, bound to its record and
   * written again the way the command writes it, gives the same bytes.
   */
  @Test
  void typedDocumentsReadBackToTheSameBytes() throws Exception {
    for (String run : List.of("run", "runheat", "calibrate/ensemble_baseline", "compare/a")) {
      Path dir = out.resolve(run);
      assertSame(dir.resolve(OutputManifestDocument.FILE),
          Json.toCanonicalBytes(OutputManifestDocument.read(
              dir.resolve(OutputManifestDocument.FILE))));
    }
    Path validated = out.resolve("runv").resolve(OutputManifestDocument.FILE);
    assertThat(OutputManifestDocument.read(validated).validation().status(), equalTo("failed"));
    assertSame(validated, DeclaredOrderJson.toBytes(OutputManifestDocument.read(validated)));
    Path metrics = out.resolve("run").resolve(MetricsDocument.FILE);
    assertSame(metrics, Json.toCanonicalBytes(MetricsDocument.read(metrics)));
    Path drag = out.resolve("run").resolve(DragRegimesDocument.FILE);
    assertSame(drag, Json.toCanonicalBytes(DragRegimesDocument.read(drag)));
    Path calibrated = out.resolve("calibrate").resolve(CalibratedParamsDocument.FILE);
    assertSame(calibrated, DeclaredOrderJson.toBytes(CalibratedParamsDocument.read(calibrated)));
    Path narrowing = out.resolve("calibrate").resolve(CalibrationNarrowingDocument.FILE);
    assertSame(narrowing, DeclaredOrderJson.toBytesWithNewline(
        CalibrationNarrowingDocument.read(narrowing)));
    Path paired = out.resolve("compare").resolve(PairedComparisonDocument.FILE);
    assertSame(paired, DeclaredOrderJson.toBytes(PairedComparisonDocument.read(paired)));
    Path sensitivity = out.resolve("sens").resolve(SensitivityDocument.FILE);
    assertSame(sensitivity, DeclaredOrderJson.toBytesWithNewline(
        SensitivityDocument.read(sensitivity)));
    Path diff = out.resolve("validate").resolve(ValidationDiffDocument.FILE);
    assertSame(diff, ValidationDiffDocument.read(diff).toBytes());
  }

  private static void assertSame(Path file, byte[] rewritten) throws IOException {
    assertThat(file.toString(), new String(rewritten, StandardCharsets.UTF_8),
        equalTo(Files.readString(file, StandardCharsets.UTF_8)));
  }

  /**
   * Every .json and .geojson under the outputs, except the copied inputs (the project's raw/
   * folder) and the stage cache (copies of the artifacts plus its own bookkeeping).
   */
  static List<Path> artifacts() throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".geojson"))
          .filter(p -> {
            String rel = out.relativize(p).toString().replace('\\', '/');
            return !rel.contains("/raw/") && !rel.startsWith("project/cache/");
          })
          .sorted().toList();
    }
  }

  /** The schema named by {@code $schema}, else by the file name; null when none ships. */
  static String schemaOf(Path file, JsonNode doc) {
    JsonNode declared = doc.path("$schema");
    String name;
    if (declared.isTextual() && declared.asText().startsWith(JsonSchemas.ID_PREFIX)) {
      name = declared.asText().substring(JsonSchemas.ID_PREFIX.length())
          .replace(".schema.json", "");
    } else {
      String base = file.getFileName().toString().replaceFirst("\\.(geo)?json$", "");
      Matcher m = VERSIONED.matcher(base);
      name = m.matches() ? m.group(1) : base;
      if (file.getParent().getFileName().toString().equals("radar_slices")) {
        name = "radar_slice";
      }
    }
    return JsonSchemas.class.getClassLoader()
        .getResource("schemas/" + name + ".schema.json") == null ? null : name;
  }

  private static void ok(Object... parts) {
    exits(0, parts);
  }

  private static void exits(int code, Object... parts) {
    List<String> args = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof String[] a) {
        args.addAll(List.of(a));
      } else {
        args.add((String) p);
      }
    }
    CliOutcome r = CliOutcome.run(args.toArray(String[]::new));
    assertThat(String.join(" ", args) + "\n" + r.err(), r.exit(), equalTo(code));
  }

  private static String pf(String name) {
    return PF.resolve(name).toString();
  }

  private static String dir(String name) {
    return out.resolve(name).toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
