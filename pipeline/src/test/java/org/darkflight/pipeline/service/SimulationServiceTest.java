package org.darkflight.pipeline.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on 127.0.0.1: a bounded burst of concurrent valid, malformed, hostile and
 * huge (deeply nested) requests; each gets the right status, the valid ones the same strewn field as
 * {@code darkflight run} writes for the same inputs, and the service stays up.
 */
class SimulationServiceTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");
  private static final String ENSEMBLE = """
      {"mode": "monte_carlo", "samples": 12, "random_seed": 7, "samples_per_element": 4,
       "distributions": {"mass_kg": {"dist": "lognormal", "params": {"sigma": 0.2}},
                         "azimuth_deg": {"dist": "normal", "params": {"sigma": 2}}}}""";
  private static final int BODY_LIMIT = 64 * 1024;

  @TempDir static Path tmp;
  static SimulationService service;
  static HttpClient client;
  static String validBody;
  static JsonNode cliPoints;

  @BeforeAll
  static void start() throws Exception {
    service = new SimulationService(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        new ServiceLimits(BODY_LIMIT, 1, Duration.ofMinutes(5), 1000, 64));
    service.start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    ObjectNode req = Json.mapper().createObjectNode();
    req.set("event", read("event.json"));
    req.set("atmos", read("atmos_profile.json"));
    req.set("physics_config", read("physics_config.json"));
    req.set("fragments", read("fragments.json"));
    req.set("ensemble", Json.mapper().readTree(ENSEMBLE));
    validBody = Json.mapper().writeValueAsString(req);

    // The reference: the CLI's darkflight run on the same inputs as files.
    Path ens = tmp.resolve("ensemble_config.json");
    Files.writeString(ens, ENSEMBLE);
    Path out = tmp.resolve("cli");
    StringWriter sink = new StringWriter();
    picocli.CommandLine cl = DarkflightCli.commandLine();
    cl.setOut(new PrintWriter(sink));
    cl.setErr(new PrintWriter(sink));
    int exit = cl.execute("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ens.toString(), "--out", out.toString(),
        "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(sink.toString(), exit, is(0));
    cliPoints = Json.mapper().readTree(out.resolve("strewn_field_points.geojson").toFile());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static JsonNode read(String name) throws Exception {
    return Json.mapper().readTree(EVENT.resolve(name).toFile());
  }

  private static HttpResponse<String> post(String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri("/simulate"))
        .timeout(Duration.ofMinutes(2))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(1)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  /** A valid request, retried on 429 (a bounded number of times). */
  private static HttpResponse<String> postValid() throws Exception {
    HttpResponse<String> r = null;
    for (int attempt = 0; attempt < 200; attempt++) {
      r = post(validBody);
      if (r.statusCode() != 429) {
        return r;
      }
      Thread.sleep(100);
    }
    return r;
  }

  /** Strip the run-dependent parts (produced time) and compare features with the CLI's. */
  private static void assertSameLandings(JsonNode points) {
    JsonSchemas.violations(points, "strewn_field_points")
        .forEach(v -> { throw new AssertionError("schema: " + v); });
    JsonNode a = points.get("features");
    JsonNode b = cliPoints.get("features");
    assertThat(a.size(), is(b.size()));
    for (int i = 0; i < a.size(); i++) {
      assertThat("geometry of feature " + i, a.get(i).get("geometry"), is(b.get(i).get("geometry")));
      assertThat("mass of feature " + i, a.get(i).get("properties").get("mass_final_kg"),
          is(b.get(i).get("properties").get("mass_final_kg")));
    }
  }

  private record Case(String name, String body, int expected, String messagePart) {}

  @Test
  void burstOfValidMalformedAndHostileRequests() throws Exception {
    String schemaBroken = validBody.replaceFirst("\"physics_config\"\\s*:\\s*\\{",
        "\"physics_config\":{\"bogus_field\":1,");
    List<Case> bad = List.of(
        new Case("malformed", "{\"event\": ", 400, "not valid JSON"),
        new Case("not an object", "[1,2,3]", 400, "JSON object"),
        new Case("deep nesting", "[".repeat(10_000), 400, "nesting depth"),
        new Case("missing part", "{\"event\": {}}", 400, "missing field 'atmos'"),
        new Case("schema violation", schemaBroken, 400, "physics_config"),
        new Case("too many samples", validBody.replace("\"samples\":12", "\"samples\":5000"),
            422, "5000"),
        new Case("empty", "", 400, "JSON object"));
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<HttpResponse<String>>> valid = new ArrayList<>();
      List<Future<HttpResponse<String>>> hostile = new ArrayList<>();
      for (int round = 0; round < 2; round++) {
        for (int v = 0; v < 2; v++) {
          valid.add(pool.submit(SimulationServiceTest::postValid));
        }
        for (Case c : bad) {
          hostile.add(pool.submit(() -> post(c.body())));
        }
      }
      for (int i = 0; i < hostile.size(); i++) {
        Case c = bad.get(i % bad.size());
        HttpResponse<String> r = hostile.get(i).get();
        assertThat(c.name() + ": " + r.body(), r.statusCode(), is(c.expected()));
        JsonNode err = Json.mapper().readTree(r.body());
        assertThat(c.name(), err.path("message").asText(), containsString(c.messagePart()));
      }
      for (Future<HttpResponse<String>> f : valid) {
        HttpResponse<String> r = f.get();
        assertThat(r.body(), r.statusCode(), is(200));
        JsonNode ans = Json.mapper().readTree(r.body());
        assertThat(ans.get("samples").asLong(), is(12L));
        assertThat(ans.get("landed").asLong() + ans.get("failed").asLong(), is(12L));
        assertThat(ans.get("strewn_field_points").get("features").size(),
            is(ans.get("landed").asInt()));
        assertSameLandings(ans.get("strewn_field_points"));
      }
    } finally {
      pool.shutdownNow();
    }
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode(), is(200));
    assertThat(Json.mapper().readTree(health.body()).get("status").asText(), is("ok"));
    // Other tests share the service: at least this test's answers are counted.
    assertThat(service.metrics().responses("/simulate", 200), greaterThanOrEqualTo(4L));
    assertThat(service.metrics().responses("/simulate", 422), is(2L));
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.body(), containsString(
        "darkflight_http_responses_total{path=\"/simulate\",code=\"400\"} "));
    assertThat(metrics.body(), containsString("darkflight_simulations_total "));
  }

  @Test
  void concurrencyBeyondTheLimitGets429() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HttpResponse<String>>> rs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rs.add(pool.submit(() -> post(validBody)));
      }
      int ok = 0;
      int busy = 0;
      for (Future<HttpResponse<String>> f : rs) {
        HttpResponse<String> r = f.get();
        if (r.statusCode() == 200) {
          ok++;
        } else {
          assertThat(r.body(), r.statusCode(), is(429));
          assertThat(r.headers().firstValue("Retry-After").orElse(""), is("5"));
          busy++;
        }
      }
      assertThat(ok, greaterThanOrEqualTo(1));
      assertThat(ok + busy, is(4));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRunBeyondTheFailureShareGets422WithShareAndCauses() throws Exception {
    ObjectNode req = (ObjectNode) Json.mapper().readTree(validBody);
    req.set("ensemble", Json.mapper().readTree("""
        {"mode": "monte_carlo", "samples": 8, "random_seed": 3,
         "distributions": {"density_kgm3": {"dist": "uniform",
           "params": {"min": -2000, "max": -1000}}}}"""));
    // Its own service, so that the shared one's response counts stay those of the other tests.
    HttpResponse<String> r;
    try (SimulationService own = new SimulationService(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        new ServiceLimits(BODY_LIMIT, 1, Duration.ofMinutes(5), 1000, 64), 0.01)) {
      own.start();
      r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + own.port()
          + "/simulate")).timeout(Duration.ofMinutes(2))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(req),
              StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }
    assertThat(r.body(), r.statusCode(), is(422));
    JsonNode err = Json.mapper().readTree(r.body());
    assertThat(err.get("error").asText(), is("too_many_failures"));
    assertThat(err.get("message").asText(), org.hamcrest.Matchers.containsString(
        "8 of 8 samples failed (share 1.0000, more than the service's maximum failure share "
            + "0.01): INVALID_DRAW 8"));
  }

  @Test
  void otherEndpoints() throws Exception {
    HttpResponse<String> api = get("/openapi.json");
    assertThat(api.statusCode(), is(200));
    JsonNode doc = Json.mapper().readTree(api.body());
    assertThat(doc.get("openapi").asText(), containsString("3."));
    assertThat(doc.get("paths").has("/simulate"), is(true));
    assertThat(get("/nope").statusCode(), is(404));
    assertThat(get("/simulate").statusCode(), is(405));
    assertThat(get("/metrics").body(), containsString("# TYPE darkflight_simulations_total counter"));
    assertThat(get("/healthz").body().length(), greaterThan(0));
  }
}
