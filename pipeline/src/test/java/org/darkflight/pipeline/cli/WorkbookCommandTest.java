package org.darkflight.pipeline.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkbookCommandTest {

  static final Path BOOK = ValidateCommandTest.REPO.resolve(
      "testdata/legacy/park-forest-2003-jormungandr-v42.xlsx");

  @Test
  void runReportsExcelsLandingPointInUtmAndWgs84(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("landing.json");
    int code = DarkflightCli.run("workbook", "run", BOOK.toString(), "--utm-zone", "16N",
        "--json", json.toString());
    assertThat(code, equalTo(0));
    JsonNode doc = new ObjectMapper().readTree(json.toFile());
    // Excel's cached 'particle parameters'!B8 and C8
    assertThat(doc.at("/landing/easting_m").asDouble(), closeTo(437024.64923923236, 1e-6));
    assertThat(doc.at("/landing/northing_m").asDouble(), closeTo(4586438.3941972815, 1e-6));
    // Park Forest, Illinois is near 41.49 N, 87.68 W
    assertThat(doc.at("/landing/lat").asDouble(), closeTo(41.43, 0.1));
    assertThat(doc.at("/landing/lon").asDouble(), closeTo(-87.76, 0.1));
    assertThat(doc.at("/utm_zone").asText(), equalTo("16N"));
  }

  @Test
  void zoneCanBeInferredFromANearbyPoint(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("landing.json");
    int code = DarkflightCli.run("workbook", "run", BOOK.toString(), "--near=41.5,-87.7",
        "--json", json.toString());
    assertThat(code, equalTo(0));
    assertThat(new ObjectMapper().readTree(json.toFile()).at("/utm_zone").asText(),
        equalTo("16N"));
  }

  @Test
  void runWithoutZoneIsBadInput() {
    StringWriter err = new StringWriter();
    CommandLine cl = DarkflightCli.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("workbook", "run", BOOK.toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(err.toString(), containsString("--utm-zone"));
  }

  private static void hostile(Path file, String formula) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
          + "openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
          + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName="
          + "\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
          + "spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
          + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
          + "worksheet+xml\"/></Types>");
      put(zip, "_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
          + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type="
          + "\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          + "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas."
          + "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas."
          + "openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Calc\""
          + " sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns="
          + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
          + "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
      put(zip, "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"http://"
          + "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
          + "<c r=\"A1\"><v>1</v></c><c r=\"B1\"><f>" + formula + "</f></c></row></sheetData>"
          + "</worksheet>");
    }
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  @Test
  void extractWritesGraphAndIssues(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("ok.xlsx");
    hostile(book, "SQRT(A1)*2");
    int code = DarkflightCli.run("workbook", "extract", book.toString(), "--out",
        dir.resolve("g").toString());
    assertThat(code, equalTo(0));
    JsonNode g = new ObjectMapper().readTree(dir.resolve("g/formula_graph.json").toFile());
    assertThat(g.at("/summary/formula_cells").asInt(), equalTo(1));
    assertThat(g.at("/function_counts/SQRT").asInt(), equalTo(1));
    assertThat(Files.exists(dir.resolve("g/graph_issues.md")), is(true));
  }

  @Test
  void extractRefusesIndirectNamingTheCellAndWritesNothing(@TempDir Path dir) throws Exception {
    Path book = dir.resolve("bad.xlsx");
    hostile(book, "INDIRECT(\"A1\")");
    StringWriter err = new StringWriter();
    CommandLine cl = DarkflightCli.commandLine();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("workbook", "extract", book.toString(), "--out",
        dir.resolve("g").toString());
    assertThat(code, equalTo(DarkflightCli.EXIT_BAD_INPUT));
    assertThat(err.toString(), containsString("'Calc'!B1"));
    assertThat(err.toString(), containsString("INDIRECT"));
    assertThat(Files.exists(dir.resolve("g/formula_graph.json")), is(false));
  }

  /** Issue 19 §6: a --near outside the globe is refused, not turned into a zone. */
  @Test
  void nearIsRangeChecked(@TempDir Path dir) {
    for (String near : new String[] {"95,500", "41.3,NaN", "41.3", "-91,0", "41.3,361"}) {
      Path json = dir.resolve("landing.json");
      CliOutcome r = CliOutcome.run("workbook", "run", BOOK.toString(), "--near=" + near,
          "--json", json.toString());
      assertThat(near, r.exit(), equalTo(DarkflightCli.EXIT_BAD_INPUT));
      assertThat(near, r.err().strip().lines().count(), equalTo(1L));
      assertThat(near, r.err(), org.hamcrest.Matchers.containsString("--near"));
      assertThat(near, java.nio.file.Files.exists(json), equalTo(false));
    }
  }
}
