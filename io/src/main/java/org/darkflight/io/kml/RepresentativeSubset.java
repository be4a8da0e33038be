package org.darkflight.io.kml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.MassClasses;

/**
 * The fragment placemarks of the KML: every landing point when there are at most
 * {@code maxPoints}, otherwise a deterministic representative subset, stratified by mass class.
 *
 * <p>Rule (also written into the KML and README): each non-empty mass class gets a quota
 * proportional to its number of points (largest-remainder rounding, at least one per non-empty
 * class; if there are more non-empty classes than {@code maxPoints}, the most populous classes
 * win). Within a class, deterministic fragments (sample index -1) come first, then ensemble
 * samples in increasing order of a SplitMix64 hash of (sample_index, fragment_id) — a fixed
 * pseudo-random draw that does not depend on the order in which points arrive, so the same
 * ensemble gives the same subset on any runner. One pass, memory O(classes × maxPoints).
 *
 * <p>The selected points are returned sorted by (mass class index, sample index, fragment id).
 */
public final class RepresentativeSubset {

  /** Selection priority: deterministic fragments first, then by hash, then a total tie-break. */
  static final Comparator<LandingPoint> PRIORITY = Comparator
      .comparingLong(RepresentativeSubset::rankKey)
      .thenComparingLong(LandingPoint::sampleIndex)
      .thenComparing(LandingPoint::fragmentId)
      .thenComparingDouble(LandingPoint::latitudeDeg)
      .thenComparingDouble(LandingPoint::longitudeDeg)
      .thenComparingDouble(LandingPoint::massFinalKg)
      .thenComparing(LandingPoint::landingTimeUtc);

  /** Order of the placemarks in the KML. */
  static final Comparator<LandingPoint> OUTPUT_ORDER = Comparator
      .comparingInt(LandingPoint::massClassIndex)
      .thenComparingLong(LandingPoint::sampleIndex)
      .thenComparing(LandingPoint::fragmentId)
      .thenComparing(PRIORITY);

  private final List<LandingPoint> selected;
  private final long[] totalPerClass;
  private final int[] selectedPerClass;
  private final long total;
  private final int maxPoints;
  private final MassClasses classes;

  private RepresentativeSubset(List<LandingPoint> selected, long[] totalPerClass,
      int[] selectedPerClass, long total, int maxPoints, MassClasses classes) {
    this.selected = selected;
    this.totalPerClass = totalPerClass;
    this.selectedPerClass = selectedPerClass;
    this.total = total;
    this.maxPoints = maxPoints;
    this.classes = classes;
  }

