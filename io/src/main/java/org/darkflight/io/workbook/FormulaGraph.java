package org.darkflight.io.workbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The dependency graph of a workbook's formulas, as {@link FormulaGraphExtractor} builds it.
 *
 * @param workbookFile      the file name
 * @param workbookSha256    sha256 of the file, hex
 * @param sheets            one entry per sheet, in workbook order
 * @param nodes             every formula cell, in topological order (precedents first)
 * @param inputCells        number of constant (non-formula) cells that formulas read
 * @param edges             number of cell-to-cell dependencies after range expansion
 * @param functionCounts    occurrences of each function over all formula cells
 * @param tokenCounts       occurrences of each POI token type
 * @param segmentCounts     formula cells per domain segment
 * @param cycles            circular references, each the cells of one strongly connected
 *                          component (empty when there is none)
 * @param foldedConstants   number of formula cells that depend on no input and were folded
 * @param errorValuedCells  formula cells whose cached value in the file is an error (#DIV/0!…)
 * @param emptyReferences   references to single cells that hold nothing (read as 0 or "")
 * @param issues            human-readable notes for graph_issues.md
 * @param extractionMillis  wall-clock time of the extraction, ms
 */
public record FormulaGraph(
    String workbookFile,
    String workbookSha256,
    List<SheetInfo> sheets,
    List<Node> nodes,
    int inputCells,
    long edges,
    Map<String, Integer> functionCounts,
    Map<String, Integer> tokenCounts,
    Map<String, Integer> segmentCounts,
    List<List<String>> cycles,
    int foldedConstants,
    int errorValuedCells,
    int emptyReferences,
    List<String> issues,
    long extractionMillis) {

  /**
   * One sheet.
   *
   * @param index        0-based position
   * @param name         sheet name
   * @param formulaCells formula cells on it
   * @param valueCells   constant cells on it (numbers, text, booleans, errors)
   */
  @JsonPropertyOrder({"index", "name", "formula_cells", "value_cells"})
  public record SheetInfo(
      @JsonProperty("index") int index,
      @JsonProperty("name") String name,
      @JsonProperty("formula_cells") int formulaCells,
      @JsonProperty("value_cells") int valueCells) {}

  /**
   * One formula cell.
   *
   * @param cell         the cell as {@code 'Sheet'!A1}
   * @param sheet        sheet name
   * @param formula      the formula (shared formulas expanded to this cell)
   * @param segment      domain segment from the tagging rules
   * @param order        position in the topological order (0 first), -1 for cells on a cycle
   * @param references   the reference tokens as written (ranges unexpanded)
   * @param precedents   number of existing cells it reads after range expansion
   * @param foldedValue  its constant value when it depends on no input, else null
   */
  @JsonPropertyOrder({"cell", "sheet", "formula", "segment", "order", "references", "precedents",
      "folded_value"})
  public record Node(
      @JsonProperty("cell") String cell,
      @JsonProperty("sheet") String sheet,
      @JsonProperty("formula") String formula,
      @JsonProperty("segment") String segment,
      @JsonProperty("order") int order,
      @JsonProperty("references") List<String> references,
      @JsonProperty("precedents") int precedents,
      @JsonProperty("folded_value") Double foldedValue) {}

  /** Number of formula cells. */
  public int formulaCells() {
    return nodes.size();
  }
}
