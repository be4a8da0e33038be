package org.darkflight.pipeline.cli;

import org.darkflight.pipeline.run.EnsembleRun;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --max-failure-share}: the largest share of failed samples an ensemble accepts. Beyond
 * it the run's artifacts are written but marked {@code failed} and the command exits
 * {@value #EXIT_TOO_MANY_FAILURES} (docs/operations.md).
 */
final class FailureShareOption {

  /** Exit code of a run whose failure share exceeded {@code --max-failure-share}. */
  static final int EXIT_TOO_MANY_FAILURES = 4;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--max-failure-share", paramLabel = "FRACTION",
      defaultValue = "" + EnsembleRun.DEFAULT_MAX_FAILURE_SHARE,
      description = "Largest share of failed samples (0-1) the run accepts (default: "
          + "${DEFAULT-VALUE}). Beyond it the artifacts are written marked failed and the "
          + "command exits " + EXIT_TOO_MANY_FAILURES + ".")
  double share;

  /** The checked fraction. */
  double share() {
    try {
      return EnsembleRun.checkShare(share);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--max-failure-share: " + e.getMessage());
    }
  }
}
