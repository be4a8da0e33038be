package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.process.StageRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every JSON document {@code darkflight process} writes passes its schema: the artifacts and
 * normalized copies, every stage cache record and the metrics, read back from disk.
 */
class ProcessArtifactsSchemaTest {

  @TempDir Path tmp;

  @Test
  void everyWrittenJsonDocumentPassesItsSchema() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(ProjectFixture.process(root, false).succeeded(), is(true));
    ProjectLayout layout = new ProjectLayout(root, ProjectFixture.EVENT);
    List<String> checked = new ArrayList<>();
    for (ArtifactId a : ArtifactId.values()) {
      Path f = a.path(layout);
      if (!a.raw() && a.directory() && Files.isDirectory(f)) {
        List<Path> files = ArtifactFiles.files(f);
        assertThat(a.role() + " has files", files.isEmpty(), is(false));
        for (Path doc : files) {
          check(doc, a.schema());
        }
        checked.add(a.role());
        continue;
      }
      if (a.raw() || !a.ext().equals("json") || !Files.isRegularFile(f)) {
        continue;
      }
      check(f, a.schema());
      checked.add(a.role());
    }
    assertThat(checked.toString(), checked.containsAll(List.of("event", "atmos_profile",
        "physics_config", "model_manifest", "fragments", "ensemble_config", "run_manifest",
        "ensemble_manifest", "validation_status", "provenance_graph", "output_manifest",
        "trajectories")),
        is(true));
    int records = 0;
    try (Stream<Path> s = Files.walk(layout.cacheDir())) {
      for (Path f : s.filter(p -> p.getFileName().toString().equals(StageRecord.FILE))
          .toList()) {
        check(f, "stage_record");
        records++;
      }
    }
    assertThat(records, is(Coordinator.STAGES.size()));
    check(EventProcessor.metricsFile(layout), "metrics");
  }

  private static void check(Path file, String schema) throws Exception {
    JsonNode n = JsonSchemas.read(file);
    assertThat(file + " against " + schema, JsonSchemas.violations(n, schema), empty());
  }
}
