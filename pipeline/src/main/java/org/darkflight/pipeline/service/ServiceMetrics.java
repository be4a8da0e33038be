package org.darkflight.pipeline.service;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Counters of the service, rendered in the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/).
 */
public final class ServiceMetrics {

  private final Map<String, AtomicLong> responses = new ConcurrentHashMap<>();
  private final AtomicLong simulations = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private final AtomicLong landed = new AtomicLong();
  private final DoubleAdder runtimeS = new DoubleAdder();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private volatile double lastRuntimeS = Double.NaN;
  private volatile double lastSamplesPerS = Double.NaN;

  /** Counts one response of {@code path} with status {@code code}. */
  public void response(String path, int code) {
    responses.computeIfAbsent(path + "\u0000" + code, k -> new AtomicLong()).incrementAndGet();
  }

  /** Counts one finished simulation. */
  public void simulation(long sampleCount, long landedCount, double seconds) {
    simulations.incrementAndGet();
    samples.addAndGet(sampleCount);
    landed.addAndGet(landedCount);
    runtimeS.add(seconds);
    lastRuntimeS = seconds;
    lastSamplesPerS = seconds > 0 ? sampleCount / seconds : Double.NaN;
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished() {
    inFlight.decrementAndGet();
  }

  void cancelled() {
    cancelled.incrementAndGet();
  }

  /** Simulations whose computation is running now (a cancelled one until it has stopped). */
  public long inFlight() {
    return inFlight.get();
  }

  /** Simulations cancelled so far (timed out, or their client went away). */
  public long cancelledTotal() {
    return cancelled.get();
  }

  /** Responses so far with this path and status. */
  public long responses(String path, int code) {
    AtomicLong n = responses.get(path + "\u0000" + code);
    return n == null ? 0 : n.get();
  }

  /**
   * The metrics as Prometheus text, with the service's current open connections and free run
   * slots.
   */
  public String prometheus(long openConnections, int freeSlots) {
    StringBuilder b = new StringBuilder();
    b.append("# HELP darkflight_http_responses_total HTTP responses by path and status.\n");
    b.append("# TYPE darkflight_http_responses_total counter\n");
    Map<String, Long> sorted = new TreeMap<>();
    responses.forEach((k, v) -> sorted.put(k, v.get()));
    sorted.forEach((k, v) -> {
      String[] pc = k.split("\u0000", 2);
      b.append("darkflight_http_responses_total{path=\"").append(pc[0]).append("\",code=\"")
          .append(pc[1]).append("\"} ").append(v).append('\n');
    });
    counter(b, "darkflight_simulations_total", "Simulations finished.", simulations.get());
    counter(b, "darkflight_samples_total", "Ensemble samples simulated.", samples.get());
    counter(b, "darkflight_samples_landed_total", "Samples that landed.", landed.get());
    b.append("# HELP darkflight_simulation_runtime_seconds_total Wall time spent simulating.\n");
    b.append("# TYPE darkflight_simulation_runtime_seconds_total counter\n");
    b.append(String.format(Locale.ROOT, "darkflight_simulation_runtime_seconds_total %.6f%n",
        runtimeS.sum()));
    counter(b, "darkflight_sample_failures_total", "Samples that failed.",
        samples.get() - landed.get());
    // The names of metrics.json (docs/operations.md), as gauges of the last simulation. The service has
    // no stage cache and runs no validation: those two are NaN (unknown), as documented.
    gauge(b, "darkflight_simulation_runtime_s", "Wall time of the last simulation, seconds.",
        lastRuntimeS);
    gauge(b, "darkflight_fragments_per_second",
        "Samples per second of the last simulation.", lastSamplesPerS);
    gauge(b, "darkflight_cache_hit_ratio",
        "Stage cache hits / stages; NaN: the service has no stage cache.", Double.NaN);
    gauge(b, "darkflight_validation_pass_rate",
        "Validations passed / run; NaN: the service runs no validation.", Double.NaN);
    b.append("# HELP darkflight_simulations_in_flight Simulations whose computation is running"
        + " now (a cancelled one counts until its computation has stopped).\n");
    b.append("# TYPE darkflight_simulations_in_flight gauge\n");
    b.append("darkflight_simulations_in_flight ").append(inFlight.get()).append('\n');
    counter(b, "darkflight_simulations_cancelled_total",
        "Simulations cancelled (timed out, or their client went away).", cancelled.get());
    b.append("# HELP darkflight_http_connections_open HTTP connections open now.\n");
    b.append("# TYPE darkflight_http_connections_open gauge\n");
    b.append("darkflight_http_connections_open ").append(openConnections).append('\n');
    b.append("# HELP darkflight_simulation_slots_free Run slots free now.\n");
    b.append("# TYPE darkflight_simulation_slots_free gauge\n");
    b.append("darkflight_simulation_slots_free ").append(freeSlots).append('\n');
    return b.toString();
  }

  private static void gauge(StringBuilder b, String name, String help, double value) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" gauge\n");
    b.append(name).append(' ').append(Double.isNaN(value) ? "NaN"
        : String.format(Locale.ROOT, "%.6f", value)).append('\n');
  }

  private static void counter(StringBuilder b, String name, String help, long value) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(" counter\n");
    b.append(name).append(' ').append(value).append('\n');
  }
}
