package org.darkflight.pipeline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Messages for a misspelt option or command: the unknown name and the nearest known one
 * ("unknown option '--fragment'; did you mean '--fragments'?"). Nearest = fewest single-character
 * edits (Levenshtein), at most a third of the name's length (at least 2); none when nothing is
 * that close.
 */
final class OptionSuggestions {

  private OptionSuggestions() {}

  /** The message for an unknown option {@code arg} ({@code --name} or {@code --name=value}). */
  static String unknownOption(CommandLine cl, String arg) {
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    List<String> known = new ArrayList<>();
    for (OptionSpec o : cl.getCommandSpec().options()) {
      known.addAll(List.of(o.names()));
    }
    return "unknown option '" + name + "'" + didYouMean(name, known);
  }

  /** The message for an unknown command {@code name} below {@code cl}. */
  static String unknownCommand(CommandLine cl, String name) {
    CommandSpec spec = cl.getCommandSpec();
    return "unknown command '" + name + "'" + didYouMean(name,
        new ArrayList<>(spec.subcommands().keySet()));
  }

  /** {@code "; did you mean 'X'?"} with the nearest of {@code known}, or "" when none is near. */
  static String didYouMean(String name, List<String> known) {
    String best = nearest(name, known);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The nearest of {@code known} to {@code name}, or null when none is close enough. */
  static String nearest(String name, List<String> known) {
    String n = name.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, stripDashes(n).length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(n, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return bestDistance <= limit ? best : null;
  }

  private static String stripDashes(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '-') {
      i++;
    }
    return s.substring(i);
  }

  /** Levenshtein distance: fewest insertions, deletions and substitutions from a to b. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
