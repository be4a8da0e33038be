package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.darkflight.io.InputException;
import org.darkflight.pipeline.runner.FlinkMasterProbe;
import org.darkflight.pipeline.runner.RunnerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job aimed at a Flink master that is not there fails before anything is built or written,
 * with one line naming the address and what to do, instead of Flink's minutes of retries.
 */
class FlinkUnreachableMasterIT {

  @TempDir Path tmp;

  @Test
  void nothingListeningFailsFastWithClearMessage() throws Exception {
    String master = "localhost:" + FlinkTestCluster.freePort();
    RunnerOptions options = new RunnerOptions().runner("FlinkRunner").flinkMaster(master)
        .filesToStage(ToyRuns.cliJar().toString());
    FlinkMasterProbe.UnreachableException e = assertThrows(
        FlinkMasterProbe.UnreachableException.class,
        () -> ToyRuns.run(options, 10, 0, tmp.resolve("out")));
    assertThat(e.getMessage(), containsString("Flink master " + master + " is unreachable"));
    assertThat(e.getMessage(), containsString("connection refused"));
    assertThat(e.getMessage(), containsString("--flink-local"));
    assertThat(tmp.resolve("out").toFile().exists(), org.hamcrest.Matchers.equalTo(false));
  }

  @Test
  void somethingElseListeningIsNotTakenForFlink() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "not flink".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(404, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      String master = "localhost:" + server.getAddress().getPort();
      FlinkMasterProbe.UnreachableException e = assertThrows(
          FlinkMasterProbe.UnreachableException.class,
          () -> new RunnerOptions().runner("FlinkRunner").flinkMaster(master)
              .filesToStage(ToyRuns.cliJar().toString()).create());
      assertThat(e.getMessage(), containsString("answered HTTP 404"));
      assertThat(e.getMessage(), containsString("not like a Flink REST endpoint"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void malformedMasterIsBadInput() {
    InputException e = assertThrows(InputException.class,
        () -> new RunnerOptions().runner("FlinkRunner").flinkMaster("localhost")
            .filesToStage(ToyRuns.cliJar().toString()).create());
    assertThat(e.getMessage(), containsString("--flinkMaster"));
    assertThat(e.getMessage(), containsString("HOST:PORT"));
  }
}
