package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.darkflight.io.InputException;
import org.darkflight.io.imports.DfnImport;
import org.darkflight.io.imports.ImportedInputs;
import org.darkflight.io.workbook.UtmZone;
import org.darkflight.io.workbook.V42Import;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight import workbook|dfn}: writes Darkflight's canonical inputs from files users
 * already have (docs/inputs.md, "Importing").
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Writes Darkflight inputs from a Fries v.42 workbook or a Desert Fireball "
        + "Network DarkFlight event.",
        "See docs/inputs.md (Importing) for what each field becomes."},
    subcommands = {ImportCommand.Workbook.class, ImportCommand.Dfn.class})
public final class ImportCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  /** {@code darkflight import} without a source: its usage on stderr, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().println("error: name what to import: workbook or dfn");
    spec.commandLine().getErr().flush();
    return DarkflightCli.EXIT_BAD_INPUT;
  }

  static void print(PrintWriter w, ImportedInputs in, List<Path> written) {
    for (String n : in.notes()) {
      w.println("  " + n);
    }
    w.println("  wrote:");
    for (Path p : written) {
      w.println("    " + p);
    }
    w.flush();
  }

  /** {@code darkflight import workbook BOOK.xlsx --utm-zone Z --date D --out DIR}. */
  @Command(name = "workbook", mixinStandardHelpOptions = true,
      description = {"Writes event.json, fragments.json, atmos_profile.json and "
          + "physics_config.json from a JÖRMUNGANDR v.42 workbook.",
          "Luminous end and fragment from 'particle parameters', the profile from 'RAOB Used",
          "for Calcs', the ground height from 'Timing Altitude'!J5 (docs/legacy.md)."})
  public static final class Workbook implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BOOK.xlsx", description = "The workbook.")
    Path workbook;

    @Option(names = "--utm-zone", paramLabel = "ZONE",
        description = "UTM zone of the workbook's easting/northing, e.g. 16N (no default: "
            + "give this or --near).")
    String utmZone;

    @Option(names = "--near", paramLabel = "LAT,LON", split = ",",
        description = "A point near the event (degrees) to infer the UTM zone from (default: "
            + "none; --utm-zone wins).")
    double[] near;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
        description = "UTC date of the fall; the time of day comes from 'Timing Altitude'!O2:Q2 "
            + "(no default: the workbook stores no date; give this or --time-utc).")
    String date;

    @Option(names = "--time-utc", paramLabel = "INSTANT",
        description = "Time of the luminous end, ISO-8601 (default: --date with the workbook's "
            + "'Fireball End' time).")
    String timeUtc;

    @Option(names = "--event-id", paramLabel = "ID",
        description = "Event identifier (default: the workbook's file name).")
    String eventId;

    @Mixin SharedOptions.RequiredOut out;

    @Override
    public Integer call() throws Exception {
      UtmZone zone = zone(utmZone, near);
      LocalDate d = null;
      Instant t = null;
      try {
        if (date != null) {
          d = LocalDate.parse(date);
        }
      } catch (DateTimeParseException e) {
        throw new InputException("command line", "--date", "not a date YYYY-MM-DD: " + date);
      }
      try {
        if (timeUtc != null) {
          t = Instant.parse(timeUtc);
        }
      } catch (DateTimeParseException e) {
        throw new InputException("command line", "--time-utc", "not an ISO-8601 instant: "
            + timeUtc);
      }
      ImportedInputs in = V42Import.read(workbook, zone, d, t, eventId);
      List<Path> written = in.write(out.dir());
      PrintWriter w = spec.commandLine().getOut();
      w.println("darkflight import workbook: " + in.event().eventId() + " from " + workbook);
      print(w, in, written);
      return 0;
    }
  }

  /** {@code darkflight import dfn EVENT.cfg [--wind PROFILE.csv] --out DIR}. */
  @Command(name = "dfn", mixinStandardHelpOptions = true,
      description = {"Writes event.json, fragments.json, ensemble_config.json, atmos_profile.json "
          + "and physics_config.json from a Desert Fireball Network DarkFlight event.",
          "Reads the .cfg and its wind profile CSV as DFN_darkflight does (github.com/",
          "desertfireballnetwork/DFN_darkflight, MIT): zenangle becomes elevation_deg = 90 -",
          "zenangle, the 1-sigma keys the ensemble's distributions (docs/import.md)."})
  public static final class Dfn implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EVENT.cfg", description = "The DFN event file.")
    Path cfg;

    @Option(names = "--wind", paramLabel = "PROFILE.csv",
        description = "Wind profile CSV: # Height, TempK, Press, RHum, Wind, WDir (default: the "
            + "cfg's [gnd] atmosprofile, relative to the cfg).")
    Path wind;

    @Option(names = "--shape", paramLabel = "s|c|b|FACTOR", defaultValue = "s",
        description = "Shape as DFN's -s: s sphere 1.21, c cylinder 1.60, b brick 2.7, or a "
            + "shape factor (default: ${DEFAULT-VALUE}).")
    String shape;

    @Option(names = "--cd", paramLabel = "CD", defaultValue = "0.92",
        description = "Drag coefficient written into fragments.json; only drag_model "
            + "simple_constant uses it as is (default: ${DEFAULT-VALUE}).")
    double cd;

    @Option(names = "--ground-m", paramLabel = "METRES",
        description = "Ground height, m (default: the cfg's [gnd] gndlvl, else 0 as DFN's -g).")
    Double groundM;

    @Option(names = "--samples", paramLabel = "N",
        description = "Ensemble samples (default: the cfg's [montecarlo] no_runs, else "
            + DfnImport.DEFAULT_SAMPLES + ").")
    Integer samples;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
        description = "Ensemble random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin SharedOptions.RequiredOut out;

    @Override
    public Integer call() throws Exception {
      double shapeFactor;
      if (DfnImport.SHAPES.containsKey(shape)) {
        shapeFactor = DfnImport.SHAPES.get(shape);
      } else {
        try {
          shapeFactor = Double.parseDouble(shape);
        } catch (NumberFormatException e) {
          throw new InputException("command line", "--shape", "expected s, c, b or a number, "
              + "got '" + shape + "'");
        }
      }
      if (samples != null && samples < 1) {
        throw new InputException("command line", "--samples", "must be at least 1, got "
            + samples);
      }
      ImportedInputs in = DfnImport.read(new DfnImport.Options(cfg, wind, shapeFactor, cd,
          groundM, samples, seed));
      List<Path> written = in.write(out.dir());
      PrintWriter w = spec.commandLine().getOut();
      w.println("darkflight import dfn: " + in.event().eventId() + " from " + cfg);
      print(w, in, written);
      return 0;
    }
  }

  /** The UTM zone from --utm-zone or --near. */
  static UtmZone zone(String utmZone, double[] near) throws InputException {
    if (utmZone != null) {
      try {
        return UtmZone.parse(utmZone);
      } catch (IllegalArgumentException e) {
        throw new InputException("command line", "--utm-zone", e.getMessage());
      }
    }
    if (near != null && near.length == 2) {
      return UtmZone.containing(near[0], near[1]);
    }
    throw new InputException("command line", "--utm-zone", "the workbook stores UTM metres "
        + "without a zone: give --utm-zone (e.g. 16N) or --near LAT,LON");
  }
}
