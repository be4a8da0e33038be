package org.darkflight.pipeline.coord;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.pipeline.config.LayeredConfig;
import org.darkflight.pipeline.obs.JsonLog;
import org.darkflight.pipeline.obs.RunMetrics;

/**
 * Processes one event directory: resolves the layered configuration, logs it with the diff of
 * every override, takes the event's lock and runs (or plans) the {@link Coordinator}.
 */
public final class EventProcessor {

  /** Options shared by {@code process} and {@code reprocess}. */
  public record Options(Path projectRoot, String profile, List<String> sets, Instant createdUtc,
      boolean dryRun, Map<String, String> env) {}

  /** Thrown when another process holds the lock. */
  public static final class BusyException extends IOException {
    private static final long serialVersionUID = 1L;

    BusyException(Path lock) {
      super("another darkflight process holds " + lock);
    }
  }

  private EventProcessor() {}

  /**
   * The project root of an event directory {@code <root>/data/events/<id>}.
   *
   * @throws InputException if the directory is not at that place in a layout
   */
  public static Path projectRootOf(Path eventDir) throws InputException {
    Path abs = eventDir.toAbsolutePath().normalize();
    Path events = abs.getParent();
    if (events != null && events.getFileName() != null
        && events.getFileName().toString().equals("events") && events.getParent() != null
        && events.getParent().getFileName() != null
        && events.getParent().getFileName().toString().equals("data")
        && events.getParent().getParent() != null) {
      return events.getParent().getParent();
    }
    throw new InputException("--event-dir", eventDir.toString(),
        "not <project>/data/events/<event_id>; give --project-root");
  }

