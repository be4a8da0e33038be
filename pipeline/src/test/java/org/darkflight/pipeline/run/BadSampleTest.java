package org.darkflight.pipeline.run;

import static org.darkflight.pipeline.cli.CliOutcome.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.json.Json;
import org.darkflight.pipeline.cli.CliOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad sample never sinks an ensemble (issue 19 §3). */
class BadSampleTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");
  private static final String PRODUCED = "--produced-utc=2024-01-01T00:00:00Z";

  @TempDir Path tmp;

  @Test
  void latitudeDrawsPastThePoleAreInvalidDrawFailures() throws Exception {
    Path ensemble = tmp.resolve("ensemble_config.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 40, "random_seed": 7,
         "distributions": {"lat": {"dist": "normal", "params": {"sigma": 40}}}}""");
    Path out = tmp.resolve("out");
    CliOutcome r = run("run",
        "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(),
        // a few draws past the poles are expected here: allow them (--max-failure-share)
        "--max-failure-share", "0.5", "--out", out.toString(), PRODUCED);
    assertThat(r.err(), r.exit(), is(0));
    JsonNode manifest = Json.mapper().readTree(out.resolve("ensemble_manifest.json").toFile());
    String text = manifest.toString();
    assertThat(text, containsString("INVALID_DRAW"));
    assertThat(text, containsString("lat"));
    assertThat(manifest.get("failed").asInt(), greaterThan(0));
    for (JsonNode row : manifest.get("rows")) {
      if (row.get("status").asText().equals("failed")) {
        // a reason is a named cause, never an exception class name
        assertThat(row.toString(), row.path("failure_reason").asText(),
            matchesPattern("[A-Z_]+"));
      }
    }
  }
}
