package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code darkflight process} writes about its ensemble: input paths relative to the project
 * root (docs/operations.md), and a failed stage when too many samples fail (issue 15 §4, §5).
 */
class ProcessRunTruthTest {

  @TempDir Path tmp;

  @Test
  void inputPathsInTheGeoMetaAndRunManifestAreRelativeToTheProjectRoot() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    Path art = root.resolve("artifacts/synthetic-calm");
    List<String> paths = new ArrayList<>();
    JsonNode points = JsonSchemas.readValidated(
        art.resolve("geo/synthetic-calm__strewn_field_points__v1.geojson"), "strewn_field_points");
    points.at("/meta/inputs").forEach(i -> paths.add(i.path("path").asText()));
    JsonNode run = JsonSchemas.readValidated(
        art.resolve("sim/synthetic-calm__run_manifest__v1.json"), "output_manifest");
    run.at("/run/inputs").forEach(i -> paths.add(i.path("path").asText()));
    String kml = Files.readString(art.resolve("geo/synthetic-calm__strewn_field__v1.kml"));
    assertThat(paths.size(), org.hamcrest.Matchers.greaterThan(4));
    for (String p : paths) {
      assertThat(p, not(startsWith("/")));
      assertThat(p, Files.isRegularFile(root.resolve(p)), is(true));
      assertThat(kml, containsString(p));
    }
    assertThat(kml, not(containsString(root.toString())));
  }

  @Test
  void anEnsembleBeyondTheFailureShareFailsItsStageWithShareAndCauses() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    Coordinator.Result r = ProjectFixture.process(root, false, "ensemble.mode=\"monte_carlo\"",
        "ensemble.samples=12", "ensemble.distributions={density_kgm3={dist=\"uniform\","
            + "params={min=-2000, max=-1000}}}");
    assertThat(r.succeeded(), is(false));
    JsonNode manifest = JsonSchemas.readValidated(r.outputManifest(), "output_manifest");
    String status = "";
    for (JsonNode s : manifest.at("/run/stages")) {
      if (s.path("status").asText().startsWith("failed")) {
        status = s.path("status").asText();
      }
    }
    assertThat(status, containsString("12 of 12 samples failed"));
    assertThat(status, containsString("max_failure_share 0.01"));
    assertThat(status, containsString("INVALID_DRAW 12"));
    assertThat(Files.exists(root.resolve(
        "artifacts/synthetic-calm/geo/synthetic-calm__strewn_field_points__v1.geojson")),
        is(false));
  }
}
