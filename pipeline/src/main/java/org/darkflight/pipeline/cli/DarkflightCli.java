package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import org.darkflight.io.meta.Producer;
import org.darkflight.pipeline.obs.JsonLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of the {@code darkflight} command. Subcommands are {@link DarkflightCommand}s found
 * with {@link ServiceLoader}; each returns its exit code.
 */
@Command(
    name = "darkflight",
    mixinStandardHelpOptions = true,
    versionProvider = DarkflightCli.Version.class,
    description = "Predicts where meteorite fragments land after the luminous flight ends.")
public final class DarkflightCli implements Callable<Integer> {

  /** Exit code for bad input (file, field, reason printed on one line). */
  public static final int EXIT_BAD_INPUT = 2;
  /** Exit code for a failed computation or I/O error. */
  public static final int EXIT_FAILURE = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static volatile boolean debug;
  private static volatile boolean trace;
  private static volatile String logFormat;

  /** {@code --debug}: DEBUG records in the JSON-lines log, INFO of libraries (Beam, Flink). */
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Log DEBUG records (physics fine grain); libraries log at INFO.")
  void setDebug(boolean on) {
    debug = on;
  }

  /** {@code --trace}: every record, libraries at DEBUG. */
  @Option(names = "--trace", scope = ScopeType.INHERIT,
      description = "Log TRACE records (per sample); libraries log at DEBUG.")
  void setTrace(boolean on) {
    trace = on;
  }

  /** {@code --log-format}: json or text on stderr. */
  @Option(names = "--log-format", scope = ScopeType.INHERIT, paramLabel = "json|text",
      description = "Log records on stderr as JSON lines or text (default: text on a "
          + "terminal, JSON lines otherwise).")
  void setLogFormat(String f) {
    logFormat = f;
  }

  public static void main(String[] args) {
    try {
      PluginPath.install();
    } catch (java.io.IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(EXIT_BAD_INPUT);
    }
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * Configures the log from the global flags (reset per execution), then runs the command.
   * Libraries logging through slf4j-simple (Beam, Flink) log at WARN by default, INFO with
   * --debug, DEBUG with --trace, unless {@code org.slf4j.simpleLogger.defaultLogLevel} is set.
   */
  private static int execute(CommandLine.ParseResult pr) {
    CommandLine cl = pr.commandSpec().commandLine();
    JsonLog.Level level = trace ? JsonLog.Level.TRACE
        : debug ? JsonLog.Level.DEBUG : JsonLog.Level.INFO;
    JsonLog.Format format;
    if (logFormat == null) {
      format = System.console() != null ? JsonLog.Format.TEXT : JsonLog.Format.JSON;
    } else {
      format = switch (logFormat.toLowerCase(java.util.Locale.ROOT)) {
        case "json" -> JsonLog.Format.JSON;
        case "text" -> JsonLog.Format.TEXT;
        default -> throw new CommandLine.ParameterException(cl,
            "--log-format: expected json or text, got " + logFormat);
      };
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
          trace ? "debug" : debug ? "info" : "warn");
    }
    JsonLog.configure(level, format, cl.getErr());
    debug = false;
    trace = false;
    logFormat = null;
    return new CommandLine.RunLast().execute(pr);
  }

  /** The configured command line with every subcommand. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new DarkflightCli());
    for (DarkflightCommand sub : ServiceLoader.load(DarkflightCommand.class)) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(DarkflightCli::handleException);
    cl.setParameterExceptionHandler(DarkflightCli::handleParseError);
    cl.setExecutionStrategy(DarkflightCli::execute);
    return cl;
  }

  /** {@code darkflight} without a command: the command list on stderr, exit 2. */
  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    cl.usage(cl.getErr());
    cl.getErr().println("error: no command given; run 'darkflight COMMAND --help' for one "
        + "command's options.");
    cl.getErr().flush();
    return EXIT_BAD_INPUT;
  }

  /**
   * A command-line mistake: one line naming it, the nearest option when an option was misspelt,
   * and where to find the options, instead of picocli's full usage text. An unknown option is
   * reported as unknown even when picocli first noticed a required option it then missed.
   */
  static int handleParseError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String message = ex.getMessage();
    List<String> unknown = new ArrayList<>();
    // a command that collects unmatched arguments (run: the Beam pipeline options) knows them
    boolean collects = !cl.getCommandSpec().unmatchedArgsBindings().isEmpty();
    for (String a : collects ? List.<String>of() : cl.getUnmatchedArguments()) {
      if (a.startsWith("-") && a.length() > 1) {
        unknown.add(a);
      }
    }
    List<String> unmatched = cl.getUnmatchedArguments();
    if (!unknown.isEmpty()) {
      message = OptionSuggestions.unknownOption(cl, unknown.get(0));
    } else if (!collects && !cl.getSubcommands().isEmpty() && !unmatched.isEmpty()) {
      message = OptionSuggestions.unknownCommand(cl, unmatched.get(0));
    }
    err.println("error: " + message);
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return EXIT_BAD_INPUT;
  }

  private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof org.darkflight.io.InputException ie) {
      for (String line : ie.messageLines()) {
        err.println("error: " + line);
      }
      err.flush();
      return EXIT_BAD_INPUT;
    }
    String msg = ex.getMessage() == null || ex.getMessage().isBlank()
        ? "internal error without a message (" + ex.getClass().getName()
            + "; set DARKFLIGHT_DEBUG=1 for the stack trace)"
        : ex.getMessage();
    err.println("error: " + msg.replace('\n', ' '));
    if (System.getenv("DARKFLIGHT_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILURE;
  }

  /** Reports the version the outputs record as their producer ({@link Producer#NAME}). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {Producer.NAME};
    }
  }
}
