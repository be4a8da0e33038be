package org.darkflight.analysis.ensemble;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.geo.MassClasses;

/**
 * Classes of final mass cut at ascending edges e₀ &lt; e₁ &lt; … &lt; eₙ₋₁: class 0 is m &lt; e₀,
 * class k is e₍ₖ₋₁₎ ≤ m &lt; eₖ, class n is m ≥ eₙ₋₁. The default edges are decades (1 mg, 10 mg,
 * …, 1 t), so the classes are the decades of final mass.
 */
public final class MassClassBins implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] edgesKg;
  /** Labels by class, built on first use (every landing point of a run asks for one). */
  private transient volatile String[] labels;

  public MassClassBins(List<Double> edgesKg) {
    if (edgesKg.isEmpty()) {
      throw new IllegalArgumentException("at least one mass class edge is required");
    }
    this.edgesKg = new double[edgesKg.size()];
    for (int i = 0; i < edgesKg.size(); i++) {
      this.edgesKg[i] = edgesKg.get(i);
      if (!(this.edgesKg[i] > 0) || (i > 0 && !(this.edgesKg[i] > this.edgesKg[i - 1]))) {
        throw new IllegalArgumentException("mass class edges must be > 0 and ascending");
      }
    }
  }

  /** Number of classes (edges + 1). */
  public int count() {
    return edgesKg.length + 1;
  }

  /** The class of a final mass. */
  public int index(double massKg) {
    int k = 0;
    while (k < edgesKg.length && massKg >= edgesKg[k]) {
      k++;
    }
    return k;
  }

  /** Label of class k, e.g. {@code "1 g–10 g"}, {@code "< 1 mg"}, {@code "≥ 1 t"}. */
  public String label(int k) {
    String[] l = labels;
    if (l == null) {
      l = new String[count()];
      for (int i = 0; i < l.length; i++) {
        l[i] = buildLabel(i);
      }
      labels = l;
    }
    return l[k];
  }

  private String buildLabel(int k) {
    if (k == 0) {
      return "< " + mass(edgesKg[0]);
    }
    if (k == edgesKg.length) {
      return "≥ " + mass(edgesKg[k - 1]);
    }
    return mass(edgesKg[k - 1]) + "–" + mass(edgesKg[k]);
  }

  /** Every label, as the geospatial writers' mass classes. */
  public MassClasses toMassClasses() {
    List<String> labels = new ArrayList<>();
    for (int k = 0; k < count(); k++) {
      labels.add(label(k));
    }
    return new MassClasses(labels);
  }

  /** A mass in the most readable unit: mg, g, kg or t. */
  static String mass(double kg) {
    if (kg < 1e-3) {
      return num(kg * 1e6) + " mg";
    }
    if (kg < 1) {
      return num(kg * 1e3) + " g";
    }
    if (kg < 1000) {
      return num(kg) + " kg";
    }
    return num(kg / 1000) + " t";
  }

  private static String num(double v) {
    double r = Math.round(v * 1000) / 1000.0;
    if (r == Math.rint(r)) {
      return String.format(Locale.ROOT, "%d", (long) r);
    }
    return String.format(Locale.ROOT, "%s", r);
  }
}
