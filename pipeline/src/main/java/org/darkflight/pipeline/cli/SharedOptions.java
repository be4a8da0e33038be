package org.darkflight.pipeline.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options several commands share, as picocli mixins ({@code @Mixin SharedOptions.Event
 * event;}): one name, label, help text and parser each, so that every command reads
 * {@code --event}, {@code --atmos}, {@code --config}, {@code --fragments}, {@code --out} and
 * {@code --produced-utc} the same way. A bad value is a {@link CommandLine.ParameterException}:
 * one line and exit {@value DarkflightCli#EXIT_BAD_INPUT}, like every other bad input.
 */
final class SharedOptions {

  private SharedOptions() {}

  /** {@code --event event.json} (required). */
  static final class Event {
    @Option(names = "--event", required = true, paramLabel = "event.json",
        description = "The event: its luminous-end state (docs/inputs.md). The slope is "
            + "elevation_deg (angle below the horizontal, 90 = straight down) or "
            + "zenith_angle_deg (angle from the vertical, as fireball networks publish it).")
    Path path;

    /** The file. */
    Path path() {
      return path;
    }
  }

  /** {@code --atmos atmos_profile.json} (required). */
  static final class Atmos {
    @Option(names = "--atmos", required = true, paramLabel = "atmos_profile.json",
        description = "The atmospheric profile, e.g. fused by darkflight atmos (Pa or hPa, K or "
            + "degC, u/v or speed/direction; docs/inputs.md).")
    Path path;

    /** The file. */
    Path path() {
      return path;
    }
  }

  /** {@code --config physics_config.json} (required). */
  static final class Config {
    @Option(names = "--config", required = true, paramLabel = "physics_config.json",
        description = "Physics models: drag, ablation, gravity and integrator settings "
            + "(docs/inputs.md).")
    Path path;

    /** The file. */
    Path path() {
      return path;
    }
  }

  /** {@code --fragments fragments.json}, optional (an ensemble config may give a split rule). */
  static final class Fragments {
    @Option(names = "--fragments", paramLabel = "fragments.json",
        description = "Fragment hypotheses (docs/inputs.md); default: the split rule of the "
            + "ensemble config.")
    Path path;

    /** The file, or null when not given. */
    Path path() {
      return path;
    }
  }

  /**
   * {@code --fragments fragments.json}, optional, for a command that otherwise flies a suite of
   * masses (radar-candidates: the corridor's trajectories).
   */
  static final class SuiteFragments {
    @Option(names = "--fragments", paramLabel = "fragments.json",
        description = "Fragment hypotheses (docs/inputs.md); default: stony spheres of --masses"
            + " (3500 kg/m3, Cd 1.0, shape factor 1.21).")
    Path path;

    /** The file, or null when not given. */
    Path path() {
      return path;
    }
  }

  /** {@code --fragments fragments.json}, required. */
  static final class RequiredFragments {
    @Option(names = "--fragments", required = true, paramLabel = "fragments.json",
        description = "Fragment hypotheses (docs/inputs.md).")
    Path path;

    /** The file. */
    Path path() {
      return path;
    }
  }

  /**
   * {@code --out DIR} with the command's default directory, given when the mixin is declared:
   * {@code @Mixin SharedOptions.Out out = new SharedOptions.Out("darkflight-out");}.
   */
  static final class Out {
    @Option(names = "--out", paramLabel = "DIR",
        description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** For picocli's reflection; a command declares the mixin with its default. */
    Out() {}

    Out(String defaultDir) {
      dir = Path.of(defaultDir);
    }

    /** The output directory. */
    Path dir() {
      return dir;
    }
  }

  /** {@code --out DIR}, required. */
  static final class RequiredOut {
    @Option(names = "--out", required = true, paramLabel = "DIR",
        description = "Output directory.")
    Path dir;

    /** The output directory. */
    Path dir() {
      return dir;
    }
  }

  /** {@code --produced-utc INSTANT}: the time written into the artifacts. */
  static final class ProducedUtc {
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--produced-utc", paramLabel = "INSTANT",
        description = "Time written into the outputs (ISO-8601, e.g. 2024-01-01T00:00:00Z) for "
            + "byte-identical reruns; default: $SOURCE_DATE_EPOCH if set, else now.")
    String value;

    /**
     * The option, else {@code $SOURCE_DATE_EPOCH} (seconds since 1970, the reproducible-builds
     * convention), else now, to the second.
     *
     * @throws CommandLine.ParameterException when the option is not an ISO-8601 instant or the
     *     variable not a whole number of seconds
     */
    Instant resolve() {
      return resolve(value, System.getenv("SOURCE_DATE_EPOCH"));
    }

    Instant resolve(String option, String sourceDateEpoch) {
      if (option != null) {
        try {
          return Instant.parse(option);
        } catch (DateTimeParseException e) {
          throw new CommandLine.ParameterException(mixee.commandLine(),
              "--produced-utc: not an ISO-8601 instant: " + option);
        }
      }
      if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
        try {
          return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim()));
        } catch (NumberFormatException e) {
          throw new CommandLine.ParameterException(mixee.commandLine(),
              "SOURCE_DATE_EPOCH is not a number of seconds: " + sourceDateEpoch);
        }
      }
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
  }
}
