package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * Recalculates .xlsx files with headless LibreOffice in a private user installation whose profile
 * forces recalculation on load ({@code /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode
 * = 0}); without it LibreOffice shows the values cached by the last application that saved the
 * file. Values are read back from the converted files' XML with StAX.
 */
final class LibreOfficeRecalc {

  private LibreOfficeRecalc() {}

  static Path soffice() {
    for (String p : new String[] {"/usr/bin/soffice", "/usr/local/bin/soffice",
        "/usr/lib/libreoffice/program/soffice"}) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    throw new IllegalStateException("soffice not found: install the Debian package "
        + "libreoffice-calc-nogui (the CI script does)");
  }

  /** Recalculates every input into {@code outDir} (same file names); returns the outputs. */
  static List<Path> recalc(List<Path> inputs, Path work) throws IOException, InterruptedException {
    Path profile = work.resolve("lo-profile");
    Files.createDirectories(profile.resolve("user"));
    Files.writeString(profile.resolve("user/registrymodifications.xcu"),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
            + "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
            + "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
            + "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
            + "<prop oor:name=\"ODFRecalcMode\" oor:op=\"fuse\"><value>0</value></prop></item>\n"
            + "</oor:items>\n", StandardCharsets.UTF_8);
    Path outDir = work.resolve("recalculated");
    Files.createDirectories(outDir);
    List<Path> outs = new ArrayList<>();
    // one soffice run per file, each with its own time limit, so a slow file cannot hide
    for (Path p : inputs) {
      List<String> cmd = List.of(soffice().toString(),
          "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
          "--nolockcheck", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
          outDir.toString(), p.toString());
      Path log = work.resolve("soffice-" + p.getFileName() + ".log");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().put("HOME", work.toString());
      Process proc = pb.start();
      if (!proc.waitFor(15, TimeUnit.MINUTES)) {
        proc.destroyForcibly();
        throw new IllegalStateException("soffice did not convert " + p.getFileName()
            + " in 15 minutes");
      }
      Path o = outDir.resolve(p.getFileName());
      if (!Files.isRegularFile(o)) {
        throw new IllegalStateException("soffice wrote no " + o + "; exit " + proc.exitValue()
            + "; log: " + Files.readString(log));
      }
      outs.add(o);
    }
    return outs;
  }

  /** Cached numeric values of some cells of one sheet (NaN for empty, error or text). */
  static Map<String, Double> values(Path xlsx, String sheetName, List<String> refs)
      throws Exception {
    Map<String, byte[]> parts = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String n = e.getName();
        if (n.equals("xl/workbook.xml") || n.equals("xl/_rels/workbook.xml.rels")
            || n.startsWith("xl/worksheets/sheet")) {
          parts.put(n, zip.readAllBytes());
        }
      }
    }
    String rid = attributeOf(parts.get("xl/workbook.xml"), "sheet", "name", sheetName,
        "id");
    String target = attributeOf(parts.get("xl/_rels/workbook.xml.rels"), "Relationship", "Id",
        rid, "Target");
    String part = target.startsWith("/") ? target.substring(1) : "xl/" + target;
    Map<String, Double> out = new HashMap<>();
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream in = new java.io.ByteArrayInputStream(parts.get(part))) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      String cell = null;
      String type = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
          cell = r.getAttributeValue(null, "r");
          type = r.getAttributeValue(null, "t");
        } else if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("v")
            && cell != null && refs.contains(cell)) {
          String text = r.getElementText();
          out.put(cell, type == null || type.equals("n") ? Double.parseDouble(text)
              : Double.NaN);
        }
      }
    }
    for (String ref : refs) {
      out.putIfAbsent(ref, Double.NaN);
    }
    return out;
  }

  private static String attributeOf(byte[] xml, String element, String keyAttr, String key,
      String wanted) throws Exception {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XMLStreamReader r = f.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
    while (r.hasNext()) {
      if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) {
        String k = null;
        String w = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
          if (r.getAttributeLocalName(i).equals(keyAttr)) {
            k = r.getAttributeValue(i);
          }
          if (r.getAttributeLocalName(i).equals(wanted)) {
            w = r.getAttributeValue(i);
          }
        }
        if (key.equals(k)) {
          return w;
        }
      }
    }
    throw new IllegalStateException("no " + element + " with " + keyAttr + "=" + key);
  }
}
