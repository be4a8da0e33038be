package org.darkflight.pipeline.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.darkflight.io.json.Json;
import org.junit.jupiter.api.Test;

/**
 * The service cannot be starved (issue 19 §5): slow-loris connections do not delay
 * {@code /healthz}, stalled connections are closed, the connection count is capped, GET-only
 * endpoints refuse other methods, a timed-out request's computation really stops (seen in the
 * metrics and in the threads, never by timing it), and no answer names a server path. Waits
 * below are liveness guards (poll until a state is reached, fail after minutes), not timings.
 */
class ServiceStarvationTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");
  private static final Duration GUARD = Duration.ofMinutes(3);
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();

  private static SimulationService start(ServiceLimits limits) throws Exception {
    SimulationService s = new SimulationService(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), limits);
    s.start();
    return s;
  }

  private static HttpResponse<String> send(SimulationService s, String method, String path,
      String body) throws Exception {
    HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .timeout(GUARD).method(method, p).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + GUARD.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not reached within " + GUARD + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  /** A connection that sent the start of a request and then nothing more. */
  private static Socket partialRequest(SimulationService s, String start) throws Exception {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port());
    OutputStream out = socket.getOutputStream();
    out.write(start.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static JsonNode read(String name) throws Exception {
    return Json.mapper().readTree(EVENT.resolve(name).toFile());
  }

  private static ObjectNode request(String ensemble) throws Exception {
    ObjectNode req = Json.mapper().createObjectNode();
    req.set("event", read("event.json"));
    req.set("atmos", read("atmos_profile.json"));
    req.set("physics_config", read("physics_config.json"));
    req.set("fragments", read("fragments.json"));
    req.set("ensemble", Json.mapper().readTree(ensemble));
    return req;
  }

  @Test
  void slowLorisConnectionsDoNotStarveHealthz() throws Exception {
    try (SimulationService s = start(new ServiceLimits(64 * 1024, 1, Duration.ofMinutes(5),
        1000, 64, Duration.ofMinutes(5), 256, 0))) {
      List<Socket> loris = new ArrayList<>();
      try {
        // 40 connections: more than the old server's 1 + 8 HTTP threads, and than Jetty's
        // worker pool; headers never finished, or a body announced and never sent.
        for (int i = 0; i < 40; i++) {
          loris.add(partialRequest(s, i % 2 == 0
              ? "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "
              : "POST /simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 60000\r\n\r\n{\"event\": "));
        }
        await("40 slow connections open", () -> s.openConnections() >= 41 - 1);
        for (int i = 0; i < 5; i++) {
          for (Socket so : loris.subList(0, 20)) { // keep trickling on half of them
            so.getOutputStream().write('a');
            so.getOutputStream().flush();
          }
          HttpResponse<String> h = send(s, "GET", "/healthz", null);
          assertThat(h.statusCode(), is(200));
          assertThat(Json.mapper().readTree(h.body()).get("free_slots").asInt(), is(1));
        }
        assertThat(send(s, "GET", "/metrics", null).body(),
            containsString("darkflight_http_connections_open "));
      } finally {
        for (Socket so : loris) {
          so.close();
        }
      }
    }
  }

  @Test
  void aStalledConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (SimulationService s = start(new ServiceLimits(64 * 1024, 1, Duration.ofMinutes(5),
        1000, 64, Duration.ofMillis(500), 256, 0))) {
      try (Socket so = partialRequest(s, "POST /simulate HTTP/1.1\r\nHost: x\r\n")) {
        so.setSoTimeout((int) GUARD.toMillis());
        InputStream in = so.getInputStream();
        // the server closes it (an answer may come first); a guard timeout would throw
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
          // drain whatever the server says before closing
        }
      }
      await("the stalled connection is gone", () -> s.openConnections() == 0);
    }
  }

  @Test
  void theConnectionLimitCapsOpenConnections() throws Exception {
    try (SimulationService s = start(new ServiceLimits(64 * 1024, 1, Duration.ofMinutes(5),
        1000, 64, Duration.ofMinutes(5), 3, 0))) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 6; i++) {
          held.add(partialRequest(s, "GET /healthz HTTP/1.1\r\nHost: x\r\n"));
        }
        await("the limit is reached", () -> s.openConnections() == 3);
        Thread.sleep(500); // give the acceptor a chance to exceed the limit, if it would
        assertThat(s.openConnections(), lessThanOrEqualTo(3));
      } finally {
        for (Socket so : held) {
          so.close();
        }
      }
      // with the held connections gone the service answers again
      assertThat(send(s, "GET", "/healthz", null).statusCode(), is(200));
    }
  }

  @Test
  void getOnlyEndpointsAnswer405ToOtherMethods() throws Exception {
    try (SimulationService s = start(ServiceLimits.DEFAULTS)) {
      for (String path : List.of("/healthz", "/metrics", "/openapi.json")) {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
          HttpResponse<String> r = send(s, method, path, "{}");
          assertThat(method + " " + path, r.statusCode(), is(405));
          assertThat(r.headers().firstValue("Allow").orElse(""), is("GET"));
          assertThat(Json.mapper().readTree(r.body()).get("error").asText(),
              is("method_not_allowed"));
        }
      }
      HttpResponse<String> r = send(s, "GET", "/simulate", null);
      assertThat(r.statusCode(), is(405));
      assertThat(r.headers().firstValue("Allow").orElse(""), is("POST"));
      assertThat(s.metrics().responses("/healthz", 405), is(4L));
    }
  }

  private static boolean integrating() {
    return Thread.getAllStackTraces().values().stream().anyMatch(trace -> Arrays.stream(trace)
        .anyMatch(f -> f.getClassName().equals(
            "org.darkflight.physics.trajectory.Propagator")));
  }

  @Test
  void aTimedOutRequestStopsItsComputation() throws Exception {
    // 1000 samples, each ~2.6 million rk4 steps of 0.1 ms: hours of work if nothing stopped it.
    ObjectNode req = request("""
        {"mode": "monte_carlo", "samples": 1000, "random_seed": 1,
         "distributions": {"mass_kg": {"dist": "lognormal", "params": {"sigma": 0.1}}}}""");
    ObjectNode physics = (ObjectNode) req.get("physics_config");
    ObjectNode integration = (ObjectNode) physics.get("integration");
    integration.put("dt_initial_s", 1e-4).put("dt_min_s", 1e-4).put("dt_max_s", 1e-4)
        .put("max_steps", 1_000_000_000L);
    try (SimulationService s = start(new ServiceLimits(1 << 20, 1, Duration.ofSeconds(3), 1000,
        64))) {
      HttpResponse<String> r = send(s, "POST", "/simulate",
          Json.mapper().writeValueAsString(req));
      assertThat(r.body(), r.statusCode(), is(504));
      assertThat(s.metrics().cancelledTotal(), is(1L));
      await("the cancelled computation stops", () -> s.metrics().inFlight() == 0);
      await("no thread integrates any more", () -> !integrating());
      // it stopped, it did not finish: no simulation was completed
      assertThat(s.metrics().prometheus(0, 1), containsString("darkflight_simulations_total 0\n"));
      // the slot is free again
      assertThat(Json.mapper().readTree(send(s, "GET", "/healthz", null).body())
          .get("free_slots").asInt(), is(1));
    }
  }

  @Test
  void answersNameNoServerPath() throws Exception {
    String tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
    try (SimulationService s = start(ServiceLimits.DEFAULTS)) {
      HttpResponse<String> ok = send(s, "POST", "/simulate", Json.mapper().writeValueAsString(
          request("{\"mode\": \"monte_carlo\", \"samples\": 4, \"random_seed\": 2}")));
      assertThat(ok.body(), ok.statusCode(), is(200));
      assertThat(ok.body(), not(containsString(tmp)));
      assertThat(ok.body(), not(containsString("darkflight-api-")));
      assertThat(ok.body(), containsString("\"event.json\""));
      // an input the readers refuse (ground above the luminous end): named by its bare name
      ObjectNode bad = request("{\"mode\": \"monte_carlo\", \"samples\": 4, \"random_seed\": 2}");
      ((ObjectNode) bad.get("physics_config")).put("ground_altitude_m", 8000);
      ((ObjectNode) bad.get("event").get("luminous_end")).put("altitude_m", 6000);
      HttpResponse<String> r = send(s, "POST", "/simulate", Json.mapper().writeValueAsString(bad));
      assertThat(r.body(), r.statusCode(), is(400));
      assertThat(r.body(), not(containsString(tmp)));
      assertThat(r.body(), not(containsString("darkflight-api-")));
      assertThat(r.body(), containsString(".json"));
    }
    assertThat(tmp.length(), greaterThanOrEqualTo(1));
  }
}
