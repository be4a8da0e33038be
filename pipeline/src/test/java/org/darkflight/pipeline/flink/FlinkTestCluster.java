package org.darkflight.pipeline.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real standalone Flink session cluster for one test class, started and stopped with
 * {@code runner-configs/start-flink-cluster.sh} / {@code stop-flink-cluster.sh} in its own run
 * directory on free ports. {@link #close()} stops it; a JVM shutdown hook kills whatever the PID
 * files still name if the test JVM ends without closing it, so no process is left behind.
 */
final class FlinkTestCluster implements AutoCloseable {

  /** The marker the start script puts on both JVMs' command lines. */
  private static final String RUN_DIR_FLAG = "-Ddarkflight.flink.run-dir=";

  private final Path repoRoot;
  private final Path runDir;
  private final int restPort;
  private final int rpcPort;
  private final Thread shutdownHook;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private boolean closed;

  private FlinkTestCluster(Path repoRoot, Path runDir, int restPort, int rpcPort) {
    this.repoRoot = repoRoot;
    this.runDir = runDir;
    this.restPort = restPort;
    this.rpcPort = rpcPort;
    this.shutdownHook = new Thread(this::killAll, "flink-test-cluster-reaper");
  }

  /** The repository root (holds runner-configs/), from the failsafe system property. */
  static Path repoRoot() {
    return Paths.get(System.getProperty("darkflight.repoRoot", "..")).toAbsolutePath().normalize();
  }

  /** Starts a cluster (JobManager + one TaskManager with {@code slots} slots). */
  static FlinkTestCluster start(Path runDir, int slots) throws IOException, InterruptedException {
    FlinkTestCluster c = new FlinkTestCluster(repoRoot(), runDir.toAbsolutePath(), freePort(),
        freePort());
    Runtime.getRuntime().addShutdownHook(c.shutdownHook);
    boolean ok = false;
    try {
      c.script("start-flink-cluster.sh", List.of(), "FLINK_SLOTS", Integer.toString(slots));
      ok = true;
      return c;
    } finally {
      if (!ok) {
        c.close();
      }
    }
  }

  /** {@code localhost:<rest port>}, the value of {@code --flinkMaster}. */
  String master() {
    return "localhost:" + restPort;
  }

  Path runDir() {
    return runDir;
  }

  /** PIDs of the TaskManagers started so far that are still alive. */
  List<Long> liveTaskManagerPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (Stream<Path> files = Files.list(runDir.resolve("pids"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("taskmanager-"))
          .sorted().toList()) {
        long pid = Long.parseLong(Files.readString(f).trim());
        if (ours(pid).isPresent()) {
          pids.add(pid);
        }
      }
    }
    return pids;
  }

  /** Kills a TaskManager with SIGKILL (no clean shutdown) and waits until it is gone. */
  void killTaskManager(long pid) throws InterruptedException {
    ProcessHandle h = ours(pid).orElseThrow(
        () -> new IllegalStateException("pid " + pid + " is not a TaskManager of " + runDir));
    h.destroyForcibly();
    try {
      h.onExit().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("TaskManager " + pid + " did not die", e);
    }
  }

  /** Starts one more TaskManager and waits until it has registered. */
  void startTaskManager() throws IOException, InterruptedException {
    script("start-flink-cluster.sh", List.of("--taskmanager-only"));
  }

  /** GETs a REST path of the JobManager and parses the JSON answer. */
  JsonNode rest(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create("http://" + master() + path))
            .timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return new ObjectMapper().readTree(r.body());
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      script("stop-flink-cluster.sh", List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      killAll();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; nothing to remove
      }
    }
  }

  /** Number of live processes started for this run directory (0 after close). */
  long liveProcesses() {
    return ProcessHandle.allProcesses().filter(this::isOurs).count();
  }

  /** Kills every process of this cluster, found by its command-line marker. */
  private void killAll() {
    ProcessHandle.allProcesses().filter(this::isOurs).forEach(h -> {
      h.destroyForcibly();
      try {
        h.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        // best effort on the way out
      }
    });
  }

  private Optional<ProcessHandle> ours(long pid) {
    return ProcessHandle.of(pid).filter(this::isOurs);
  }

  /**
   * Whether the process carries this cluster's command-line marker. Reads /proc directly:
   * {@code ProcessHandle.Info.arguments()} is empty for long command lines like these.
   */
  private boolean isOurs(ProcessHandle h) {
    try {
      byte[] cmdline = Files.readAllBytes(Paths.get("/proc", Long.toString(h.pid()), "cmdline"));
      return List.of(new String(cmdline, StandardCharsets.UTF_8).split("\0"))
          .contains(RUN_DIR_FLAG + runDir);
    } catch (IOException | UncheckedIOException e) {
      return false; // gone, or not ours to read
    }
  }

  private void script(String name, List<String> args, String... env)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add("bash");
    cmd.add(repoRoot.resolve("runner-configs").resolve(name).toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("FLINK_CLUSTER_DIR", runDir.toString());
    pb.environment().put("FLINK_REST_PORT", Integer.toString(restPort));
    pb.environment().put("FLINK_RPC_PORT", Integer.toString(rpcPort));
    for (int i = 0; i + 1 < env.length; i += 2) {
      pb.environment().put(env[i], env[i + 1]);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException(name + " did not finish:\n" + out);
    }
    System.out.print(out);
    if (p.exitValue() != 0) {
      throw new IOException(name + " " + args + " exited " + p.exitValue() + ":\n" + out);
    }
  }

  /** A port nothing listens on right now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
