package org.darkflight.io.workbook;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;

/**
 * Writes {@code formula_graph.json} (schema {@code schemas/formula_graph.schema.json}) and
 * {@code graph_issues.md}.
 */
public final class FormulaGraphWriter {

  /** Schema version of formula_graph.json. */
  public static final String SCHEMA_VERSION = FormulaGraphDocument.SCHEMA_VERSION;
  /** File name of the graph. */
  public static final String GRAPH_FILE = "formula_graph.json";
  /** File name of the issues report. */
  public static final String ISSUES_FILE = "graph_issues.md";

  /**
   * The shared mapper with Jackson's default pretty printer, as formula_graph.json has always
   * been written ({@code " : "}, two-space indent, arrays opened on the same line, no final newline);
   * properties in the order the document declares.
   */
  private static final ObjectWriter WRITER = Json.mapper().writer()
      .with(SerializationFeature.INDENT_OUTPUT);

  private FormulaGraphWriter() {}

  /** The bytes of formula_graph.json for a graph, created at {@code createdUtc}. */
  public static byte[] toBytes(FormulaGraph g, String producer, Instant createdUtc)
      throws IOException {
    return WRITER.writeValueAsBytes(FormulaGraphDocument.of(g, producer, createdUtc));
  }

  /** Writes both files into {@code dir}, each atomically; the graph's creation time is now. */
  public static void write(FormulaGraph g, Path dir, String producer) throws IOException {
    byte[] json = toBytes(g, producer, Instant.now());
    byte[] md = issuesMarkdown(g).getBytes(StandardCharsets.UTF_8);
    AtomicFiles.write(dir.resolve(GRAPH_FILE), json);
    AtomicFiles.write(dir.resolve(ISSUES_FILE), md);
  }

  /** The Markdown issues report. */
  public static String issuesMarkdown(FormulaGraph g) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Formula graph issues: ").append(g.workbookFile()).append("\n\n");
    sb.append("sha256 `").append(g.workbookSha256()).append("`\n\n");
    sb.append("| sheet | formula cells | constant cells |\n|---|---:|---:|\n");
    for (FormulaGraph.SheetInfo s : g.sheets()) {
      sb.append("| ").append(s.name()).append(" | ").append(s.formulaCells()).append(" | ")
          .append(s.valueCells()).append(" |\n");
    }
    int total = g.sheets().stream().mapToInt(FormulaGraph.SheetInfo::formulaCells).sum();
    sb.append("\nFormula cells in the file: ").append(total).append("; in the graph: ")
        .append(g.formulaCells()).append(total == g.formulaCells() ? " (all accounted for)"
            : " (MISMATCH)").append(".\n");
    sb.append("Dependencies (after range expansion): ").append(g.edges())
        .append("; constant cells read by formulas: ").append(g.inputCells()).append(".\n\n");
    sb.append("## Circular references\n\n");
    if (g.cycles().isEmpty()) {
      sb.append("None: every formula cell is in the topological order.\n\n");
    } else {
      for (List<String> c : g.cycles()) {
        sb.append("- ").append(c.size()).append(" cells: ")
            .append(String.join(", ", c.subList(0, Math.min(c.size(), 20))))
            .append(c.size() > 20 ? ", …" : "").append('\n');
      }
      sb.append('\n');
    }
    sb.append("## Segments\n\n| segment | formula cells |\n|---|---:|\n");
    g.segmentCounts().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v)
        .append(" |\n"));
    sb.append("\n## Functions\n\n| function | uses |\n|---|---:|\n");
    g.functionCounts().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v)
        .append(" |\n"));
    sb.append("\n## Notes\n\n");
    if (g.issues().isEmpty()) {
      sb.append("No unresolved patterns.\n");
    }
    for (String issue : g.issues()) {
      sb.append("- ").append(issue).append('\n');
    }
    sb.append("- Constant formulas folded: ").append(g.foldedConstants()).append(".\n");
    sb.append("- Extraction took ").append(g.extractionMillis()).append(" ms.\n");
    return sb.toString();
  }
}
