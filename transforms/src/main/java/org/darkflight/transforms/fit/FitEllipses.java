package org.darkflight.transforms.fit;

import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.darkflight.transforms.integrate.SampleLanding;

/**
 * Groups landings by class of final mass and computes each class's mean and covariance in the
 * event's east/north plane with {@link ExactMoments}, so the result is the same bit for bit
 * whatever the runner, the bundling or the combine order.
 */
public final class FitEllipses extends PTransform<PCollection<SampleLanding>,
    PCollection<EllipseFit>> {

  private static final long serialVersionUID = 1L;

  @Override
  public PCollection<EllipseFit> expand(PCollection<SampleLanding> landings) {
    return landings
        .apply("KeyByMassClass", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(),
                TypeDescriptor.of(SampleLanding.class)))
            .via(l -> KV.of(l.getMassClassIndex(), l)))
        .setCoder(KvCoder.of(VarIntCoder.of(), landings.getCoder()))
        .apply("ExactMoments", Combine.perKey(new MomentsFn()))
        .apply("ToFit", MapElements.into(TypeDescriptor.of(EllipseFit.class))
            .via(kv -> EllipseFit.of(kv.getKey(), kv.getValue())));
  }

  /** Exact, order-independent moments of (east, north). */
  public static final class MomentsFn
      extends Combine.CombineFn<SampleLanding, ExactMoments, ExactMoments> {
    private static final long serialVersionUID = 1L;

    @Override
    public ExactMoments createAccumulator() {
      return new ExactMoments();
    }

    @Override
    public ExactMoments addInput(ExactMoments acc, SampleLanding l) {
      return acc.add(l.getEastM(), l.getNorthM());
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
        Coder<SampleLanding> inputCoder) throws CannotProvideCoderException {
      return new ExactMoments.MomentsCoder();
    }

    @Override
    public Coder<ExactMoments> getDefaultOutputCoder(CoderRegistry registry,
        Coder<SampleLanding> inputCoder) throws CannotProvideCoderException {
      return new ExactMoments.MomentsCoder();
    }
  }
}
