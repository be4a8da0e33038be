package org.darkflight.pipeline.obs;

import static org.darkflight.pipeline.cli.CliOutcome.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.pipeline.cli.CliOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-lines log records, log levels and metrics.json of {@code darkflight run}. */
class ObservabilityRunTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");
  private static final List<String> KEYS = List.of("timestamp", "level", "module", "event_id",
      "fragment_id", "message", "metrics");

  @TempDir Path tmp;


  /** Every stderr line parsed as JSON; fails on a line that is not a JSON object. */
  static List<JsonNode> records(String err) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : err.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = new ObjectMapper().readTree(line);
      assertThat(line, n.isObject(), is(true));
      for (String k : KEYS) {
        assertThat(line + " lacks " + k, n.has(k), is(true));
      }
      Instant.parse(n.get("timestamp").asText());
      assertThat(n.get("timestamp").asText().endsWith("Z"), is(true));
      assertThat(n.get("metrics").isObject(), is(true));
      out.add(n);
    }
    return out;
  }

  @Test
  void runLogsJsonLinesAndWritesMetricsMatchingItsSchema() throws Exception {
    Path ensemble = tmp.resolve("ensemble_config.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 12, "random_seed": 5, "sampling": "latin_hypercube",
         "distributions": {
           "mass_kg": {"dist": "lognormal", "params": {"sigma": 0.2}},
           "azimuth_deg": {"dist": "normal", "params": {"sigma": 2}},
           "speed_mps": {"dist": "uniform", "params": {"half_width": 200}}}}""");
    Path out = tmp.resolve("out");
    CliOutcome o = run("--log-format=json", "run",
        "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(), "--out", out.toString(),
        "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(o.err(), o.exit(), is(0));
    List<JsonNode> recs = records(o.err());
    assertThat(recs, not(empty()));
    List<String> levels = recs.stream().map(r -> r.get("level").asText()).toList();
    assertThat("INFO is the default threshold", levels, not(hasItem("DEBUG")));
    assertThat(levels, not(hasItem("TRACE")));
    JsonNode last = recs.get(recs.size() - 1);
    assertThat(last.get("module").asText(), equalTo("cli.run"));
    assertThat(last.get("event_id").asText(), equalTo("synthetic-calm"));

    JsonNode m = JsonSchemas.read(out.resolve("metrics.json"));
    assertThat(JsonSchemas.violations(m, "metrics").toString(),
        JsonSchemas.violations(m, "metrics"), empty());
    assertThat(m.get("samples").asLong(), is(12L));
    assertThat(m.get("command").asText(), equalTo("run"));
    assertThat(m.get("simulation_runtime_s").asDouble(), greaterThan(0.0));
    // independent: the rate is samples over the simulation time
    assertThat(m.get("fragments_per_second").asDouble(),
        closeTo(12 / m.get("simulation_runtime_s").asDouble(), 1e-9));
    assertThat(m.get("cache_hit_ratio").isNull(), is(true));
    assertThat(m.get("validation_pass_rate").isNull(), is(true));
    assertThat(last.get("metrics").get("samples").asLong(), is(12L));
    // the ensemble manifest's failure count and the metrics agree
    JsonNode manifest = JsonSchemas.read(out.resolve("output_manifest.json"));
    assertThat(m.get("failures").asLong(), is(manifest.get("run").get("failed").asLong()));
    assertThat("metrics.json is not a reproducible artifact",
        manifest.get("artifacts").findValuesAsText("path"), not(hasItem("metrics.json")));
  }

  @Test
  void globalFlagsSetTheThresholdBeforeOrAfterTheSubcommand() {
    assertThat(run("--debug", "run", "--help").exit(), is(0));
    assertThat(JsonLog.threshold(), is(JsonLog.Level.DEBUG));
    assertThat(run("run", "--trace", "--help").exit(), is(0));
    assertThat(JsonLog.threshold(), is(JsonLog.Level.TRACE));
    assertThat(run("run", "--help").exit(), is(0));
    assertThat("flags do not leak into the next command", JsonLog.threshold(),
        is(JsonLog.Level.INFO));
    assertThat(run("--log-format=xml", "run", "--help").exit(), is(2));
  }

  @Test
  void levelsBelowTheThresholdAreDroppedAndTextIsReadable() throws Exception {
    StringWriter w = new StringWriter();
    JsonLog.configure(JsonLog.Level.DEBUG, JsonLog.Format.JSON, w);
    JsonLog log = JsonLog.of("test").forEvent("ev-1");
    log.trace("t", Map.of());
    log.debug("d", Map.of("x", 1));
    log.info("i");
    log.log(JsonLog.Level.WARN, "F1", "w", Map.of("speed_mps", 12.5));
    List<JsonNode> recs = records(w.toString());
    assertThat(recs.stream().map(r -> r.get("level").asText()).toList(),
        equalTo(List.of("DEBUG", "INFO", "WARN")));
    assertThat(recs.get(2).get("fragment_id").asText(), equalTo("F1"));
    assertThat(recs.get(2).get("metrics").get("speed_mps").asDouble(), is(12.5));
    assertThat(recs.get(1).get("fragment_id").isNull(), is(true));

    StringWriter t = new StringWriter();
    JsonLog.configure(JsonLog.Level.INFO, JsonLog.Format.TEXT, t);
    log.log(JsonLog.Level.WARN, "F1", "hello", Map.of("n", 3));
    assertThat(t.toString().trim().endsWith("WARN  test [ev-1/F1] hello n=3"), is(true));
    JsonLog.configure(JsonLog.Level.INFO, JsonLog.Format.JSON, new PrintWriter(System.err));
  }
}
