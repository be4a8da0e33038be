package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.PipelineResult;
import org.darkflight.pipeline.runner.RunnerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Darkflight on a real standalone Flink session cluster (JobManager and TaskManager JVMs started
 * by runner-configs/start-flink-cluster.sh on free ports): byte-identical output to the
 * DirectRunner at parallelism 1 and 2, and a job that survives the loss of its TaskManager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterIT {

  static final long SAMPLES = 3_000;
  /** Per-sample sleep for the fault test: ~1500 samples per slot x 5 ms, several seconds. */
  static final long SLOW_MS = 5;

  @TempDir static Path tmp;
  FlinkTestCluster cluster;
  Path reference;
  String stagedJars;

  @BeforeAll
  void startClusterAndReference() throws Exception {
    reference = tmp.resolve("direct");
    assertThat(ToyRuns.run(new RunnerOptions(), SAMPLES, 0, reference),
        equalTo(PipelineResult.State.DONE));
    stagedJars = ToyRuns.cliJar() + "," + ToyRuns.testClassesJar(tmp);
    cluster = FlinkTestCluster.start(tmp.resolve("cluster"), 2);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
      assertThat("processes left behind", cluster.liveProcesses(), equalTo(0L));
    }
  }

  RunnerOptions onCluster(int parallelism) {
    return new RunnerOptions().runner("FlinkRunner").flinkMaster(cluster.master())
        .parallelism(parallelism).filesToStage(stagedJars);
  }

  @Order(1)
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void clusterMatchesDirectRunner(int parallelism) throws Exception {
    Path out = tmp.resolve("cluster-p" + parallelism);
    assertThat(ToyRuns.run(onCluster(parallelism), SAMPLES, 0, out),
        equalTo(PipelineResult.State.DONE));
    ToyRuns.assertSameFiles(reference, out);
  }

  @Order(2)
  @Test
  void jobSurvivesTaskManagerKilledMidJob() throws Exception {
    Path out = tmp.resolve("cluster-killed");
    ExecutorService submitter = Executors.newSingleThreadExecutor();
    try {
      Future<PipelineResult.State> job = submitter.submit(
          () -> ToyRuns.run(onCluster(2), SAMPLES, SLOW_MS, out));
      String jobId = awaitRunningJob(job);
      List<Long> before = cluster.liveTaskManagerPids();
      assertThat(before, hasSize(1));
      Thread.sleep(1_500); // let the tasks get into the samples
      cluster.killTaskManager(before.get(0));
      assertThat("job finished before the kill; make it slower", job.isDone(), equalTo(false));
      cluster.startTaskManager();

      assertThat(job.get(5, TimeUnit.MINUTES), equalTo(PipelineResult.State.DONE));
      // The kill really hit the running job: Flink recorded the failure and restarted it.
      JsonNode exceptions = cluster.rest("/jobs/" + jobId + "/exceptions");
      assertThat(exceptions.path("exceptionHistory").path("entries").size(), greaterThan(0));
      // Same bytes as an undisturbed run, and nothing half-written (no temp files or dirs).
      ToyRuns.assertSameFiles(reference, out);
    } finally {
      submitter.shutdownNow();
    }
  }

  /** Waits until one job is RUNNING with at least one task running; returns its id. */
  String awaitRunningJob(Future<?> job) throws Exception {
    for (int i = 0; i < 1_200; i++) {
      if (job.isDone()) {
        job.get(); // surfaces the submission's exception
        throw new AssertionError("job ended before it was seen running");
      }
      for (JsonNode j : cluster.rest("/jobs/overview").path("jobs")) {
        if ("RUNNING".equals(j.path("state").asText())) {
          String id = j.path("jid").asText();
          for (JsonNode v : cluster.rest("/jobs/" + id).path("vertices")) {
            if ("RUNNING".equals(v.path("status").asText())) {
              return id;
            }
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no job reached RUNNING within 2 min");
  }
}
