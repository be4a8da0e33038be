package org.darkflight.transforms.fit;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.transforms.integrate.SampleLanding;

/**
 * Groups landings by class of final mass and computes each class's mean and covariance in the
 * event's east/north plane with {@link ExactMoments}, so the result is the same bit for bit
 * whatever the runner, the bundling or the combine order.
 *
 * <p>Each bundle's landings are first summed per class inside the bundle ({@link BundleMomentsFn},
 * combiner lifting by hand), so only a few moments per bundle are grouped, never the landings
 * themselves: the Direct runner buffers the whole input of a grouping in memory, which for a
 * million landings would not fit the 1 GB heap next to the shard grouping. Exact moments make the
 * split invisible in the result. Elements must be in the global window (as the ensemble's are).
 */
public final class FitEllipses extends PTransform<PCollection<SampleLanding>,
    PCollection<EllipseFit>> {

  private static final long serialVersionUID = 1L;

  @Override
  public PCollection<EllipseFit> expand(PCollection<SampleLanding> landings) {
    return landings
        .apply("MomentsPerBundle", ParDo.of(new BundleMomentsFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), new ExactMoments.MomentsCoder()))
        .apply("ExactMoments", Combine.perKey(new MergeFn()))
        .apply("ToFit", MapElements.into(TypeDescriptor.of(EllipseFit.class))
            .via(kv -> EllipseFit.of(kv.getKey(), kv.getValue())));
  }

  /** Sums a bundle's landings per mass class; emits one (class, moments) per class at its end. */
  static final class BundleMomentsFn extends DoFn<SampleLanding, KV<Integer, ExactMoments>> {
    private static final long serialVersionUID = 1L;
    private transient Map<Integer, ExactMoments> byClass;

    @StartBundle
    public void start() {
      byClass = new TreeMap<>();
    }

    @ProcessElement
    public void process(@Element SampleLanding l) {
      byClass.computeIfAbsent(l.getMassClassIndex(), k -> new ExactMoments())
          .add(l.getEastM(), l.getNorthM());
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      for (Map.Entry<Integer, ExactMoments> e : byClass.entrySet()) {
        c.output(KV.of(e.getKey(), e.getValue()), BoundedWindow.TIMESTAMP_MIN_VALUE,
            GlobalWindow.INSTANCE);
      }
      byClass = null;
    }
  }

  /** Merges moments exactly (order-independent). */
  public static final class MergeFn
      extends Combine.CombineFn<ExactMoments, ExactMoments, ExactMoments> {
    private static final long serialVersionUID = 1L;

    @Override
    public ExactMoments createAccumulator() {
      return new ExactMoments();
    }

    @Override
    public ExactMoments addInput(ExactMoments acc, ExactMoments m) {
      return acc.merge(m);
    }

    @Override
    public ExactMoments mergeAccumulators(Iterable<ExactMoments> accs) {
      ExactMoments out = new ExactMoments();
      for (ExactMoments m : accs) {
        out.merge(m);
      }
      return out;
    }

    @Override
    public ExactMoments extractOutput(ExactMoments acc) {
      return acc;
    }

    @Override
    public Coder<ExactMoments> getAccumulatorCoder(CoderRegistry registry,
        Coder<ExactMoments> inputCoder) throws CannotProvideCoderException {
      return new ExactMoments.MomentsCoder();
    }

    @Override
    public Coder<ExactMoments> getDefaultOutputCoder(CoderRegistry registry,
        Coder<ExactMoments> inputCoder) throws CannotProvideCoderException {
      return new ExactMoments.MomentsCoder();
    }
  }
}
