package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code darkflight calibrate}: one find keeps the baseline; a bad find is rejected. */
class CalibrateCommandTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  @TempDir
  Path out;

  private int calibrate(Path finds) {
    return DarkflightCli.run("calibrate", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--finds", finds.toString(), "--out", out.toString(),
        "--produced-utc", "2026-01-01T00:00:00Z");
  }

  @Test
  void oneFindKeepsTheBaselineAndSaysSo() throws Exception {
    assertThat(calibrate(Path.of("../testdata/uq/finds-one.json")), equalTo(0));
    JsonNode doc = new ObjectMapper().readTree(out.resolve(CalibrateCommand.FILE).toFile());
    assertThat(doc.get("calibrated").asBoolean(), equalTo(false));
    assertThat(doc.get("message").asText(), containsString("insufficient evidence"));
    assertThat(doc.get("parameters").get("along_track_offset_m").get("value").asDouble(),
        equalTo(0.0));
    assertThat(doc.get("parameters").get("cd_scale").get("value").asDouble(), equalTo(1.0));
  }

  @Test
  void negativeMassIsBadInputAndWritesNothing() throws Exception {
    Path bad = out.resolve("bad.json");
    Files.writeString(bad, "{\"finds\":[{\"id\":\"a\",\"latitude_deg\":41.5,"
        + "\"longitude_deg\":-87.7,\"mass_kg\":-1,\"position_sigma_m\":10}]}");
    assertThat(calibrate(bad), equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(Files.exists(out.resolve(CalibrateCommand.FILE)), equalTo(false));
  }
}
