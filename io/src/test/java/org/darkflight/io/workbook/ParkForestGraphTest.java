package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FormulaGraph of the real Park Forest v.42 workbook, checked against its raw XML. */
class ParkForestGraphTest {

  static final Path WORKBOOK = LegacyTestFiles.PARK_FOREST;

  static FormulaGraph graph;
  static int xmlFormulaCells;
  static Set<String> xmlFunctionNames = new TreeSet<>();

  @BeforeAll
  static void extract() throws Exception {
    graph = new FormulaGraphExtractor().extract(WORKBOOK);
    System.out.println("EXTRACT " + graph.issues());
    // Independent count: <f> elements in the worksheets' XML, read with the JDK's zip only.
    Pattern fTag = Pattern.compile("<f[ >/]");
    Pattern fText = Pattern.compile("<f[^>]*>([^<]*)</f>");
    Pattern fn = Pattern.compile("([A-Z][A-Z0-9.]*)\\(");
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(WORKBOOK))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().startsWith("xl/worksheets/sheet")) {
          String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
          Matcher m = fTag.matcher(xml);
          while (m.find()) {
            xmlFormulaCells++;
          }
          Matcher t = fText.matcher(xml);
          while (t.find()) {
            Matcher f = fn.matcher(t.group(1).replaceAll("\"[^\"]*\"", ""));
            while (f.find()) {
              xmlFunctionNames.add(f.group(1));
            }
          }
        }
      }
    }
  }

  @Test
  void accountsForEveryFormulaCell() {
    assertThat(xmlFormulaCells, greaterThan(59_000));
    assertThat(graph.formulaCells(), equalTo(xmlFormulaCells));
    int perSheet = graph.sheets().stream().mapToInt(FormulaGraph.SheetInfo::formulaCells).sum();
    assertThat(perSheet, equalTo(xmlFormulaCells));
    assertThat(graph.sheets().size(), equalTo(16));
  }

  @Test
  void findsNoCycleAndOrdersEveryCell() {
    assertThat(graph.cycles().isEmpty(), is(true));
    assertThat(graph.nodes().stream().allMatch(n -> n.order() >= 0), is(true));
  }

  @Test
  void functionCountsNameExactlyTheFunctionsInTheXml() {
    assertThat(new TreeSet<>(graph.functionCounts().keySet()), equalTo(xmlFunctionNames));
    int ifs = graph.functionCounts().get("IF");
    assertThat(ifs, greaterThan(20_000));
  }

  @Test
  void orderPutsPrecedentsFirstAcrossSheetsAndRecurrences() {
    Map<String, Integer> order = new HashMap<>();
    for (FormulaGraph.Node n : graph.nodes()) {
      order.put(n.cell(), n.order());
    }
    // readout <- sum over rows <- row displacement
    assertThat(order.get("'lateral displacement'!AA12"),
        lessThan(order.get("'particle parameters'!E7")));
    assertThat(order.get("'lateral displacement'!AB5"),
        lessThan(order.get("'lateral displacement'!AA12")));
    // vertical speed recurrence runs from the top row downwards: AC1 needs AC2
    assertThat(order.get("'Vz'!AC2"), lessThan(order.get("'Vz'!AC1")));
    // whole-column reference SUM(Vz!F:F)
    assertThat(order.get("'Vz'!F600"), lessThan(order.get("'particle parameters'!B36")));
  }

  @Test
  void tagsDomainSegments() {
    Map<String, String> seg = new HashMap<>();
    for (FormulaGraph.Node n : graph.nodes()) {
      seg.put(n.cell(), n.segment());
    }
    assertThat(seg.get("'Vz'!AK5"), equalTo("drag"));
    assertThat(seg.get("'lateral displacement'!T5"), equalTo("wind_drift"));
    assertThat(seg.get("'P,T'!J5"), equalTo("atmosphere"));
    assertThat(seg.get("'vertical grid'!H5"), equalTo("geometry"));
    assertThat(seg.get("'particle parameters'!B8"), equalTo("readouts"));
    assertThat(seg.get("'particle parameters'!F19"), equalTo("geometry"));
  }

  @Test
  void writesSchemaValidJsonAndIssues(@TempDir Path out) throws IOException {
    FormulaGraphWriter.write(graph, out, "test");
    ObjectMapper om = new ObjectMapper();
    JsonNode doc = om.readTree(out.resolve(FormulaGraphWriter.GRAPH_FILE).toFile());
    JsonSchema schema;
    try (InputStream in = Files.newInputStream(LegacyTestFiles.REPO.resolve(
        "schemas/formula_graph.schema.json"))) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
    Set<ValidationMessage> errors = schema.validate(doc);
    assertThat(errors.toString(), errors.isEmpty(), is(true));
    assertThat(doc.at("/summary/formula_cells").asInt(), equalTo(xmlFormulaCells));
    assertThat(doc.at("/nodes").size(), equalTo(xmlFormulaCells));
    String md = Files.readString(out.resolve(FormulaGraphWriter.ISSUES_FILE));
    assertThat(md.contains("(all accounted for)"), is(true));
    assertThat(md.contains("None: every formula cell is in the topological order."), is(true));
  }
}
