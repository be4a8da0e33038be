package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes tiny .xlsx files from raw SpreadsheetML, so tests can build workbooks POI itself would
 * refuse to write (unknown functions, external references, DDE, data tables, macros, bombs).
 */
final class MinimalXlsx {

  private final Map<String, String> sheets = new LinkedHashMap<>();
  private final Map<String, byte[]> extra = new LinkedHashMap<>();

  /** Adds a sheet whose {@code <sheetData>} content is {@code rowsXml}. */
  MinimalXlsx sheet(String name, String rowsXml) {
    sheets.put(name, rowsXml);
    return this;
  }

  /** Adds an arbitrary zip entry. */
  MinimalXlsx entry(String path, byte[] content) {
    extra.put(path, content);
    return this;
  }

  /** A formula cell. */
  static String f(String ref, String formula) {
    return "<c r=\"" + ref + "\"><f>" + formula.replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;").replace("\"", "&quot;") + "</f></c>";
  }

  /** A number cell. */
  static String n(String ref, double v) {
    return "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
  }

  /** An inline string cell. */
  static String s(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  /** One row. */
  static String row(int r, String... cells) {
    return "<row r=\"" + r + "\">" + String.join("", cells) + "</row>";
  }

  void write(Path file) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      StringBuilder ct = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
          + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats"
          + "-officedocument.spreadsheetml.sheet.main+xml\"/>");
      StringBuilder wb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
          + "<sheets>");
      StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
          + "relationships\">");
      int i = 1;
      for (String name : sheets.keySet()) {
        ct.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
            + "worksheet+xml\"/>");
        wb.append("<sheet name=\"").append(name).append("\" sheetId=\"").append(i)
            .append("\" r:id=\"rId").append(i).append("\"/>");
        rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas."
            + "openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\""
            + "worksheets/sheet").append(i).append(".xml\"/>");
        i++;
      }
      ct.append("</Types>");
      wb.append("</sheets></workbook>");
      rels.append("</Relationships>");
      put(zip, "[Content_Types].xml", ct.toString());
      put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
          + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", wb.toString());
      put(zip, "xl/_rels/workbook.xml.rels", rels.toString());
      i = 1;
      for (String rows : sheets.values()) {
        put(zip, "xl/worksheets/sheet" + i + ".xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>" + rows + "</sheetData></worksheet>");
        i++;
      }
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
