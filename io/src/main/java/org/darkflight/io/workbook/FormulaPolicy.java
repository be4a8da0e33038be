package org.darkflight.io.workbook;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.AreaErrPtg;
import org.apache.poi.ss.formula.ptg.AreaPtg;
import org.apache.poi.ss.formula.ptg.AttrPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.BoolPtg;
import org.apache.poi.ss.formula.ptg.ErrPtg;
import org.apache.poi.ss.formula.ptg.IntPtg;
import org.apache.poi.ss.formula.ptg.MemAreaPtg;
import org.apache.poi.ss.formula.ptg.MemFuncPtg;
import org.apache.poi.ss.formula.ptg.MissingArgPtg;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.NumberPtg;
import org.apache.poi.ss.formula.ptg.ParenthesisPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefErrorPtg;
import org.apache.poi.ss.formula.ptg.RefPtg;
import org.apache.poi.ss.formula.ptg.StringPtg;
import org.apache.poi.ss.formula.ptg.ValueOperatorPtg;

/**
 * The allowlist of formula functions and token types (docs/performance.md: "reject untrusted workbook
 * formula tokens outside allowlist"). Everything else — {@code INDIRECT}, {@code OFFSET}, external
 * workbook references, {@code WEBSERVICE}, DDE, defined names, add-in or unknown functions, array
 * constants, union/intersection operators — is refused. A refused formula is never evaluated.
 */
public final class FormulaPolicy {

  /** Pure, non-volatile functions whose result depends only on their arguments. */
  public static final Set<String> DEFAULT_FUNCTIONS = Set.of(
      "ABS", "ACOS", "ACOSH", "AND", "ASIN", "ASINH", "ATAN", "ATAN2", "ATANH", "AVERAGE",
      "CEILING", "CHOOSE", "COS", "COSH", "COUNT", "COUNTA", "DEGREES", "EXP", "FALSE", "FLOOR",
      "IF", "IFERROR", "INT", "ISBLANK", "ISERROR", "ISNUMBER", "LN", "LOG", "LOG10", "MAX",
      "MEDIAN", "MIN", "MOD", "NOT", "OR", "PI", "POWER", "PRODUCT", "RADIANS", "ROUND",
      "ROUNDDOWN", "ROUNDUP", "SIGN", "SIN", "SINH", "SQRT", "STDEV", "STDEVP", "SUM",
      "SUMPRODUCT", "SUMSQ", "TAN", "TANH", "TRUE", "TRUNC", "VAR", "VARP");

  private final Set<String> functions;

  /** The default allowlist. */
  public FormulaPolicy() {
    this(DEFAULT_FUNCTIONS);
  }

  /** A policy allowing exactly these function names (upper case). */
  public FormulaPolicy(Set<String> functions) {
    this.functions = Set.copyOf(functions);
  }

  /** The allowed function names, sorted. */
  public Set<String> functions() {
    return new TreeSet<>(functions);
  }

  /**
   * Checks one tokenised formula.
   *
   * @return {@code null} when every token is allowed, else the reason for refusing the first
   *     token that is not
   */
  public String violation(Ptg[] tokens) {
    for (Ptg t : tokens) {
      String v = violation(t);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private String violation(Ptg t) {
    if (t instanceof AbstractFunctionPtg f) {
      String name = f.getName() == null ? "?" : f.getName().toUpperCase(Locale.ROOT);
      if (f.getFunctionIndex() == 255 || f.isExternalFunction()) {
        return "external or add-in function call is not allowed";
      }
      return functions.contains(name) ? null : "function " + name + " is not allowed";
    }
    if (t instanceof NameXPxg x) {
      return "external or unknown name '" + x.getNameName() + "' is not allowed";
    }
    if (t instanceof NamePtg) {
      return "defined names are not allowed";
    }
    if (t instanceof Ref3DPxg r) {
      return r.getExternalWorkbookNumber() > 0 || r.getExternalWorkbookNumber() < -1
          ? "external workbook reference is not allowed" : null;
    }
    if (t instanceof Area3DPxg a) {
      return a.getExternalWorkbookNumber() > 0 || a.getExternalWorkbookNumber() < -1
          ? "external workbook reference is not allowed" : null;
    }
    if (t instanceof RefPtg || t instanceof AreaPtg || t instanceof RefErrorPtg
        || t instanceof AreaErrPtg || t instanceof MemFuncPtg || t instanceof MemAreaPtg
        || t instanceof NumberPtg || t instanceof IntPtg || t instanceof StringPtg
        || t instanceof BoolPtg || t instanceof ErrPtg || t instanceof MissingArgPtg
        || t instanceof ParenthesisPtg || t instanceof ValueOperatorPtg) {
      return null;
    }
    if (t instanceof AttrPtg a) {
      // tAttrSum is a one-argument SUM call; tAttrSpace/tAttrIf/tAttrSkip/tAttrChoose are layout
      // and jump hints; tAttrSemi marks a volatile function, which the function check refuses.
      if (a.isSum() && !functions.contains("SUM")) {
        return "function SUM is not allowed";
      }
      return null;
    }
    return "token type " + t.getClass().getSimpleName() + " is not allowed";
  }
}
