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
import org.darkflight.io.validate.RunResults;
import org.darkflight.io.validate.ValidationDiffDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight validate}: ParityGuard on the run directory it is given: the run's own
 * landings (strewn_field_points.geojson, metrics.json) against the goldens of the spec. Writes
 * {@code validation_report.md} and {@code validation_diff.json}; on a breach exits 1, marks the
 * run manifest failed and leaves the geo outputs unpublished (they stay in the run directory for
 * inspection).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Compares a run's landings with golden events under a validation_spec.json.",
        "Position, fall time, impact speed and final mass per fragment; a breach exits 1 and",
        "keeps the geo outputs out of published/ (docs/legacy.md).",
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

  @Option(names = "--run-dir", required = true, paramLabel = "DIR",
      description = "The run directory to validate (darkflight run --out DIR): its landings are "
          + "compared, its output_manifest.json gets the verdict, and its geo outputs are "
          + "copied to DIR/published/ only when validation passes.")
  Path runDir;

  @Override
  public Integer call() throws Exception {
    org.darkflight.pipeline.run.FinishedRun.require(runDir);
    Path out = outOption.dir();
    RunResults run = RunResults.readRunDir(runDir);
    ParityGuard.Outcome o = new ParityGuard().validate(specFile, run);
    AtomicFiles.write(out.resolve(REPORT),
        ParityGuard.report(specFile, run, o).getBytes(StandardCharsets.UTF_8));
    ParityGuard.diffDocument(o).write(out.resolve(DIFF));
    gate(runDir, o.passed(), out.resolve(REPORT));
    PrintWriter pw = spec.commandLine().getOut();
    long breaches = o.metrics().stream().filter(ParityGuard.Metric::breached).count();
    pw.printf(Locale.ROOT, "validation %s: %d metrics, %d breached, %d problems; "
        + "report %s%n", o.passed() ? "passed" : "FAILED", o.metrics().size(), breaches,
        o.problems().size(), out.resolve(REPORT));
    pw.flush();
    return o.passed() ? 0 : DarkflightCli.EXIT_FAILURE;
  }

  /**
   * Records the verdict in the run manifest and publishes geo outputs only on a pass; on a
   * failure, removes what an earlier pass published. {@code published/} is replaced whole (built
   * beside it, renamed into place); a kill at any point leaves no published copy beside a verdict
   * other than a pass: on a failure the copies go before the verdict is written, on a pass they
   * come after it.
   */
  static void gate(Path runDir, boolean passed, Path report) throws IOException {
    Path manifest = runDir.resolve(OutputManifestDocument.FILE);
    OutputManifestDocument doc = Files.exists(manifest) ? readManifest(manifest)
        : new OutputManifestDocument(null, null, null, null, null, null, null, null, null);
    org.darkflight.pipeline.run.RunStaging pub =
        org.darkflight.pipeline.run.RunStaging.begin(runDir.resolve("published"));
    if (!passed) {
      // copies an earlier pass published are not this run's verdict any more
      pub.abandon();
      pub.withdraw();
    }
    doc.withValidation(new OutputManifestDocument.Validation(passed ? "passed" : "failed",
        report.toAbsolutePath().toString(), passed ? "published" : "blocked"))
        .writeValidated(manifest);
    if (!passed) {
      return;
    }
    try {
      try (Stream<Path> files = Files.list(runDir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String name = p.getFileName().toString();
          if (Files.isRegularFile(p) && GEO_SUFFIXES.stream().anyMatch(name::endsWith)) {
            Files.copy(p, pub.dir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      pub.publish();
    } catch (IOException | RuntimeException e) {
      pub.abandon();
      throw e;
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
