package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.report.ReportHtml;
import org.darkflight.io.report.RunDirectory;
import org.darkflight.pipeline.report.RunReport;
import org.darkflight.pipeline.searchplan.SearchPlanStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight search-plan --run DIR}: the search plan of an existing run directory, the
 * same as {@code darkflight run} writes at its end (docs/outputs.md).
 */
@Command(name = "search-plan", mixinStandardHelpOptions = true,
    description = {"Writes the search plan of a run directory: search areas, walking transects "
        + "and waypoints.",
        "Files: search_areas.geojson (per mass",
        "class the smallest areas holding 50 %% and 90 %% of the landings, with area, transect",
        "length and walking time), search_plan.gpx (waypoints and walking transects for a",
        "handheld GPS), and a \"Search Areas\" folder in strewn_field.kml/.kmz; re-hashes",
        "them in output_manifest.json and redraws report.html if the run has one."})
public final class SearchPlanCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Option(names = "--run", required = true, paramLabel = "DIR",
      description = "Output directory of `darkflight run`.")
  Path run;

  @Mixin SearchPlanOptions searchPlan;

  @Option(names = "--no-report",
      description = "Do not redraw the run's report.html (it then lacks the search plan).")
  boolean noReport;

  @Override
  public Integer call() throws Exception {
    var options = searchPlan.options(spec);
    org.darkflight.pipeline.run.FinishedRun.require(run);
    SearchPlanStep.Result r = SearchPlanStep.run(run, null, options);
    PrintWriter w = spec.commandLine().getOut();
    w.println("darkflight search-plan: " + r.plan().run().eventId());
    SearchPlanStep.print(w, r);
    Path report = run.resolve(ReportHtml.FILE);
    if (!noReport && Files.isRegularFile(report)) {
      RunReport.write(run, report, null, RunDirectory.DEFAULT_MAX_POINTS);
      RunReport.register(run, report);
      w.println("  redrew " + report);
    }
    w.flush();
    return 0;
  }
}
