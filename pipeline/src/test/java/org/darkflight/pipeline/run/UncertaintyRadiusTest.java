package org.darkflight.pipeline.run;

import static org.darkflight.pipeline.cli.CliOutcome.run;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.pipeline.cli.CliOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code uncertainty_radius_m} of a run that drew nothing (each fragment once): its spread is that
 * of different fragments, not an uncertainty, so no point claims a radius (docs/outputs.md).
 */
class UncertaintyRadiusTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");

  @TempDir Path tmp;

  @Test
  void aRunWithoutDrawsClaimsNoUncertaintyRadius() throws Exception {
    CliOutcome r = run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--out", tmp.toString(), "--produced-utc=2024-01-01T00:00:00Z", "--no-report",
        "--no-search-plan");
    assertThat(r.err(), r.exit(), is(0));
    JsonNode features = JsonSchemas.readValidated(tmp.resolve("strewn_field_points.geojson"),
        "strewn_field_points").get("features");
    assertThat(features.size(), greaterThan(0));
    for (JsonNode f : features) {
      assertThat(f.at("/properties/uncertainty_radius_m").isNull(), is(true));
    }
  }
}
