package org.darkflight.pipeline.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.ToString;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * A small stand-in for the ensemble pipeline with the same shape and the same determinism rule:
 * sample {@code i} draws its numbers from a generator seeded by {@code (seed, i)} only, lands in
 * a grid cell, cells are counted and summed with exact integer arithmetic (so combine order does
 * not matter), and one sorted CSV is written with Beam's {@link TextIO} (temp files, then a
 * rename on success). The same (samples, seed) must give byte-identical {@code cells.csv} on every
 * runner and parallelism.
 *
 * <p>{@code delayMillis} slows each sample down (sleeping, which does not change the result) so
 * that a test can kill a TaskManager while the job runs.
 */
final class ToyEnsemble {

  private ToyEnsemble() {}

  /** Adds the toy ensemble to {@code p}, writing {@code <outputDir>/cells.csv}. */
  static void build(Pipeline p, long samples, long seed, long delayMillis, String outputDir) {
    PCollection<KV<String, Long>> landings = p
        .apply("SampleIndices", GenerateSequence.from(0).to(samples))
        .apply("Fly", ParDo.of(new FlyFn(seed, delayMillis)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    landings
        .apply("CountPerCell", Combine.perKey(Sum.ofLongs()))
        .apply("Format", MapElements.into(TypeDescriptors.strings())
            .via((KV<String, Long> kv) -> kv.getKey() + "," + kv.getValue()))
        .apply("AllRows", Combine.globally(new SortedLines()).withoutDefaults())
        .setCoder(ListCoder.of(StringUtf8Coder.of()))
        .apply("Join", MapElements.into(TypeDescriptors.strings())
            .via((SerializableFunction<List<String>, String>) rows -> String.join("\n", rows)))
        .apply("WriteCells", TextIO.write().to(outputDir + "/cells").withSuffix(".csv")
            .withoutSharding());
    landings.apply("Weights", Values.create())
        .apply("Total", Combine.globally(Sum.ofLongs()).withoutDefaults())
        .apply("TotalText", ToString.elements())
        .apply("WriteTotal", TextIO.write().to(outputDir + "/total").withSuffix(".txt")
            .withoutSharding());
  }

  /** One sample: a 2-D random walk from the sample's own generator; emits (cell, weight). */
  static final class FlyFn extends DoFn<Long, KV<String, Long>> {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final long delayMillis;

    FlyFn(long seed, long delayMillis) {
      this.seed = seed;
      this.delayMillis = delayMillis;
    }

    @ProcessElement
    public void process(@Element Long index, OutputReceiver<KV<String, Long>> out)
        throws InterruptedException {
      // The generator depends on (seed, index) only, never on which worker runs the sample.
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
      double x = 0;
      double y = 0;
      for (int step = 0; step < 64; step++) {
        x += rng.nextGaussian();
        y += rng.nextGaussian() * 0.5 + 0.1;
      }
      long weight = 1 + rng.nextInt(1000);
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      String cell = String.format(Locale.ROOT, "%d:%d", Math.floorDiv((long) Math.floor(x), 4),
          Math.floorDiv((long) Math.floor(y), 4));
      out.output(KV.of(cell, weight));
    }
  }

  /** Collects lines and sorts them, so the result does not depend on arrival order. */
  static final class SortedLines extends Combine.CombineFn<String, List<String>, List<String>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<String> addInput(List<String> acc, String line) {
      acc.add(line);
      return acc;
    }

    @Override
    public List<String> mergeAccumulators(Iterable<List<String>> accs) {
      List<String> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public List<String> extractOutput(List<String> acc) {
      List<String> sorted = new ArrayList<>(acc);
      sorted.sort(null);
      return sorted;
    }
  }
}
