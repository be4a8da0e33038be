package org.darkflight.analysis.uq;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.uq.SensitivityDocument;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.uq.SensitivityAnalysis;

/**
 * Builds the {@code sensitivity.json} document ({@link SensitivityDocument}, schema
 * {@code schemas/sensitivity.schema.json}) from the results of {@link SensitivityAnalysis}: one
 * class per fragment hypothesis, labelled with the mass class of its nominal landing's final
 * mass. The document writes itself ({@link SensitivityDocument#write}).
 */
public final class SensitivityReport {

  /** File name. */
  public static final String FILE = SensitivityDocument.FILE;
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = SensitivityDocument.SCHEMA_ID;
  /** Schema version written into {@code meta}. */
  public static final String SCHEMA_VERSION = SensitivityDocument.SCHEMA_VERSION;

  private SensitivityReport() {}

  /** The document (a value that could not be estimated, NaN, is null). */
  public static SensitivityDocument document(RunInputs in, SensitivityAnalysis analysis,
      List<SensitivityAnalysis.FragmentResult> results, int rows, int bootstrap,
      Instant producedUtc) {
    SensitivityDocument.Method method = new SensitivityDocument.Method(
        "landing offsets east and north of the luminous end's ground point, m"
            + " (event tangent plane); per-axis indices in the along-track and cross-track axes of"
            + " the nominal flight azimuth",
        "first_order_index and total_index are shares of the trace"
            + " of the landing covariance, Var(east) + Var(north) = Var(along) + Var(cross)"
            + " (Gamboa et al. 2014); along_/cross_ indices are shares of that axis's variance",
        "Saltelli et al. 2010, Table 2 (b)",
        "Jansen 1999 (Saltelli et al. 2010, Table 2 (f))",
        "paired: A = the ensemble's own draws of sample j*F+f, B = the same"
            + " sampling strategy seeded with key(random_seed, B), A_B^(p) = A with factor p's"
            + " draws from B; inverse CDFs of ensemble_config.json",
        in.ensemble().sampling(), in.ensemble().randomSeed(), rows, analysis.landings(),
        bootstrap, 0.95,
        "all draws at their median; factor at u = Phi(+1) and"
            + " Phi(-1) (+-1 sigma for a normal); oat_shift_m = half the distance between those two"
            + " landings, m");

    MassClassBins bins = new MassClassBins(in.ensemble().massClassEdgesKg());
    List<String> labels = new ArrayList<>();
    Map<String, Integer> count = new HashMap<>();
    for (SensitivityAnalysis.FragmentResult r : results) {
      double m = r.nominalLanding() != null ? r.nominalLanding()[2] : r.nominalMassKg();
      String label = bins.label(bins.index(m));
      labels.add(label);
      count.merge(label, 1, Integer::sum);
    }
    List<SensitivityDocument.ClassIndices> classes = new ArrayList<>();
    for (int c = 0; c < results.size(); c++) {
      SensitivityAnalysis.FragmentResult r = results.get(c);
      String label = labels.get(c);
      if (count.get(label) > 1) {
        label = label + " (" + r.fragmentId() + ")";
      }
      List<SensitivityDocument.ParameterIndices> params = new ArrayList<>();
      for (SensitivityAnalysis.FactorResult f : r.factors()) {
        params.add(new SensitivityDocument.ParameterIndices(f.factor().name(), f.factor().unit(),
            num(f.firstOrder()), pair(f.firstOrderCi95()), num(f.total()), pair(f.totalCi95()),
            num(f.oatShiftM()), num(f.oatPlusShiftM()), num(f.oatMinusShiftM()),
            num(f.alongFirstOrder()), num(f.crossFirstOrder()), num(f.alongTotal()),
            num(f.crossTotal())));
      }
      classes.add(new SensitivityDocument.ClassIndices(label, r.fragmentId(), r.nominalMassKg(),
          r.rowsUsed(), r.rows(),
          r.nominalLanding() == null ? null : num(r.nominalLanding()[0]),
          r.nominalLanding() == null ? null : num(r.nominalLanding()[1]),
          num(r.varianceAlongM2()), num(r.varianceCrossM2()), params));
    }
    return new SensitivityDocument(SCHEMA_ID,
        in.canonicalMeta(SensitivityDocument.PRODUCT, SCHEMA_VERSION, producedUtc), method,
        classes);
  }

  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static List<Double> pair(double[] v) {
    List<Double> out = new ArrayList<>();
    out.add(num(v[0]));
    out.add(num(v[1]));
    return out;
  }
}
