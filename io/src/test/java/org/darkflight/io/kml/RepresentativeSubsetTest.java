package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.LandingPoint;
import org.junit.jupiter.api.Test;

class RepresentativeSubsetTest {

  @Test
  void smallEnsembleIsKeptWhole() {
    RepresentativeSubset s = RepresentativeSubset.select(GeoFixtures.points(30).iterator(),
        GeoFixtures.CLASSES, 30);
    assertThat(s.complete(), is(true));
    assertThat(s.points().size(), equalTo(30));
  }

  @Test
  void quotasAreProportionalWithAtLeastOnePerClass() {
    // 1000 points split 700/200/90/9/1 into 100 placemarks: ideal shares 70/20/9/0.9/0.1.
    int[] q = RepresentativeSubset.quotas(new long[] {700, 200, 90, 9, 1}, 1000, 100);
    assertThat(q[3], equalTo(1));
    assertThat(q[4], equalTo(1));
    assertThat(q[0] + q[1] + q[2] + q[3] + q[4], equalTo(100));
    assertThat("the at-least-one rule is paid by the largest class", q[0], equalTo(69));
    assertThat(q[1], equalTo(20));
    assertThat(q[2], equalTo(9));
  }

  @Test
  void moreClassesThanPlacemarksFavoursPopulousClasses() {
    int[] q = RepresentativeSubset.quotas(new long[] {5, 50, 0, 20}, 75, 2);
    assertThat(q[1] + q[3], equalTo(2));
    assertThat(q[0] + q[2], equalTo(0));
  }

  @Property(tries = 200)
  void quotasFillTheBudgetWithinEachClassCount(
      @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 5000) Integer> counts,
      @ForAll @IntRange(min = 1, max = 3000) int maxPoints) {
    long[] n = counts.stream().mapToLong(Integer::longValue).toArray();
    long total = 0;
    int nonEmpty = 0;
    for (long c : n) {
      total += c;
      nonEmpty += c > 0 ? 1 : 0;
    }
    int[] q = RepresentativeSubset.quotas(n, total, maxPoints);
    long sum = 0;
    for (int i = 0; i < n.length; i++) {
      assertThat((long) q[i], lessThanOrEqualTo(n[i]));
      if (n[i] > 0 && nonEmpty <= maxPoints) {
        assertThat("non-empty class represented", q[i] >= 1, is(true));
      }
      sum += q[i];
    }
    assertThat(sum, equalTo(Math.min(total, (long) maxPoints)));
  }

  @Test
  void selectionDoesNotDependOnArrivalOrder() {
    List<LandingPoint> points = GeoFixtures.points(2000);
    RepresentativeSubset a = RepresentativeSubset.select(points.iterator(), GeoFixtures.CLASSES,
        100);
    List<LandingPoint> shuffled = new ArrayList<>(points);
    Collections.shuffle(shuffled, new Random(99));
    RepresentativeSubset b = RepresentativeSubset.select(shuffled.iterator(),
        GeoFixtures.CLASSES, 100);
    assertThat(a.points(), equalTo(b.points()));
    assertThat(a.points().size(), equalTo(100));
    long total = 0;
    for (int c = 0; c < GeoFixtures.CLASSES.size(); c++) {
      total += a.totalInClass(c);
    }
    assertThat(total, equalTo(2000L));
  }

  @Test
  void deterministicFragmentsAreKeptFirst() {
    List<LandingPoint> points = new ArrayList<>(GeoFixtures.points(500));
    points.add(GeoFixtures.hostilePoint());
    RepresentativeSubset s = RepresentativeSubset.select(points.iterator(), GeoFixtures.CLASSES,
        5);
    assertThat(s.points().contains(GeoFixtures.hostilePoint()), is(true));
  }

  @Test
  void outputIsSortedByClassThenSampleIndex() {
    RepresentativeSubset s = RepresentativeSubset.select(GeoFixtures.points(800).iterator(),
        GeoFixtures.CLASSES, 60);
    for (int i = 1; i < s.points().size(); i++) {
      LandingPoint a = s.points().get(i - 1);
      LandingPoint b = s.points().get(i);
      boolean ordered = a.massClassIndex() < b.massClassIndex()
          || a.massClassIndex() == b.massClassIndex() && a.sampleIndex() < b.sampleIndex();
      assertThat(ordered, is(true));
    }
  }
}
