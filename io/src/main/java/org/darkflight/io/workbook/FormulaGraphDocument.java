package org.darkflight.io.workbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of {@code formula_graph.json} (schema {@code schemas/formula_graph.schema.json}).
 * Properties are written in the order declared here.
 *
 * @param meta           schema version, creation time, producer and input file
 * @param workbook       the workbook file and its sha256
 * @param summary        the graph's counts
 * @param sheets         one entry per sheet, in workbook order
 * @param functionCounts occurrences of each function
 * @param tokenCounts    occurrences of each POI token type
 * @param segmentCounts  formula cells per domain segment
 * @param cycles         circular references, each the cells of one strongly connected component
 * @param nodes          every formula cell, in topological order
 */
@JsonPropertyOrder({"meta", "workbook", "summary", "sheets", "function_counts", "token_counts",
    "segment_counts", "cycles", "nodes"})
public record FormulaGraphDocument(
    @JsonProperty("meta") Meta meta,
    @JsonProperty("workbook") Workbook workbook,
    @JsonProperty("summary") Summary summary,
    @JsonProperty("sheets") List<FormulaGraph.SheetInfo> sheets,
    @JsonProperty("function_counts") Map<String, Integer> functionCounts,
    @JsonProperty("token_counts") Map<String, Integer> tokenCounts,
    @JsonProperty("segment_counts") Map<String, Integer> segmentCounts,
    @JsonProperty("cycles") List<List<String>> cycles,
    @JsonProperty("nodes") List<FormulaGraph.Node> nodes) {

  /** Schema version of formula_graph.json. */
  public static final String SCHEMA_VERSION = "1.0.0";

  /**
   * The {@code meta} block.
   *
   * @param schemaVersion {@link #SCHEMA_VERSION}
   * @param createdUtc    when the file was written
   * @param producer      the program that wrote it
   * @param inputs        the workbook read
   */
  @JsonPropertyOrder({"schema_version", "created_utc", "producer", "inputs"})
  public record Meta(
      @JsonProperty("schema_version") String schemaVersion,
      @JsonProperty("created_utc") Instant createdUtc,
      @JsonProperty("producer") String producer,
      @JsonProperty("inputs") List<Input> inputs) {}

  /**
   * One input file.
   *
   * @param path   the file name
   * @param sha256 its sha256, hex
   */
  @JsonPropertyOrder({"path", "sha256"})
  public record Input(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256) {}

  /**
   * The workbook.
   *
   * @param file   the file name
   * @param sha256 its sha256, hex
   */
  @JsonPropertyOrder({"file", "sha256"})
  public record Workbook(@JsonProperty("file") String file,
      @JsonProperty("sha256") String sha256) {}

  /**
   * The {@code summary} block (see {@link FormulaGraph} for the meaning of each count).
   *
   * @param sheets           number of sheets
   * @param formulaCells     formula cells in the graph
   * @param inputCells       constant cells read by formulas
   * @param edges            dependencies after range expansion
   * @param cycles           number of circular references
   * @param foldedConstants  formula cells folded to constants
   * @param errorValuedCells formula cells with a cached error value
   * @param emptyReferences  references to empty single cells
   * @param extractionMs     wall-clock time of the extraction, ms
   */
  @JsonPropertyOrder({"sheets", "formula_cells", "input_cells", "edges", "cycles",
      "folded_constants", "error_valued_cells", "empty_references", "extraction_ms"})
  public record Summary(
      @JsonProperty("sheets") int sheets,
      @JsonProperty("formula_cells") int formulaCells,
      @JsonProperty("input_cells") int inputCells,
      @JsonProperty("edges") long edges,
      @JsonProperty("cycles") int cycles,
      @JsonProperty("folded_constants") int foldedConstants,
      @JsonProperty("error_valued_cells") int errorValuedCells,
      @JsonProperty("empty_references") int emptyReferences,
      @JsonProperty("extraction_ms") long extractionMs) {}

  /** The document of a graph, written by {@code producer} at {@code createdUtc}. */
  public static FormulaGraphDocument of(FormulaGraph g, String producer, Instant createdUtc) {
    Meta meta = new Meta(SCHEMA_VERSION, createdUtc, producer,
        List.of(new Input(g.workbookFile(), g.workbookSha256())));
    Summary summary = new Summary(g.sheets().size(), g.formulaCells(), g.inputCells(), g.edges(),
        g.cycles().size(), g.foldedConstants(), g.errorValuedCells(), g.emptyReferences(),
        g.extractionMillis());
    return new FormulaGraphDocument(meta, new Workbook(g.workbookFile(), g.workbookSha256()),
        summary, g.sheets(), g.functionCounts(), g.tokenCounts(), g.segmentCounts(), g.cycles(),
        g.nodes());
  }
}
