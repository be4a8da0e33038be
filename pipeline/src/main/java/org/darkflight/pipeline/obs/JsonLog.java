package org.darkflight.pipeline.obs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The process-wide structured log of docs/operations.md: one JSON object per line with {@code timestamp}
 * (UTC ISO-8601, milliseconds), {@code level}, {@code module}, {@code event_id},
 * {@code fragment_id} (null when not known), {@code message} and {@code metrics} (an object,
 * possibly empty). Records go to the console writer (stderr of the CLI), as JSON lines or — on a
 * terminal, or with {@code --log-format=text} — as readable text, and always as JSON lines to
 * every attached file (e.g. {@code logs/<event_id>__run.jsonl} of a coordinator run).
 *
 * <p>Levels below the threshold are dropped: INFO by default, DEBUG with {@code --debug}, TRACE
 * with {@code --trace}. Thread-safe; a record is written with one call, so lines never mix.
 */
public final class JsonLog {

  /** Severity, lowest first. */
  public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }

  /** Rendering on the console. */
  public enum Format { JSON, TEXT }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Level threshold = Level.INFO;
  private static Format format = Format.JSON;
  private static PrintWriter console = new PrintWriter(System.err, true);
  private static final Map<Path, String> FILES = new LinkedHashMap<>();

  private final String module;
  private final String eventId;

  private JsonLog(String module, String eventId) {
    this.module = module;
    this.eventId = eventId;
  }

  /** A logger of {@code module} (e.g. {@code cli.run}, {@code coord}) without an event. */
  public static JsonLog of(String module) {
    return new JsonLog(module, null);
  }

  /** The same module, with {@code event_id} set on every record. */
  public JsonLog forEvent(String id) {
    return new JsonLog(module, id);
  }

  /** Sets the threshold, the console format and the console writer. */
  public static synchronized void configure(Level level, Format fmt, Writer out) {
    threshold = level;
    format = fmt;
    console = out instanceof PrintWriter pw ? pw : new PrintWriter(out, true);
  }

  /** The current threshold. */
  public static synchronized Level threshold() {
    return threshold;
  }

  /** Whether records of {@code level} are written. */
  public static synchronized boolean enabled(Level level) {
    return level.compareTo(threshold) >= 0;
  }

  /**
   * Also appends, as JSON lines, every record of event {@code eventId} (and every record with
   * no event) to {@code file} until {@link #detach}.
   */
  public static synchronized void attach(Path file, String eventId) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FILES.put(file, eventId);
  }

  /** Stops appending to {@code file}. */
  public static synchronized void detach(Path file) {
    FILES.remove(file);
  }

  /** Logs at INFO. */
  public void info(String message) {
    log(Level.INFO, null, message, Map.of());
  }

  /** Logs at INFO with metrics. */
  public void info(String message, Map<String, ?> metrics) {
    log(Level.INFO, null, message, metrics);
  }

  /** Logs at WARN. */
  public void warn(String message) {
    log(Level.WARN, null, message, Map.of());
  }

  /** Logs at DEBUG. */
  public void debug(String message, Map<String, ?> metrics) {
    log(Level.DEBUG, null, message, metrics);
  }

  /** Logs at TRACE. */
  public void trace(String message, Map<String, ?> metrics) {
    log(Level.TRACE, null, message, metrics);
  }

  /** Writes one record if {@code level} passes the threshold. */
  public void log(Level level, String fragmentId, String message, Map<String, ?> metrics) {
    if (!enabled(level)) {
      return;
    }
    String json = json(Instant.now(), level, module, eventId, fragmentId, message, metrics);
    synchronized (JsonLog.class) {
      console.println(format == Format.JSON ? json
          : text(Instant.now(), level, module, eventId, fragmentId, message, metrics));
      console.flush();
      for (Map.Entry<Path, String> e : FILES.entrySet()) {
        if (eventId != null && !eventId.equals(e.getValue())) {
          continue;
        }
        Path f = e.getKey();
        try {
          Files.writeString(f, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException ex) {
          console.println("log file " + f + " not writable: " + ex.getMessage());
        }
      }
    }
  }

  /** One record as a JSON line (no line break). */
  static String json(Instant t, Level level, String module, String eventId, String fragmentId,
      String message, Map<String, ?> metrics) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("timestamp", t.truncatedTo(ChronoUnit.MILLIS).toString());
    o.put("level", level.name());
    o.put("module", module);
    o.put("event_id", eventId);
    o.put("fragment_id", fragmentId);
    o.put("message", message);
    o.set("metrics", MAPPER.valueToTree(new LinkedHashMap<>(metrics)));
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  /** One record as readable text. */
  static String text(Instant t, Level level, String module, String eventId, String fragmentId,
      String message, Map<String, ?> metrics) {
    StringBuilder b = new StringBuilder();
    b.append(t.truncatedTo(ChronoUnit.SECONDS)).append(' ')
        .append(String.format(Locale.ROOT, "%-5s", level)).append(' ').append(module);
    if (eventId != null) {
      b.append(" [").append(eventId).append(fragmentId == null ? "" : "/" + fragmentId)
          .append(']');
    }
    b.append(' ').append(message);
    metrics.forEach((k, v) -> {
      if (v != null) {
        b.append(' ').append(k).append('=').append(textValue(v));
      }
    });
    return b.toString();
  }

  /**
   * A metric value for the text log: null entries of maps left out, floating-point figures to
   * {@value #TEXT_SIGNIFICANT_DIGITS} significant digits (the JSON log keeps every digit).
   */
  static String textValue(Object v) {
    if (v instanceof Double || v instanceof Float) {
      return round(((Number) v).doubleValue());
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, x) -> {
        if (x != null) {
          b.append(b.length() == 1 ? "" : ", ").append(k).append('=').append(textValue(x));
        }
      });
      return b.append('}').toString();
    }
    if (v instanceof java.util.Collection<?> c) {
      StringBuilder b = new StringBuilder("[");
      for (Object x : c) {
        b.append(b.length() == 1 ? "" : ", ").append(x == null ? "null" : textValue(x));
      }
      return b.append(']').toString();
    }
    return String.valueOf(v);
  }

  /** Significant digits of a floating-point figure in the text log. */
  static final int TEXT_SIGNIFICANT_DIGITS = 4;

  private static String round(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    java.math.BigDecimal r = new java.math.BigDecimal(d)
        .round(new java.math.MathContext(TEXT_SIGNIFICANT_DIGITS)).stripTrailingZeros();
    double a = Math.abs(d);
    return a >= 1e-4 && a < 1e9 ? r.toPlainString() : r.toString();
  }
}
