package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.pipeline.coord.Coordinator;
import org.darkflight.pipeline.coord.EventProcessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin SharedOptions.ProducedUtc producedUtc;

  @Override
  public Integer call() throws Exception {
    Path root = projectRoot != null ? projectRoot : EventProcessor.projectRootOf(eventDir);
    PrintWriter w = spec.commandLine().getOut();
    try {
      Coordinator.Result r = EventProcessor.process(eventDir, new EventProcessor.Options(root,
          profile, sets, producedUtc.resolve(), dryRun, System.getenv()), w);
      return r.succeeded() ? 0 : 1;
    } catch (EventProcessor.BusyException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return EXIT_BUSY;
    }
  }
}
