package org.darkflight.io.limits;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.darkflight.io.InputLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory is bounded by design (issue 19 §2): inputs just under the size limits are read in a
 * JVM with {@code -Xmx1g}; inputs just over them are refused with one line naming the limit and
 * its override. Before, a 200 MB schema-valid JSON file and a 4.9-million-cell workbook ended
 * in OutOfMemoryError under {@code -Xmx1g}.
 */
class MemoryBoundsTest {

  @TempDir Path tmp;

  /** Runs {@link MemoryProbe} with -Xmx1g; returns exit code and stderr. */
  private static String[] probe(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("probe did not finish");
    }
    return new String[] {Integer.toString(p.exitValue()), new String(err, StandardCharsets.UTF_8)};
  }

  /** fragments.json with a provenance array of decimal numbers, {@code bytes} long. */
  private Path fragmentsWithProvenanceOf(long bytes) throws IOException {
    Path f = tmp.resolve("fragments-" + bytes + ".json");
    String head = "{\"$schema\": \"https://darkflight.org/schemas/fragments.schema.json\","
        + " \"fragments\": [{\"id\": \"a\", \"mass_kg\": 1.0, \"density_kgm3\": 3500,"
        + " \"cd\": 1.0}], \"meta\": {\"provenance\": {\"source\": \"x\", \"notes\": \"\","
        + " \"history\": [0";
    String tail = "]}}}";
    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      o.write(head.getBytes(StandardCharsets.US_ASCII));
      long n = (bytes - head.length() - tail.length()) / 4;
      byte[] item = {',', '0', '.', '1'};
      for (long i = 0; i < n; i++) {
        o.write(item);
      }
      o.write(tail.getBytes(StandardCharsets.US_ASCII));
    }
    return f;
  }

  @Test
  void jsonJustUnderTheLimitIsReadWithinOneGigabyte() throws Exception {
    Path f = fragmentsWithProvenanceOf(InputLimits.maxInputBytes() - 1024);
    String[] r = probe("json", f.toString(), "fragments");
    // read (0) or refused by the schema (2), but never out of memory (3)
    assertThat(r[1], r[0].equals("3"), equalTo(false));
    assertThat(r[1], r[1].contains("OutOfMemoryError"), equalTo(false));
  }

  @Test
  void jsonOverTheLimitIsRefusedNamingTheOverride() throws Exception {
    Path f = fragmentsWithProvenanceOf(InputLimits.maxInputBytes() + 1024);
    String[] r = probe("json", f.toString(), "fragments");
    assertThat(r[1], r[0], equalTo("2"));
    assertThat(r[1], containsString(f.toString()));
    assertThat(r[1], containsString("DARKFLIGHT_MAX_INPUT_MB"));
    assertThat(r[1].strip().lines().count(), equalTo(1L));
  }

  private Path workbook(int sheets, int rows, int cols) throws IOException {
    Path streamed = tmp.resolve("streamed-" + sheets + "x" + rows + "x" + cols + ".xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        OutputStream o = Files.newOutputStream(streamed)) {
      for (int s = 0; s < sheets; s++) {
        Sheet sh = wb.createSheet("S" + s);
        for (int r = 0; r < rows; r++) {
          Row row = sh.createRow(r);
          for (int c = 0; c < cols; c++) {
            row.createCell(c).setCellValue(r * 0.5 + c);
          }
        }
      }
      wb.write(o);
    }
    // rewrite the archive with sizes in the local headers, as Excel writes it
    Path f = tmp.resolve("cells-" + sheets + "x" + rows + "x" + cols + ".xlsx");
    try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(streamed.toFile());
        java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
            Files.newOutputStream(f))) {
      for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        try (java.io.InputStream s = in.getInputStream(e)) {
          s.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return f;
  }

  @Test
  void aWorkbookAtTheCellLimitsOpensWithinOneGigabyte() throws Exception {
    long perSheet = InputLimits.maxSheetCells();
    int sheets = (int) (InputLimits.maxWorkbookCells() / perSheet);
    assertThat(sheets, greaterThan(0));
    Path f = workbook(sheets, (int) (perSheet / 50), 50);
    String[] r = probe("xlsx", f.toString());
    assertThat(r[1], r[0], equalTo("0"));
  }

  @Test
  void aWorkbookOverTheCellLimitsIsRefusedBeforeItIsLoaded() throws Exception {
    // one sheet over the per-sheet limit
    Path big = workbook(1, (int) (InputLimits.maxSheetCells() / 50) + 1, 50);
    String[] r = probe("xlsx", big.toString());
    assertThat(r[1], r[0], equalTo("2"));
    assertThat(r[1], containsString("sheet 'S0'"));
    assertThat(r[1], containsString("DARKFLIGHT_MAX_SHEET_CELLS"));
    // sheets each within the limit, too many in all
    long perSheet = InputLimits.maxSheetCells();
    int sheets = (int) (InputLimits.maxWorkbookCells() / perSheet) + 1;
    Path many = workbook(sheets, (int) (perSheet / 50), 50);
    r = probe("xlsx", many.toString());
    assertThat(r[1], r[0], equalTo("2"));
    assertThat(r[1], containsString("DARKFLIGHT_MAX_WORKBOOK_CELLS"));
  }
}
