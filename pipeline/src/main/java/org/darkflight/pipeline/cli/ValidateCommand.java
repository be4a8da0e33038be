package org.darkflight.pipeline.cli;

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
import org.darkflight.io.InputException;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.validate.ValidationDiffDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight validate}: ParityGuard. Writes {@code validation_report.md} and
 * {@code validation_diff.json}; on a breach exits 1, marks the run manifest failed and leaves the
 * geo outputs unpublished (they stay in the run directory for inspection).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Compare results with golden events under a validation_spec.json; a breach "
        + "exits 1 and blocks publication of the geo outputs.",
        "The report and the diff go to --out."})
public final class ValidateCommand implements DarkflightCommand {

  /** Report file name. */
  public static final String REPORT = "validation_report.md";
  /** Per-fragment diff file name. */
  public static final String DIFF = ValidationDiffDocument.FILE;
  /** Geo outputs that publication copies. */
  static final List<String> GEO_SUFFIXES = List.of(".geojson", ".kml", ".kmz", ".gpx");

  @Spec CommandSpec spec;

  @Option(names = "--spec", required = true, paramLabel = "FILE",
      description = "validation_spec.json")
  Path specFile;

  @Mixin SharedOptions.RequiredOut outOption;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "a run directory: its output_manifest.json gets the verdict, and its geo "
          + "outputs are copied to DIR/published/ only when validation passes")
  Path runDir;

  @Override
  public Integer call() throws Exception {
    Path out = outOption.dir();
    ParityGuard.Outcome o = new ParityGuard().validate(specFile);
    AtomicFiles.write(out.resolve(REPORT),
        ParityGuard.report(specFile, o).getBytes(StandardCharsets.UTF_8));
    ParityGuard.diffDocument(o).write(out.resolve(DIFF));
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
    Path manifest = runDir.resolve(OutputManifestDocument.FILE);
    OutputManifestDocument doc = Files.exists(manifest) ? readManifest(manifest)
        : new OutputManifestDocument(null, null, null, null, null, null, null, null);
    doc.withValidation(new OutputManifestDocument.Validation(passed ? "passed" : "failed",
        report.toAbsolutePath().toString(), passed ? "published" : "blocked"))
        .writeValidated(manifest);
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

  /** The status recorded in a run manifest, for tests and tools ("" before validation). */
  static String manifestStatus(Path runDir) throws IOException {
    OutputManifestDocument doc = readManifest(runDir.resolve(OutputManifestDocument.FILE));
    return doc.validation() == null ? "" : doc.validation().status();
  }

  private static OutputManifestDocument readManifest(Path file) throws IOException {
    try {
      return OutputManifestDocument.read(file);
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
