package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.workbook.FormulaGraph;
import org.darkflight.io.workbook.FormulaGraphExtractor;
import org.darkflight.io.workbook.FormulaGraphWriter;
import org.darkflight.io.workbook.FormulaPolicy;
import org.darkflight.io.workbook.SegmentRule;
import org.darkflight.io.workbook.UtmZone;
import org.darkflight.io.workbook.V42RunDocument;
import org.darkflight.io.workbook.V42WorkbookReader;
import org.darkflight.io.workbook.WorkbookLimits;
import org.darkflight.physics.legacy.FriesV42;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.FriesV42Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight workbook extract|run}: the FormulaGraph of a legacy workbook, and the
 * JÖRMUNGANDR v.42 method run on a workbook's own inputs.
 */
@Command(name = "workbook", mixinStandardHelpOptions = true,
    description = "Legacy Excel workbooks: extract the formula graph, or run the v.42 method on "
        + "a workbook's inputs.",
    subcommands = {WorkbookCommand.Extract.class, WorkbookCommand.Run.class})
public final class WorkbookCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code darkflight workbook extract BOOK.xlsx --out DIR}. */
  @Command(name = "extract", mixinStandardHelpOptions = true,
      description = "Write formula_graph.json and graph_issues.md for a workbook. Formulas "
          + "outside the allowlist are refused (exit 2), never evaluated.")
  public static final class Extract implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BOOK.xlsx", description = "the workbook")
    Path workbook;

    @Mixin SharedOptions.RequiredOut outOption;

    @Option(names = "--segment-rules", paramLabel = "FILE",
        description = "JSON array of {segment, sheet, header} tagging rules (regexes) "
            + "replacing the defaults")
    Path segmentRules;

    @Override
    public Integer call() throws Exception {
      Path out = outOption.dir();
      List<SegmentRule> rules = SegmentRule.defaults();
      if (segmentRules != null) {
        try {
          rules = List.of(Json.mapper().readValue(segmentRules.toFile(), SegmentRule[].class));
        } catch (Exception e) {
          throw new InputException(segmentRules, "", "invalid segment rules: "
              + e.getMessage(), e);
        }
      }
      FormulaGraph g = new FormulaGraphExtractor(WorkbookLimits.defaults(), new FormulaPolicy(),
          rules).extract(workbook);
      FormulaGraphWriter.write(g, out, "darkflight workbook extract");
      PrintWriter pw = spec.commandLine().getOut();
      pw.printf(Locale.ROOT, "%d formula cells in %d sheets, %d dependencies, %d cycles, "
          + "%d folded constants; %d ms%n", g.formulaCells(), g.sheets().size(), g.edges(),
          g.cycles().size(), g.foldedConstants(), g.extractionMillis());
      pw.println("wrote " + out.resolve(FormulaGraphWriter.GRAPH_FILE) + " and "
          + out.resolve(FormulaGraphWriter.ISSUES_FILE));
      pw.flush();
      return 0;
    }
  }

  /** {@code darkflight workbook run BOOK.xlsx}. */
  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Read a JÖRMUNGANDR v.42 workbook's inputs and its 'RAOB Used for Calcs' "
          + "profile, run the Java fries_v42 method and report the landing point in UTM and "
          + "WGS84.")
  public static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BOOK.xlsx", description = "the workbook")
    Path workbook;

    @Option(names = "--utm-zone", paramLabel = "ZONE",
        description = "UTM zone of the workbook's easting/northing, e.g. 16N")
    String utmZone;

    @Option(names = "--near", paramLabel = "LAT,LON", split = ",",
        description = "a point near the event (degrees) to infer the UTM zone from")
    double[] near;

    @Option(names = "--mass-g", paramLabel = "G",
        description = "override the workbook's mass, g")
    Double massG;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result as JSON")
    Path json;

    @Override
    public Integer call() throws Exception {
      UtmZone zone;
      if (utmZone != null) {
        try {
          zone = UtmZone.parse(utmZone);
        } catch (IllegalArgumentException e) {
          throw new InputException("--utm-zone", "", e.getMessage());
        }
      } else if (near != null && near.length == 2) {
        zone = UtmZone.containing(near[0], near[1]);
      } else {
        throw new InputException("command line", "--utm-zone",
            "the workbook stores UTM metres without a zone: give --utm-zone (e.g. 16N) or "
                + "--near LAT,LON");
      }
      FriesV42Inputs in = new V42WorkbookReader().read(workbook);
      if (massG != null) {
        try {
          in = in.withMassG(massG);
        } catch (IllegalArgumentException e) {
          throw new InputException("command line", "--mass-g", e.getMessage());
        }
      }
      FriesV42Result r;
      try {
        r = new FriesV42().run(in);
      } catch (IllegalArgumentException e) {
        throw new InputException(workbook, "'particle parameters'", e.getMessage(), e);
      }
      V42RunDocument doc = V42RunDocument.of(workbook.getFileName().toString(),
          FormulaGraphExtractor.sha256(workbook), in, zone, r);
      V42RunDocument.Point start = doc.start();
      V42RunDocument.Point end = doc.landing();
      PrintWriter pw = spec.commandLine().getOut();
      pw.printf(Locale.ROOT, "fries_v42, mass %.6g g, UTM zone %s%n", in.massG(), zone);
      pw.printf(Locale.ROOT, "start   E %.3f N %.3f  (lat %.6f, lon %.6f)%n",
          start.eastingM(), start.northingM(), start.lat(), start.lon());
      pw.printf(Locale.ROOT, "landing E %.3f N %.3f  (lat %.6f, lon %.6f)%n",
          end.eastingM(), end.northingM(), end.lat(), end.lon());
      pw.printf(Locale.ROOT, "displacement E %.6f m, N %.6f m; fall time in window %.9f s; "
          + "max Vz %.3f m/s%n", r.displacementEastM(), r.displacementNorthM(), r.fallTimeS(),
          r.maxFallSpeedMps());
      pw.flush();
      if (json != null) {
        doc.write(json);
      }
      return 0;
    }
  }
}
