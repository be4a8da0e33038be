package org.darkflight.pipeline.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.TrajectoryLine;
import org.darkflight.io.report.ReportData;
import org.darkflight.io.report.ReportHtml;
import org.darkflight.io.report.RunDirectory;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.pipeline.run.OutputManifest;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.ensemble.MassClassBins;

/**
 * {@code report.html} of a run directory. The same function serves {@code darkflight run} (inputs
 * in memory) and {@code darkflight report --run DIR} (inputs re-read from the paths in
 * {@code output_manifest.json}, used only when their SHA-256 still match), so both give the same
 * bytes for the same run.
 */
public final class RunReport {

  private RunReport() {}

  /**
   * Builds the report.
   *
   * @param inputs    the run's inputs, or null to re-read them from the manifest
   * @param maxPoints most landing points drawn
   */
  public static ReportData build(Path runDir, RunInputs inputs, int maxPoints)
      throws IOException, InputException {
    return build(runDir, inputs, null, maxPoints);
  }

  /**
   * Builds the report from the run's nominal flights when it has them (flown once by the run,
   * {@link EnsembleRun.Summary#nominal()}), else flies them.
   *
   * @param inputs    the run's inputs, or null to re-read them from the manifest
   * @param nominal   the nominal flights of {@code inputs}, or null
   * @param maxPoints most landing points drawn
   */
  public static ReportData build(Path runDir, RunInputs inputs,
      org.darkflight.analysis.ensemble.NominalFlights nominal, int maxPoints)
      throws IOException, InputException {
    RunInputs in = inputs;
    String note = null;
    if (in == null) {
      OutputManifestDocument manifest =
          OutputManifestDocument.read(requireFile(runDir.resolve(OutputManifest.FILE)));
      try {
        in = rereadInputs(manifest.run() instanceof OutputManifestDocument.EnsembleRunSummary r
            && r.inputs() != null ? r.inputs() : List.of());
      } catch (InputException | IOException e) {
        note = "Trajectories not drawn: the run's inputs could not be re-read ("
            + e.getMessage() + ").";
      }
    }
    if (in == null) {
      return RunDirectory.read(runDir, null, maxPoints).withTrajectories(List.of(), note);
    }
    MassClassBins bins = new MassClassBins(in.ensemble().massClassEdgesKg());
    List<TrajectoryLine> lines = in == inputs && nominal != null
        ? EnsembleRun.trajectories(nominal, bins) : EnsembleRun.trajectories(in, bins);
    return RunDirectory.read(runDir, bins.toMassClasses().labels(), maxPoints)
        .withTrajectories(lines, lines.isEmpty() ? "No nominal trajectory reached the ground."
            : null);
  }

  /**
   * The {@code darkflight run} hook: writes {@code report.html} into the run directory (default
   * point limit, as {@code darkflight report}) and lists it in {@code output_manifest.json}.
   */
  public static Path afterRun(Path runDir, RunInputs inputs) throws IOException, InputException {
    return afterRun(runDir, inputs, null);
  }

  /** {@link #afterRun(Path, RunInputs)} drawing the run's nominal flights (or null: fly them). */
  public static Path afterRun(Path runDir, RunInputs inputs,
      org.darkflight.analysis.ensemble.NominalFlights nominal)
      throws IOException, InputException {
    Path report = runDir.resolve(ReportHtml.FILE);
    ReportHtml.write(report, build(runDir, inputs, nominal, RunDirectory.DEFAULT_MAX_POINTS));
    register(runDir, report);
    return report;
  }

  /** Builds and writes the report to {@code target}. */
  public static void write(Path runDir, Path target, RunInputs inputs, int maxPoints)
      throws IOException, InputException {
    ReportHtml.write(target, build(runDir, inputs, maxPoints));
  }

  /**
   * Adds {@code report.html} (type {@code html}) to the artifacts of the run's
   * {@code output_manifest.json}, replacing an earlier entry; canonical JSON as before.
   */
  public static void register(Path runDir, Path report) throws IOException {
    register(runDir, report, "html");
  }

  /**
   * Adds {@code artifact} (a file inside {@code runDir}, of the manifest's artifact
   * {@code type}) with its SHA-256 and size to the artifacts of the run's
   * {@code output_manifest.json}, replacing an earlier entry of the same path.
   */
  public static void register(Path runDir, Path artifact, String type) throws IOException {
    Path file = runDir.resolve(OutputManifest.FILE);
    OutputManifestDocument manifest;
    try {
      manifest = OutputManifestDocument.read(file);
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
    String rel = runDir.relativize(artifact).toString();
    List<OutputManifestDocument.Artifact> artifacts = new ArrayList<>();
    for (OutputManifestDocument.Artifact a : manifest.artifacts() == null ? List
        .<OutputManifestDocument.Artifact>of() : manifest.artifacts()) {
      if (!rel.equals(a.path())) {
        artifacts.add(a);
      }
    }
    artifacts.add(new OutputManifestDocument.Artifact(rel, RunInputs.sha256(artifact), type,
        Files.size(artifact)));
    manifest.withArtifacts(artifacts).write(file);
  }

  /** The run's inputs from the manifest's {@code run.inputs}, each checked against its hash. */
  public static RunInputs rereadInputs(List<OutputManifestDocument.RoleInput> inputs)
      throws IOException, InputException {
    Map<String, Path> byRole = new HashMap<>();
    for (OutputManifestDocument.RoleInput i : inputs) {
      Path p = Path.of(i.path() == null ? "" : i.path());
      if (!Files.isRegularFile(p)) {
        throw new InputException(p, "(file)", "input '" + (i.role() == null ? "" : i.role())
            + "' not found");
      }
      if (!RunInputs.sha256(p).equals(i.sha256())) {
        throw new InputException(p, "(file)", "changed since the run (SHA-256 differs)");
      }
      byRole.put(i.role(), p);
    }
    for (String role : List.of("event", "atmos", "config")) {
      if (!byRole.containsKey(role)) {
        throw new InputException(OutputManifest.FILE, "run.inputs", "no '" + role + "' input");
      }
    }
    return RunInputs.read(byRole.get("event"), byRole.get("atmos"), byRole.get("config"),
        byRole.get("fragments"), byRole.get("ensemble"));
  }

  private static Path requireFile(Path p) throws InputException {
    if (!Files.isRegularFile(p)) {
      throw new InputException(p, "(file)", "missing: not a run output directory?");
    }
    return p;
  }
}
