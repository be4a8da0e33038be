package org.darkflight.pipeline.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerSetupTest {

  @TempDir Path tmp;

  @Test
  void directRunnerArgumentsPassThroughUnchanged() {
    List<String> args = List.of("--runner=DirectRunner", "--targetParallelism=4");
    assertThat(RunnerSetup.beamArgs(args, false), equalTo(args));
    assertThat(RunnerSetup.beamArgs(List.of(), false), equalTo(List.of()));
  }

  @Test
  void flinkLocalMeansFlinkRunnerOnEmbeddedMiniClusterWithRestarts() {
    List<String> args = RunnerSetup.beamArgs(List.of("--parallelism=2"), true);
    assertThat(RunnerSetup.value(args, "runner"), equalTo("FlinkRunner"));
    assertThat(RunnerSetup.value(args, "flinkMaster"), equalTo("[local]"));
    assertThat(RunnerSetup.value(args, "parallelism"), equalTo("2"));
    assertThat(RunnerSetup.value(args, "numberOfExecutionRetries"), equalTo("3"));
    assertThat(RunnerSetup.value(args, "executionRetryDelay"), equalTo("5000"));
    assertThat("no staging for an embedded cluster", RunnerSetup.value(args, "filesToStage"),
        nullValue());
  }

  @Test
  void userRestartSettingsWin() {
    List<String> args = RunnerSetup.beamArgs(
        List.of("--numberOfExecutionRetries=7", "--executionRetryDelay=100"), true);
    assertThat(RunnerSetup.value(args, "numberOfExecutionRetries"), equalTo("7"));
    assertThat(RunnerSetup.value(args, "executionRetryDelay"), equalTo("100"));
  }

  @Test
  void flinkLocalConflictsWithAnotherRunnerOrMaster() {
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> RunnerSetup.beamArgs(List.of("--runner=DirectRunner"), true));
    assertThat(a.getMessage(), containsString("--flink-local conflicts with --runner"));
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
        () -> RunnerSetup.beamArgs(List.of("--flinkMaster=localhost:8081"), true));
    assertThat(b.getMessage(), containsString("--flink-local conflicts with --flinkMaster"));
  }

  @Test
  void flinkRunnerWithoutMasterIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSetup.beamArgs(List.of("--runner=FlinkRunner"), false));
    assertThat(e.getMessage(), containsString("--flinkMaster=HOST:PORT"));
    assertThat(e.getMessage(), containsString("--flink-local"));
  }

  @Test
  void masterWithoutFlinkRunnerIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSetup.beamArgs(List.of("--flinkMaster=localhost:8081"), false));
    assertThat(e.getMessage(), containsString("only applies with --runner=FlinkRunner"));
  }

  @Test
  void runnerNamesAreRecognisedLikeBeamDoes() {
    assertThat(RunnerSetup.isFlink("FlinkRunner"), equalTo(true));
    assertThat(RunnerSetup.isFlink("flinkrunner"), equalTo(true));
    assertThat(RunnerSetup.isFlink("org.apache.beam.runners.flink.FlinkRunner"), equalTo(true));
    assertThat(RunnerSetup.isFlink("DirectRunner"), equalTo(false));
    assertThat(RunnerSetup.isFlink(null), equalTo(false));
  }

  @Test
  void runnerConfigFileIsReadAndTheCommandLineWins() throws Exception {
    Path cfg = tmp.resolve("r.properties");
    Files.writeString(cfg, "# comment\nrunner=FlinkRunner\nflinkMaster=[local]\nparallelism=1\n");
    List<String> args = RunnerSetup.beamArgs(
        List.of("--runner-config=" + cfg, "--parallelism=2"), false);
    assertThat(args, hasItems("--runner=FlinkRunner", "--flinkMaster=[local]"));
    assertThat(RunnerSetup.value(args, "parallelism"), equalTo("2"));
    assertThat("the file's option comes first, so Beam's last-one-wins keeps the flag",
        args.indexOf("--parallelism=1") < args.indexOf("--parallelism=2"), equalTo(true));
  }

  @Test
  void shippedRunnerConfigsParse() {
    Path configs = Path.of("..", "runner-configs");
    List<String> local = RunnerSetup.beamArgs(
        List.of("--runner-config=" + configs.resolve("flink-local.properties")), false);
    assertThat(RunnerSetup.value(local, "flinkMaster"), equalTo("[local]"));
    List<String> direct = RunnerSetup.beamArgs(
        List.of("--runner-config=" + configs.resolve("direct.properties")), false);
    assertThat(RunnerSetup.value(direct, "runner"), equalTo("DirectRunner"));
  }

  @Test
  void missingRunnerConfigNamesTheFile() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunnerSetup.beamArgs(List.of("--runner-config=" + tmp.resolve("nope")), false));
    assertThat(e.getMessage(), containsString("nope"));
  }

  @Test
  void malformedMasterIsRejectedBeforeAnyConnection() {
    for (String bad : List.of("localhost", "localhost:", "localhost:http", "localhost:70000")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> FlinkMasterProbe.parse(bad), bad);
      assertThat(e.getMessage(), containsString("--flinkMaster"));
    }
    assertThat(FlinkMasterProbe.parse("flink.example.org:8081").getPort(), equalTo(8081));
  }

  /** A jar holding the given entries, each with the given content. */
  Path jar(String name, String... entriesAndContents) throws Exception {
    Path file = tmp.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i + 1 < entriesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(entriesAndContents[i]));
        zip.write(entriesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void theCliJarIsStagedWhenNoJobJarLiesNextToIt() throws Exception {
    Path cli = jar("darkflight-cli.jar", "org/darkflight/A.class", "a");
    assertThat(RunnerSetup.jarToStage(cli), equalTo(cli));
  }

  @Test
  void aMatchingJobJarIsStagedInsteadOfTheCliJar() throws Exception {
    Path cli = jar("darkflight-cli.jar", "org/darkflight/A.class", "a", "org/darkflight/b/B.class",
        "b", "picocli/CommandLine.class", "cli only", "org/apache/flink/X.class", "flink");
    Path job = jar(RunnerSetup.JOB_JAR, "org/darkflight/b/B.class", "b", "org/darkflight/A.class",
        "a", "org/darkflight/A.txt", "resources do not count");
    assertThat(RunnerSetup.jarToStage(cli), equalTo(job));
  }

  @Test
  void aStaleOrIncompleteJobJarIsNeverStaged() throws Exception {
    Path cli = jar("darkflight-cli.jar", "org/darkflight/A.class", "a2", "org/darkflight/B.class",
        "b");
    jar(RunnerSetup.JOB_JAR, "org/darkflight/A.class", "a1", "org/darkflight/B.class", "b");
    assertThat("changed class", RunnerSetup.jarToStage(cli), equalTo(cli));
    jar(RunnerSetup.JOB_JAR, "org/darkflight/A.class", "a2");
    assertThat("missing class", RunnerSetup.jarToStage(cli), equalTo(cli));
    Files.writeString(tmp.resolve(RunnerSetup.JOB_JAR), "not a zip");
    assertThat("unreadable", RunnerSetup.jarToStage(cli), equalTo(cli));
  }

  @Test
  void majorMinorVersion() {
    assertThat(FlinkMasterProbe.majorMinor("1.19.0"), equalTo("1.19"));
    assertThat(FlinkMasterProbe.majorMinor("1.18.1"), equalTo("1.18"));
    assertThat(FlinkMasterProbe.majorMinor("<unknown>"), equalTo(""));
    assertThat(FlinkMasterProbe.majorMinor(null), equalTo(""));
  }
}
