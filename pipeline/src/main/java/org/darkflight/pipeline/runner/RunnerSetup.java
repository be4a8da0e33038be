package org.darkflight.pipeline.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipFile;

/**
 * Prepares the Beam arguments of {@code darkflight run} for the chosen runner:
 *
 * <ul>
 *   <li>{@code --runner-config=FILE}: Beam options from a properties file ({@code option=value}
 *       per line, e.g. {@code runner-configs/flink-cluster.properties}); options on the command
 *       line win;
 *   <li>{@code --flink-local}: {@code --runner=FlinkRunner --flinkMaster=[local]}, an embedded
 *       Flink MiniCluster;
 *   <li>{@code --runner=FlinkRunner --flinkMaster=HOST:PORT}: the master's REST API is probed
 *       first ({@link FlinkMasterProbe}), so a wrong address fails at once with one clear line;
 *       unless {@code --filesToStage} is given, the lean job jar {@value #JOB_JAR} next to the
 *       CLI jar is staged (see {@link #jarToStage}), else the CLI jar itself;
 *   <li>on Flink, a fixed-delay restart strategy ({@value #DEFAULT_RETRIES} attempts,
 *       {@value #DEFAULT_RETRY_DELAY_MS} ms apart) unless the options set one: without
 *       checkpointing, Flink would not restart a failed batch job at all.
 * </ul>
 */
public final class RunnerSetup {

  /**
   * File name of the lean job jar the pipeline module builds next to {@code darkflight-cli.jar}:
   * only what the job loads on the cluster (no Flink, no CLI-only libraries), about a quarter of
   * the CLI jar's size, so each submission uploads less.
   */
  public static final String JOB_JAR = "darkflight-flink-job.jar";

  /** Restart attempts on Flink unless {@code --numberOfExecutionRetries} is given. */
  public static final int DEFAULT_RETRIES = 3;
  /** Delay between restarts on Flink unless {@code --executionRetryDelay} is given. */
  public static final long DEFAULT_RETRY_DELAY_MS = 5_000;

  private RunnerSetup() {}

