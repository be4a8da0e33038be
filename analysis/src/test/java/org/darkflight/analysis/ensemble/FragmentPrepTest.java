package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.physics.Fragment;
import org.junit.jupiter.api.Test;

class FragmentPrepTest {

  private static SplitRule decadal(double min, double max, double total) {
    return new SplitRule(SplitRule.Kind.DECADAL, min, max, total, 0, 0, 3500, 1.3, 1.21);
  }

  private static SplitRule powerLaw(double min, double max, double total, int count) {
    return new SplitRule(SplitRule.Kind.POWER_LAW, min, max, total, count, 1.8, 3500, 1.3, 1.21);
  }

  @Test
  void decadalSuiteFromOneGramToTenKilograms() throws InputException {
    List<Fragment> f = FragmentPrep.split("e.json", decadal(0.001, 10, Double.NaN));
    assertThat(f.stream().map(Fragment::massKg).sorted().toList(),
        contains(closeTo(0.001, 1e-15), closeTo(0.01, 1e-15), closeTo(0.1, 1e-15),
            closeTo(1, 1e-15), closeTo(10, 1e-14)));
  }

  @Test
  void decadalSuiteAboveTheTotalIsRejected() {
    InputException e = assertThrows(InputException.class,
        () -> FragmentPrep.split("e.json", decadal(0.001, 10, 5)));
    assertThat(e.field(), is("/fragments/total_mass_kg"));
    assertThat(e.reason(), containsString("more than total_mass_kg"));
  }

  @Test
  void decadalBoundsMustBePowersOfTen() {
    InputException e = assertThrows(InputException.class,
        () -> FragmentPrep.split("e.json", decadal(0.002, 10, Double.NaN)));
    assertThat(e.field(), is("/fragments/min_mass_kg"));
  }

  @Test
  void nonPositiveMassesAreRejected() {
    InputException e = assertThrows(InputException.class,
        () -> FragmentPrep.split("e.json", decadal(-1, 10, Double.NaN)));
    assertThat(e.field(), is("/fragments/min_mass_kg"));
    InputException e2 = assertThrows(InputException.class,
        () -> FragmentPrep.split("e.json", powerLaw(0.001, 10, 0, 5)));
    assertThat(e2.field(), is("/fragments/total_mass_kg"));
  }

  @Test
  void powerLawAddsUpToTheTotalAndFollowsTheLaw() throws InputException {
    List<Fragment> f = FragmentPrep.split("e.json", powerLaw(0.001, 10, 20, 50));
    assertThat(f.size(), is(50));
    assertThat(f.stream().mapToDouble(Fragment::massKg).sum(), closeTo(20, 1e-9));
    // Mid-quantiles of dN/dm ∝ m^-1.8: the median fragment is far lighter than the mean.
    double[] m = f.stream().mapToDouble(Fragment::massKg).sorted().toArray();
    assertThat(m[25] < 20.0 / 50, is(true));
  }

  @Test
  void powerLawQuantileMatchesTheClosedForm() {
    // α = 2 on [1, 4]: F(m) = (1 − 1/m)/(1 − 1/4) → median: 1 − 1/m = 0.375 → m = 1.6.
    assertThat(FragmentPrep.truncatedPowerLawQuantile(0.5, 2, 1, 4), closeTo(1.6, 1e-12));
    // α = 1: log-uniform: median of [1, 100] is 10.
    assertThat(FragmentPrep.truncatedPowerLawQuantile(0.5, 1, 1, 100), closeTo(10, 1e-12));
  }

  @Test
  void powerLawTotalInconsistentWithBoundsIsRejected() {
    InputException e = assertThrows(InputException.class,
        () -> FragmentPrep.split("e.json", powerLaw(0.001, 10, 1e6, 5)));
    assertThat(e.field(), is("/fragments/total_mass_kg"));
  }

  @Test
  void givenFragmentsAreSortedByIdAndDuplicatesRejected() throws InputException {
    List<Fragment> f = FragmentPrep.canonical("f.json", List.of(
        new Fragment("b", 1, 3500, 1, 1.2), new Fragment("a", 2, 3500, 1, 1.2)));
    assertThat(f.get(0).id(), is("a"));
    InputException e = assertThrows(InputException.class, () -> FragmentPrep.canonical("f.json",
        List.of(new Fragment("a", 1, 3500, 1, 1.2), new Fragment("a", 2, 3500, 1, 1.2))));
    assertThat(e.field(), is("/1/id"));
  }
}
