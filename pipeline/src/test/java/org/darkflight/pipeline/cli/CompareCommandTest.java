package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight compare} with the same config as A and B: the runs draw the same samples, so
 * every paired difference is exactly zero and every landed sample pairs.
 */
class CompareCommandTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  @TempDir
  Path out;

  @Test
  void sameVariantOnSameDrawsDiffersByNothing() throws Exception {
    String config = EVENT.resolve("physics_config.json").toString();
    int rc = DarkflightCli.run("compare", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config-a", config, "--config-b", config,
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", "../testdata/uq/park-forest-mc-tiny.json",
        "--out", out.toString(), "--produced-utc", "2026-01-01T00:00:00Z");
    assertThat(rc, equalTo(0));
    JsonNode doc = new ObjectMapper().readTree(out.resolve(CompareCommand.FILE).toFile());
    int pairs = 0;
    for (JsonNode c : doc.get("classes")) {
      pairs += c.get("pairs").asInt();
      assertThat(c.get("distanceM").get("mean").asDouble(), equalTo(0.0));
      assertThat(c.get("eastM").get("mean").asDouble(), equalTo(0.0));
    }
    assertThat(pairs, greaterThan(0));
  }
}