  /**
   * The Beam arguments to create the pipeline options from.
   *
   * @param args       Beam arguments as the user gave them ({@code --name=value})
   * @param flinkLocal whether {@code --flink-local} was given
   * @throws IllegalArgumentException for contradictory or malformed runner options (message
   *     names the option)
   * @throws FlinkMasterProbe.UnreachableException when the Flink master cannot be used
   */
  public static List<String> beamArgs(List<String> args, boolean flinkLocal) {
    List<String> out = new ArrayList<>();
    List<String> given = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--runner-config=")) {
        out.addAll(readConfig(Paths.get(a.substring("--runner-config=".length()))));
      } else {
        given.add(a);
      }
    }
    out.addAll(given); // later occurrences win in Beam's parser, so the command line wins
    if (flinkLocal) {
      String runner = value(out, "runner");
      if (runner != null && !isFlink(runner)) {
        throw new IllegalArgumentException("--flink-local conflicts with --runner=" + runner);
      }
      String master = value(out, "flinkMaster");
      if (master != null && !"[local]".equals(master)) {
        throw new IllegalArgumentException("--flink-local conflicts with --flinkMaster=" + master);
      }
      out.add("--runner=FlinkRunner");
      out.add("--flinkMaster=[local]");
    }
    if (!isFlink(value(out, "runner"))) {
      if (value(out, "flinkMaster") != null) {
        throw new IllegalArgumentException("--flinkMaster only applies with --runner=FlinkRunner");
      }
      return out;
    }
    String master = value(out, "flinkMaster");
    if (master == null) {
      throw new IllegalArgumentException("--runner=FlinkRunner needs --flinkMaster=HOST:PORT (the "
          + "REST address of a Flink session cluster) or --flink-local (embedded MiniCluster)");
    }
    if (isRemote(master)) {
      FlinkMasterProbe.Overview overview = FlinkMasterProbe.requireFlink(master);
      if (overview.taskManagers() == 0) {
        System.err.println("warning: Flink master " + master + " has no TaskManager; the job "
            + "waits until one registers (runner-configs/start-flink-cluster.sh "
            + "--taskmanager-only)");
      }
      if (value(out, "filesToStage") == null) {
        Path jar = ownJar();
        if (jar == null) {
          throw new IllegalArgumentException("--filesToStage is needed: darkflight is not running "
              + "from its jar, so name the jar(s) to upload to the Flink cluster");
        }
        out.add("--filesToStage=" + jarToStage(jar));
      }
    }
    if (value(out, "numberOfExecutionRetries") == null) {
      out.add("--numberOfExecutionRetries=" + DEFAULT_RETRIES);
    }
    if (value(out, "executionRetryDelay") == null) {
      out.add("--executionRetryDelay=" + DEFAULT_RETRY_DELAY_MS);
    }
    return out;
  }

  /** The last value given for {@code --name=value}, or null. */
  static String value(List<String> args, String name) {
    String prefix = "--" + name + "=";
    String v = null;
    for (String a : args) {
      if (a.startsWith(prefix)) {
        v = a.substring(prefix.length());
      }
    }
    return v;
  }

  /** Beam resolves runner names case-insensitively by simple or full class name. */
  static boolean isFlink(String runner) {
    return runner != null && runner.substring(runner.lastIndexOf('.') + 1)
        .equalsIgnoreCase("FlinkRunner");
  }

  /** A session cluster address rather than {@code [local]}, {@code [auto]} or {@code [collection]}. */
  static boolean isRemote(String master) {
    return master != null && !master.startsWith("[");
  }

  private static List<String> readConfig(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("--runner-config: cannot read " + file + ": " + e, e);
    }
    List<String> args = new ArrayList<>();
    for (String k : p.stringPropertyNames().stream().sorted().toList()) {
      String v = p.getProperty(k).trim();
      if (v.isEmpty()) {
        throw new IllegalArgumentException("--runner-config " + file + ": " + k + " has no value");
      }
      args.add("--" + (k.startsWith("--") ? k.substring(2) : k) + "=" + v);
    }
    return args;
  }

  /**
   * The jar to upload to a Flink cluster for a CLI running from {@code cliJar}: the job jar
   * {@value #JOB_JAR} in the same directory when it exists and was built from the same classes
   * (every {@code org/darkflight/} class has the same CRC-32 in both jars), else the CLI jar,
   * which holds everything too, only more. A stale job jar (e.g. the CLI jar was rebuilt or
   * copied alone) is never staged: its classes would not match what the CLI built the job from.
   */
  static Path jarToStage(Path cliJar) {
    Path job = cliJar.resolveSibling(JOB_JAR);
    if (!Files.isRegularFile(job)) {
      return cliJar;
    }
    try {
      Map<String, Long> cli = darkflightClasses(cliJar);
      if (!cli.isEmpty() && cli.equals(darkflightClasses(job))) {
        return job;
      }
      System.err.println("warning: " + job + " does not match " + cliJar.getFileName()
          + " (rebuild both with ./mvnw -pl pipeline -am package); staging the CLI jar instead");
    } catch (IOException e) {
      System.err.println("warning: cannot read " + job + " (" + e.getMessage()
          + "); staging the CLI jar instead");
    }
    return cliJar;
  }

  /** Name and CRC-32 of every Darkflight class in a jar, from its central directory. */
  private static Map<String, Long> darkflightClasses(Path jar) throws IOException {
    Map<String, Long> crcs = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      zip.stream()
          .filter(e -> e.getName().startsWith("org/darkflight/") && e.getName().endsWith(".class"))
          .forEach(e -> crcs.put(e.getName(), e.getCrc()));
    }
    return crcs;
  }

  /** The jar this class was loaded from, or null when it was loaded from a directory. */
  static Path ownJar() {
    CodeSource cs = RunnerSetup.class.getProtectionDomain().getCodeSource();
    if (cs == null || cs.getLocation() == null) {
      return null;
    }
    try {
      Path p = Paths.get(cs.getLocation().toURI()).toAbsolutePath();
      return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