  /**
   * Consumes {@code points} once and selects at most {@code maxPoints} of them.
   *
   * @throws IllegalArgumentException if a point's mass class is not one of {@code classes}
   */
  public static RepresentativeSubset select(Iterator<LandingPoint> points, MassClasses classes,
      int maxPoints) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(classes, "classes");
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
    }
    int k = classes.size();
    long[] counts = new long[k];
    List<PriorityQueue<LandingPoint>> best = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      // Max-heap on priority: the head is the least wanted point kept so far.
      best.add(new PriorityQueue<>(PRIORITY.reversed()));
    }
    long total = 0;
    while (points.hasNext()) {
      LandingPoint p = Objects.requireNonNull(points.next(), "landing point");
      classes.check(p.massClassIndex(), p.massClass());
      int c = p.massClassIndex();
      counts[c]++;
      total++;
      PriorityQueue<LandingPoint> heap = best.get(c);
      if (heap.size() < maxPoints) {
        heap.add(p);
      } else if (PRIORITY.compare(p, heap.peek()) < 0) {
        heap.poll();
        heap.add(p);
      }
    }
    int[] quota = quotas(counts, total, maxPoints);
    List<LandingPoint> chosen = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<LandingPoint> kept = new ArrayList<>(best.get(c));
      kept.sort(PRIORITY);
      chosen.addAll(kept.subList(0, quota[c]));
    }
    chosen.sort(OUTPUT_ORDER);
    return new RepresentativeSubset(List.copyOf(chosen), counts, quota, total, maxPoints, classes);
  }

  /**
   * Points per class: everything when {@code total <= maxPoints}; otherwise proportional shares
   * with largest-remainder rounding and at least one per non-empty class.
   */
  static int[] quotas(long[] counts, long total, int maxPoints) {
    int k = counts.length;
    int[] q = new int[k];
    if (total <= maxPoints) {
      for (int c = 0; c < k; c++) {
        q[c] = (int) counts[c];
      }
      return q;
    }
    List<Integer> nonEmpty = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      if (counts[c] > 0) {
        nonEmpty.add(c);
      }
    }
    if (nonEmpty.size() >= maxPoints) {
      nonEmpty.sort(Comparator.comparingLong((Integer c) -> -counts[c]).thenComparingInt(c -> c));
      for (int i = 0; i < maxPoints; i++) {
        q[nonEmpty.get(i)] = 1;
      }
      return q;
    }
    double[] remainder = new double[k];
    long assigned = 0;
    for (int c : nonEmpty) {
      double ideal = (double) maxPoints * counts[c] / total;
      q[c] = (int) Math.max(1, Math.min(counts[c], Math.floor(ideal)));
      remainder[c] = ideal - Math.floor(ideal);
      assigned += q[c];
    }
    // Too many (the at-least-one rule): take back from the largest quotas.
    while (assigned > maxPoints) {
      int from = -1;
      for (int c : nonEmpty) {
        if (q[c] > 1 && (from < 0 || q[c] > q[from])) {
          from = c;
        }
      }
      q[from]--;
      assigned--;
    }
    // Too few (rounding down): hand out by largest remainder, then lowest index, while room.
    List<Integer> byRemainder = new ArrayList<>(nonEmpty);
    byRemainder.sort(Comparator.comparingDouble((Integer c) -> -remainder[c])
        .thenComparingInt(c -> c));
    while (assigned < maxPoints) {
      boolean gave = false;
      for (int c : byRemainder) {
        if (assigned < maxPoints && q[c] < counts[c]) {
          q[c]++;
          assigned++;
          gave = true;
        }
      }
      if (!gave) {
        break;
      }
    }
    return q;
  }

  static long rankKey(LandingPoint p) {
    if (p.deterministic()) {
      return Long.MIN_VALUE;
    }
    return splitMix64(p.sampleIndex() * 0x9E3779B97F4A7C15L + p.fragmentId().hashCode());
  }

  /** SplitMix64 finaliser (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number generators"). */
  static long splitMix64(long x) {
    long z = x;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The chosen points, sorted by (mass class index, sample index, fragment id). */
  public List<LandingPoint> points() {
    return selected;
  }

  /** All points received. */
  public long totalPoints() {
    return total;
  }

  /** True when every point was kept. */
  public boolean complete() {
    return selected.size() == total;
  }

  public long totalInClass(int massClassIndex) {
    return totalPerClass[massClassIndex];
  }

  public int selectedInClass(int massClassIndex) {
    return selectedPerClass[massClassIndex];
  }

  /** A human-readable statement of what was kept and how, for the KML and README. */
  public String description() {
    return description(true);
  }

  /**
   * {@link #description()} for a KML with ({@code geojson}) or without the GeoJSON of every
   * point beside it.
   */
  public String description(boolean geojson) {
    String all = geojson ? "strewn_field_points.geojson holds every point"
        : "no GeoJSON of the points was written";
    if (complete()) {
      return "All " + total + " landing points are shown (at most " + maxPoints
          + " are drawn; " + all + ").";
    }
    StringBuilder s = new StringBuilder();
    s.append("Showing ").append(selected.size()).append(" of ").append(total)
        .append(" landing points (kml_max_points = ").append(maxPoints).append("); ")
        .append(all).append(". The subset is stratified by mass ")
        .append("class: each non-empty class gets a share proportional to its count ")
        .append("(largest-remainder rounding, at least one point per class); within a class ")
        .append("deterministic fragments come first, then ensemble samples in increasing order ")
        .append("of a SplitMix64 hash of (sample_index, fragment_id), so the subset does not ")
        .append("depend on processing order. Per class (shown/total):");
    for (int c = 0; c < classes.size(); c++) {
      s.append(c == 0 ? " " : "; ").append(classes.label(c)).append(' ')
          .append(selectedPerClass[c]).append('/').append(totalPerClass[c]);
    }
    s.append('.');
    return s.toString();
  }
}
