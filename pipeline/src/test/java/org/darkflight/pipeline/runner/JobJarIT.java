package org.darkflight.pipeline.runner;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The two jars the pipeline module's package phase builds: the CLI jar and the lean job jar that
 * {@code darkflight run} stages on a Flink cluster. (That the job jar is complete enough to run
 * the job is what {@code FlinkClusterIT} checks by staging it; this checks what it must not hold,
 * and that the CLI picks it.)
 */
class JobJarIT {

  static Path built(String property) {
    Path jar = Paths.get(System.getProperty(property)).toAbsolutePath();
    assertThat(jar + " exists", Files.isRegularFile(jar), equalTo(true));
    return jar;
  }

  static Set<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  @Test
  void theCliStagesTheJobJarBuiltWithIt() {
    Path cli = built("darkflight.cliJar");
    Path job = built("darkflight.jobJar");
    assertThat(job.getParent(), equalTo(cli.getParent()));
    assertThat(RunnerSetup.jarToStage(cli), equalTo(job));
  }

  @Test
  void jobJarHoldsTheJobAndLeavesOutWhatTheClusterOrOnlyTheCliHas() throws IOException {
    Set<String> cli = entries(built("darkflight.cliJar"));
    Set<String> job = entries(built("darkflight.jobJar"));
    assertThat(job, hasItems(
        "org/darkflight/pipeline/run/EnsembleRun.class",
        "org/darkflight/physics/Fragment.class",
        "org/apache/beam/sdk/Pipeline.class",
        "org/apache/beam/runners/flink/FlinkPipelineOptions.class",
        "org/apache/beam/runners/core/construction/SerializablePipelineOptions.class",
        "net/bytebuddy/ByteBuddy.class",
        "META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar"));
    // Every Darkflight class of the CLI jar is in the job jar: a DoFn may reference any of them.
    List<String> missing = cli.stream()
        .filter(e -> e.startsWith("org/darkflight/") && !job.contains(e)).toList();
    assertThat("Darkflight entries missing from the job jar", missing, empty());
    List<String> forbidden = job.stream().filter(e -> e.startsWith("org/apache/flink/")
        || e.startsWith("picocli/") || e.startsWith("org/apache/poi/")
        || e.startsWith("ucar/") || e.startsWith("org/apache/sis/")
        || e.startsWith("org/apache/beam/runners/direct/") || e.startsWith("org/slf4j/")
        || e.endsWith("flink-rpc-akka.jar") || e.startsWith("META-INF/native/")).toList();
    assertThat("cluster-provided or CLI-only entries in the job jar", forbidden, empty());
  }

  @Test
  void jobJarIsLessThanAThirdOfTheCliJar() throws IOException {
    long cli = Files.size(built("darkflight.cliJar"));
    long job = Files.size(built("darkflight.jobJar"));
    assertThat(job * 3, lessThan(cli));
  }
}
