package org.darkflight.io.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Escaping for text placed into the report's HTML. Every string that comes from an input (event
 * id, fragment ids, provenance, mass-class labels, sensitivity parameter names) goes through one
 * of these; see the OWASP XSS Prevention Cheat Sheet, rules 1 (HTML body/attribute) and 3.1
 * (JSON inside an HTML {@code <script>} element).
 */
public final class HtmlText {

  private HtmlText() {}

  /** Text for an HTML element body or a double-quoted attribute value. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Jackson escapes that make JSON safe inside {@code <script type="application/json">}: the
   * characters {@code < > & '} and the line separators U+2028/U+2029 become {@code \}{@code uXXXX}
   * escapes, so no {@code </script>} or {@code <!--} can appear in the element's text while
   * {@code JSON.parse} still returns the original strings.
   */
  public static final class ScriptJsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] table;

    public ScriptJsonEscapes() {
      table = standardAsciiEscapesForJSON();
      table['<'] = ESCAPE_STANDARD;
      table['>'] = ESCAPE_STANDARD;
      table['&'] = ESCAPE_STANDARD;
      table['\''] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028 || ch == 0x2029) {
        return new com.fasterxml.jackson.core.io.SerializedString(
            String.format(java.util.Locale.ROOT, "\\u%04x", ch));
      }
      return null;
    }
  }
}
