package org.darkflight.pipeline.obs;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.darkflight.transforms.integrate.Integrate;

/**
 * Progress of an ensemble run: samples done / total, rate and ETA, read once a second from the
 * Beam counter {@link Integrate#SAMPLES_DONE_COUNTER}. On a terminal (a {@code System.console()})
 * one bar on stderr, rewritten in place; otherwise an INFO log record every
 * {@link #LOG_EVERY_S} seconds. Runners that report metrics only at the end (or whose
 * {@code run()} blocks) simply show the final count.
 */
public final class Progress {

  /** Seconds between progress log records when stderr is not a terminal. */
  public static final double LOG_EVERY_S = 10;
  private static final int BAR_WIDTH = 24;

  private Progress() {}

  /**
   * The progress line, e.g. {@code [##########..............]  420/1000 samples  42.0/s  ETA
   * 0:14}. Rate and ETA are {@code -} until something is done.
   *
   * @param done     samples finished
   * @param total    samples in the run ({@code > 0})
   * @param elapsedS seconds since the start
   */
  public static String line(long done, long total, double elapsedS) {
    long d = Math.max(0, Math.min(done, total));
    int filled = total <= 0 ? 0 : (int) (BAR_WIDTH * d / total);
    String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
    String rate = "-";
    String eta = "-";
    if (d > 0 && elapsedS > 0) {
      double perS = d / elapsedS;
      rate = String.format(Locale.ROOT, "%.1f/s", perS);
      eta = clock(Math.round((total - d) / perS));
    }
    int w = Long.toString(total).length();
    return String.format(Locale.ROOT, "[%s] %" + w + "d/%d samples  %s  ETA %s", bar, d, total,
        rate, eta);
  }

  /** {@code h:mm:ss} or {@code m:ss}. */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
        : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Samples done so far by the pipeline's counter (0 if the runner reports none yet). */
  static long samplesDone(PipelineResult result) {
    try {
      MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.named(Integrate.COUNTER_NAMESPACE,
              Integrate.SAMPLES_DONE_COUNTER)).build());
      long n = 0;
      for (MetricResult<Long> c : q.getCounters()) {
        Long v = c.getAttempted();
        n += v == null ? 0 : v;
      }
      return n;
    } catch (UnsupportedOperationException | IllegalStateException e) {
      return 0;
    }
  }

  /**
   * Waits for the pipeline, reporting progress on {@code err} (terminal) or in the log.
   *
   * @param tty whether {@code err} is a terminal
   * @return the final state
   */
  public static PipelineResult.State await(PipelineResult result, long total, boolean tty,
      PrintWriter err, String eventId) {
    return await(result, total, tty, err, eventId, LOG_EVERY_S);
  }

  /** As {@link #await(PipelineResult, long, boolean, PrintWriter, String)}, log interval given. */
  static PipelineResult.State await(PipelineResult result, long total, boolean tty,
      PrintWriter err, String eventId, double logEveryS) {
    long t0 = System.nanoTime();
    double lastLogS = 0;
    JsonLog log = JsonLog.of("run.progress").forEvent(eventId);
    PipelineResult.State state = result.getState();
    while (!state.isTerminal()) {
      state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(1));
      if (state == null) {
        state = result.getState();
      }
      if (state == PipelineResult.State.UNKNOWN) {
        // a runner that cannot report its state while running: wait without progress
        return result.waitUntilFinish();
      }
      double elapsedS = (System.nanoTime() - t0) / 1e9;
      long done = samplesDone(result);
      if (tty) {
        err.print("\r" + line(done, total, elapsedS));
        err.flush();
      } else if (elapsedS - lastLogS >= logEveryS && !state.isTerminal()) {
        lastLogS = elapsedS;
        log.info(line(done, total, elapsedS), Map.of("samples_done", done,
            "samples_total", total, "elapsed_s", elapsedS));
      }
    }
    if (tty) {
      err.println();
      err.flush();
    }
    return state;
  }
}
