package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.report.ReportData;
import org.darkflight.io.report.ReportHtml;
import org.darkflight.pipeline.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight report --run DIR [--out FILE]}: writes the offline HTML report of an existing
 * run directory (docs/report.md).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes report.html, a self-contained offline HTML map report of a run "
        + "directory.",
        "It shows landing points, ellipses, heatmaps, trajectories, run summary,",
        "validation status, provenance and sensitivity tables (docs/report.md)."})
public final class ReportCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Option(names = "--run", required = true, paramLabel = "DIR",
      description = "Output directory of `darkflight run`.")
  Path run;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Report file (default: DIR/report.html).")
  Path out;

  @Option(names = "--max-points", paramLabel = "N", defaultValue = "5000",
      description = "Most landing points drawn; a deterministic representative subset beyond "
          + "(default: ${DEFAULT-VALUE}).")
  int maxPoints;

  @Override
  public Integer call() throws Exception {
    if (maxPoints < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--max-points must be >= 1, got " + maxPoints);
    }
    org.darkflight.pipeline.run.FinishedRun.require(run);
    Path target = out != null ? out : run.resolve(ReportHtml.FILE);
    ReportData data = RunReport.build(run, null, maxPoints);
    if (target.toAbsolutePath().getParent() != null) {
      Files.createDirectories(target.toAbsolutePath().getParent());
    }
    ReportHtml.write(target, data);
    PrintWriter w = spec.commandLine().getOut();
    w.printf("darkflight report: wrote %s (%d of %d landing points drawn, %d ellipses, "
        + "%d heatmaps, %d trajectories%s)%n", target, data.points().size(),
        java.util.Arrays.stream(data.pointsPerClass()).sum(), data.ellipses().size(),
        data.heatmaps().size(), data.trajectories().size(),
        data.sensitivity() != null ? ", sensitivity tables" : "");
    if (data.trajectoryNote() != null) {
      w.println("  " + data.trajectoryNote());
    }
    w.flush();
    return 0;
  }
}
