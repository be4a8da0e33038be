package org.darkflight.analysis.uq;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.uq.SensitivityAnalysis;

/**
 * Writes {@code sensitivity.json} (schema {@code schemas/sensitivity.schema.json}) from the
 * results of {@link SensitivityAnalysis}: one class per fragment hypothesis, labelled with the
 * mass class of its nominal landing's final mass.
 */
public final class SensitivityReport {

  /** File name. */
  public static final String FILE = "sensitivity.json";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = "https://darkflight.org/schemas/sensitivity.schema.json";
  /** Schema version written into {@code meta}. */
  public static final String SCHEMA_VERSION = "1.0.0";

  private SensitivityReport() {}

  /** The document, as ordered maps (NaN written as null). */
  public static Map<String, Object> document(RunInputs in, SensitivityAnalysis analysis,
      List<SensitivityAnalysis.FragmentResult> results, int rows, int bootstrap,
      Instant producedUtc) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("$schema", SCHEMA_ID);
    Map<String, Object> meta = in.canonicalMeta("sensitivity", SCHEMA_VERSION, producedUtc);
    doc.put("meta", meta);

    Map<String, Object> method = new LinkedHashMap<>();
    method.put("output", "landing offsets east and north of the luminous end's ground point, m"
        + " (event tangent plane); per-axis indices in the along-track and cross-track axes of"
        + " the nominal flight azimuth");
    method.put("index_definition", "first_order_index and total_index are shares of the trace"
        + " of the landing covariance, Var(east) + Var(north) = Var(along) + Var(cross)"
        + " (Gamboa et al. 2014); along_/cross_ indices are shares of that axis's variance");
    method.put("first_order_estimator", "Saltelli et al. 2010, Table 2 (b)");
    method.put("total_estimator", "Jansen 1999 (Saltelli et al. 2010, Table 2 (f))");
    method.put("design", "paired: A = the ensemble's own draws of sample j*F+f, B = the same"
        + " sampling strategy seeded with key(random_seed, B), A_B^(p) = A with factor p's"
        + " draws from B; inverse CDFs of ensemble_config.json");
    method.put("sampling", in.ensemble().sampling());
    method.put("random_seed", in.ensemble().randomSeed());
    method.put("base_rows_per_class", rows);
    method.put("landings", analysis.landings());
    method.put("bootstrap_resamples", bootstrap);
    method.put("confidence_level", 0.95);
    method.put("oat_definition", "all draws at their median; factor at u = Phi(+1) and"
        + " Phi(-1) (+-1 sigma for a normal); oat_shift_m = half the distance between those two"
        + " landings, m");
    doc.put("method", method);

    MassClassBins bins = new MassClassBins(in.ensemble().massClassEdgesKg());
    List<String> labels = new ArrayList<>();
    Map<String, Integer> count = new HashMap<>();
    for (SensitivityAnalysis.FragmentResult r : results) {
      double m = r.nominalLanding() != null ? r.nominalLanding()[2] : r.nominalMassKg();
      String label = bins.label(bins.index(m));
      labels.add(label);
      count.merge(label, 1, Integer::sum);
    }
    List<Map<String, Object>> classes = new ArrayList<>();
    for (int c = 0; c < results.size(); c++) {
      SensitivityAnalysis.FragmentResult r = results.get(c);
      String label = labels.get(c);
      if (count.get(label) > 1) {
        label = label + " (" + r.fragmentId() + ")";
      }
      Map<String, Object> cls = new LinkedHashMap<>();
      cls.put("mass_class", label);
      cls.put("fragment_id", r.fragmentId());
      cls.put("fragment_mass_kg", r.nominalMassKg());
      cls.put("samples", r.rowsUsed());
      cls.put("rows_drawn", r.rows());
      cls.put("nominal_east_m", r.nominalLanding() == null ? null : num(r.nominalLanding()[0]));
      cls.put("nominal_north_m", r.nominalLanding() == null ? null : num(r.nominalLanding()[1]));
      cls.put("variance_along_m2", num(r.varianceAlongM2()));
      cls.put("variance_cross_m2", num(r.varianceCrossM2()));
      List<Map<String, Object>> params = new ArrayList<>();
      for (SensitivityAnalysis.FactorResult f : r.factors()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", f.factor().name());
        p.put("unit", f.factor().unit());
        p.put("first_order_index", num(f.firstOrder()));
        p.put("first_order_ci95", pair(f.firstOrderCi95()));
        p.put("total_index", num(f.total()));
        p.put("total_ci95", pair(f.totalCi95()));
        p.put("oat_shift_m", num(f.oatShiftM()));
        p.put("oat_plus_shift_m", num(f.oatPlusShiftM()));
        p.put("oat_minus_shift_m", num(f.oatMinusShiftM()));
        p.put("along_track_first_order_index", num(f.alongFirstOrder()));
        p.put("cross_track_first_order_index", num(f.crossFirstOrder()));
        p.put("along_track_total_index", num(f.alongTotal()));
        p.put("cross_track_total_index", num(f.crossTotal()));
        params.add(p);
      }
      cls.put("parameters", params);
      classes.add(cls);
    }
    doc.put("classes", classes);
    return doc;
  }

  /** Writes the document atomically (2-space indented, LF, trailing newline). */
  public static void write(Path file, Map<String, Object> doc) throws IOException {
    String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(doc).replace("\r\n", "\n") + "\n";
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
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
