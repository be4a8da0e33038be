package org.darkflight.pipeline.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 §5: {@code darkflight sensitivity --run DIR} on a finished run writes
 * {@code sensitivity.json} into it and redraws its {@code report.html}, which then shows the
 * sensitivity table (one row per parameter, the indices as in the file) where it said "No
 * sensitivity.json" before; the manifest's hash of the report is that of the redrawn page.
 */
class SensitivityRedrawTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  @TempDir
  Path dir;

  @Test
  void sensitivityIntoARunRedrawsItsReport() throws Exception {
    Path run = dir.resolve("run");
    assertThat(DarkflightCli.run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", "../testdata/uq/park-forest-mc-small.json",
        "--out", run.toString(), "--produced-utc", "2026-01-01T00:00:00Z"), equalTo(0));
    Path report = run.resolve("report.html");
    String before = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(before, containsString("No <code>sensitivity.json</code> in this run."));

    Path ensemble = dir.resolve("ensemble.json");
    Files.writeString(ensemble, """
        {"mode": "monte_carlo", "samples": 10, "random_seed": 7, "sampling": "latin_hypercube",
         "distributions": {"wind_scale": {"dist": "uniform", "params": {"min": 0.7, "max": 1.3}},
                           "cd": {"dist": "normal", "params": {"sigma": 0.05}}}}
        """, StandardCharsets.UTF_8);
    assertThat(DarkflightCli.run("sensitivity", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--ensemble", ensemble.toString(), "--samples", "8", "--bootstrap", "10",
        "--threads", "2", "--run", run.toString(), "--produced-utc", "2026-01-01T00:00:00Z"),
        equalTo(0));

    String after = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(after, not(containsString("No <code>sensitivity.json</code> in this run.")));
    assertThat(after, containsString("From <code>sensitivity.json</code>"));
    JsonNode sens = new ObjectMapper().readTree(run.resolve("sensitivity.json").toFile());
    int rows = 0;
    for (JsonNode c : sens.get("classes")) {
      for (JsonNode p : c.get("parameters")) {
        String row = "<tr><td>" + p.get("name").asText() + "</td><td>" + p.get("unit").asText()
            + "</td><td class=\"num\">" + String.format(Locale.ROOT, "%.3f",
                p.get("first_order_index").asDouble());
        assertThat(after, containsString(row));
        rows++;
      }
    }
    // and one more in the report's list of artifacts: sensitivity.json itself
    assertThat(after, containsString("<tr><td>sensitivity.json</td>"));
    assertThat("a table row per class and parameter", count(after, "<tr><td>"),
        equalTo(count(before, "<tr><td>") + rows + 1));

    JsonNode manifest = new ObjectMapper().readTree(run.resolve("output_manifest.json")
        .toFile());
    String hash = null;
    String sensHash = null;
    String sensType = null;
    for (JsonNode a : manifest.findValues("artifacts").get(0)) {
      if (a.get("path").asText().equals("report.html")) {
        hash = a.get("sha256").asText();
      }
      if (a.get("path").asText().equals("sensitivity.json")) {
        sensHash = a.get("sha256").asText();
        sensType = a.get("type").asText();
      }
    }
    assertThat(hash, equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(report)))));
    // sensitivity.json is listed with its own hash, so the manifest describes the directory
    assertThat(sensHash, equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(run.resolve("sensitivity.json"))))));
    assertThat(sensType, equalTo("json"));
    org.darkflight.pipeline.run.FinishedRun.require(run);
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
