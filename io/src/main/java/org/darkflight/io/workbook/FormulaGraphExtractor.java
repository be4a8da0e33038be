package org.darkflight.io.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.formula.FormulaParseException;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.AttrPtg;
import org.apache.poi.ss.formula.ptg.OperandPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.darkflight.io.InputException;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCellFormula;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellFormulaType;

/**
 * FormulaGraph: reads an {@code .xlsx} workbook with Apache POI, tokenises every formula with
 * POI's parser (shared formulas expanded to each cell), refuses anything outside the
 * {@link FormulaPolicy} allowlist, builds the cross-sheet cell dependency graph (single cells,
 * ranges and whole-column references expanded to the cells that exist), finds circular references
 * (Tarjan's strongly connected components), folds formulas that depend on no input, sorts the
 * rest topologically (Kahn's algorithm, ties broken by sheet, row, column) and tags each formula
 * with a domain segment.
 */
public final class FormulaGraphExtractor {

  private static final int MAX_REPORTED_REFUSALS = 20;

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

  private static long key(int sheet, int row, int col) {
    return ((long) sheet << 40) | ((long) row << 16) | col;
  }

  private static String a1(String sheet, int row, int col) {
    return "'" + sheet.replace("'", "''") + "'!" + CellReference.convertNumToColString(col)
        + (row + 1);
  }

  /** One formula cell while the graph is built. */
  private static final class FCell {
    final int sheet;
    final int row;
    final int col;
    final String formula;
    final Ptg[] tokens;
    final XSSFCell cell;
    int[] precedents = new int[0];
    boolean folded;

    FCell(int sheet, int row, int col, String formula, Ptg[] tokens, XSSFCell cell) {
      this.sheet = sheet;
      this.row = row;
      this.col = col;
      this.formula = formula;
      this.tokens = tokens;
      this.cell = cell;
    }
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
    phaseOpenMillis = (System.nanoTime() - t0) / 1_000_000;
    try {
      return build(file, sha, wb, t0);
    } finally {
      SafeWorkbooks.close(wb);
    }
  }

  private long phaseOpenMillis;

