package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.darkflight.io.InputException;

/**
 * Counts the cells ({@code <c>} elements) of every worksheet by streaming its XML part, before
 * POI loads the workbook into memory (about 0.8 kB of heap per cell), and refuses a workbook over
 * {@link WorkbookLimits#maxCellsPerSheet()} or {@link WorkbookLimits#maxCells()} (issue 19 §2).
 * Sheets are named as the workbook names them ({@code xl/workbook.xml} and its relationships).
 */
final class SheetCellCounter {

  private static final String REL_NS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private SheetCellCounter() {}

  static void check(Path file, WorkbookLimits limits) throws InputException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Map<String, String> names = sheetNames(zip);
      long total = 0;
      List<String> parts = new ArrayList<>(names.keySet());
      zip.stream().map(ZipEntry::getName)
          .filter(n -> n.startsWith("xl/worksheets/") && n.endsWith(".xml")
              && n.indexOf('/', "xl/worksheets/".length()) < 0 && !parts.contains(n))
          .forEach(parts::add);
      for (String part : parts) {
        ZipEntry e = zip.getEntry(part);
        if (e == null) {
          continue;
        }
        String sheet = names.containsKey(part) ? "sheet '" + names.get(part) + "'" : part;
        long limitHere = Math.min(limits.maxCellsPerSheet(), limits.maxCells() - total);
        long cells;
        try (InputStream in = zip.getInputStream(e)) {
          cells = count(in, limitHere);
        }
        if (cells > limits.maxCellsPerSheet()) {
          throw new InputException(file, sheet, "worksheet has more than "
              + limits.maxCellsPerSheet() + " cells, over the per-sheet limit (oversized"
              + " workbook; raise it with DARKFLIGHT_MAX_SHEET_CELLS)");
        }
        total += cells;
        if (total > limits.maxCells()) {
          throw new InputException(file, sheet, "workbook has more than " + limits.maxCells()
              + " cells (oversized workbook; raise the limit with"
              + " DARKFLIGHT_MAX_WORKBOOK_CELLS)");
        }
      }
    } catch (IOException | XMLStreamException e) {
      throw new InputException(file, "", "malformed workbook: a sheet cannot be read: "
          + String.valueOf(e.getMessage()).replace('\n', ' '), e);
    }
  }

  /** Cells of one sheet part, stopping once past {@code stopAfter}. */
  private static long count(InputStream in, long stopAfter) throws XMLStreamException {
    XMLStreamReader r = factory().createXMLStreamReader(in);
    long n = 0;
    try {
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
          if (++n > stopAfter) {
            return n;
          }
        }
      }
    } finally {
      r.close();
    }
    return n;
  }

  /** Part name (xl/worksheets/sheetN.xml) → sheet name, from the workbook part. */
  private static Map<String, String> sheetNames(ZipFile zip)
      throws IOException, XMLStreamException {
    Map<String, String> idToName = new HashMap<>();
    Map<String, String> out = new HashMap<>();
    ZipEntry wb = zip.getEntry("xl/workbook.xml");
    ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
    if (wb == null || rels == null) {
      return out;
    }
    try (InputStream in = zip.getInputStream(wb)) {
      XMLStreamReader r = factory().createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
          String id = r.getAttributeValue(REL_NS, "id");
          String name = r.getAttributeValue(null, "name");
          if (id != null && name != null) {
            idToName.put(id, name);
          }
        }
      }
      r.close();
    }
    try (InputStream in = zip.getInputStream(rels)) {
      XMLStreamReader r = factory().createXMLStreamReader(in);
      while (r.hasNext()) {
        if (r.next() == XMLStreamConstants.START_ELEMENT
            && r.getLocalName().equals("Relationship")) {
          String id = r.getAttributeValue(null, "Id");
          String target = r.getAttributeValue(null, "Target");
          if (id != null && target != null && idToName.containsKey(id)) {
            String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
            out.put(part, idToName.get(id));
          }
        }
      }
      r.close();
    }
    return out;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f;
  }
}
