package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code darkflight run --flink-local} (Flink MiniCluster in this JVM) writes byte-identical
 * artifacts to the DirectRunner, at parallelism 1 and 2.
 */
class FlinkMiniClusterIT {

  static final long SAMPLES = 2_000;

  @TempDir static Path tmp;
  static Path ensemble;
  static Path reference;

  @BeforeAll
  static void directRunnerReference() throws Exception {
    ensemble = DarkflightRuns.ensemble(tmp, SAMPLES);
    reference = tmp.resolve("direct");
    DarkflightRuns.runOk(ensemble, reference);
  }

  @Test
  void referenceHasTheArtifacts() throws Exception {
    assertThat(DarkflightRuns.relativeFiles(reference), hasItems("strewn_field_points.geojson",
        "uncertainty_ellipses.geojson", "strewn_field.kml", "strewn_field.kmz",
        "ensemble_manifest.json", "output_manifest.json"));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void miniClusterMatchesDirectRunner(int parallelism) throws Exception {
    Path out = tmp.resolve("minicluster-p" + parallelism);
    DarkflightRuns.runOk(ensemble, out, "--flink-local", "--parallelism=" + parallelism);
    DarkflightRuns.assertSameFiles(reference, out);
  }
}
