package org.darkflight.io.workbook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FormulaGraphWriterTest {

  private static final String SHA = "ab".repeat(32);

  @Test
  void writesTheDocumentInItsFixedLayout() throws Exception {
    FormulaGraph g = new FormulaGraph("book.xlsx", SHA,
        List.of(new FormulaGraph.SheetInfo(0, "S", 2, 1)),
        List.of(new FormulaGraph.Node("'S'!B1", "S", "PI()", "other", 0, List.of(), 0, Math.PI),
            new FormulaGraph.Node("'S'!C1", "S", "A1+B1", "drag", 1, List.of("A1", "B1"), 2,
                null)),
        1, 2L, new TreeMap<>(Map.of("PI", 1)), new TreeMap<>(Map.of("RefPtg", 2, "FuncPtg", 1)),
        new TreeMap<>(Map.of("other", 1, "drag", 1)), List.of(), 1, 0, 0, List.of(), 7L);
    String json = new String(FormulaGraphWriter.toBytes(g, "test",
        Instant.parse("2024-01-02T03:04:05.5Z")), StandardCharsets.UTF_8);
    String expected = """
        {
          "meta" : {
            "schema_version" : "1.0.0",
            "created_utc" : "2024-01-02T03:04:05.500Z",
            "producer" : "test",
            "inputs" : [ {
              "path" : "book.xlsx",
              "sha256" : "%1$s"
            } ]
          },
          "workbook" : {
            "file" : "book.xlsx",
            "sha256" : "%1$s"
          },
          "summary" : {
            "sheets" : 1,
            "formula_cells" : 2,
            "input_cells" : 1,
            "edges" : 2,
            "cycles" : 0,
            "folded_constants" : 1,
            "error_valued_cells" : 0,
            "empty_references" : 0,
            "extraction_ms" : 7
          },
          "sheets" : [ {
            "index" : 0,
            "name" : "S",
            "formula_cells" : 2,
            "value_cells" : 1
          } ],
          "function_counts" : {
            "PI" : 1
          },
          "token_counts" : {
            "FuncPtg" : 1,
            "RefPtg" : 2
          },
          "segment_counts" : {
            "drag" : 1,
            "other" : 1
          },
          "cycles" : [ ],
          "nodes" : [ {
            "cell" : "'S'!B1",
            "sheet" : "S",
            "formula" : "PI()",
            "segment" : "other",
            "order" : 0,
            "references" : [ ],
            "precedents" : 0,
            "folded_value" : 3.141592653589793
          }, {
            "cell" : "'S'!C1",
            "sheet" : "S",
            "formula" : "A1+B1",
            "segment" : "drag",
            "order" : 1,
            "references" : [ "A1", "B1" ],
            "precedents" : 2,
            "folded_value" : null
          } ]
        }""".formatted(SHA);
    assertThat(json, equalTo(expected));
  }
}
