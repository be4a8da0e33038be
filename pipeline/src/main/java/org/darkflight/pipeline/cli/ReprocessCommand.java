package org.darkflight.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.darkflight.io.InputException;
import org.darkflight.pipeline.coord.Coordinator;
import org.darkflight.pipeline.coord.EventProcessor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight reprocess}: scheduled reprocessing (spec §16). Processes every event under
 * an events root; the stage cache makes events whose inputs, config and stage versions are
 * unchanged free. Holds {@code logs/reprocess.lock} so overlapping cron runs do not collide.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
    description = {"Re-runs every event under --events-root whose inputs, configuration or",
        "stage versions changed (unchanged stages are cache hits), and prints a summary.",
        "Safe to run from cron: a second concurrent run exits 3 without doing anything."})
public final class ReprocessCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Option(names = "--events-root", required = true, paramLabel = "DIR",
      description = "Directory of event directories, normally <project>/data/events.")
  Path eventsRoot;

  @Option(names = "--project-root", paramLabel = "DIR",
      description = "Project root; default: two levels above --events-root.")
  Path projectRoot;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Only events with a raw input or override.toml modified on or after DATE "
          + "(YYYY-MM-DD or an ISO-8601 instant).")
  String since;

  @Option(names = "--profile", paramLabel = "NAME", description = "Environment profile.")
  String profile;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Config override.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--dry-run", description = "Plan every event; run nothing.")
  boolean dryRun;

  @Mixin SharedOptions.ProducedUtc producedUtc;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(eventsRoot)) {
      throw new InputException("--events-root", eventsRoot.toString(), "not a directory");
    }
    Path root = projectRoot != null ? projectRoot
        : eventsRoot.toAbsolutePath().normalize().getParent().getParent();
    Instant sinceInstant = since == null ? null : parseSince(since);
    Instant created = producedUtc.resolve();
    PrintWriter w = spec.commandLine().getOut();
    Path logs = root.resolve("logs");
    Files.createDirectories(logs);
    Path lockFile = logs.resolve("reprocess.lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = EventProcessor.tryLock(ch, lockFile);
      } catch (EventProcessor.BusyException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage() + "; nothing done");
        return ProcessCommand.EXIT_BUSY;
      }
      try {
        return reprocess(root, sinceInstant, created, w);
      } finally {
        lock.release();
      }
    }
  }

  private int reprocess(Path root, Instant sinceInstant, Instant created, PrintWriter w)
      throws IOException {
    List<Path> events;
    try (Stream<Path> s = Files.list(eventsRoot)) {
      events = s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString()
          .startsWith(".")).sorted().toList();
    }
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%-28s %-8s %4s %4s  %s%n", "event", "result", "ran", "hits", "note"));
    int failures = 0;
    int skipped = 0;
    for (Path dir : events) {
      String id = dir.getFileName().toString();
      if (sinceInstant != null && !changedSince(dir, sinceInstant)) {
        skipped++;
        continue;
      }
      String result;
      String note = "";
      long ran = 0;
      long hits = 0;
      try (PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter())) {
        Coordinator.Result r = EventProcessor.process(dir.toAbsolutePath(),
            new EventProcessor.Options(root, profile, sets, created, dryRun, System.getenv()),
            quiet);
        ran = dryRun ? r.stages().stream().filter(s -> s.outcome() == Coordinator.Outcome.MISS)
            .count() : r.ran();
        hits = r.hits();
        result = !r.succeeded() ? "FAILED" : dryRun ? "planned" : ran == 0 ? "unchanged"
            : "updated";
        if (!r.succeeded()) {
          failures++;
          note = r.stages().stream().filter(s -> s.outcome() == Coordinator.Outcome.FAILED)
              .map(s -> s.stage().id() + " " + s.status()).findFirst().orElse("");
        }
      } catch (InputException e) {
        result = "BAD-INPUT";
        note = e.getMessage();
        failures++;
      } catch (EventProcessor.BusyException e) {
        result = "BUSY";
        note = e.getMessage();
      }
      table.append(String.format(Locale.ROOT, "%-28s %-8s %4d %4d  %s%n", id, result, ran, hits,
          note));
    }
    w.print(table);
    w.printf(Locale.ROOT, "%d events, %d failed%s%n", events.size() - skipped, failures,
        skipped > 0 ? ", " + skipped + " unchanged since " + since + " not looked at" : "");
    w.flush();
    return failures == 0 ? 0 : 1;
  }

  private Instant parseSince(String s) {
    try {
      return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--since: not a date (YYYY-MM-DD) or ISO-8601 instant: " + s);
    }
  }

  private static boolean changedSince(Path eventDir, Instant since) throws IOException {
    try (Stream<Path> s = Files.walk(eventDir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(eventDir.resolve("processed")))
          .anyMatch(p -> {
            try {
              return !Files.getLastModifiedTime(p).toInstant().isBefore(since);
            } catch (IOException e) {
              return true;
            }
          });
    }
  }
}
