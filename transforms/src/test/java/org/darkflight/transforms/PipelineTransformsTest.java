package org.darkflight.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.Pipeline;
import org.darkflight.analysis.ensemble.Distribution;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.transforms.fit.EllipseFit;
import org.darkflight.transforms.fit.ExactMoments;
import org.darkflight.transforms.fit.FitEllipses;
import org.darkflight.transforms.integrate.AtmosLevelRow;
import org.darkflight.transforms.integrate.Integrate;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.transforms.sampling.IndexRange;
import org.darkflight.transforms.sampling.SampleEnsemble;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.transforms.sink.ShardReader;
import org.darkflight.analysis.testing.Fixtures;
import org.darkflight.transforms.testing.IntegrateFixtures;
import org.darkflight.analysis.testing.ToyPhysics;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** TestPipeline/PAssert tests of each transform and of the whole graph (JUnit 4, Beam rule). */
public class PipelineTransformsTest {

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  private static List<EnsembleSample> direct(SampleFactory f) {
    List<EnsembleSample> out = new ArrayList<>();
    for (long i = 0; i < f.config().samples(); i++) {
      out.add(f.sample(i));
    }
    return out;
  }

  @Test
  public void sampleEnsembleEmitsEverySampleOnceWhateverTheRangeOrder() {
    SampleFactory f = Fixtures.factory(Fixtures.config(95, 10));
    List<IndexRange> ranges = new ArrayList<>(IndexRange.split(95, 10));
    Collections.shuffle(ranges, new Random(3));
    PCollection<EnsembleSample> samples = p.apply(SampleEnsemble.ofRanges(f, ranges));
    PAssert.that(samples).containsInAnyOrder(direct(f));
    p.run().waitUntilFinish();
  }

