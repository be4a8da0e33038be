package org.darkflight.pipeline.obs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text form of the log, for a person at a terminal. */
class JsonLogTextTest {

  @Test
  void textLogLeavesOutNullsAndRoundsFigures() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("landed", 48L);
    m.put("runtime_s", 12.345678912);
    m.put("fragment", null);
    m.put("rate", 0.000123456789);
    m.put("nested", new LinkedHashMap<>(Map.of("x_m", 1234.56789)));
    String line = JsonLog.text(java.time.Instant.EPOCH, JsonLog.Level.INFO, "t", null, null,
        "done", m);
    assertThat(line, not(containsString("null")));
    assertThat(line, not(containsString("fragment=")));
    assertThat(line, containsString("landed=48 "));
    assertThat(line, containsString("runtime_s=12.35 "));
    assertThat(line, containsString("rate=0.0001235"));
    assertThat(line, containsString("nested={x_m=1235}"));
  }
}
