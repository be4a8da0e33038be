package org.darkflight.io.run;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.json: null figures with reasons, valid against its schema. */
class MetricsDocumentTest {

  @TempDir Path tmp;

  @Test
  void nullFiguresAreWrittenAsNullWithTheirReasons() throws Exception {
    MetricsDocument d = new MetricsDocument(MetricsDocument.SCHEMA_ID, "process", "ev", 0.0, 1.5,
        0, 0, null, "no samples simulated", 0.5, null, null, "validation skipped",
        List.of(new MetricsDocument.Stage("S1", "ingest", "hit", 0.0, 1)));
    Path f = tmp.resolve("metrics.json");
    d.write(f);
    JsonNode n = JsonSchemas.read(f);
    assertThat(JsonSchemas.violations(n, "metrics"), empty());
    assertThat(n.get("fragments_per_second").isNull(), is(true));
    assertThat(n.has("cache_hit_ratio_reason"), is(false));
    assertThat(n.get("validation_pass_rate").isNull(), is(true));
    assertThat(n.at("/stages/0/outcome").asText(), is("hit"));
  }

  @Test
  void aNullFigureWithoutAReasonIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MetricsDocument(
        MetricsDocument.SCHEMA_ID, "run", "ev", 1, 1, 1, 0, 1.0, null, null, null, null, "x",
        List.of()));
  }
}