  private FormulaGraph build(Path file, String sha, XSSFWorkbook wb, long t0)
      throws InputException {
    XSSFEvaluationWorkbook ewb = XSSFEvaluationWorkbook.create(wb);
    int nSheets = wb.getNumberOfSheets();
    List<FCell> formulas = new ArrayList<>();
    Map<Long, Integer> formulaIds = new HashMap<>();
    // existing cells per sheet and column: sorted rows, for range expansion
    List<Map<Integer, TreeMap<Integer, Boolean>>> existing = new ArrayList<>();
    // labels for segment tagging
    List<Map<Integer, TreeMap<Integer, String>>> labelsByCol = new ArrayList<>();
    List<Map<Integer, TreeMap<Integer, String>>> labelsByRow = new ArrayList<>();
    List<FormulaGraph.SheetInfo> sheetInfos = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    int refusedCount = 0;
    int errorValued = 0;
    Map<String, Integer> tokenCounts = new TreeMap<>();
    Map<String, Integer> functionCounts = new TreeMap<>();

    for (int s = 0; s < nSheets; s++) {
      Sheet sheet = wb.getSheetAt(s);
      String sheetName = sheet.getSheetName();
      Map<Integer, TreeMap<Integer, Boolean>> cols = new HashMap<>();
      Map<Integer, TreeMap<Integer, String>> lc = new HashMap<>();
      Map<Integer, TreeMap<Integer, String>> lr = new HashMap<>();
      existing.add(cols);
      labelsByCol.add(lc);
      labelsByRow.add(lr);
      int nFormula = 0;
      int nValue = 0;
      for (Row row : sheet) {
        for (Cell cell : row) {
          CellType type = cell.getCellType();
          if (type == CellType.BLANK) {
            continue;
          }
          int r = cell.getRowIndex();
          int c = cell.getColumnIndex();
          cols.computeIfAbsent(c, k -> new TreeMap<>()).put(r, Boolean.TRUE);
          if (type == CellType.STRING) {
            String text = cell.getStringCellValue();
            if (!text.isBlank()) {
              lc.computeIfAbsent(c, k -> new TreeMap<>()).put(r, text);
              lr.computeIfAbsent(r, k -> new TreeMap<>()).put(c, text);
            }
          }
          if (type != CellType.FORMULA) {
            nValue++;
            continue;
          }
          nFormula++;
          XSSFCell xc = (XSSFCell) cell;
          String where = a1(sheetName, r, c);
          CTCellFormula ctf = xc.getCTCell().getF();
          if (ctf != null && ctf.getT() == STCellFormulaType.DATA_TABLE) {
            refusedCount++;
            addRefusal(refusals, where, "data-table formulas are not allowed", "");
            continue;
          }
          String formula;
          Ptg[] tokens;
          try {
            formula = xc.getCellFormula();
            if (formula.length() > limits.maxFormulaChars()) {
              refusedCount++;
              addRefusal(refusals, where, "formula longer than " + limits.maxFormulaChars()
                  + " characters", "");
              continue;
            }
            tokens = FormulaParser.parse(formula, ewb, FormulaType.CELL, s, r);
          } catch (FormulaParseException | IllegalArgumentException | IllegalStateException e) {
            refusedCount++;
            String text = ctf == null || ctf.getStringValue() == null ? "" : ctf.getStringValue();
            addRefusal(refusals, where, "formula cannot be parsed (" + e.getMessage() + ")",
                text);
            continue;
          }
          String violation = policy.violation(tokens);
          if (violation != null) {
            refusedCount++;
            addRefusal(refusals, where, violation, formula);
            continue;
          }
          if (xc.getCachedFormulaResultType() == CellType.ERROR) {
            errorValued++;
          }
          formulaIds.put(key(s, r, c), formulas.size());
          formulas.add(new FCell(s, r, c, formula, tokens, xc));
        }
      }
      sheetInfos.add(new FormulaGraph.SheetInfo(s, sheetName, nFormula, nValue));
    }
    if (refusedCount > 0) {
      String first = refusals.get(0);
      String more = refusedCount > 1 ? " (and " + (refusedCount - 1) + " more refused cell"
          + (refusedCount > 2 ? "s" : "") + ": " + String.join("; ",
              refusals.subList(1, refusals.size())) + ")" : "";
      int sep = first.indexOf(": ");
      throw new InputException(file, first.substring(0, sep), first.substring(sep + 2) + more);
    }

    long tTokenised = System.nanoTime();
    // Dependencies.
    int nf = formulas.size();
    Map<Long, Integer> valueIds = new HashMap<>();
    long edges = 0;
    int emptyRefs = 0;
    List<String> issues = new ArrayList<>();
    Set<String> unresolvedSheets = new LinkedHashSet<>();
    List<List<String>> references = new ArrayList<>(nf);
    for (FCell f : formulas) {
      Set<Integer> pre = new LinkedHashSet<>();
      List<String> refs = new ArrayList<>();
      for (Ptg t : f.tokens) {
        tokenCounts.merge(t.getClass().getSimpleName(), 1, Integer::sum);
        if (t instanceof AbstractFunctionPtg fn) {
          functionCounts.merge(fn.getName(), 1, Integer::sum);
        } else if (t instanceof AttrPtg attr && attr.isSum()) {
          functionCounts.merge("SUM", 1, Integer::sum);
        }
        if (!(t instanceof OperandPtg)) {
          continue;
        }
        int sheet = f.sheet;
        if (t instanceof Ref3DPxg r3) {
          sheet = wb.getSheetIndex(r3.getSheetName());
          refs.add(r3.toFormulaString());
          if (sheet < 0) {
            unresolvedSheets.add(r3.getSheetName());
            continue;
          }
        } else if (t instanceof Area3DPxg a3) {
          sheet = wb.getSheetIndex(a3.getSheetName());
          refs.add(a3.toFormulaString());
          if (sheet < 0) {
            unresolvedSheets.add(a3.getSheetName());
            continue;
          }
        }
        if (t instanceof RefPtgBase r) {
          if (!(t instanceof Ref3DPxg)) {
            refs.add(r.toFormulaString());
          }
          long k = key(sheet, r.getRow(), r.getColumn());
          Integer id = formulaIds.get(k);
          if (id == null) {
            TreeMap<Integer, Boolean> rows = existing.get(sheet).get(r.getColumn());
            if (rows != null && rows.containsKey(r.getRow())) {
              id = nf + valueIds.computeIfAbsent(k, x -> valueIds.size());
            } else {
              emptyRefs++;
              continue;
            }
          }
          pre.add(id);
        } else if (t instanceof AreaPtgBase a) {
          if (!(t instanceof Area3DPxg)) {
            refs.add(a.toFormulaString());
          }
          Map<Integer, TreeMap<Integer, Boolean>> cols = existing.get(sheet);
          for (int c = a.getFirstColumn(); c <= a.getLastColumn(); c++) {
            TreeMap<Integer, Boolean> rows = cols.get(c);
            if (rows == null) {
              continue;
            }
            for (Integer r : rows.subMap(a.getFirstRow(), true, a.getLastRow(), true).keySet()) {
              long k = key(sheet, r, c);
              Integer id = formulaIds.get(k);
              if (id == null) {
                id = nf + valueIds.computeIfAbsent(k, x -> valueIds.size());
              }
              pre.add(id);
            }
          }
        }
      }
      f.precedents = pre.stream().mapToInt(Integer::intValue).toArray();
      edges += f.precedents.length;
      references.add(refs);
    }
    for (String s : unresolvedSheets) {
      issues.add("Unresolved reference to a sheet that does not exist: '" + s + "'.");
    }

    // Topological order (Kahn), ties by id = (sheet, row, column) order.
    int[] indeg = new int[nf];
    List<List<Integer>> succ = new ArrayList<>(nf);
    for (int i = 0; i < nf; i++) {
      succ.add(new ArrayList<>(2));
    }
    for (int i = 0; i < nf; i++) {
      for (int p : formulas.get(i).precedents) {
        if (p < nf) {
          indeg[i]++;
          succ.get(p).add(i);
        }
      }
    }
    int[] order = new int[nf];
    Arrays.fill(order, -1);
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < nf; i++) {
      if (indeg[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> sorted = new ArrayList<>(nf);
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order[i] = sorted.size();
      sorted.add(i);
      for (int j : succ.get(i)) {
        if (--indeg[j] == 0) {
          ready.add(j);
        }
      }
    }
    List<List<String>> cycles = new ArrayList<>();
    if (sorted.size() < nf) {
      for (int[] comp : stronglyConnected(formulas, order, nf)) {
        List<String> cells = new ArrayList<>();
        for (int i : comp) {
          FCell f = formulas.get(i);
          cells.add(a1(wb.getSheetName(f.sheet), f.row, f.col));
        }
        cycles.add(cells);
      }
    }

    long tSorted = System.nanoTime();
    // Constant folding: a formula that reads no constant cell and only folded formulas.
    XSSFFormulaEvaluator evaluator = null;
    Double[] foldedValue = new Double[nf];
    int folded = 0;
    for (int i : sorted) {
      FCell f = formulas.get(i);
      boolean constant = true;
      for (int p : f.precedents) {
        if (p >= nf || !formulas.get(p).folded) {
          constant = false;
          break;
        }
      }
      if (!constant) {
        continue;
      }
      f.folded = true;
      folded++;
      if (evaluator == null) {
        evaluator = wb.getCreationHelper().createFormulaEvaluator();
      }
      try {
        CellValue v = evaluator.evaluate(f.cell);
        if (v != null && v.getCellType() == CellType.NUMERIC) {
          foldedValue[i] = v.getNumberValue();
        }
      } catch (RuntimeException e) {
        issues.add("Constant formula at " + a1(wb.getSheetName(f.sheet), f.row, f.col)
            + " could not be folded: " + e.getMessage());
      }
    }

    long tFolded = System.nanoTime();
    // Segments.
    Map<String, Integer> segmentCounts = new TreeMap<>();
    List<Pattern[]> compiled = new ArrayList<>();
    for (SegmentRule rule : rules) {
      compiled.add(new Pattern[] {SegmentRule.compile(rule.sheet()),
          SegmentRule.compile(rule.header())});
    }
    List<FormulaGraph.Node> nodes = new ArrayList<>(nf);
    List<Integer> emitOrder = new ArrayList<>(sorted);
    for (int i = 0; i < nf; i++) {
      if (order[i] < 0) {
        emitOrder.add(i);
      }
    }
    for (int i : emitOrder) {
      FCell f = formulas.get(i);
      String sheetName = wb.getSheetName(f.sheet);
      String header = header(labelsByCol.get(f.sheet), labelsByRow.get(f.sheet), f.row, f.col);
      String segment = SegmentRule.OTHER;
      for (int k = 0; k < rules.size(); k++) {
        Pattern[] pr = compiled.get(k);
        if ((pr[0] == null || pr[0].matcher(sheetName).find())
            && (pr[1] == null || pr[1].matcher(header).find())) {
          segment = rules.get(k).segment();
          break;
        }
      }
      segmentCounts.merge(segment, 1, Integer::sum);
      nodes.add(new FormulaGraph.Node(a1(sheetName, f.row, f.col), sheetName, f.formula,
          segment, order[i], references.get(i), f.precedents.length, foldedValue[i]));
    }
    if (emptyRefs > 0) {
      issues.add(emptyRefs + " references point at single cells that hold nothing; Excel reads "
          + "them as 0 (or \"\"), e.g. a recurrence reading the row past the end of a table.");
    }
    if (errorValued > 0) {
      issues.add(errorValued + " formula cells hold a cached error value (#DIV/0!, #VALUE!…) in "
          + "the file; legacy workbooks use deliberate #DIV/0! values to blank chart series.");
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    issues.add("Phases: open and size checks " + phaseOpenMillis + " ms, tokenise "
        + (tTokenised - t0) / 1_000_000 + " ms (cumulative), graph and sort "
        + (tSorted - tTokenised) / 1_000_000 + " ms, fold " + (tFolded - tSorted) / 1_000_000
        + " ms, tag " + (System.nanoTime() - tFolded) / 1_000_000 + " ms.");
    return new FormulaGraph(file.getFileName().toString(), sha, sheetInfos, nodes,
        valueIds.size(), edges, functionCounts, tokenCounts, segmentCounts, cycles, folded,
        errorValued, emptyRefs, issues, millis);
  }

  private static void addRefusal(List<String> refusals, String where, String reason,
      String formula) {
    if (refusals.size() < MAX_REPORTED_REFUSALS) {
      refusals.add(where + ": " + reason + (formula.isEmpty() ? "" : " in =" + formula));
    }
  }

  /** Text labels near a cell: above in its column, above in the column to its left, left. */
  private static String header(Map<Integer, TreeMap<Integer, String>> byCol,
      Map<Integer, TreeMap<Integer, String>> byRow, int row, int col) {
    StringBuilder sb = new StringBuilder();
    for (int c = col; c >= Math.max(0, col - 1); c--) {
      TreeMap<Integer, String> above = byCol.get(c);
      if (above != null) {
        Map.Entry<Integer, String> e = above.floorEntry(c == col ? row - 1 : row);
        if (e != null) {
          sb.append(e.getValue()).append(" | ");
        }
      }
    }
    TreeMap<Integer, String> left = byRow.get(row);
    if (left != null) {
      Map.Entry<Integer, String> e = left.lowerEntry(col);
      if (e != null) {
        sb.append(e.getValue());
      }
    }
    return sb.toString();
  }

  /** Tarjan's strongly connected components among the cells left unsorted (iterative). */
  private static List<int[]> stronglyConnected(List<FCell> formulas, int[] order, int nf) {
    int[] index = new int[nf];
    int[] low = new int[nf];
    boolean[] onStack = new boolean[nf];
    Arrays.fill(index, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    List<int[]> out = new ArrayList<>();
    int counter = 0;
    for (int start = 0; start < nf; start++) {
      if (order[start] >= 0 || index[start] >= 0) {
        continue;
      }
      Deque<int[]> work = new ArrayDeque<>();
      work.push(new int[] {start, 0});
      while (!work.isEmpty()) {
        int[] frame = work.peek();
        int v = frame[0];
        if (frame[1] == 0 && index[v] < 0) {
          index[v] = counter;
          low[v] = counter;
          counter++;
          stack.push(v);
          onStack[v] = true;
        }
        int[] pre = formulas.get(v).precedents;
        boolean descended = false;
        while (frame[1] < pre.length) {
          int w = pre[frame[1]++];
          if (w >= nf || order[w] >= 0) {
            continue;
          }
          if (index[w] < 0) {
            work.push(new int[] {w, 0});
            descended = true;
            break;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        }
        if (descended) {
          continue;
        }
        work.pop();
        if (!work.isEmpty()) {
          int parent = work.peek()[0];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] == index[v]) {
          List<Integer> comp = new ArrayList<>();
          int w;
          do {
            w = stack.pop();
            onStack[w] = false;
            comp.add(w);
          } while (w != v);
          boolean selfLoop = false;
          for (int p : pre) {
            if (p == v) {
              selfLoop = true;
            }
          }
          if (comp.size() > 1 || selfLoop) {
            out.add(comp.stream().sorted().mapToInt(Integer::intValue).toArray());
          }
        }
      }
    }
    return out;
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
