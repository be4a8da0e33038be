package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One in-process {@code darkflight} invocation and what it printed (test support).
 *
 * @param exit the exit code
 * @param out  standard output
 * @param err  standard error
 */
public record CliOutcome(int exit, String out, String err) {

  /** Runs the CLI with {@code args}, capturing its output. */
  public static CliOutcome run(String... args) {
    CommandLine cl = DarkflightCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new CliOutcome(exit, out.toString(), err.toString());
  }
}
