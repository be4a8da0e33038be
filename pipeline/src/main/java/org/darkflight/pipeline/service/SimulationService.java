package org.darkflight.pipeline.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.service.ServiceResponses;
import org.darkflight.pipeline.api.Darkflight;
import org.darkflight.pipeline.run.EnsembleRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Darkflight HTTP service. Each request is answered with JSON; nothing a client sends can
 * stop the service: bodies are read up to {@link ServiceLimits#maxBodyBytes()} (more: 413),
 * JSON is parsed with bounded nesting (deeper or malformed: 400), every part is validated
 * against its schema (400 naming part, pointer and reason), ensembles larger than
 * {@link ServiceLimits#maxSamples()} get 422, a request finding all
 * {@link ServiceLimits#maxConcurrent()} run slots busy gets 429 at once, and a run longer than
 * {@link ServiceLimits#timeout()} is cancelled with 504.
 */
public final class SimulationService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationService.class);

  /** Request parts: JSON field → (schema name, required). */
  private static final List<Map.Entry<String, String>> PARTS = List.of(
      Map.entry("event", "event"), Map.entry("atmos", "atmos_profile"),
      Map.entry("physics_config", "physics_config"), Map.entry("fragments", "fragments"),
      Map.entry("ensemble", "ensemble_config"));
  /** A too-large body is drained up to this many times the limit before answering 413. */
  private static final int DRAIN_FACTOR = 16;
  private static final List<String> REQUIRED = List.of("event", "atmos", "physics_config");

  private final ServiceLimits limits;
  private final HttpServer server;
  private final ExecutorService httpThreads;
  private final ExecutorService runThreads;
  private final Semaphore slots;
  private final ObjectMapper mapper;
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final byte[] openApi;

  /** A service bound to {@code address} (port 0: any free port); call {@link #start()}. */
  public SimulationService(InetSocketAddress address, ServiceLimits limits) throws IOException {
    this.limits = limits;
    this.slots = new Semaphore(limits.maxConcurrent());
    this.mapper = Json.mapper().copy();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxJsonDepth()).maxStringLength(limits.maxBodyBytes())
        .maxNumberLength(100).build());
    try (InputStream in = SimulationService.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the jar");
      }
      this.openApi = in.readAllBytes();
    }
    this.server = HttpServer.create(address, 64);
    // Enough threads to answer 429/4xx promptly while every run slot is busy.
    this.httpThreads = Executors.newFixedThreadPool(limits.maxConcurrent() + 8);
    this.runThreads = Executors.newFixedThreadPool(limits.maxConcurrent());
    server.setExecutor(httpThreads);
    server.createContext("/simulate", ex -> handle(ex, "/simulate", this::simulate));
    server.createContext("/healthz", ex -> handle(ex, "/healthz", this::healthz));
    server.createContext("/metrics", ex -> handle(ex, "/metrics", this::metricsPage));
    server.createContext("/openapi.json", ex -> handle(ex, "/openapi.json", this::openApiPage));
    server.createContext("/", ex -> handle(ex, "/", e -> reply(e, 404,
        error("not_found", "no such endpoint: " + e.getRequestURI().getPath()))));
  }

  /** Starts answering requests. */
  public void start() {
    server.start();
    LOG.info("darkflight service listening on {}", server.getAddress());
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The service's counters. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Stops the server and cancels running simulations. */
  @Override
  public void close() {
    server.stop(0);
    runThreads.shutdownNow();
    httpThreads.shutdownNow();
  }

  private interface Handler {
    Reply handle(HttpExchange ex) throws IOException;
  }

  private record Reply(int code, String contentType, byte[] body) {}

  private void handle(HttpExchange ex, String path, Handler h) {
    Reply r;
    try {
      r = h.handle(ex);
    } catch (RuntimeException | IOException e) {
      LOG.warn("request {} failed: {}", path, e.toString());
      r = reply(ex, 500, error("internal", "internal error: " + e.getClass().getSimpleName()));
    }
    try (ex) {
      ex.getResponseHeaders().set("Content-Type", r.contentType());
      ex.sendResponseHeaders(r.code(), r.body().length == 0 ? -1 : r.body().length);
      if (r.body().length > 0) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(r.body());
        }
      }
    } catch (IOException e) {
      LOG.debug("client went away: {}", e.toString());
    }
    metrics.response(path, r.code());
  }

  private Reply simulate(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().set("Allow", "POST");
      return reply(ex, 405, error("method_not_allowed", "use POST"));
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(limits.maxBodyBytes() + 1);
      if (body.length > limits.maxBodyBytes()) {
        // Drain a bounded remainder so that the client, still sending, can read the answer;
        // beyond that the connection is simply closed. read(), not skip(): the JDK's
        // fixed-length body stream inherits FilterInputStream.skip, which skips on the raw
        // socket past the end of the body and blocks for bytes that never come.
        long drain = DRAIN_FACTOR * (long) limits.maxBodyBytes();
        byte[] sink = new byte[8192];
        while (drain > 0) {
          int n = in.read(sink, 0, (int) Math.min(sink.length, drain));
          if (n < 0) {
            break;
          }
          drain -= n;
        }
        return reply(ex, 413, error("too_large", "request body larger than "
            + limits.maxBodyBytes() + " bytes"));
      }
    }
    JsonNode req;
    try {
      req = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      return reply(ex, 400, error("bad_json", "not valid JSON: " + e.getOriginalMessage()));
    }
    if (req == null || !req.isObject()) {
      return reply(ex, 400, error("bad_request", "the body must be a JSON object with "
          + "'event', 'atmos', 'physics_config' and optionally 'fragments', 'ensemble'"));
    }
    for (String name : REQUIRED) {
      if (!req.has(name)) {
        return reply(ex, 400, error("bad_request", "missing field '" + name + "'"));
      }
    }
    for (Map.Entry<String, String> part : PARTS) {
      JsonNode node = req.get(part.getKey());
      if (node == null || node.isNull()) {
        continue;
      }
      try {
        JsonSchemas.validate(node, part.getValue(), part.getKey());
      } catch (InputException e) {
        return reply(ex, 400, error("invalid_input", e.getMessage()));
      }
    }
    JsonNode samples = req.path("ensemble").path("samples");
    if (samples.canConvertToLong() && samples.asLong() > limits.maxSamples()) {
      return reply(ex, 422, error("too_many_samples", "ensemble.samples " + samples.asLong()
          + " exceeds the service limit of " + limits.maxSamples()));
    }
    if (!slots.tryAcquire()) {
      ex.getResponseHeaders().set("Retry-After", "5");
      return reply(ex, 429, error("busy", "all " + limits.maxConcurrent()
          + " simulation slots are busy; retry later"));
    }
    metrics.started();
    long t0 = System.nanoTime();
    Future<Darkflight.Result> run = null;
    try {
      run = runThreads.submit(() -> Darkflight.simulate(req.get("event"), req.get("fragments"),
          req.get("atmos"), req.get("physics_config"), req.get("ensemble")));
      Darkflight.Result result = run.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      double seconds = (System.nanoTime() - t0) / 1e9;
      metrics.simulation(result.summary().samples(), result.summary().landed(), seconds);
      return reply(ex, 200, answer(result, seconds));
    } catch (TimeoutException e) {
      run.cancel(true);
      return reply(ex, 504, error("timeout", "the simulation took longer than "
          + limits.timeout().toSeconds() + " s and was cancelled"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return reply(ex, 503, error("unavailable", "the service is shutting down"));
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof InputException ie) {
        return reply(ex, 400, error("invalid_input", ie.getMessage()));
      }
      LOG.warn("simulation failed", c);
      return reply(ex, 500, error("simulation_failed", "the simulation failed: "
          + c.getClass().getSimpleName()));
    } finally {
      metrics.finished();
      slots.release();
    }
  }

  private ServiceResponses.Simulation answer(Darkflight.Result r, double seconds)
      throws IOException {
    EnsembleRun.Summary s = r.summary();
    List<ServiceResponses.Ellipse90> ellipses = new ArrayList<>();
    for (EnsembleRun.EllipseSize e : s.ellipses90()) {
      ellipses.add(new ServiceResponses.Ellipse90(e.massClass(), e.samples(),
          e.semiMajorAxisM(), e.semiMinorAxisM(), e.orientationDeg()));
    }
    return ServiceResponses.Simulation.of(s.samples(), s.landed(), s.failed(),
        s.failureReasons(), ellipses, seconds, mapper.readTree(r.pointsGeoJson()),
        mapper.readTree(r.ellipsesGeoJson()));
  }

  private Reply healthz(HttpExchange ex) {
    return reply(ex, 200, new ServiceResponses.Health("ok", slots.availablePermits()));
  }

  private Reply metricsPage(HttpExchange ex) {
    return new Reply(200, "text/plain; version=0.0.4; charset=utf-8",
        metrics.prometheus().getBytes(StandardCharsets.UTF_8));
  }

  private Reply openApiPage(HttpExchange ex) {
    return new Reply(200, "application/json", openApi);
  }

  private ServiceResponses.Error error(String code, String message) {
    return new ServiceResponses.Error(code, message);
  }

  private Reply reply(HttpExchange ex, int code, Object body) {
    try {
      return new Reply(code, "application/json", mapper.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a reply", e);
    }
  }
}
