package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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

  /** The configured command line with every subcommand. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new DarkflightCli());
    for (DarkflightCommand sub : ServiceLoader.load(DarkflightCommand.class)) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(DarkflightCli::handleException);
    return cl;
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 0;
  }

  private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof org.darkflight.io.InputException) {
      err.println("error: " + ex.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    err.println("error: " + msg.replace('\n', ' '));
    if (System.getenv("DARKFLIGHT_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return EXIT_FAILURE;
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = DarkflightCli.class.getPackage().getImplementationVersion();
      return new String[] {"darkflight " + (v == null ? "development" : v)};
    }
  }
}
