package org.darkflight.io.workbook;

import static org.darkflight.io.workbook.MinimalXlsx.f;
import static org.darkflight.io.workbook.MinimalXlsx.n;
import static org.darkflight.io.workbook.MinimalXlsx.row;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.darkflight.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormulaGraphSecurityTest {

  @TempDir Path dir;

  private InputException refused(Path file) {
    return assertThrows(InputException.class, () -> new FormulaGraphExtractor().extract(file));
  }

  @ParameterizedTest(name = "{0} is refused")
  @CsvSource(delimiter = '~', value = {
      "INDIRECT(\"A1\")              ~ function INDIRECT is not allowed",
      "OFFSET(A1,1,0)                ~ function OFFSET is not allowed",
      "SUM(OFFSET(A1,0,0,2,1))       ~ function OFFSET is not allowed",
      "NOW()                         ~ function NOW is not allowed",
      "RAND()*A1                     ~ function RAND is not allowed",
      "_xlfn.WEBSERVICE(\"http://127.0.0.1/\") ~ not allowed",
      "WEBSERVICE(\"http://127.0.0.1/\") ~ ",
      "FOOBAR(A1)                    ~ ",
      "[1]Sheet1!A1                  ~ ",
      "'[other.xlsx]Sheet1'!A1+1     ~ ",
      "cmd|' /C calc'!A0             ~ ",
      "HYPERLINK(\"http://127.0.0.1\",A1) ~ function HYPERLINK is not allowed",
      "A1:A2 A1                      ~ ",
      "myName*2                      ~ "})
  void forbiddenFormulaIsRefusedNamingSheetAndCell(String formula, String reason)
      throws IOException {
    Path file = dir.resolve("hostile.xlsx");
    new MinimalXlsx().sheet("Inputs", row(1, n("A1", 1), n("B1", 2))
        + row(2, n("A2", 3), f("B2", "A1+B1")))
        .sheet("Calc", row(4, f("C4", formula.strip()))).write(file);
    InputException e = refused(file);
    assertThat(e.field(), is("'Calc'!C4"));
    if (reason != null && !reason.isBlank()) {
      assertThat(e.reason(), containsString(reason.strip()));
    }
    assertThat(e.getMessage(), containsString("hostile.xlsx"));
  }

  @Test
  void everyRefusedCellIsCounted() throws IOException {
    Path file = dir.resolve("two.xlsx");
    new MinimalXlsx().sheet("S", row(1, f("A1", "INDIRECT(\"B1\")"), f("B1", "OFFSET(A1,0,0)"),
        f("C1", "1+1"))).write(file);
    InputException e = refused(file);
    assertThat(e.field(), is("'S'!A1"));
    assertThat(e.reason(), containsString("and 1 more refused cell"));
    assertThat(e.reason(), containsString("'S'!B1"));
  }

  @Test
  void macroProjectIsRefused() throws IOException {
    Path file = dir.resolve("macro.xlsx");
    new MinimalXlsx().sheet("S", row(1, n("A1", 1)))
        .entry("xl/vbaProject.bin", new byte[] {1, 2, 3}).write(file);
    assertThat(refused(file).reason(), containsString("macro"));
  }

  @Test
  void externalLinkPartIsRefused() throws IOException {
    Path file = dir.resolve("ext.xlsx");
    new MinimalXlsx().sheet("S", row(1, n("A1", 1)))
        .entry("xl/externalLinks/externalLink1.xml", "<externalLink/>".getBytes(
            StandardCharsets.UTF_8)).write(file);
    InputException e = refused(file);
    assertThat(e.field(), is("xl/externalLinks/externalLink1.xml"));
    assertThat(e.reason(), containsString("external"));
  }

  @Test
  void zipBombIsRefusedBeforePoiSeesIt() throws IOException {
    Path file = dir.resolve("bomb.xlsx");
    byte[] zeros = new byte[1 << 20];
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      for (int i = 0; i < 64; i++) {
        zip.write(zeros); // 64 MiB of zeros deflate to ~64 KiB: ratio ~1000
      }
      zip.closeEntry();
    }
    assertThat(Files.size(file) < 1_000_000, is(true));
    InputException e = refused(file);
    assertThat(e.field(), is("xl/worksheets/sheet1.xml"));
    assertThat(e.reason(), containsString("zip bomb"));
  }

  @Test
  void inflatedSizeLimitStopsReadingEarly() throws IOException {
    Path file = dir.resolve("big.xlsx");
    StringBuilder rows = new StringBuilder();
    for (int r = 1; r <= 2000; r++) {
      rows.append(row(r, n("A" + r, r), n("B" + r, r * 0.5)));
    }
    new MinimalXlsx().sheet("S", rows.toString()).write(file);
    InputException e = assertThrows(InputException.class, () -> new FormulaGraphExtractor(
        WorkbookLimits.defaults().withMaxUncompressedBytes(20_000), new FormulaPolicy(),
        SegmentRule.defaults()).extract(file));
    assertThat(e.reason(), containsString("inflates to more than 20000 bytes"));
  }

  @Test
  void oversizedSheetIsRefused() throws IOException {
    Path file = dir.resolve("cells.xlsx");
    StringBuilder rows = new StringBuilder();
    for (int r = 1; r <= 300; r++) {
      rows.append(row(r, n("A" + r, r), f("B" + r, "A" + r + "*2")));
    }
    new MinimalXlsx().sheet("Big", rows.toString()).write(file);
    InputException e = assertThrows(InputException.class, () -> new FormulaGraphExtractor(
        WorkbookLimits.defaults().withMaxCells(500), new FormulaPolicy(),
        SegmentRule.defaults()).extract(file));
    assertThat(e.field(), is("sheet 'Big'"));
    assertThat(e.reason(), containsString("more than 500 cells"));
  }

  @Test
  void randomBytesAreRefusedCleanly() throws IOException {
    Path file = dir.resolve("junk.xlsx");
    byte[] junk = new byte[4096];
    new java.util.Random(42).nextBytes(junk);
    Files.write(file, junk);
    assertThat(refused(file).getMessage(), containsString("junk.xlsx"));
  }

  @Test
  void truncatedWorkbookIsRefusedCleanly() throws IOException {
    Path good = dir.resolve("good.xlsx");
    new MinimalXlsx().sheet("S", row(1, n("A1", 1), f("B1", "A1*2"))).write(good);
    byte[] all = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.xlsx");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    refused(cut);
  }

  @Test
  void zipWithoutWorkbookIsRefused() throws IOException {
    Path file = dir.resolve("plain.xlsx");
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      zip.putNextEntry(new ZipEntry("hello.txt"));
      zip.write("hi".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    assertThat(refused(file).reason(), containsString("not an .xlsx workbook"));
  }

  @Test
  void malformedSheetXmlIsRefusedCleanly() throws IOException {
    Path file = dir.resolve("badxml.xlsx");
    new MinimalXlsx().sheet("S", "<row r=\"1\"><c r=\"A1\"><v>1</v></row>").write(file);
    assertThat(refused(file).reason(), containsString("malformed workbook"));
  }

  @Test
  void allowedFormulasPass() throws Exception {
    Path file = dir.resolve("ok.xlsx");
    new MinimalXlsx().sheet("S", row(1, n("A1", 2), f("B1", "IF(A1>1,SQRT(A1)*PI(),0)"),
        f("C1", "SUM(A:A)+AVERAGE(A1:B1)"))).write(file);
    FormulaGraph g = new FormulaGraphExtractor().extract(file);
    assertThat(g.formulaCells(), equalTo(2));
    assertThat(g.cycles().isEmpty(), is(true));
  }
}
