package org.darkflight.analysis.uq;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.LocalTangentPlane;
import org.darkflight.io.json.Json;
import org.darkflight.io.uq.PairedComparisonDocument;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * Paired differences of landing position between two physics variants run on the same ensemble
 * draws (same seed and ensemble config ⇒ same sample indices carry the same perturbed inputs).
 * Samples are paired by {@code sample_index} of {@code strewn_field_points.geojson}; only samples
 * that landed in both runs count, grouped by variant A's mass class. For each class the mean of
 * Δeast, Δnorth (B − A, metres in the tangent plane at the luminous end) and of the displacement
 * |Δ| get a two-sided Student-t confidence interval mean ± t₍₁₋α/₂, n−1₎·s/√n (paired t, e.g.
 * Montgomery &amp; Runger, <i>Applied Statistics and Probability for Engineers</i>, §10-4).
 */
public final class PairedComparison {

  /** Mean and confidence interval of one paired difference. */
  public record Interval(double mean, double stdDev, double low, double high) {}

  /** One mass class's paired differences. */
  public record ClassDiff(int massClassIndex, String massClass, int pairs, Interval eastM,
      Interval northM, Interval distanceM) {}

  /** One landed sample: index, class (label, index) and position. */
  public record Landing(long sampleIndex, int massClassIndex, String massClass, double latDeg,
      double lonDeg) {}

  private PairedComparison() {}

  /** Mean, sample standard deviation and two-sided {@code level} t interval of {@code x}. */
  public static Interval interval(double[] x, double level) {
    int n = x.length;
    if (n < 2) {
      double m = n == 1 ? x[0] : Double.NaN;
      return new Interval(m, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(0.5 + level / 2);
    double half = t * sd / Math.sqrt(n);
    return new Interval(mean, sd, mean - half, mean + half);
  }

  /** Pairs the landings of A and B by sample index and summarises them per A mass class. */
  public static List<ClassDiff> compare(List<Landing> a, List<Landing> b, LatLon origin,
      double level) {
    LocalTangentPlane plane = new LocalTangentPlane(origin);
    Map<Long, Landing> byIndex = new HashMap<>();
    for (Landing l : b) {
      byIndex.put(l.sampleIndex(), l);
    }
    Map<Integer, List<double[]>> diffs = new TreeMap<>();
    Map<Integer, String> labels = new HashMap<>();
    for (Landing la : a) {
      Landing lb = byIndex.get(la.sampleIndex());
      if (lb == null) {
        continue;
      }
      LatLon pa = new LatLon(la.latDeg(), la.lonDeg());
      LatLon pb = new LatLon(lb.latDeg(), lb.lonDeg());
      double de = plane.eastM(pb) - plane.eastM(pa);
      double dn = plane.northM(pb) - plane.northM(pa);
      diffs.computeIfAbsent(la.massClassIndex(), k -> new ArrayList<>())
          .add(new double[] {de, dn, Math.hypot(de, dn)});
      labels.put(la.massClassIndex(), la.massClass());
    }
    List<ClassDiff> out = new ArrayList<>();
    for (Map.Entry<Integer, List<double[]>> e : diffs.entrySet()) {
      List<double[]> d = e.getValue();
      double[][] cols = new double[3][d.size()];
      for (int i = 0; i < d.size(); i++) {
        for (int c = 0; c < 3; c++) {
          cols[c][i] = d.get(i)[c];
        }
      }
      out.add(new ClassDiff(e.getKey(), labels.get(e.getKey()), d.size(),
          interval(cols[0], level), interval(cols[1], level), interval(cols[2], level)));
    }
    return out;
  }

  /** The classes as the entries of {@code paired_comparison.json}. */
  public static List<PairedComparisonDocument.ClassDiff> documentClasses(List<ClassDiff> diffs) {
    List<PairedComparisonDocument.ClassDiff> out = new ArrayList<>();
    for (ClassDiff d : diffs) {
      out.add(new PairedComparisonDocument.ClassDiff(d.massClassIndex(), d.massClass(),
          d.pairs(), document(d.eastM()), document(d.northM()), document(d.distanceM())));
    }
    return out;
  }

  private static PairedComparisonDocument.Interval document(Interval i) {
    return new PairedComparisonDocument.Interval(i.mean(), i.stdDev(), i.low(), i.high());
  }

  /** Reads the landings of a {@code strewn_field_points.geojson}. */
  public static List<Landing> readPoints(Path geojson) throws IOException {
    JsonNode root = Json.mapper().readTree(geojson.toFile());
    List<Landing> out = new ArrayList<>();
    for (JsonNode f : root.get("features")) {
      JsonNode p = f.get("properties");
      JsonNode c = f.get("geometry").get("coordinates");
      out.add(new Landing(p.get("sample_index").asLong(), p.get("mass_class_index").asInt(),
          p.get("mass_class").asText(), c.get(1).asDouble(), c.get(0).asDouble()));
    }
    return out;
  }
}
