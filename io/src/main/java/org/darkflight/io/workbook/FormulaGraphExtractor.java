package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;

/**
 * FormulaGraph: reads an {@code .xlsx} workbook with Apache POI (opened by {@link SafeWorkbooks}
 * within the {@link WorkbookLimits}) and runs six named steps:
 * <ol>
 *   <li>{@link FormulaTokeniser}: tokenises every formula with POI's parser (shared formulas
 *       expanded to each cell) and refuses anything outside the {@link FormulaPolicy}
 *       allowlist;</li>
 *   <li>{@link DependencyGraph}: the cross-sheet cell dependency graph (single cells, ranges and
 *       whole-column references expanded to the cells that exist);</li>
 *   <li>{@link TopologicalOrder}: Kahn's algorithm, ties broken by sheet, row, column;</li>
 *   <li>{@link StronglyConnected}: circular references among the cells left unsorted (Tarjan's
 *       strongly connected components);</li>
 *   <li>{@link ConstantFolding}: formulas that depend on no input are evaluated;</li>
 *   <li>{@link SegmentTagger}: each formula tagged with a domain segment.</li>
 * </ol>
 */
public final class FormulaGraphExtractor {

  private final WorkbookLimits limits;
  private final FormulaPolicy policy;
  private final List<SegmentRule> rules;

  public FormulaGraphExtractor() {
    this(WorkbookLimits.defaults(), new FormulaPolicy(), SegmentRule.defaults());
  }

  public FormulaGraphExtractor(WorkbookLimits limits, FormulaPolicy policy,
      List<SegmentRule> rules) {
    this.limits = limits;
    this.policy = policy;
    this.rules = List.copyOf(rules);
  }

  /**
   * Extracts the graph of a workbook file.
   *
   * @throws InputException when the file breaks a limit, is malformed, or a formula uses a
   *     function or token outside the allowlist (the message names sheet and cell)
   */
  public FormulaGraph extract(Path file) throws InputException {
    long t0 = System.nanoTime();
    String sha = sha256(file);
    XSSFWorkbook wb = SafeWorkbooks.open(file, limits);
    long openMillis = (System.nanoTime() - t0) / 1_000_000;
    try {
      return build(file, sha, wb, t0, openMillis);
    } finally {
      SafeWorkbooks.close(wb);
    }
  }

  /** The six steps, each timed for the issues report. */
  private FormulaGraph build(Path file, String sha, XSSFWorkbook wb, long t0, long openMillis)
      throws InputException {
    TokenisedWorkbook book = new FormulaTokeniser(limits, policy).tokenise(file, wb);
    long tTokenised = System.nanoTime();

    DependencyGraph graph = DependencyGraph.build(book, wb::getSheetIndex);
    List<String> issues = new ArrayList<>();
    for (String s : graph.unresolvedSheets()) {
      issues.add("Unresolved reference to a sheet that does not exist: '" + s + "'.");
    }
    TopologicalOrder order = TopologicalOrder.of(graph.precedents());
    List<List<String>> cycles = order.complete() ? new ArrayList<>()
        : cycleCells(wb, book.formulas(), graph, order);
    long tSorted = System.nanoTime();

    boolean[] constant = ConstantFolding.constant(graph.precedents(), order.sorted());
    Double[] foldedValue = ConstantFolding.values(wb, book.formulas(), order.sorted(), constant,
        issues);
    long tFolded = System.nanoTime();

    Map<String, Integer> segmentCounts = new TreeMap<>();
    List<FormulaGraph.Node> nodes = nodes(wb, book, graph, order, foldedValue, segmentCounts);
    if (graph.emptyReferences() > 0) {
      issues.add(graph.emptyReferences() + " references point at single cells that hold nothing; "
          + "Excel reads them as 0 (or \"\"), e.g. a recurrence reading the row past the end of a "
          + "table.");
    }
    if (book.errorValued() > 0) {
      issues.add(book.errorValued() + " formula cells hold a cached error value (#DIV/0!, "
          + "#VALUE!…) in the file; legacy workbooks use deliberate #DIV/0! values to blank chart "
          + "series.");
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    issues.add("Phases: open and size checks " + openMillis + " ms, tokenise "
        + (tTokenised - t0) / 1_000_000 + " ms (cumulative), graph and sort "
        + (tSorted - tTokenised) / 1_000_000 + " ms, fold " + (tFolded - tSorted) / 1_000_000
        + " ms, tag " + (System.nanoTime() - tFolded) / 1_000_000 + " ms.");
    return new FormulaGraph(file.getFileName().toString(), sha, book.sheets(), nodes,
        graph.inputCells(), graph.edges(), book.functionCounts(), book.tokenCounts(),
        segmentCounts, cycles, ConstantFolding.count(constant), book.errorValued(),
        graph.emptyReferences(), issues, millis);
  }

  /** The circular references among the cells Kahn's algorithm could not sort, as cell names. */
  private static List<List<String>> cycleCells(XSSFWorkbook wb, List<FormulaCell> formulas,
      DependencyGraph graph, TopologicalOrder order) {
    boolean[] unsorted = new boolean[graph.formulaCount()];
    for (int i = 0; i < unsorted.length; i++) {
      unsorted[i] = order.position()[i] < 0;
    }
    List<List<String>> cycles = new ArrayList<>();
    for (int[] comp : StronglyConnected.cycles(graph.precedents(), unsorted)) {
      List<String> cells = new ArrayList<>();
      for (int i : comp) {
        FormulaCell f = formulas.get(i);
        cells.add(CellAddresses.a1(wb.getSheetName(f.sheet()), f.row(), f.col()));
      }
      cycles.add(cells);
    }
    return cycles;
  }

  /**
   * The graph's nodes in topological order, then the unsorted cells (on or below a cycle) in
   * (sheet, row, column) order, each tagged with its segment; {@code segmentCounts} receives the
   * tally.
   */
  private List<FormulaGraph.Node> nodes(XSSFWorkbook wb, TokenisedWorkbook book,
      DependencyGraph graph, TopologicalOrder order, Double[] foldedValue,
      Map<String, Integer> segmentCounts) {
    SegmentTagger tagger = new SegmentTagger(rules);
    List<FormulaGraph.Node> nodes = new ArrayList<>(graph.formulaCount());
    for (int i : order.sortedThenRest()) {
      FormulaCell f = book.formulas().get(i);
      String sheetName = wb.getSheetName(f.sheet());
      String header = book.sheetCells().get(f.sheet()).header(f.row(), f.col());
      String segment = tagger.segment(sheetName, header);
      segmentCounts.merge(segment, 1, Integer::sum);
      nodes.add(new FormulaGraph.Node(CellAddresses.a1(sheetName, f.row(), f.col()), sheetName,
          f.formula(), segment, order.position()[i], graph.references().get(i),
          graph.precedents()[i].length, foldedValue[i]));
    }
    return nodes;
  }

  /** Hex sha256 of a file. */
  public static String sha256(Path file) throws InputException {
    try {
      return org.darkflight.io.Hashing.sha256Hex(file);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }
}
