package org.darkflight.io.workbook;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule that tags formula cells with a domain segment: the cell matches when its sheet name
 * matches {@code sheet} (if given) and the header text around it matches {@code header} (if
 * given). Patterns are case-insensitive Java regular expressions, searched (not fully matched).
 *
 * @param segment name of the segment, e.g. {@code drag}
 * @param sheet   pattern on the sheet name, or null for any sheet
 * @param header  pattern on the header text (labels above and to the left), or null for any
 */
public record SegmentRule(String segment, String sheet, String header) {

  /** Segment of cells no rule matches. */
  public static final String OTHER = "other";

  public SegmentRule {
    if (segment == null || segment.isBlank()) {
      throw new IllegalArgumentException("segment rule needs a segment name");
    }
    compile(sheet);
    compile(header);
  }

  static Pattern compile(String regex) {
    return regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  /**
   * Default rules for dark-flight workbooks: drag, ablation, wind drift, atmosphere, geometry and
   * readouts, first match wins.
   */
  public static List<SegmentRule> defaults() {
    return List.of(
        new SegmentRule("ablation", null, "ablat|mass loss"),
        new SegmentRule("drag", null,
            "drag|\\bCd\\b|deceleration|mach|terminal velocity|super-Vt|\\bVeff\\b|G-force"),
        new SegmentRule("drag", "^Vz$|force graph|Vmet", null),
        new SegmentRule("wind_drift", "wind|lateral displacement|^position$|displacement", null),
        new SegmentRule("atmosphere", "RAOB|^P,T$|sound travel", null),
        new SegmentRule("geometry", "vertical grid|timing altitude", null),
        new SegmentRule("geometry", "particle parameters",
            "cross section|volume|r \\(c?m\\)|multiplier|Xi|Yi|Zi"),
        new SegmentRule("readouts", "particle parameters", null));
  }
}