  /**
   * Processes the event whose raw inputs are in {@code eventDir} (or {@code eventDir/raw}).
   * Its id is the directory's name.
   */
  public static Coordinator.Result process(Path eventDir, Options o, PrintWriter out)
      throws IOException, InputException {
    String id = eventDir.toAbsolutePath().normalize().getFileName().toString();
    ProjectLayout layout;
    try {
      layout = new ProjectLayout(o.projectRoot(), id);
    } catch (IllegalArgumentException e) {
      throw new InputException(eventDir, "", e.getMessage());
    }
    if (!layout.eventDir().equals(eventDir.toAbsolutePath().normalize())) {
      throw new InputException(eventDir, "", "the event directory must be "
          + layout.eventDir() + " in the project layout");
    }
    LayeredConfig config = LayeredConfig.resolve(o.profile(), layout.root(), layout.eventDir(),
        o.sets(), o.env());
    StageBodies.checkBeforeRun(layout, config);
    Coordinator c = new Coordinator(layout, config, o.createdUtc());
    if (o.dryRun()) {
      List<Coordinator.StageResult> plan = c.plan();
      out.printf(Locale.ROOT, "darkflight process --dry-run: %s (nothing is run or written)%n",
          id);
      out.print(Coordinator.table(plan));
      out.flush();
      return new Coordinator.Result(id, plan, true, null);
    }
    Files.createDirectories(layout.logsDir());
    Path lockFile = layout.logsDir().resolve(id + ".lock");
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(ch, lockFile);
      try {
        return locked(layout, config, c, out);
      } finally {
        lock.release();
      }
    }
  }

  private static Coordinator.Result locked(ProjectLayout layout, LayeredConfig config,
      Coordinator c, PrintWriter out) throws IOException, InputException {
    String id = layout.eventId();
    Path jsonl = layout.logsDir().resolve(id + "__run.jsonl");
    JsonLog jlog = JsonLog.of("coord").forEvent(id);
    JsonLog.attach(jsonl, id);
    try {
      long t0 = System.nanoTime();
      log(layout, config, "start");
      jlog.info("processing event", Map.of("stages", c.order().size()));
      c.sweepKilledRunLeftovers();
      Coordinator.Result r = c.run();
      Map<String, Double> seconds = c.stageSeconds();
      for (Coordinator.StageResult s : r.stages()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", s.stage().id());
        m.put("outcome", s.outcome().name().toLowerCase(Locale.ROOT));
        m.put("duration_s", seconds.getOrDefault(s.stage().name(), 0.0));
        jlog.log(s.outcome() == Coordinator.Outcome.FAILED ? JsonLog.Level.ERROR
            : JsonLog.Level.INFO, null, "stage " + s.stage().name() + ": " + s.status(), m);
      }
      RunMetrics metrics = BatchMetrics.forCoordinator("process", layout, r, seconds,
          (System.nanoTime() - t0) / 1e9);
      metrics.write(metricsFile(layout));
      jlog.info(r.succeeded() ? "event processed" : "event processing failed",
          BatchMetrics.headline(metrics));
      out.printf(Locale.ROOT, "darkflight process: %s — %d stages ran, %d cache hits%s%n", id,
          r.ran(), r.hits(), r.succeeded() ? "" : ", FAILED");
      out.print(Coordinator.table(r.stages()));
      List<String> notes = manifestNotes(r.outputManifest());
      for (String note : notes) {
        out.println("  " + note);
      }
      out.println("  manifest: " + r.outputManifest());
      out.flush();
      StringBuilder sb = new StringBuilder();
      r.stages().forEach(s -> sb.append("\n  ").append(s.stage().id()).append(' ')
          .append(s.outcome()).append(' ').append(s.status()));
      notes.forEach(n -> sb.append("\n  ").append(n));
      log(layout, config, "end" + sb);
      return r;
    } finally {
      JsonLog.detach(jsonl);
    }
  }

  /**
   * What the console must show from the output manifest: the warnings of the input checks (e.g.
   * the USSA76 fill at the luminous end), the fragments' derivation when the event has no
   * fragments.json, and the validation verdict published with the geo artifacts.
   */
  static List<String> manifestNotes(Path manifest) throws IOException {
    if (manifest == null || !Files.isRegularFile(manifest)) {
      return List.of();
    }
    com.fasterxml.jackson.databind.JsonNode run = Json.mapper()
        .readTree(Files.readAllBytes(manifest)).path("run");
    List<String> notes = new java.util.ArrayList<>();
    run.path("input_warnings").forEach(w -> notes.add("warning: " + w.asText()));
    if (run.path("fragments_derived").isTextual()) {
      notes.add("note: " + run.path("fragments_derived").asText());
    }
    if (run.path("validation_status").isTextual()) {
      notes.add("validation: " + run.path("validation_status").asText());
    }
    return notes;
  }

  /** {@code logs/<event_id>__metrics.json}: the metrics of the last process run. */
  public static Path metricsFile(ProjectLayout layout) {
    return layout.logsDir().resolve(layout.eventId() + "__metrics.json");
  }

  /** Takes the lock or throws {@link BusyException}. */
  public static FileLock tryLock(FileChannel ch, Path file) throws IOException {
    try {
      FileLock l = ch.tryLock();
      if (l == null) {
        throw new BusyException(file);
      }
      return l;
    } catch (OverlappingFileLockException e) {
      throw new BusyException(file);
    }
  }

  /** Appends the resolved config and the override diff to {@code logs/<id>.log}. */
  private static void log(ProjectLayout layout, LayeredConfig config, String what)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(' ').append(layout.eventId())
        .append(' ').append(what).append('\n');
    if (what.equals("start")) {
      sb.append("  resolved config: ").append(Json.toCanonicalString(config.resolved())
          .replace("\n", "\n  ")).append('\n');
      sb.append("  overrides (layer: key = value, was):\n");
      for (LayeredConfig.Change ch : config.overrides()) {
        sb.append("    ").append(ch.layer().name().toLowerCase(Locale.ROOT)).append(" (")
            .append(ch.source()).append("): ").append(ch.key()).append(" = ").append(ch.value())
            .append(", was ").append(ch.previous() == null ? "unset" : ch.previous() + " ("
                + ch.previousLayer().name().toLowerCase(Locale.ROOT) + ")")
            .append('\n');
      }
    }
    Files.writeString(layout.logsDir().resolve(layout.eventId() + ".log"), sb.toString(),
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
