package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.darkflight.io.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-lines run log and metrics of a coordinator run, and per-event cache keys. */
class ObservabilityCoordTest {

  @TempDir Path tmp;

  @Test
  void processWritesAJsonLinesLogAndMetricsWithTheCacheHitRatio() throws Exception {
    Path root = ProjectFixture.copy(tmp.resolve("p"));
    Coordinator.Result first = ProjectFixture.process(root, false);
    assertThat(first.succeeded(), is(true));
    ProjectLayout layout = new ProjectLayout(root, ProjectFixture.EVENT);
    JsonNode m1 = JsonSchemas.read(layout.logsDir().resolve(ProjectFixture.EVENT
        + "__metrics.json"));
    assertThat(JsonSchemas.violations(m1, "metrics").toString(),
        JsonSchemas.violations(m1, "metrics"), empty());
    assertThat(m1.get("cache_hit_ratio").asDouble(), is(0.0));
    assertThat(m1.get("samples").asLong(), greaterThan(0L));
    long stagesRan = first.ran();
    assertThat(m1.get("stages").size(), is(first.stages().size()));

    Coordinator.Result second = ProjectFixture.process(root, false);
    JsonNode m2 = JsonSchemas.read(EventProcessor.metricsFile(layout));
    // independent: hits over stages from the coordinator's own result
    assertThat(m2.get("cache_hit_ratio").asDouble(),
        is((double) second.hits() / second.stages().size()));
    assertThat(m2.get("cache_hit_ratio").asDouble(), is(1.0));
    assertThat("nothing simulated on an all-hit run", m2.get("samples").asLong(), is(0L));
    assertThat(m2.get("fragments_per_second").isNull(), is(true));

    List<String> lines = Files.readAllLines(layout.logsDir().resolve(ProjectFixture.EVENT
        + "__run.jsonl"), StandardCharsets.UTF_8);
    List<JsonNode> recs = new ArrayList<>();
    for (String l : lines) {
      recs.add(new ObjectMapper().readTree(l));
    }
    // per run: a start record, one per stage and an end record
    assertThat(recs.size(), is(2 * (first.stages().size() + 2)));
    for (JsonNode r : recs) {
      for (String k : List.of("timestamp", "level", "module", "event_id", "fragment_id",
          "message", "metrics")) {
        assertThat(r + " lacks " + k, r.has(k), is(true));
      }
    }
    assertThat(recs.stream().map(r -> r.get("event_id").asText()).toList(),
        everyItem(equalTo(ProjectFixture.EVENT)));
    assertThat(stagesRan, greaterThan(0L));
  }

  @Test
  void twoEventsWithIdenticalInputsDoNotShareCacheEntries() throws Exception {
    Path root = ProjectFixture.copy(tmp.resolve("p"));
    Path twin = root.resolve("data/events/twin-event");
    try (Stream<Path> s = Files.walk(ProjectFixture.eventDir(root))) {
      for (Path f : s.toList()) {
        Path t = twin.resolve(ProjectFixture.eventDir(root).relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t);
        }
      }
    }
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    Coordinator.Result r = EventProcessor.process(twin, new EventProcessor.Options(root, null,
        List.of(), ProjectFixture.CREATED, false, Map.of()),
        new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(r.stages().toString(), r.succeeded(), is(true));
    assertThat("the twin event runs its own stages", r.hits(), is(0L));
    Path twinEnsemble = new ProjectLayout(root, "twin-event").artifacts("ensemble");
    try (Stream<Path> s = Files.list(twinEnsemble)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList(),
          everyItem(org.hamcrest.Matchers.startsWith("twin-event__")));
    }
    assertThat(Files.list(twinEnsemble).toList(), not(empty()));
  }
}
