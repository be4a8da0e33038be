package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.darkflight.pipeline.cli.DarkflightCli;
import org.darkflight.pipeline.cli.ProcessCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code darkflight reprocess}: summary, idempotence, --since, the cron lock. */
class ReprocessCommandTest {

  @TempDir Path tmp;

  private static String[] run(String... args) {
    CommandLine cl = DarkflightCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void reprocessIsIdempotentAndLocked() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    String events = root.resolve("data/events").toString();
    String[] first = run("reprocess", "--events-root", events,
        "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(first[2], first[0], is("0"));
    assertThat(first[1], matchesPattern("(?s).*synthetic-calm\\s+updated\\s+7\\s+0.*"));
    String[] second = run("reprocess", "--events-root", events,
        "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(second[1], matchesPattern("(?s).*synthetic-calm\\s+unchanged\\s+0\\s+7.*"));
    String[] since = run("reprocess", "--events-root", events, "--since", "2999-01-01");
    assertThat(since[1], containsString("0 events, 0 failed, 1 unchanged since 2999-01-01"));

    Path lock = root.resolve("logs/reprocess.lock");
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      String[] busy = run("reprocess", "--events-root", events);
      assertThat(busy[0], is(Integer.toString(ProcessCommand.EXIT_BUSY)));
      assertThat(busy[2], containsString("holds"));
      assertThat(held.isValid(), is(true));
    }
    assertThat(Files.exists(root.resolve("logs/synthetic-calm.log")), is(true));
  }

  @Test
  void processDryRunPrintsThePlan() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    String[] r = run("process", "--event-dir",
        root.resolve("data/events/synthetic-calm").toString(), "--dry-run");
    assertThat(r[2], r[0], is("0"));
    assertThat(r[1], matchesPattern("(?s).*S1\\s+ingest\\s+miss\\s+[0-9a-f]{12}.*"));
    assertThat(r[1], matchesPattern("(?s).*S10\\s+provenance\\s+miss\\s+-.*"));
    assertThat(Files.exists(root.resolve("cache")), is(false));
  }

  @Test
  void anUnknownConfigurationKeyExitsTwoWithOneLineNamingTheKnownKeys() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    String event = root.resolve("data/events/synthetic-calm").toString();
    String[] r = run("process", "--event-dir", event, "--set", "physics.cd_base=1.3");
    assertThat(r[0], is("2"));
    assertThat(r[2].strip().lines().count(), is(1L));
    assertThat(r[2], org.hamcrest.Matchers.containsString(
        "unknown configuration key physics.cd_base; known keys of [physics]: drag_model, "
        + "cd_scale, ablation.enabled"));
    String[] precision = run("process", "--event-dir", event, "--set",
        "output.geo_precision_decimals=4", "--dry-run");
    assertThat(precision[0], is("2"));
    assertThat(precision[2], org.hamcrest.Matchers.containsString("must be 5"));
    assertThat(Files.exists(root.resolve("cache")), is(false));
    assertThat(Files.exists(root.resolve("artifacts")), is(false));
  }

  /**
   * An {@code [ensemble]} value of the wrong type or range is refused before any stage runs, like
   * a {@code [physics]} one: exit 2, one line naming the key and where it was set, nothing
   * written (it used to fail S4 with exit 1).
   */
  @Test
  void aBadEnsembleValueExitsTwoBeforeAnyStageNamingTheKey() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    String event = root.resolve("data/events/synthetic-calm").toString();
    for (String set : new String[] {"ensemble.samples=\"many\"", "ensemble.samples=0"}) {
      String[] r = run("process", "--event-dir", event, "--set", set);
      assertThat(set + ": " + r[2], r[0], is("2"));
      assertThat(r[2].strip().lines().count(), is(1L));
      assertThat(r[2], org.hamcrest.Matchers.containsString("ensemble_config.json with the "
          + "configuration's "));
      assertThat(r[2], org.hamcrest.Matchers.containsString("ensemble.samples from --set: "
          + "/samples: "));
      assertThat(Files.exists(root.resolve("cache")), is(false));
      assertThat(Files.exists(root.resolve("artifacts")), is(false));
    }
    String[] fine = run("process", "--event-dir", event, "--set", "ensemble.samples=3",
        "--dry-run");
    assertThat(fine[2], fine[0], is("0"));
  }
}
