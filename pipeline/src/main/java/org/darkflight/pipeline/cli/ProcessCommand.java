package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.pipeline.coord.Coordinator;
import org.darkflight.pipeline.coord.EventProcessor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight process}: runs stages S1–S10 of one event through the coordinator, with the
 * stage cache, the project layout and the layered configuration (see docs/operations.md).
 */
@Command(name = "process", mixinStandardHelpOptions = true,
    description = {"Runs the stages S1-S10 of one event with the stage cache (spec §5, §10):",
        "normalized inputs, model manifest, ensemble, strewn field, validation, provenance.",
        "Exit 0 on success, 1 if a stage failed (the manifest says which), 2 on bad input,",
        "3 if another darkflight process is working on the event."})
public final class ProcessCommand implements DarkflightCommand {

  /** Exit code when the event is locked by another process. */
  public static final int EXIT_BUSY = 3;

  @Spec CommandSpec spec;

  @Option(names = "--event-dir", required = true, paramLabel = "DIR",
      description = "The event: <project>/data/events/<event_id> (raw inputs in raw/ or in it).")
  Path eventDir;

  @Option(names = "--project-root", paramLabel = "DIR",
      description = "Project root; default: three levels above --event-dir.")
  Path projectRoot;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Environment profile (profiles/NAME.toml or built-in ci, prod); "
          + "default: $DARKFLIGHT_PROFILE.")
  String profile;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Config override, highest layer, e.g. --set ensemble.samples=24.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print the planned stages with cache hits and "
      + "misses; run and write nothing.")
  boolean dryRun;

  @Option(names = "--produced-utc", paramLabel = "INSTANT",
      description = "created_utc of the artifacts (ISO-8601); default: $SOURCE_DATE_EPOCH, "
          + "else now.")
  String producedUtc;

  @Override
  public Integer call() throws Exception {
    Path root = projectRoot != null ? projectRoot : EventProcessor.projectRootOf(eventDir);
    PrintWriter w = spec.commandLine().getOut();
    try {
      Coordinator.Result r = EventProcessor.process(eventDir, new EventProcessor.Options(root,
          profile, sets, createdUtc(spec, producedUtc), dryRun, System.getenv()), w);
      return r.succeeded() ? 0 : 1;
    } catch (EventProcessor.BusyException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return EXIT_BUSY;
    }
  }

  /** The time written into artifacts: the option, $SOURCE_DATE_EPOCH or now. */
  static Instant createdUtc(CommandSpec spec, String option) {
    if (option != null) {
      try {
        return Instant.parse(option);
      } catch (DateTimeParseException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--produced-utc: not an ISO-8601 instant: " + option);
      }
    }
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
      } catch (NumberFormatException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "SOURCE_DATE_EPOCH is not a number of seconds: " + epoch);
      }
    }
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
