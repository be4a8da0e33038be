package org.darkflight.io.kml;

/**
 * Text clean-up for XML and HTML. StAX escapes markup characters ({@code < & >} and, in
 * attributes, {@code "}) but passes through characters that XML 1.0 forbids (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF), which would make the document unreadable; those are replaced by
 * U+FFFD here.
 */
final class XmlText {

  private XmlText() {}

  /** {@code s} with every character outside the XML 1.0 {@code Char} production replaced. */
  static String clean(String s) {
    StringBuilder out = null;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok && out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      if (out != null) {
        if (ok) {
          out.appendCodePoint(cp);
        } else {
          out.append('\uFFFD');
        }
      }
      i += len;
    }
    return out == null ? s : out.toString();
  }

  /**
   * {@code s} escaped for HTML text or a quoted HTML attribute ({@code & < > " '}); used for the
   * balloon HTML that Google Earth renders from {@code <description>}, so that hostile input
   * shows as text and never as markup.
   */
  static String html(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code s} on one line: control characters (including line breaks) become spaces. */
  static String oneLine(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return out.toString();
  }
}
