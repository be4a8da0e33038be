package org.darkflight.transforms.sampling;

import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.SampleFactory;

import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * Fans an ensemble out into one element per sample: the index ranges become elements,
 * are redistributed across workers, and each range expands into its samples. A range never holds
 * the samples themselves, so a million samples never sit in one element.
 *
 * <p>The redistribution spreads the ranges over {@link #buckets} keys (round robin from a random
 * start), not one random key per range: a runner processes the ranges of one key together, and
 * the Direct runner pays a fixed cost for every bundle of every step (it re-translates the step,
 * Java serialization included), which with one key per range was a fifth of an ensemble's CPU
 * time. Which range lands in which bucket changes no result.
 */
public final class SampleEnsemble extends PTransform<PBegin, PCollection<EnsembleSample>> {

  private static final long serialVersionUID = 1L;

  private final SampleFactory factory;
  private final List<IndexRange> ranges;

  /** Fewest keys the ranges are spread over (when there are that many ranges). */
  public static final int MIN_BUCKETS = 16;
  /** Ranges per key beyond {@link #MIN_BUCKETS} keys. */
  public static final int RANGES_PER_BUCKET = 8;

  private SampleEnsemble(SampleFactory factory, List<IndexRange> ranges) {
    this.factory = factory;
    this.ranges = List.copyOf(ranges);
  }

  /** All samples of the factory's configuration, in ranges of its samples_per_element. */
  public static SampleEnsemble of(SampleFactory factory) {
    return new SampleEnsemble(factory, IndexRange.split(factory.config().samples(),
        factory.config().samplesPerElement()));
  }

  /** The samples of the given ranges (in any order; the result does not depend on it). */
  public static SampleEnsemble ofRanges(SampleFactory factory, List<IndexRange> ranges) {
    return new SampleEnsemble(factory, ranges);
  }

  @Override
  public PCollection<EnsembleSample> expand(PBegin input) {
    return distributeAndExpand(input.apply("IndexRanges", Create.of(ranges)), factory,
        ranges.size());
  }

  /**
   * The same samples, emitted once {@code signal} is complete: its elements (one is enough) each
   * emit every range. The ensemble graph starts the samples from the atmosphere this way, so that
   * the atmosphere side input is ready before the first sample reaches {@code Integrate}: the
   * Direct runner retries a bundle whose side input is not ready yet as fast as it can, each
   * retry re-translating the step, and that spin (thousands of empty bundles) cost more CPU than
   * the ensemble's physics at 10 000 samples and delayed the side input itself.
   */
  public After after() {
    return new After(factory, ranges);
  }

  /** {@link SampleEnsemble#after()}: the samples, started by a signal collection. */
  public static final class After extends PTransform<PCollection<Long>,
      PCollection<EnsembleSample>> {
    private static final long serialVersionUID = 1L;
    private final SampleFactory factory;
    private final List<IndexRange> ranges;

    private After(SampleFactory factory, List<IndexRange> ranges) {
      this.factory = factory;
      this.ranges = ranges;
    }

    @Override
    public PCollection<EnsembleSample> expand(PCollection<Long> signal) {
      PCollection<IndexRange> out = signal.apply("IndexRanges",
          ParDo.of(new EmitRangesFn(ranges)));
      out.setCoder(IndexRange.IndexRangeCoder.of());
      return distributeAndExpand(out, factory, ranges.size());
    }
  }

  private static PCollection<EnsembleSample> distributeAndExpand(PCollection<IndexRange> ranges,
      SampleFactory factory, int rangeCount) {
    return ranges
        .apply("Distribute", Reshuffle.<IndexRange>viaRandomKey()
            .withNumBuckets(buckets(rangeCount)))
        .apply("ExpandRange", ParDo.of(new ExpandRangeFn(factory)));
  }

  /** Emits every range for each signal element (held as two arrays: cheap to serialize). */
  static final class EmitRangesFn extends DoFn<Long, IndexRange> {
    private static final long serialVersionUID = 1L;
    private final long[] firsts;
    private final long[] ends;

    EmitRangesFn(List<IndexRange> ranges) {
      firsts = ranges.stream().mapToLong(IndexRange::getFirst).toArray();
      ends = ranges.stream().mapToLong(IndexRange::getEnd).toArray();
    }

    @ProcessElement
    public void process(OutputReceiver<IndexRange> out) {
      for (int i = 0; i < firsts.length; i++) {
        out.output(IndexRange.of(firsts[i], ends[i]));
      }
    }
  }

  /**
   * Keys to spread {@code rangeCount} ranges over: all of them up to {@link #MIN_BUCKETS}, then
   * one per {@link #RANGES_PER_BUCKET} ranges (so a big ensemble still feeds a big cluster).
   */
  public static int buckets(int rangeCount) {
    return Math.min(rangeCount, Math.max(MIN_BUCKETS, rangeCount / RANGES_PER_BUCKET));
  }

  /** Emits every sample of a range. */
  static final class ExpandRangeFn extends DoFn<IndexRange, EnsembleSample> {
    private static final long serialVersionUID = 1L;
    private final SampleFactory factory;

    ExpandRangeFn(SampleFactory factory) {
      this.factory = factory;
    }

    @ProcessElement
    public void process(@Element IndexRange range, OutputReceiver<EnsembleSample> out) {
      for (long i = range.getFirst(); i < range.getEnd(); i++) {
        out.output(factory.sample(i));
      }
    }
  }
}
