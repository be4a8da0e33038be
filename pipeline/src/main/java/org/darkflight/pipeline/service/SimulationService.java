package org.darkflight.pipeline.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.darkflight.analysis.ensemble.RunCancellation;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.service.ServiceResponses;
import org.darkflight.pipeline.api.Darkflight;
import org.darkflight.pipeline.run.EnsembleRun;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Darkflight HTTP service, on Jetty 12 (core API, no servlets). Each request is answered
 * with JSON; nothing a client sends can stop the service or starve {@code /healthz}:
 *
 * <ul>
 *   <li>requests are parsed without holding a thread (non-blocking I/O): a client that trickles
 *       its headers or body, or stops half-way, occupies a connection, not a worker; a connection
 *       idle for {@link ServiceLimits#idleTimeout()} is closed, a body slower than
 *       {@link ServiceLimits#minBodyBytesPerS()} is abandoned, and at most
 *       {@link ServiceLimits#maxConnections()} connections are open at once;</li>
 *   <li>bodies are read up to {@link ServiceLimits#maxBodyBytes()} (more: 413), JSON is parsed
 *       with bounded nesting (deeper or malformed: 400), every part is validated against its
 *       schema (400 naming part, pointer and reason), ensembles larger than
 *       {@link ServiceLimits#maxSamples()} get 422, so does a run whose share of failed samples
 *       exceeds the maximum failure share ({@code too_many_failures});</li>
 *   <li>a request finding all {@link ServiceLimits#maxConcurrent()} run slots busy gets 429 at
 *       once; no thread waits for a simulation: its answer is sent when it ends;</li>
 *   <li>a run longer than {@link ServiceLimits#timeout()} gets 504 and is cancelled: its
 *       integrations stop at their next step ({@link RunCancellation}); so is the run of a
 *       client whose connection fails. A run slot is free again, and
 *       {@code darkflight_simulations_in_flight} lower, only once the computation has really
 *       stopped;</li>
 *   <li>{@code /healthz}, {@code /metrics}, {@code /openapi.json} answer GET only (else 405),
 *       {@code /simulate} POST only (else 405); no answer names a server path.</li>
 * </ul>
 */
public final class SimulationService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationService.class);

  /** Request parts: JSON field → (schema name, required). */
  private static final List<Map.Entry<String, String>> PARTS = List.of(
      Map.entry("event", "event"), Map.entry("atmos", "atmos_profile"),
      Map.entry("physics_config", "physics_config"), Map.entry("fragments", "fragments"),
      Map.entry("ensemble", "ensemble_config"));
  private static final List<String> REQUIRED = List.of("event", "atmos", "physics_config");
  /** Threads that parse and validate request bodies (CPU-bound, bounded by the body limit). */
  private static final int REQUEST_THREADS = 4;
  /** Jetty's worker threads: they only route requests and answer the cheap endpoints. */
  private static final int HTTP_THREADS = 24;

  private final ServiceLimits limits;
  private final double maxFailureShare;
  private final Server server;
  private final ServerConnector connector;
  private final NetworkConnectionLimit connectionLimit;
  private final ExecutorService requestThreads;
  private final ExecutorService runThreads;
  private final ScheduledExecutorService timer;
  private final Semaphore slots;
  private final Set<RunCancellation> running = ConcurrentHashMap.newKeySet();
  private final ObjectMapper mapper;
  private final ServiceMetrics metrics = new ServiceMetrics();
  private final byte[] openApi;

  /** A service bound to {@code address} (port 0: any free port); call {@link #start()}. */
  public SimulationService(InetSocketAddress address, ServiceLimits limits) throws IOException {
    this(address, limits, EnsembleRun.DEFAULT_MAX_FAILURE_SHARE);
  }

  /**
   * A service whose runs accept at most {@code maxFailureShare} failed samples; a run beyond it
   * is answered 422 {@code too_many_failures} with the share and causes.
   */
  public SimulationService(InetSocketAddress address, ServiceLimits limits,
      double maxFailureShare) throws IOException {
    this.maxFailureShare = EnsembleRun.checkShare(maxFailureShare);
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
    QueuedThreadPool pool = new QueuedThreadPool(HTTP_THREADS, 2);
    pool.setName("darkflight-http");
    this.server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    server.addConnector(connector);
    this.connectionLimit = new NetworkConnectionLimit(limits.maxConnections(), connector);
    server.addBean(connectionLimit);
    // A body (or an answer) moving slower than the minimum rate fails its request.
    server.setHandler(new MinimumDataRateHandler(new Router(), limits.minBodyBytesPerS(), 0));
    this.requestThreads = Executors.newFixedThreadPool(REQUEST_THREADS,
        named("darkflight-request"));
    this.runThreads = Executors.newFixedThreadPool(limits.maxConcurrent(),
        named("darkflight-run"));
    this.timer = Executors.newSingleThreadScheduledExecutor(named("darkflight-timeout"));
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts answering requests. */
  public void start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("cannot start the service: " + e.getMessage(), e);
    }
    LOG.info("darkflight service listening on {}:{}", connector.getHost(), port());
  }

  /** The bound port. */
  public int port() {
    return connector.getLocalPort();
  }

  /** HTTP connections open now. */
  public int openConnections() {
    return connectionLimit.getNetworkConnectionCount();
  }

  /** The service's counters. */
  public ServiceMetrics metrics() {
    return metrics;
  }

  /** Stops the server and cancels running simulations. */
  @Override
  public void close() {
    running.forEach(RunCancellation::cancel);
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("stopping the HTTP server: {}", e.toString());
    }
    timer.shutdownNow();
    requestThreads.shutdownNow();
    runThreads.shutdownNow();
  }

  /** One request and its answer, sent at most once. */
  private static final class Exchange {
    final Request request;
    final Response response;
    final Callback callback;
    final String path;
    final AtomicBoolean answered = new AtomicBoolean();

    Exchange(Request request, Response response, Callback callback, String path) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.path = path;
    }
  }

  private record Reply(int code, String contentType, byte[] body, Map<String, String> headers) {}

  private final class Router extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      switch (path) {
        case "/simulate" -> {
          Exchange ex = new Exchange(request, response, callback, path);
          if (!"POST".equals(method)) {
            send(ex, notAllowed("POST"));
          } else {
            receive(ex);
          }
        }
        case "/healthz", "/metrics", "/openapi.json" -> {
          Exchange ex = new Exchange(request, response, callback, path);
          if (!"GET".equals(method)) {
            send(ex, notAllowed("GET"));
          } else {
            send(ex, switch (path) {
              case "/healthz" -> json(200, new ServiceResponses.Health("ok",
                  slots.availablePermits()));
              case "/metrics" -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8",
                  metrics.prometheus(connectionLimit.getNetworkConnectionCount(),
                      slots.availablePermits()).getBytes(StandardCharsets.UTF_8), Map.of());
              default -> new Reply(200, "application/json", openApi, Map.of());
            });
          }
        }
        default -> send(new Exchange(request, response, callback, "/"), json(404,
            error("not_found", "no such endpoint: " + path)));
      }
      return true;
    }
  }

  private Reply notAllowed(String allowed) {
    Reply r = json(405, error("method_not_allowed", "use " + allowed));
    return new Reply(r.code(), r.contentType(), r.body(), Map.of("Allow", allowed));
  }

  /** Sends the answer once; later attempts (a run ending after its 504) are dropped. */
  private void send(Exchange ex, Reply r) {
    if (!ex.answered.compareAndSet(false, true)) {
      return;
    }
    try {
      ex.response.setStatus(r.code());
      ex.response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
      r.headers().forEach((k, v) -> ex.response.getHeaders().put(k, v));
      ex.response.write(true, ByteBuffer.wrap(r.body()), ex.callback);
    } catch (RuntimeException e) {
      LOG.debug("client went away: {}", e.toString());
      ex.callback.failed(e);
    }
    metrics.response(ex.path, r.code());
  }

  /** Reads the body without holding a thread, then parses and validates it on a worker. */
  private void receive(Exchange ex) {
    long length = ex.request.getLength();
    if (length > limits.maxBodyBytes()) {
      send(ex, tooLarge());
      return;
    }
    Content.Source.asByteArrayAsync(ex.request, limits.maxBodyBytes(),
        new Promise.Invocable<byte[]>() {
          @Override
          public void succeeded(byte[] body) {
            onWorker(ex, () -> simulate(ex, body));
          }

          @Override
          public void failed(Throwable failure) {
            onWorker(ex, () -> send(ex, isOverflow(failure) ? tooLarge() : json(400,
                error("bad_request", "the request body could not be read: "
                    + describe(failure)))));
          }
        });
  }

  /** Runs request work on a request worker (never on Jetty's I/O threads). */
  private void onWorker(Exchange ex, Runnable work) {
    try {
      requestThreads.execute(() -> {
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.warn("request {} failed", ex.path, e);
          send(ex, json(500, error("internal", "internal error: "
              + e.getClass().getSimpleName())));
        }
      });
    } catch (RejectedExecutionException e) {
      send(ex, json(503, error("unavailable", "the service is shutting down")));
    }
  }

  private Reply busy() {
    Reply r = json(429, error("busy", "all " + limits.maxConcurrent()
        + " simulation slots are busy; retry later"));
    return new Reply(429, r.contentType(), r.body(), Map.of("Retry-After", "5"));
  }

  private Reply tooLarge() {
    return json(413, error("too_large", "request body larger than " + limits.maxBodyBytes()
        + " bytes"));
  }

  private static boolean isOverflow(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
      if (c instanceof BufferOverflowException || m.contains("too large")
          || m.contains("exceed") || m.contains("max")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable t) {
    Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
  }

  private void simulate(Exchange ex, byte[] body) {
    JsonNode req;
    try {
      req = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      send(ex, json(400, error("bad_json", "not valid JSON: " + e.getOriginalMessage())));
      return;
    } catch (IOException e) {
      send(ex, json(400, error("bad_json", "not valid JSON: " + e.getMessage())));
      return;
    }
    if (req == null || !req.isObject()) {
      send(ex, json(400, error("bad_request", "the body must be a JSON object with "
          + "'event', 'atmos', 'physics_config' and optionally 'fragments', 'ensemble'")));
      return;
    }
    for (String name : REQUIRED) {
      if (!req.has(name)) {
        send(ex, json(400, error("bad_request", "missing field '" + name + "'")));
        return;
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
        send(ex, json(400, error("invalid_input", e.getMessage())));
        return;
      }
    }
    JsonNode samples = req.path("ensemble").path("samples");
    if (samples.canConvertToLong() && samples.asLong() > limits.maxSamples()) {
      send(ex, json(422, error("too_many_samples", "ensemble.samples " + samples.asLong()
          + " exceeds the service limit of " + limits.maxSamples())));
      return;
    }
    if (!slots.tryAcquire()) {
      send(ex, busy());
      return;
    }
    run(ex, req);
  }

  /**
   * Runs the simulation on a run thread; the slot is released, and the in-flight gauge lowered,
   * by that thread when the computation has ended, whatever the answer was.
   */
  private void run(Exchange ex, JsonNode req) {
    RunCancellation cancellation = RunCancellation.open();
    running.add(cancellation);
    metrics.started();
    long t0 = System.nanoTime();
    try {
      runThreads.execute(() -> {
        try {
          Darkflight.Result result = Darkflight.simulate(req.get("event"), req.get("fragments"),
              req.get("atmos"), req.get("physics_config"), req.get("ensemble"),
              maxFailureShare, cancellation);
          double seconds = (System.nanoTime() - t0) / 1e9;
          metrics.simulation(result.summary().samples(), result.summary().landed(), seconds);
          send(ex, answer(result, seconds));
        } catch (InputException e) {
          send(ex, json(400, error("invalid_input", e.getMessage())));
        } catch (Exception | LinkageError e) {
          if (cancellation.isCancelled()) {
            LOG.info("simulation cancelled");
          } else {
            LOG.warn("simulation failed", e);
            send(ex, json(500, error("simulation_failed", "the simulation failed: "
                + e.getClass().getSimpleName())));
          }
        } finally {
          running.remove(cancellation);
          cancellation.close();
          metrics.finished();
          slots.release();
        }
      });
    } catch (RejectedExecutionException e) {
      running.remove(cancellation);
      cancellation.close();
      metrics.finished();
      slots.release();
      send(ex, json(503, error("unavailable", "the service is shutting down")));
      return;
    }
    timer.schedule(() -> {
      if (!ex.answered.get()) {
        cancel(cancellation, "timeout");
        send(ex, json(504, error("timeout", "the simulation took longer than "
            + limits.timeout().toSeconds() + " s and was cancelled")));
      }
    }, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    // A client that goes away (connection failure) does not wait for its answer any more.
    ex.request.addFailureListener(t -> {
      if (!ex.answered.get()) {
        cancel(cancellation, "client went away");
      }
    });
    // The connection's idle timeout does not apply while the simulation runs (no I/O is
    // expected); the run's own timeout does.
    ex.request.addIdleTimeoutListener(t -> false);
  }

  private void cancel(RunCancellation c, String why) {
    if (!c.isCancelled() && running.contains(c)) {
      c.cancel();
      metrics.cancelled();
      LOG.info("cancelling a simulation: {}", why);
    }
  }

  private Reply answer(Darkflight.Result r, double seconds) throws IOException {
    EnsembleRun.Summary s = r.summary();
    if (s.failedRun()) {
      StringBuilder causes = new StringBuilder();
      s.failureReasons().forEach((k, n) -> causes.append(causes.length() == 0 ? "" : ", ")
          .append(k).append(' ').append(n));
      return json(422, error("too_many_failures", String.format(Locale.ROOT,
          "%d of %d samples failed (share %.4f, more than the service's maximum failure "
              + "share %s): %s", s.failed(), s.samples(), s.failureShare(),
          java.math.BigDecimal.valueOf(maxFailureShare).stripTrailingZeros().toPlainString(),
          causes)));
    }
    List<ServiceResponses.Ellipse90> ellipses = new ArrayList<>();
    for (EnsembleRun.EllipseSize e : s.ellipses90()) {
      ellipses.add(new ServiceResponses.Ellipse90(e.massClass(), e.samples(),
          e.semiMajorAxisM(), e.semiMinorAxisM(), e.orientationDeg()));
    }
    return json(200, ServiceResponses.Simulation.of(s.samples(), s.landed(), s.failed(),
        s.failureReasons(), ellipses, seconds, mapper.readTree(r.pointsGeoJson()),
        mapper.readTree(r.ellipsesGeoJson())));
  }

  private ServiceResponses.Error error(String code, String message) {
    return new ServiceResponses.Error(code, message);
  }

  private Reply json(int code, Object body) {
    try {
      return new Reply(code, "application/json", mapper.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a reply", e);
    }
  }
}
