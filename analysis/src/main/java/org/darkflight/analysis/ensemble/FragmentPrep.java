package org.darkflight.analysis.ensemble;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.darkflight.io.InputException;
import org.darkflight.physics.Fragment;

/**
 * Fragment preparation (spec S4): the fragment hypotheses of a run, either as given in
 * {@code fragments.json} or derived from a split rule, checked and put in a canonical order (by
 * id) so that the fragment a sample uses does not depend on the order of the input file.
 */
public final class FragmentPrep {

  private FragmentPrep() {}

  /**
   * Checks given fragments and sorts them by id.
   *
   * @param file the file they came from, for error messages
   */
  public static List<Fragment> canonical(String file, List<Fragment> fragments)
      throws InputException {
    if (fragments == null || fragments.isEmpty()) {
      throw new InputException(file, "", "at least one fragment is required");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < fragments.size(); i++) {
      if (!ids.add(fragments.get(i).id())) {
        throw new InputException(file, "/" + i + "/id",
            "duplicate fragment id '" + fragments.get(i).id() + "'");
      }
    }
    List<Fragment> sorted = new ArrayList<>(fragments);
    sorted.sort(Comparator.comparing(Fragment::id));
    return List.copyOf(sorted);
  }

  /**
   * Derives fragments from a split rule.
   *
   * <p>Decadal: one fragment at each power of ten from {@code min_mass_kg} to
   * {@code max_mass_kg} (both must be powers of ten, e.g. 1 g … 10 kg); with a
   * {@code total_mass_kg}, the suite's sum must not exceed it.
   *
   * <p>Power law: {@code count} fragments whose masses are the mid-quantiles
   * F⁻¹((k + ½)/count) of the truncated power law dN/dm ∝ m^−α on [min, max], then scaled so that
   * they add up to {@code total_mass_kg} (a cumulative-number law N(&gt;m) ∝ m^(1−α), the form
   * used for meteorite falls, e.g. Hartmann 1969, Icarus 10; Gladman 2009 for α ≈ 1.8–2.0). A
   * scaled mass outside [min, max] means the total and the bounds are inconsistent and is
   * rejected.
   *
   * @param file the ensemble configuration file, for error messages
   */
  public static List<Fragment> split(String file, SplitRule rule) throws InputException {
    String ptr = "/fragments";
    requirePositive(file, ptr + "/min_mass_kg", rule.minMassKg());
    requirePositive(file, ptr + "/max_mass_kg", rule.maxMassKg());
    requirePositive(file, ptr + "/density_kgm3", rule.densityKgM3());
    requirePositive(file, ptr + "/cd", rule.cd());
    requirePositive(file, ptr + "/shape_factor", rule.shapeFactor());
    if (rule.minMassKg() > rule.maxMassKg()) {
      throw new InputException(file, ptr + "/min_mass_kg", "min_mass_kg (" + rule.minMassKg()
          + ") must not exceed max_mass_kg (" + rule.maxMassKg() + ")");
    }
    if (!Double.isNaN(rule.totalMassKg())) {
      requirePositive(file, ptr + "/total_mass_kg", rule.totalMassKg());
    }
    List<Fragment> out = new ArrayList<>();
    switch (rule.kind()) {
      case DECADAL: {
        int lo = decade(file, ptr + "/min_mass_kg", rule.minMassKg());
        int hi = decade(file, ptr + "/max_mass_kg", rule.maxMassKg());
        if (hi - lo > 30) {
          throw new InputException(file, ptr, "a decadal suite of more than 30 decades is absurd");
        }
        double sum = 0;
        for (int k = lo; k <= hi; k++) {
          double m = Math.pow(10, k);
          sum += m;
          // an identifier usable in a file name (trajectories/<id>.json): m1e-3kg … m1e1kg
          out.add(new Fragment(String.format(Locale.ROOT, "m1e%dkg", k), m, rule.densityKgM3(),
              rule.cd(), rule.shapeFactor()));
        }
        if (!Double.isNaN(rule.totalMassKg()) && sum > rule.totalMassKg() * (1 + 1e-12)) {
          throw new InputException(file, ptr + "/total_mass_kg", "the decadal suite adds up to "
              + sum + " kg, more than total_mass_kg " + rule.totalMassKg() + " kg");
        }
        break;
      }
      case POWER_LAW: {
        double alpha = rule.exponent();
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
          throw new InputException(file, ptr + "/exponent", "must be a number > 0, got " + alpha);
        }
        int n = rule.count();
        double[] m = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
          m[k] = truncatedPowerLawQuantile((k + 0.5) / n, alpha, rule.minMassKg(),
              rule.maxMassKg());
          sum += m[k];
        }
        double scale = rule.totalMassKg() / sum;
        for (int k = 0; k < n; k++) {
          double mk = m[n - 1 - k] * scale;
          if (!(mk > 0) || mk < rule.minMassKg() * (1 - 1e-9)
              || mk > rule.maxMassKg() * (1 + 1e-9)) {
            throw new InputException(file, ptr + "/total_mass_kg", "total_mass_kg "
                + rule.totalMassKg() + " kg cannot be split into " + n
                + " fragments within [min_mass_kg, max_mass_kg]: a fragment would weigh " + mk
                + " kg");
          }
          out.add(new Fragment(String.format(Locale.ROOT, "p%05d", k), mk, rule.densityKgM3(),
              rule.cd(), rule.shapeFactor()));
        }
        break;
      }
      default:
        throw new IllegalStateException(rule.kind().name());
    }
    return canonical(file, out);
  }

  /**
   * Inverse CDF of dN/dm ∝ m^−α truncated to [a, b]: for α ≠ 1,
   * m = [a^(1−α) + u·(b^(1−α) − a^(1−α))]^(1/(1−α)); for α = 1, m = a·(b/a)^u.
   */
  static double truncatedPowerLawQuantile(double u, double alpha, double a, double b) {
    if (Math.abs(alpha - 1) < 1e-12) {
      return a * Math.pow(b / a, u);
    }
    double e = 1 - alpha;
    double lo = Math.pow(a, e);
    double hi = Math.pow(b, e);
    return Math.pow(lo + u * (hi - lo), 1 / e);
  }

  private static int decade(String file, String field, double massKg) throws InputException {
    double log = Math.log10(massKg);
    long k = Math.round(log);
    if (Math.abs(log - k) > 1e-9) {
      throw new InputException(file, field,
          "a decadal suite needs a power of ten (e.g. 0.001, 10), got " + massKg);
    }
    return (int) k;
  }

  private static void requirePositive(String file, String field, double v)
      throws InputException {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new InputException(file, field, "must be a finite number > 0, got " + v);
    }
  }
}