  @Test
  public void integrateSendsBadSamplesToFailuresWithoutStoppingTheJob() {
    // Masses drawn around 10 kg with a huge σ: some are negative (INVALID_DRAW), some above the
    // toy's failure threshold (NO_IMPACT); the rest land.
    EnsembleConfig c = EnsembleConfig.monteCarlo(60, 5, Map.of(UncertainParameter.MASS_KG,
        Distribution.normal(Double.NaN, 2e5))).withSamplesPerElement(7);
    SampleFactory f = Fixtures.factory(c);
    List<EnsembleSample> all = direct(f);
    long invalid = all.stream().filter(s -> s.getMassKg() <= 0).count();
    long tooHeavy = all.stream().filter(s -> s.getMassKg() > ToyPhysics.FAIL_ABOVE_KG).count();
    assertThat("the fixture must exercise both failure kinds", invalid > 0 && tooHeavy > 0,
        is(true));

    PCollectionView<List<AtmosLevelRow>> atmos = p
        .apply("Atmos", Create.of(AtmosLevelRow.of(ToyPhysics.levels())))
        .apply(View.asList());
    PCollectionTuple out = p.apply(SampleEnsemble.of(f))
        .apply(new Integrate(atmos, ToyPhysics.atmosphere(), ToyPhysics.simulator(),
            IntegrateFixtures.settings(c)));
    PAssert.that(out.get(Integrate.FAILED)).satisfies(failures -> {
      Map<String, Integer> byReason = new HashMap<>();
      int n = 0;
      for (SampleFailure sf : failures) {
        byReason.merge(sf.getReason(), 1, Integer::sum);
        n++;
      }
      assertThat(byReason.getOrDefault("INVALID_DRAW", 0), is((int) invalid));
      assertThat(byReason.getOrDefault("NO_IMPACT", 0), is((int) tooHeavy));
      assertThat(n, is((int) (invalid + tooHeavy)));
      return null;
    });
    PAssert.that(out.get(Integrate.LANDED)).satisfies(landed -> {
      int n = 0;
      for (SampleLanding l : landed) {
        assertThat(l.getMassInitialKg() > 0 && l.getMassInitialKg() <= ToyPhysics.FAIL_ABOVE_KG,
            is(true));
        n++;
      }
      assertThat(n, is((int) (60 - invalid - tooHeavy)));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void fitEllipsesGivesTheExactMomentsOfEachClass() {
    List<SampleLanding> landings = new ArrayList<>();
    Map<Integer, ExactMoments> expected = new HashMap<>();
    Random r = new Random(8);
    for (int i = 0; i < 300; i++) {
      int cls = i % 3;
      double e = r.nextGaussian() * 100 * (cls + 1);
      double n = r.nextGaussian() * 50 + e * 0.3;
      landings.add(landing(i, cls, e, n));
      expected.computeIfAbsent(cls, k -> new ExactMoments()).add(e, n);
    }
    PCollection<EllipseFit> fits = p.apply(Create.of(landings)).apply(new FitEllipses());
    List<EllipseFit> want = new ArrayList<>();
    expected.forEach((k, m) -> want.add(EllipseFit.of(k, m)));
    PAssert.that(fits).containsInAnyOrder(want);
    p.run().waitUntilFinish();
  }

  private static SampleLanding landing(long i, int cls, double e, double n) {
    return SampleLanding.builder().setIndex(i).setFragmentId("f").setMassClassIndex(cls)
        .setLatitudeDeg(41).setLongitudeDeg(-87).setEastM(e).setNorthM(n).setHeightM(0)
        .setFallTimeS(100).setImpactSpeedMps(30).setTerminalVelocityMps(30).setMassInitialKg(1)
        .setMassFinalKg(1).setImpactEnergyJ(450).setDensityKgM3(3500).setCd(1.3)
        .setShapeFactor(1.21).setDriftDistanceM(1).setDriftBearingDeg(0).build();
  }

  /**
   * Runs the whole graph and returns, per shard kind, the merged shards (what the driver reads)
   * encoded element by element. The files themselves follow the runner's bundles.
   */
  private static Map<String, List<String>> runGraph(Path dir, int parallelism, boolean shuffle)
      throws IOException {
    EnsembleConfig c = Fixtures.config(2500, 100);
    SampleFactory f = Fixtures.factory(c);
    List<IndexRange> ranges = new ArrayList<>(IndexRange.split(c.samples(), 100));
    if (shuffle) {
      Collections.shuffle(ranges, new Random(parallelism));
    }
    PipelineOptions o = PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--targetParallelism=" + parallelism).create();
    Pipeline pipe = Pipeline.create(o);
    EnsembleGraph.Coders coders = EnsembleGraph.build(pipe, f, ranges, ToyPhysics.levels(),
        ToyPhysics.atmosphere(), ToyPhysics.simulator(), IntegrateFixtures.settings(c), dir);
    pipe.run().waitUntilFinish();
    Map<String, List<String>> merged = new HashMap<>();
    merged.put(EnsembleGraph.LANDED, encoded(ShardReader.readAll(dir, EnsembleGraph.LANDED,
        coders.landed(), EnsembleGraph.LANDED_INDEX), coders.landed()));
    merged.put(EnsembleGraph.FAILED, encoded(ShardReader.readAll(dir, EnsembleGraph.FAILED,
        coders.failed(), EnsembleGraph.FAILED_INDEX), coders.failed()));
    merged.put(EnsembleGraph.FITS, encoded(ShardReader.readAll(dir, EnsembleGraph.FITS,
        coders.fits(), EnsembleGraph.FIT_INDEX), coders.fits()));
    return merged;
  }

  private static <T> List<String> encoded(List<T> items, org.apache.beam.sdk.coders.Coder<T> coder)
      throws IOException {
    List<String> out = new ArrayList<>();
    for (T t : items) {
      out.add(java.util.HexFormat.of().formatHex(
          org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(coder, t)));
    }
    return out;
  }

  @Test
  public void wholeGraphGivesIdenticalResultsForParallelismOneAndFourAndShuffledInput()
      throws Exception {
    p.enableAbandonedNodeEnforcement(false);
    Map<String, List<String>> one = runGraph(tmp.newFolder("p1").toPath(), 1, false);
    Map<String, List<String>> four = runGraph(tmp.newFolder("p4").toPath(), 4, true);
    assertThat(one.get(EnsembleGraph.LANDED).size(), is(2500));
    assertThat(one.get(EnsembleGraph.FITS).isEmpty(), is(false));
    for (String kind : one.keySet()) {
      assertThat(kind, one.get(kind), is(four.get(kind)));
    }
  }

  @Test
  public void shardsReadBackInIndexOrder() throws Exception {
    p.enableAbandonedNodeEnforcement(false);
    Path dir = tmp.newFolder("order").toPath();
    EnsembleConfig c = Fixtures.config(2500, 100);
    SampleFactory f = Fixtures.factory(c);
    Pipeline pipe = Pipeline.create(PipelineOptionsFactory.fromArgs("--targetParallelism=2")
        .create());
    EnsembleGraph.Coders coders = EnsembleGraph.build(pipe, f, IndexRange.split(2500, 100),
        ToyPhysics.levels(), ToyPhysics.atmosphere(), ToyPhysics.simulator(),
        IntegrateFixtures.settings(c), dir);
    pipe.run().waitUntilFinish();
    long expected = 0;
    try (ShardReader<SampleLanding> r = ShardReader.open(dir, EnsembleGraph.LANDED,
        coders.landed(), EnsembleGraph.LANDED_INDEX)) {
      while (r.hasNext()) {
        assertThat(r.next().getIndex(), is(expected++));
      }
    }
    assertThat(expected, is(2500L));
    assertThat(ShardReader.readAll(dir, EnsembleGraph.FAILED, coders.failed(),
        EnsembleGraph.FAILED_INDEX).size(), is(0));
  }
}
