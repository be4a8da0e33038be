package org.darkflight.pipeline.flink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code darkflight run} aimed at a Flink master that is not there fails before anything is built
 * or written, with one line naming the address and what to do, instead of Flink's minutes of
 * retries.
 */
class FlinkUnreachableMasterIT {

  @TempDir Path tmp;

  @Test
  void nothingListeningFailsFastWithClearMessage() throws Exception {
    String master = "localhost:" + FlinkTestCluster.freePort();
    Path out = tmp.resolve("out");
    DarkflightRuns.Result r = DarkflightRuns.run(DarkflightRuns.ensemble(tmp, 10), out,
        "--runner=FlinkRunner", "--flinkMaster=" + master,
        "--filesToStage=" + DarkflightRuns.cliJar());
    assertThat(r.exitCode(), equalTo(DarkflightCli.EXIT_FAILURE));
    assertThat(r.err(), containsString("error: Flink master " + master + " is unreachable"));
    assertThat(r.err(), containsString("connection refused"));
    assertThat(r.err(), containsString("--flink-local"));
    assertThat("one line", r.err().strip().lines().count(), equalTo(1L));
    assertThat("nothing written", Files.exists(out), equalTo(false));
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
      DarkflightRuns.Result r = DarkflightRuns.run(DarkflightRuns.ensemble(tmp, 10),
          tmp.resolve("out"), "--runner=FlinkRunner", "--flinkMaster=" + master,
          "--filesToStage=" + DarkflightRuns.cliJar());
      assertThat(r.exitCode(), equalTo(DarkflightCli.EXIT_FAILURE));
      assertThat(r.err(), containsString("answered HTTP 404"));
      assertThat(r.err(), containsString("not like a Flink REST endpoint"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void malformedMasterIsAUsageError() throws Exception {
    DarkflightRuns.Result r = DarkflightRuns.run(DarkflightRuns.ensemble(tmp, 10),
        tmp.resolve("out"), "--runner=FlinkRunner", "--flinkMaster=localhost");
    assertThat(r.exitCode(), equalTo(2));
    assertThat(r.err(), containsString("--flinkMaster: expected HOST:PORT"));
  }
}
