package org.darkflight.pipeline.cli;

import java.util.concurrent.Callable;

/**
 * A {@code darkflight} subcommand. Implementations are picocli {@code @Command} classes with a
 * public no-argument constructor, listed in
 * {@code META-INF/services/org.darkflight.pipeline.cli.DarkflightCommand}; {@link DarkflightCli}
 * finds them with {@link java.util.ServiceLoader}. The returned integer is the exit code.
 */
public interface DarkflightCommand extends Callable<Integer> {}
