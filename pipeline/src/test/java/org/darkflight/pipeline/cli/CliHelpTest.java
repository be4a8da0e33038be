package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.darkflight.io.meta.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The command line explains itself: summaries, help texts, option mistakes, version. */
class CliHelpTest {

  private static final Path EVENT = Path.of("../testdata/events/synthetic-calm");

  /** The root command and every command below it. */
  private static List<CommandLine> all() {
    List<CommandLine> out = new ArrayList<>();
    out.add(DarkflightCli.commandLine());
    out.addAll(SharedOptionsTest.commands());
    return out;
  }

  @Test
  void everySummaryIsAWholeSentence() {
    List<String> bad = new ArrayList<>();
    for (CommandLine c : all()) {
      CommandSpec spec = c.getCommandSpec();
      String[] d = spec.usageMessage().description();
      String first = d.length == 0 ? "" : d[0].trim();
      boolean whole = !first.isEmpty() && Character.isUpperCase(first.charAt(0))
          && first.endsWith(".") && count(first, '(') == count(first, ')');
      if (!whole) {
        bad.add(spec.qualifiedName(" ") + ": " + first);
      }
    }
    assertThat(bad, is(empty()));
  }

  @Test
  void theCommandListShowsEachSummaryInFull() {
    String usage = DarkflightCli.commandLine().getUsageMessage().replaceAll("\\s+", " ");
    assertThat(usage, containsString(
        "Runs the dark-flight ensemble on Apache Beam and writes the strewn field."));
    assertThat(usage, not(containsString("strewn field:")));
  }

  @Test
  void noHelpTextSaysSpecSection() {
    for (CommandLine c : all()) {
      String usage = c.getUsageMessage();
      assertThat(c.getCommandSpec().qualifiedName(" "), usage, not(containsString("spec §")));
      assertThat(c.getCommandSpec().qualifiedName(" "), usage, not(containsString("Could not")));
    }
  }

  @Test
  void everyOptionHasADescriptionAndItsDefault() {
    List<String> bad = new ArrayList<>();
    for (CommandLine c : all()) {
      CommandSpec spec = c.getCommandSpec();
      for (OptionSpec o : spec.options()) {
        if (o.usageHelp() || o.versionHelp()) {
          continue;
        }
        String text = String.join(" ", o.description()).trim();
        String name = spec.qualifiedName(" ") + " " + o.longestName();
        if (text.isEmpty()) {
          bad.add(name + ": no description");
          continue;
        }
        boolean flag = o.arity().max() == 0;
        if (!o.required() && !flag && !text.toLowerCase(Locale.ROOT).contains("default")) {
          bad.add(name + ": no default stated: " + text);
        }
      }
    }
    assertThat(bad, is(empty()));
  }

  @Test
  void bareCommandPrintsTheCommandListAndExits2() {
    CliOutcome r = CliOutcome.run();
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("Commands:"));
    assertThat(r.err(), containsString("trajectory"));
    assertThat(r.err(), containsString("no command given"));
  }

  @Test
  void versionIsTheProducerWrittenIntoOutputs() {
    CliOutcome r = CliOutcome.run("--version");
    assertThat(r.exit(), is(0));
    assertThat(r.out().trim(), is(Producer.NAME));
  }

  @Test
  void unknownOptionIsNamedWithTheNearestOneNotAMissingRequiredOption() {
    CliOutcome r = CliOutcome.run("trajectory", "--event", "e.json", "--atmos", "a.json",
        "--config", "c.json", "--fragment", "f.json", "--out", "o");
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString(
        "error: unknown option '--fragment'; did you mean '--fragments'?"));
    assertThat(r.err(), not(containsString("Missing required")));
    assertThat(r.err(), containsString("darkflight trajectory --help"));
    assertThat("one line and a pointer, not the whole usage", r.err().lines().count(), is(2L));
  }

  @Test
  void misspeltOptionBeforeAValueOfRunIsUnknownNotABeamArgument() {
    CliOutcome r = CliOutcome.run("run", "--event", "e.json", "--atmos", "a.json",
        "--config", "c.json", "--fragment", "f.json");
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString(
        "unknown option '--fragment'; did you mean '--fragments'?"));
  }

  @Test
  void beamOptionErrorsBecomeDarkflightMessages() {
    CliOutcome r = CliOutcome.run("run", "--event", "e.json", "--atmos", "a.json",
        "--config", "c.json", "--ensembel=x.json");
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString(
        "unknown option '--ensembel'; did you mean '--ensemble'?"));
    assertThat(r.err(), not(containsString("PipelineOptions")));
    assertThat(r.err(), not(containsString("missing a property")));
  }

  @Test
  void unknownCommandSuggestsTheNearest() {
    CliOutcome r = CliOutcome.run("trajectry");
    assertThat(r.exit(), is(2));
    assertThat(r.err(), containsString("unknown command 'trajectry'; did you mean 'trajectory'?"));
  }

  @Test
  void nearestNeedsToBeClose() {
    assertThat(OptionSuggestions.nearest("--xyzzy", List.of("--event", "--atmos")),
        is((String) null));
    assertThat(OptionSuggestions.distance("kitten", "sitting"), is(3));
  }

  @Test
  void printedTotalIsTheProcessWallTime(@TempDir Path tmp) {
    double before = RunCommand.processWallTime().toMillis() / 1000.0;
    CliOutcome r = CliOutcome.run("run", "--event", EVENT.resolve("event.json").toString(),
        "--atmos", EVENT.resolve("atmos_profile.json").toString(),
        "--config", EVENT.resolve("physics_config.json").toString(),
        "--fragments", EVENT.resolve("fragments.json").toString(),
        "--out", tmp.resolve("out").toString(), "--no-report", "--no-search-plan",
        "--produced-utc=2024-01-01T00:00:00Z");
    assertThat(r.err(), r.exit(), is(0));
    Matcher m = Pattern.compile("pipeline ([0-9.]+) s, total ([0-9.]+) s \\(process wall time\\)")
        .matcher(r.out());
    assertThat(r.out(), m.find(), is(true));
    double after = RunCommand.processWallTime().toMillis() / 1000.0;
    double total = Double.parseDouble(m.group(2));
    assertThat("the JVM was already running before this run", total,
        greaterThanOrEqualTo(before - 0.05));
    assertThat(total <= after + 0.05, is(true));
    assertThat(total, greaterThanOrEqualTo(Double.parseDouble(m.group(1))));
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}
