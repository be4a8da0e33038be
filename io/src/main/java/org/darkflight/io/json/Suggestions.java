package org.darkflight.io.json;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean …?": the known name nearest to a mistyped one, by optimal-string-alignment edit
 * distance (insert, delete, substitute, swap two neighbours; case ignored). Written here because
 * no string-metric library is on the offline build's class path; it is a dozen lines.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The known name nearest to {@code typed}, or null when none is close enough to be a typo: at
   * most 1 edit for names up to 4 characters, 2 up to 8, else 3; or when {@code typed} and the
   * name differ only by a unit suffix (e.g. {@code altitude} for {@code altitude_m}). Ties go to
   * the first in {@code known}.
   */
  public static String nearest(String typed, Collection<String> known) {
    String t = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      String c = k.toLowerCase(Locale.ROOT);
      if (c.equals(t)) {
        return k;
      }
      int d = distance(t, c);
      if (c.startsWith(t + "_") || t.startsWith(c + "_")) {
        d = Math.min(d, 1);
      }
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    int len = Math.max(t.length(), 1);
    int allowed = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    return bestD <= allowed ? best : null;
  }

  /** Optimal string alignment distance (restricted Damerau-Levenshtein). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
