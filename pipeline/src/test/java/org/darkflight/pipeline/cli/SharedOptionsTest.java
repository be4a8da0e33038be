package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The shared options: one definition each, used by every command that has them. */
class SharedOptionsTest {

  static final Path EVENT = Path.of("../testdata/events/park-forest-2003");

  /** Every command and subcommand below {@code darkflight}. */
  static List<CommandLine> commands() {
    List<CommandLine> out = new ArrayList<>();
    List<CommandLine> todo = new ArrayList<>(DarkflightCli.commandLine().getSubcommands()
        .values());
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      out.add(c);
      todo.addAll(c.getSubcommands().values());
    }
    return out;
  }

  @Test
  void everyCommandWithAFileOptionTakesItFromTheSharedMixin() {
    Map<String, List<Class<?>>> shared = Map.of(
        "--event", List.of(SharedOptions.Event.class),
        "--atmos", List.of(SharedOptions.Atmos.class),
        "--config", List.of(SharedOptions.Config.class),
        "--fragments", List.of(SharedOptions.Fragments.class,
            SharedOptions.RequiredFragments.class, SharedOptions.SuiteFragments.class),
        "--out", List.of(SharedOptions.Out.class, SharedOptions.RequiredOut.class),
        "--produced-utc", List.of(SharedOptions.ProducedUtc.class));
    List<String> users = new ArrayList<>();
    for (CommandLine c : commands()) {
      CommandSpec spec = c.getCommandSpec();
      String name = spec.qualifiedName(" ");
      for (Map.Entry<String, List<Class<?>>> e : shared.entrySet()) {
        if (spec.findOption(e.getKey()) == null || name.equals("darkflight report")) {
          continue; // report's --out is a file, not a directory
        }
        boolean fromMixin = spec.mixins().values().stream().anyMatch(m ->
            e.getValue().contains(m.userObject().getClass()) && m.findOption(e.getKey()) != null);
        assertThat(name + " " + e.getKey() + " comes from SharedOptions", fromMixin,
            equalTo(true));
        users.add(name + " " + e.getKey());
      }
    }
    assertThat(users, hasItems("darkflight calibrate --produced-utc",
        "darkflight compare --produced-utc", "darkflight sensitivity --produced-utc",
        "darkflight trajectory --fragments", "darkflight atmos --event",
        "darkflight workbook extract --out", "darkflight process --produced-utc"));
  }

  @Test
  void noHelpTextMakesPicocliWarn() {
    // picocli formats help texts with String.format: a bare '%' prints a warning to stderr
    PrintStream before = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      for (CommandLine c : commands()) {
        c.getUsageMessage();
      }
    } finally {
      System.setErr(before);
    }
    assertThat(err.toString(StandardCharsets.UTF_8), not(containsString("picocli WARN")));
  }

  @Test
  void theOutDefaultsStayPerCommand() {
    TreeSet<String> defaults = new TreeSet<>();
    for (CommandLine c : commands()) {
      OptionSpec o = c.getCommandSpec().findOption("--out");
      if (o != null && !o.required() && o.defaultValueString() != null) {
        defaults.add(c.getCommandName() + "=" + o.defaultValueString());
      }
    }
    assertThat(defaults, hasItems("run=darkflight-out", "calibrate=darkflight-calibration",
        "compare=darkflight-compare", "sensitivity=darkflight-sensitivity"));
  }

  @Test
  void producedUtcIsTheOptionElseSourceDateEpochElseNow() {
    CommandLine cl = new CommandLine(new CalibrateCommand());
    SharedOptions.ProducedUtc p = ((CalibrateCommand) cl.getCommand()).producedUtc;
    assertThat(p.resolve("2024-01-01T00:00:00Z", "1700000000"),
        equalTo(Instant.parse("2024-01-01T00:00:00Z")));
    assertThat(p.resolve(null, "1700000000"), equalTo(Instant.parse("2023-11-14T22:13:20Z")));
    Instant before = Instant.now().minusSeconds(1);
    assertThat(p.resolve(null, " ").isAfter(before), equalTo(true));
    CommandLine.ParameterException bad = assertThrows(CommandLine.ParameterException.class,
        () -> p.resolve("yesterday", null));
    assertThat(bad.getMessage(), containsString("--produced-utc: not an ISO-8601 instant"));
    assertThrows(CommandLine.ParameterException.class, () -> p.resolve(null, "soon"));
  }

  @Test
  void aBadProducedUtcIsBadInputEverywhere(@TempDir Path out) {
    String e = EVENT.resolve("event.json").toString();
    String a = EVENT.resolve("atmos_profile.json").toString();
    String c = EVENT.resolve("physics_config.json").toString();
    String f = EVENT.resolve("fragments.json").toString();
    List<String[]> runs = List.of(
        new String[] {"calibrate", "--event", e, "--atmos", a, "--config", c,
            "--finds", "../testdata/uq/finds-one.json"},
        new String[] {"compare", "--event", e, "--atmos", a, "--config-a", c, "--config-b", c,
            "--fragments", f},
        new String[] {"sensitivity", "--event", e, "--atmos", a, "--config", c,
            "--fragments", f, "--ensemble", "../testdata/uq/park-forest-mc-tiny.json"},
        new String[] {"run", "--event", e, "--atmos", a, "--config", c, "--fragments", f});
    for (String[] args : runs) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--out", out.resolve(args[0]).toString(), "--produced-utc", "never"));
      CommandLine cl = DarkflightCli.commandLine();
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err));
      cl.setOut(new PrintWriter(new StringWriter()));
      assertThat(args[0], cl.execute(all.toArray(new String[0])),
          equalTo(DarkflightCli.EXIT_BAD_INPUT));
      assertThat(err.toString(), containsString("--produced-utc: not an ISO-8601 instant"));
      assertThat(args[0] + " wrote nothing", Files.exists(out.resolve(args[0])),
          equalTo(false));
    }
  }
}
