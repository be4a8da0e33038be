package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.darkflight.io.table.FlatGeobufTable;
import org.darkflight.io.table.SampleTable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * {@code darkflight run --runner=FlinkRunner --flinkMaster=…} on a real standalone Flink session
 * cluster (JobManager and TaskManager JVMs started by runner-configs/start-flink-cluster.sh on
 * free ports), with the lean job jar staged: byte-identical artifacts to the DirectRunner at
 * parallelism 1 and 2 (among them the per-sample table's FlatGeobuf shards, written by the
 * TaskManager, and their merge), and a job that survives the loss of its TaskManager.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlinkClusterIT {

  static final long SAMPLES = 2_000;
  /** Enough samples that the job runs for several seconds on 2 slots, so the kill lands mid-job. */
  static final long SAMPLES_SLOW = 8_000;

  @TempDir static Path tmp;
  FlinkTestCluster cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = FlinkTestCluster.start(tmp.resolve("cluster"), 2);
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
      assertThat("processes left behind", cluster.liveProcesses(), equalTo(0L));
    }
  }

  /**
   * The Beam options of a cluster run at {@code parallelism}, staging the lean job jar as
   * {@code darkflight run} does by default from its jar (the job's classes on the cluster come
   * only from that jar and the cluster's own classpath).
   */
  String[] onCluster(int parallelism) {
    return new String[] {"--runner=FlinkRunner", "--flinkMaster=" + cluster.master(),
        "--parallelism=" + parallelism, "--filesToStage=" + DarkflightRuns.jobJar()};
  }

  @Order(1)
  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void clusterMatchesDirectRunner(int parallelism) throws Exception {
    Path ensemble = DarkflightRuns.ensemble(tmp, SAMPLES);
    Path reference = tmp.resolve("direct-" + SAMPLES);
    if (!reference.toFile().exists()) {
      DarkflightRuns.runOk(ensemble, reference);
    }
    Path out = tmp.resolve("cluster-p" + parallelism);
    DarkflightRuns.runOk(ensemble, out, onCluster(parallelism));
    DarkflightRuns.assertSameFiles(reference, out);
    assertTableShardsWrittenByTheTaskManager(reference, out, parallelism);
  }

  /**
   * The per-sample table written by the last job on the cluster (the run's table job): its
   * shard-writing operator ran on the cluster's TaskManager (Flink's REST API: the vertex, its
   * parallelism, the TaskManager it ran on), one FlatGeobuf file per table shard (8 for 2 000 samples in
   * ranges of 250: no single writer), and the shards merged are byte-identical to the
   * DirectRunner's merged {@code samples.fgb}.
   */
  void assertTableShardsWrittenByTheTaskManager(Path reference, Path out, int parallelism)
      throws Exception {
    JsonNode latest = null;
    for (JsonNode j : cluster.rest("/jobs/overview").path("jobs")) {
      if (latest == null || j.path("start-time").asLong() > latest.path("start-time").asLong()) {
        latest = j;
      }
    }
    assertThat("a finished job", latest != null && "FINISHED".equals(
        latest.path("state").asText()), equalTo(true));
    String jobId = latest.path("jid").asText();
    JsonNode vertex = null;
    for (JsonNode v : cluster.rest("/jobs/" + jobId).path("vertices")) {
      if (v.path("name").asText().contains("WriteTableShard")) {
        vertex = v;
      }
    }
    assertThat("a vertex writing the table shards", vertex != null, equalTo(true));
    assertThat(vertex.path("parallelism").asInt(), equalTo(parallelism));
    Set<String> taskManagers = new HashSet<>();
    for (JsonNode tm : cluster.rest("/taskmanagers").path("taskmanagers")) {
      taskManagers.add(tm.path("id").asText());
    }
    JsonNode ran = cluster.rest("/jobs/" + jobId + "/vertices/" + vertex.path("id").asText()
        + "/taskmanagers").path("taskmanagers");
    assertThat(ran.size(), greaterThan(0));
    for (JsonNode tm : ran) {
      assertThat("ran on a TaskManager of the cluster",
          taskManagers.contains(tm.path("taskmanager-id").asText()), equalTo(true));
    }
    assertThat(vertex.path("status").asText(), equalTo("FINISHED"));

    List<Path> shards;
    try (Stream<Path> s = Files.list(out.resolve(SampleTable.SHARD_DIR))) {
      shards = s.sorted().toList();
    }
    assertThat(shards, hasSize((int) (SAMPLES / 250)));
    Path merged = tmp.resolve("merged-p" + parallelism + ".fgb");
    assertThat(FlatGeobufTable.merge(shards, merged), equalTo(SAMPLES));
    assertThat(Files.mismatch(merged, reference.resolve(SampleTable.FLATGEOBUF_FILE)),
        equalTo(-1L));
  }

  @Order(2)
  @Test
  void jobSurvivesTaskManagerKilledMidJob() throws Exception {
    Path ensemble = DarkflightRuns.ensemble(tmp, SAMPLES_SLOW);
    Path reference = tmp.resolve("direct-" + SAMPLES_SLOW);
    DarkflightRuns.runOk(ensemble, reference);

    Path out = tmp.resolve("cluster-killed");
    ExecutorService submitter = Executors.newSingleThreadExecutor();
    try {
      Future<DarkflightRuns.Result> job = submitter.submit(
          () -> DarkflightRuns.run(ensemble, out, onCluster(2)));
      String jobId = awaitRunningJob(job);
      var before = cluster.liveTaskManagerPids();
      assertThat(before, hasSize(1));
      Thread.sleep(2_000); // let the tasks get into the samples
      cluster.killTaskManager(before.get(0));
      assertThat("job finished before the kill; give it more samples", job.isDone(),
          equalTo(false));
      cluster.startTaskManager();

      DarkflightRuns.Result r = job.get(5, TimeUnit.MINUTES);
      assertThat("darkflight run failed: " + r.err(), r.exitCode(), equalTo(0));
      // The kill really hit the running job: Flink recorded the failure and restarted it.
      JsonNode exceptions = cluster.rest("/jobs/" + jobId + "/exceptions");
      assertThat(exceptions.path("exceptionHistory").path("entries").size(), greaterThan(0));
      // Same bytes as an undisturbed run, and nothing half-written: no shard or temp files.
      DarkflightRuns.assertSameFiles(reference, out);
    } finally {
      submitter.shutdownNow();
    }
  }

  /** Waits until one job is RUNNING with at least one task running; returns its id. */
  String awaitRunningJob(Future<?> job) throws Exception {
    for (int i = 0; i < 3_000; i++) {
      if (job.isDone()) {
        throw new AssertionError("job ended before it was seen running: " + job.get());
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
    throw new AssertionError("no job reached RUNNING within 5 min");
  }
}
