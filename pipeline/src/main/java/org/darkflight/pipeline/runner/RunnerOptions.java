package org.darkflight.pipeline.runner;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.darkflight.io.InputException;
import picocli.CommandLine.Option;

/**
 * The runner flags of {@code darkflight run}, as a picocli mixin ({@code @Mixin RunnerOptions}),
 * turned into Beam {@link PipelineOptions}:
 *
 * <ul>
 *   <li>nothing: Beam's DirectRunner in this JVM;
 *   <li>{@code --flink-local}: Beam's FlinkRunner on an embedded Flink MiniCluster;
 *   <li>{@code --runner=FlinkRunner --flinkMaster=host:port}: submit to a Flink session cluster
 *       through its REST endpoint. The master is probed first ({@link FlinkMasterProbe}), the jar
 *       this class was loaded from is staged unless {@code --filesToStage} says otherwise, and a
 *       fixed-delay restart strategy is set unless the user chose one.
 * </ul>
 *
 * <p>{@code --runner-config=FILE} reads Beam options from a properties file (key = option name
 * without dashes, e.g. {@code runner-configs/flink-cluster.properties}); flags given on the
 * command line win over the file, and {@code --beam KEY=VALUE} passes any other Beam option.
 */
public final class RunnerOptions {

  /** Restart attempts after a failure on Flink, unless the user sets numberOfExecutionRetries. */
  public static final int DEFAULT_RETRIES = 3;
  /** Delay between restarts on Flink, unless the user sets executionRetryDelay. */
  public static final long DEFAULT_RETRY_DELAY_MS = 5_000;

  @Option(names = "--runner", paramLabel = "RUNNER",
      description = "Beam runner: DirectRunner (default) or FlinkRunner.")
  String runner;

  @Option(names = "--flinkMaster", paramLabel = "HOST:PORT",
      description = "REST address of a Flink session cluster (with --runner=FlinkRunner), "
          + "or [local] for an embedded MiniCluster.")
  String flinkMaster;

  @Option(names = "--flink-local",
      description = "Run on an embedded Flink MiniCluster in this JVM (no cluster needed).")
  boolean flinkLocal;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Flink parallelism (default: the cluster's parallelism.default; "
          + "2 on the MiniCluster).")
  Integer parallelism;

  @Option(names = "--filesToStage", paramLabel = "JAR[,JAR...]",
      description = "Jars uploaded to the Flink cluster (default: the darkflight jar itself).")
  String filesToStage;

  @Option(names = "--runner-config", paramLabel = "FILE",
      description = "Properties file of Beam options, e.g. runner-configs/flink-local.properties.")
  Path runnerConfig;

  @Option(names = "--beam", paramLabel = "KEY=VALUE",
      description = "Any other Beam pipeline option, e.g. --beam numberOfExecutionRetries=5.")
  List<String> beamOptions = new ArrayList<>();

  /** Sets the runner, e.g. {@code "FlinkRunner"} (for programmatic use and tests). */
  public RunnerOptions runner(String value) {
    this.runner = value;
    return this;
  }

  /** Sets the Flink master, {@code host:port} or {@code [local]}. */
  public RunnerOptions flinkMaster(String value) {
    this.flinkMaster = value;
    return this;
  }

  /** Runs on an embedded MiniCluster. */
  public RunnerOptions flinkLocal(boolean value) {
    this.flinkLocal = value;
    return this;
  }

  /** Sets the Flink parallelism. */
  public RunnerOptions parallelism(Integer value) {
    this.parallelism = value;
    return this;
  }

  /** Sets the jars to stage, comma-separated. */
  public RunnerOptions filesToStage(String value) {
    this.filesToStage = value;
    return this;
  }

  /** Adds a Beam option {@code key=value}. */
  public RunnerOptions beam(String keyEqualsValue) {
    this.beamOptions.add(keyEqualsValue);
    return this;
  }

  /** True when the job runs on Flink (MiniCluster or cluster). */
  public boolean isFlink() throws InputException {
    return "FlinkRunner".equals(simpleRunner(merged().get("runner")));
  }

  /** True when the job is submitted to a remote Flink cluster (not a MiniCluster). */
  public boolean isFlinkCluster() throws InputException {
    Map<String, String> m = merged();
    return "FlinkRunner".equals(simpleRunner(m.get("runner"))) && isRemote(m.get("flinkMaster"));
  }

  /**
   * The Beam arguments ({@code --key=value}) these flags stand for, with the Flink defaults
   * filled in. Does not contact anything.
   */
  public List<String> beamArgs() throws InputException {
    Map<String, String> m = merged();
    List<String> args = new ArrayList<>();
    m.forEach((k, v) -> args.add("--" + k + "=" + v));
    return args;
  }

