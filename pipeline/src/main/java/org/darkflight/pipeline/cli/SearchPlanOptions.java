package org.darkflight.pipeline.cli;

import java.util.Locale;
import org.darkflight.analysis.searchplan.LandingDensity;
import org.darkflight.analysis.searchplan.SearchPlanner;
import org.darkflight.io.searchplan.SearchPlan;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The search-plan options shared by {@code darkflight run} and {@code darkflight search-plan}
 * (a picocli mixin); the method behind them is in docs/outputs.md.
 */
public final class SearchPlanOptions {

  @Option(names = "--transect-spacing-m", paramLabel = "METRES",
      defaultValue = "" + SearchPlanner.Options.DEFAULT_SPACING_M,
      description = "Search plan: distance between walking transects, m (default: "
          + "${DEFAULT-VALUE}).")
  double transectSpacingM;

  @Option(names = "--transect-orientation", paramLabel = "across|along", defaultValue = "across",
      description = "Search plan: transects across (perpendicular to) or along the strewn "
          + "field's major axis (default: ${DEFAULT-VALUE}).")
  String transectOrientation;

  @Option(names = "--walking-speed-kmh", paramLabel = "KMH",
      defaultValue = "" + SearchPlanner.Options.DEFAULT_SPEED_KMH,
      description = "Search plan: a searcher's speed on a transect, for the walking times, km/h "
          + "(default: ${DEFAULT-VALUE}).")
  double walkingSpeedKmh;

  @Option(names = "--search-bandwidth-m", paramLabel = "METRES",
      description = "Search plan: kernel bandwidth of the landing density, m (default: per mass "
          + "class, minor-axis spread × n^(-1/6), at least 5 m).")
  Double bandwidthM;

  @Option(names = "--search-grid-cell-m", paramLabel = "METRES",
      description = "Search plan: density grid cell, m (default: the bandwidth / 3).")
  Double gridCellM;

  @Option(names = "--search-grid-max-cells", paramLabel = "N",
      defaultValue = "" + LandingDensity.DEFAULT_MAX_CELLS_PER_AXIS,
      description = "Search plan: most grid cells along an axis; the cell grows beyond "
          + "(default: ${DEFAULT-VALUE}).")
  int gridMaxCells;

  @Option(names = "--search-min-landings", paramLabel = "N",
      defaultValue = "" + SearchPlanner.Options.DEFAULT_MIN_LANDINGS,
      description = "Search plan: fewest landings of a mass class that gets search areas "
          + "(default: ${DEFAULT-VALUE}).")
  int minLandings;

  /** The planner's options; a bad value is a usage error naming the option. */
  public SearchPlanner.Options options(CommandSpec spec) {
    SearchPlan.Orientation orientation = switch (transectOrientation.toLowerCase(Locale.ROOT)) {
      case "across" -> SearchPlan.Orientation.ACROSS;
      case "along" -> SearchPlan.Orientation.ALONG;
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "--transect-orientation: expected across or along, got " + transectOrientation);
    };
    check(spec, "--transect-spacing-m", transectSpacingM);
    check(spec, "--walking-speed-kmh", walkingSpeedKmh);
    if (bandwidthM != null) {
      check(spec, "--search-bandwidth-m", bandwidthM);
    }
    if (gridCellM != null) {
      check(spec, "--search-grid-cell-m", gridCellM);
    }
    if (gridMaxCells < 16 || gridMaxCells > 8192) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--search-grid-max-cells must be in [16, 8192], got " + gridMaxCells);
    }
    if (minLandings < 3) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--search-min-landings must be >= 3, got " + minLandings);
    }
    return new SearchPlanner.Options(transectSpacingM, orientation, walkingSpeedKmh,
        bandwidthM == null ? Double.NaN : bandwidthM, gridCellM == null ? Double.NaN : gridCellM,
        gridMaxCells, minLandings);
  }

  private static void check(CommandSpec spec, String option, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          option + " must be > 0, got " + v);
    }
  }
}
