package org.darkflight.io.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Step 6 of the FormulaGraph: tags a formula cell with the segment of the first
 * {@link SegmentRule} whose sheet pattern matches the sheet name and whose header pattern matches
 * the labels around the cell ({@link SheetCells#header}); {@link SegmentRule#OTHER} when none
 * does.
 */
final class SegmentTagger {

  private final List<String> segments = new ArrayList<>();
  private final List<Pattern> sheetPatterns = new ArrayList<>();
  private final List<Pattern> headerPatterns = new ArrayList<>();

  SegmentTagger(List<SegmentRule> rules) {
    for (SegmentRule rule : rules) {
      segments.add(rule.segment());
      sheetPatterns.add(SegmentRule.compile(rule.sheet()));
      headerPatterns.add(SegmentRule.compile(rule.header()));
    }
  }

  /** The segment of a cell on sheet {@code sheetName} with the labels {@code header}. */
  String segment(String sheetName, String header) {
    for (int k = 0; k < segments.size(); k++) {
      Pattern sheet = sheetPatterns.get(k);
      Pattern head = headerPatterns.get(k);
      if ((sheet == null || sheet.matcher(sheetName).find())
          && (head == null || head.matcher(header).find())) {
        return segments.get(k);
      }
    }
    return SegmentRule.OTHER;
  }
}
