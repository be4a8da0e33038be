package org.darkflight.pipeline.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real HTTP client against the service on an ephemeral port: 413 and /metrics. */
class ServiceOverWireTest {

  private static final int BODY_LIMIT = 8 * 1024;
  static SimulationService service;
  static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    service = new SimulationService(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        new ServiceLimits(BODY_LIMIT, 1, Duration.ofMinutes(1), 100, 16));
    service.start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + service.port() + path);
  }

  @Test
  void anOversizedBodyGets413() throws Exception {
    // valid JSON, three times the limit: the service must refuse it by size, not by content
    String body = "{\"event\": \"" + "x".repeat(3 * BODY_LIMIT) + "\"}";
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/simulate"))
        .timeout(Duration.ofMinutes(1)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.body(), r.statusCode(), is(413));
    assertThat(service.metrics().responses("/simulate", 413), is(1L));
    // the service still answers afterwards
    HttpResponse<String> h = client.send(HttpRequest.newBuilder(uri("/healthz")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(h.statusCode(), is(200));
  }

  /**
   * Parses the Prometheus text format 0.0.4: comment lines {@code # HELP|TYPE name ...}, sample
   * lines {@code name{labels} value}; every sample's family has one TYPE line before it.
   */
  static Map<String, Double> parseExposition(String text) {
    Pattern sample = Pattern.compile(
        "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-Z0-9_]*"
            + "=\"[^\"]*\")*\\})? (NaN|[+-]Inf|[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)");
    Pattern type = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram"
        + "|summary|untyped)");
    Set<String> typed = new HashSet<>();
    Map<String, Double> values = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# HELP ")) {
        continue;
      }
      Matcher t = type.matcher(line);
      if (t.matches()) {
        assertThat("one TYPE line per family: " + line, typed.add(t.group(1)), is(true));
        continue;
      }
      Matcher m = sample.matcher(line);
      assertThat("not a sample line: '" + line + "'", m.matches(), is(true));
      assertThat("sample before its TYPE: " + line, typed.contains(m.group(1)), is(true));
      values.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)),
          Double.parseDouble(m.group(4).replace("Inf", "Infinity")));
    }
    return values;
  }

  @Test
  void metricsAreValidExpositionWithTheSpecNames() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/metrics")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode(), is(200));
    assertThat(r.headers().firstValue("Content-Type").orElse(""), containsString("text/plain"));
    Map<String, Double> v = parseExposition(r.body());
    assertThat(v.keySet(), hasItems("darkflight_simulation_runtime_s",
        "darkflight_fragments_per_second", "darkflight_cache_hit_ratio",
        "darkflight_validation_pass_rate", "darkflight_samples_total",
        "darkflight_sample_failures_total"));
    assertThat(v.get("darkflight_cache_hit_ratio").isNaN(), is(true));
  }

  @Test
  void theParserRejectsMalformedLines() {
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> parseExposition("# TYPE a counter\na{x=1} 3\n"));
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> parseExposition("b 3\n"));
  }
}
