package org.darkflight.pipeline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.darkflight.io.AtomicFiles;
import org.darkflight.analysis.validate.ParityGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight validate}: ParityGuard. Writes {@code validation_report.md} and
 * {@code validation_diff.json}; on a breach exits 1, marks the run manifest failed and leaves the
 * geo outputs unpublished (they stay in the run directory for inspection).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Compare results with golden events under a validation_spec.json; a breach "
        + "exits 1 and blocks publication of the geo outputs.")
public final class ValidateCommand implements DarkflightCommand {

  /** Report file name. */
  public static final String REPORT = "validation_report.md";
  /** Per-fragment diff file name. */
  public static final String DIFF = "validation_diff.json";
  /** Geo outputs that publication copies. */
  static final List<String> GEO_SUFFIXES = List.of(".geojson", ".kml", ".kmz", ".gpx");

  @Spec CommandSpec spec;

  @Option(names = "--spec", required = true, paramLabel = "FILE",
      description = "validation_spec.json")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "where the report and the diff go")
  Path out;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "a run directory: its output_manifest.json gets the verdict, and its geo "
          + "outputs are copied to DIR/published/ only when validation passes")
  Path runDir;

  @Override
  public Integer call() throws Exception {
    ParityGuard.Outcome o = new ParityGuard().validate(specFile);
    AtomicFiles.write(out.resolve(REPORT),
        ParityGuard.report(specFile, o).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(out.resolve(DIFF), ParityGuard.diffJson(o));
    if (runDir != null) {
      gate(runDir, o.passed(), out.resolve(REPORT));
    }
    PrintWriter pw = spec.commandLine().getOut();
    long breaches = o.metrics().stream().filter(ParityGuard.Metric::breached).count();
    pw.printf(Locale.ROOT, "validation %s: %d metrics, %d breached, %d unusable goldens; "
        + "report %s%n", o.passed() ? "passed" : "FAILED", o.metrics().size(), breaches,
        o.problems().size(), out.resolve(REPORT));
    pw.flush();
    return o.passed() ? 0 : DarkflightCli.EXIT_FAILURE;
  }

  /** Records the verdict in the run manifest and publishes geo outputs only on a pass. */
  static void gate(Path runDir, boolean passed, Path report) throws IOException {
    ObjectMapper om = new ObjectMapper();
    Path manifest = runDir.resolve("output_manifest.json");
    ObjectNode doc = Files.exists(manifest) ? (ObjectNode) om.readTree(manifest.toFile())
        : om.createObjectNode();
    ObjectNode v = doc.putObject("validation");
    v.put("status", passed ? "passed" : "failed");
    v.put("report", report.toAbsolutePath().toString());
    v.put("publication", passed ? "published" : "blocked");
    AtomicFiles.write(manifest, om.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
    if (!passed) {
      return;
    }
    Path pub = runDir.resolve("published");
    Files.createDirectories(pub);
    try (Stream<Path> files = Files.list(runDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && GEO_SUFFIXES.stream().anyMatch(name::endsWith)) {
          Files.copy(p, pub.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** The status recorded in a run manifest, for tests and tools. */
  static String manifestStatus(Path runDir) throws IOException {
    JsonNode doc = new ObjectMapper().readTree(runDir.resolve("output_manifest.json").toFile());
    return doc.at("/validation/status").asText();
  }
}
