package org.darkflight.transforms.fit;

import com.google.auto.value.AutoValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.transforms.sink.ElementCoder;

/**
 * The landing scatter of one mass class in the event's east/north plane: sample count, mean and
 * unbiased covariance (NaN covariance when fewer than 2 samples).
 */
@DefaultCoder(EllipseFit.EllipseFitCoder.class)
@AutoValue
public abstract class EllipseFit {

  public abstract int getMassClassIndex();

  public abstract long getCount();

  public abstract double getMeanEastM();

  public abstract double getMeanNorthM();

  public abstract double getCovEeM2();

  public abstract double getCovEnM2();

  public abstract double getCovNnM2();

  public static EllipseFit of(int massClassIndex, ExactMoments m) {
    return new AutoValue_EllipseFit(massClassIndex, m.count(), m.meanEastM(), m.meanNorthM(),
        m.covarianceEeM2(), m.covarianceEnM2(), m.covarianceNnM2());
  }

  /** The element coder (see {@link ElementCoder} for why not a schema coder). */
  public static final class EllipseFitCoder extends ElementCoder<EllipseFit> {
    private static final long serialVersionUID = 1L;
    private static final EllipseFitCoder INSTANCE = new EllipseFitCoder();

    /** The coder. */
    public static EllipseFitCoder of() {
      return INSTANCE;
    }

    /** Provides the coder for {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(EllipseFit.class), INSTANCE);
    }

    @Override
    protected void write(EllipseFit v, DataOutputStream out) throws IOException {
      out.writeInt(v.getMassClassIndex());
      out.writeLong(v.getCount());
      out.writeDouble(v.getMeanEastM());
      out.writeDouble(v.getMeanNorthM());
      out.writeDouble(v.getCovEeM2());
      out.writeDouble(v.getCovEnM2());
      out.writeDouble(v.getCovNnM2());
    }

    @Override
    protected EllipseFit read(DataInputStream in) throws IOException {
      int massClassIndex = in.readInt();
      long count = in.readLong();
      double meanEastM = in.readDouble();
      double meanNorthM = in.readDouble();
      double covEeM2 = in.readDouble();
      double covEnM2 = in.readDouble();
      double covNnM2 = in.readDouble();
      return new AutoValue_EllipseFit(massClassIndex, count, meanEastM, meanNorthM, covEeM2, covEnM2, covNnM2);
    }
  }
}
