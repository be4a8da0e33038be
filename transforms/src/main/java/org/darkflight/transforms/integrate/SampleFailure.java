package org.darkflight.transforms.integrate;

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
 * A sample that could not be integrated: its index and substream seed (enough to replay it), the
 * reason (a {@code SimulationException.Reason}, {@code INVALID_DRAW} for a draw outside the
 * physical range, {@code INVALID_RESULT} for a non-finite or inconsistent landing,
 * {@code PLUGIN_FAILURE} or {@code INTEGRATION_ERROR}; never an exception class name) and a
 * message.
 */
@DefaultCoder(SampleFailure.SampleFailureCoder.class)
@AutoValue
public abstract class SampleFailure {

  public abstract long getIndex();

  /** First word of the sample's generator state (see {@code Substreams#substreamSeed}). */
  public abstract long getSubstreamSeed();

  public abstract String getFragmentId();

  public abstract String getReason();

  public abstract String getMessage();

  /** Time after the luminous end at which it failed, s, or NaN. */
  public abstract double getTimeS();

  public static SampleFailure of(long index, long substreamSeed, String fragmentId, String reason,
      String message, double timeS) {
    return new AutoValue_SampleFailure(index, substreamSeed, fragmentId, reason,
        message == null ? "" : message, timeS);
  }

  /** The element coder (see {@link ElementCoder} for why not a schema coder). */
  public static final class SampleFailureCoder extends ElementCoder<SampleFailure> {
    private static final long serialVersionUID = 1L;
    private static final SampleFailureCoder INSTANCE = new SampleFailureCoder();

    /** The coder. */
    public static SampleFailureCoder of() {
      return INSTANCE;
    }

    /** Provides the coder for {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(SampleFailure.class), INSTANCE);
    }

    @Override
    protected void write(SampleFailure v, DataOutputStream out) throws IOException {
      out.writeLong(v.getIndex());
      out.writeLong(v.getSubstreamSeed());
      writeString(v.getFragmentId(), out);
      writeString(v.getReason(), out);
      writeString(v.getMessage(), out);
      out.writeDouble(v.getTimeS());
    }

    @Override
    protected SampleFailure read(DataInputStream in) throws IOException {
      long index = in.readLong();
      long substreamSeed = in.readLong();
      String fragmentId = readString(in);
      String reason = readString(in);
      String message = readString(in);
      double timeS = in.readDouble();
      return new AutoValue_SampleFailure(index, substreamSeed, fragmentId, reason, message, timeS);
    }
  }
}
