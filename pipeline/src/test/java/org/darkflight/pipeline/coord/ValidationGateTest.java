package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.Hashing;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.analysis.validate.ParityGuard;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 §2: in {@code process}, S8 validates S5's landings, and the geo artifacts reach
 * {@code artifacts/} only when S8 does not fail.
 */
class ValidationGateTest {

  @TempDir Path tmp;

  @Test
  void aBreachedGoldenFailsTheRunAndPublishesNoGeoArtifact() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    // first a run without a spec: S8 skipped, geo artifacts published
    Coordinator.Result first = ProjectFixture.process(root, false);
    assertThat(first.succeeded(), is(true));
    Path geo = root.resolve("artifacts/synthetic-calm/geo");
    Path points = geo.resolve("synthetic-calm__strewn_field_points__v1.geojson");
    assertThat(Files.exists(points), is(true));
    assertThat(status(first, "validation"), startsWith("skipped: "));

    // a golden 10 km away from where fragment f1kg lands
    Path raw = ProjectFixture.eventDir(root).resolve("raw");
    ObjectNode g = Json.mapper().createObjectNode();
    ObjectNode meta = g.putObject("meta");
    meta.put("schema_version", "1.0.0").put("created_utc", "2024-01-01T00:00:00Z")
        .put("producer", "test").put("source", "made up, 10 km off");
    g.put("event_id", "synthetic-calm").put("method", "fries_v42")
        .put("workbook", "none.xlsx").put("workbook_sha256", "0".repeat(64))
        .put("utm_zone", "33N");
    g.putArray("fragments").addObject().put("fragment_id", "f1kg").put("mass_kg", 1.0)
        .put("easting_m", 510000.0).put("northing_m", 5010000.0).put("fall_time_s", 30.0);
    meta.put("metadata_hash", ParityGuard.metadataHash(g));
    Path golden = raw.resolve("golden.json");
    Files.write(golden, Json.toCanonicalBytes(g));
    Files.writeString(raw.resolve("validation_spec.json"), "{\"tolerances\":{"
        + "\"centroid_error_m\":1.0,\"point_error_m\":1.0},\"metrics\":[\"centroid_delta\","
        + "\"max_point_delta\"],\"golden_events\":[{\"id\":\"calm\",\"artifact_hash\":\""
        + Hashing.sha256Hex(Files.readAllBytes(golden)) + "\",\"golden\":\"golden.json\"}]}");

    Coordinator.Result second = ProjectFixture.process(root, false);
    assertThat(second.succeeded(), is(false));
    assertThat(status(second, "validation"), containsString("failed: validation against"));
    assertThat(JsonSchemas.read(second.outputManifest()).path("run").path("validation_status")
        .asText(), startsWith("failed: validation against"));
    assertThat("no map outlives a failed validation", Files.exists(points), is(false));
    assertThat(Files.exists(geo.resolve("synthetic-calm__strewn_field__v1.kml")), is(false));
    Path report = root.resolve(
        "artifacts/synthetic-calm/validation/synthetic-calm__validation_report__v1.md");
    assertThat(Files.readString(report), containsString("**BREACH**"));
    assertThat(Files.readString(root.resolve("artifacts/synthetic-calm/validation/"
        + "synthetic-calm__validation_status__v1.json")), containsString("\"failed\""));
  }

  private static String status(Coordinator.Result r, String stage) {
    return r.stages().stream().filter(s -> s.stage().name().equals(stage)).findFirst()
        .orElseThrow().status();
  }

  @Test
  void stageOrderKeepsValidationBeforeProvenance() {
    assertThat(Coordinator.STAGES.get(5).name(), equalTo(Coordinator.VALIDATION));
  }
}