  /**
   * The pipeline options, after probing a remote Flink master; fails fast with one clear line
   * when the master is unreachable or is not a Flink REST endpoint.
   *
   * @throws InputException for a malformed flag or runner-config file
   * @throws FlinkMasterProbe.UnreachableException when the cluster cannot be reached
   */
  public PipelineOptions create() throws InputException {
    Map<String, String> m = merged();
    if ("FlinkRunner".equals(simpleRunner(m.get("runner"))) && isRemote(m.get("flinkMaster"))) {
      FlinkMasterProbe.Overview overview = FlinkMasterProbe.requireFlink(m.get("flinkMaster"));
      if (overview.taskManagers() == 0) {
        System.err.println("warning: Flink master " + m.get("flinkMaster") + " has no TaskManager;"
            + " the job waits until one registers (runner-configs/start-flink-cluster.sh"
            + " --taskmanager-only)");
      }
    }
    List<String> args = new ArrayList<>();
    m.forEach((k, v) -> args.add("--" + k + "=" + v));
    try {
      return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create();
    } catch (IllegalArgumentException e) {
      throw new InputException("command line", "runner options", e.getMessage(), e);
    }
  }

  /** The options from the runner-config file, then flags, then Flink defaults. */
  Map<String, String> merged() throws InputException {
    Map<String, String> m = new LinkedHashMap<>();
    if (runnerConfig != null) {
      m.putAll(readConfig(runnerConfig));
    }
    for (String kv : beamOptions) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new InputException("command line", "--beam", "expected KEY=VALUE, got '" + kv + "'");
      }
      m.put(stripDashes(kv.substring(0, eq)), kv.substring(eq + 1));
    }
    if (flinkLocal) {
      if (runner != null && !"FlinkRunner".equals(simpleRunner(runner))) {
        throw new InputException("command line", "--flink-local",
            "conflicts with --runner=" + runner);
      }
      if (flinkMaster != null && !"[local]".equals(flinkMaster)) {
        throw new InputException("command line", "--flink-local",
            "conflicts with --flinkMaster=" + flinkMaster);
      }
      m.put("runner", "FlinkRunner");
      m.put("flinkMaster", "[local]");
    }
    if (runner != null) {
      m.put("runner", runner);
    }
    if (flinkMaster != null) {
      m.put("flinkMaster", flinkMaster);
    }
    if (parallelism != null) {
      if (parallelism < 1) {
        throw new InputException("command line", "--parallelism", "must be >= 1, got " + parallelism);
      }
      m.put("parallelism", parallelism.toString());
    }
    if (filesToStage != null) {
      m.put("filesToStage", filesToStage);
    }
    m.putIfAbsent("runner", "DirectRunner");
    String r = simpleRunner(m.get("runner"));
    if ("FlinkRunner".equals(r) || "DirectRunner".equals(r)) {
      m.put("runner", r);
    }
    if (!"FlinkRunner".equals(r)) {
      if (m.containsKey("flinkMaster")) {
        throw new InputException("command line", "--flinkMaster",
            "only applies with --runner=FlinkRunner (runner is " + m.get("runner") + ")");
      }
      return m;
    }
    String master = m.get("flinkMaster");
    if (master == null) {
      throw new InputException("command line", "--flinkMaster",
          "FlinkRunner needs --flinkMaster=HOST:PORT (a session cluster's REST address) "
              + "or --flink-local for an embedded MiniCluster");
    }
    if (isRemote(master)) {
      FlinkMasterProbe.parse(master); // validates host:port
      if (!m.containsKey("filesToStage")) {
        Path jar = ownJar();
        if (jar == null) {
          throw new InputException("command line", "--filesToStage",
              "not running from the darkflight jar; name the jar(s) to upload to the cluster");
        }
        m.put("filesToStage", jar.toString());
      }
    }
    m.putIfAbsent("numberOfExecutionRetries", Integer.toString(DEFAULT_RETRIES));
    m.putIfAbsent("executionRetryDelay", Long.toString(DEFAULT_RETRY_DELAY_MS));
    return m;
  }

  private static Map<String, String> readConfig(Path file) throws InputException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read runner config: " + e.getMessage(), e);
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : p.stringPropertyNames().stream().sorted().toList()) {
      String v = p.getProperty(k).trim();
      if (v.isEmpty()) {
        throw new InputException(file, k, "empty value");
      }
      m.put(stripDashes(k), v);
    }
    return m;
  }

  private static String stripDashes(String key) {
    return key.startsWith("--") ? key.substring(2) : key;
  }

  /** "FlinkRunner" for "FlinkRunner", "flinkrunner" or "org.apache.beam.runners.flink.FlinkRunner". */
  static String simpleRunner(String runner) {
    if (runner == null) {
      return null;
    }
    String simple = runner.substring(runner.lastIndexOf('.') + 1);
    return switch (simple.toLowerCase(Locale.ROOT)) {
      case "flinkrunner", "flink" -> "FlinkRunner";
      case "directrunner", "direct" -> "DirectRunner";
      default -> simple;
    };
  }

  /** A session cluster address rather than an embedded or automatic choice. */
  static boolean isRemote(String master) {
    return master != null && !master.startsWith("[");
  }

  /** The jar this class was loaded from, or null when it was loaded from a directory. */
  static Path ownJar() {
    CodeSource cs = RunnerOptions.class.getProtectionDomain().getCodeSource();
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
