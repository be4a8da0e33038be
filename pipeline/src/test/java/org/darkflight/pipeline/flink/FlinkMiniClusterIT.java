package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.PipelineResult;
import org.darkflight.pipeline.runner.RunnerOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same ensemble gives byte-identical files on the DirectRunner and a Flink MiniCluster. */
class FlinkMiniClusterIT {

  static final long SAMPLES = 3_000;

  @TempDir static Path tmp;
  static Path reference;

  @BeforeAll
  static void directRunnerReference() throws Exception {
    reference = tmp.resolve("direct");
    assertThat(ToyRuns.run(new RunnerOptions(), SAMPLES, 0, reference),
        equalTo(PipelineResult.State.DONE));
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void miniClusterMatchesDirectRunner(int parallelism) throws Exception {
    Path out = tmp.resolve("minicluster-p" + parallelism);
    PipelineResult.State state = ToyRuns.run(
        new RunnerOptions().flinkLocal(true).parallelism(parallelism), SAMPLES, 0, out);
    assertThat(state, equalTo(PipelineResult.State.DONE));
    ToyRuns.assertSameFiles(reference, out);
  }

  @Test
  void referenceHoldsEverySample() throws Exception {
    // Independent of the pipeline's own sums: the total line counts every sample's weight once,
    // and each weight is in [1, 1000], so the total lies in [SAMPLES, 1000 * SAMPLES]; the cells
    // file's weights add up to the same total.
    long total = Long.parseLong(Files.readString(reference.resolve("total.txt")).trim());
    long cellSum = Files.readAllLines(reference.resolve("cells.csv")).stream()
        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(',') + 1))).sum();
    assertThat(cellSum, equalTo(total));
    assertThat(total >= SAMPLES && total <= 1000 * SAMPLES, equalTo(true));
  }
}
