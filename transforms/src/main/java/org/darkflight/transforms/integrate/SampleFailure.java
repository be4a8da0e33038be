package org.darkflight.transforms.integrate;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/**
 * A sample that could not be integrated: its index and substream seed (enough to replay it), the
 * reason (a {@code SimulationException.Reason}, {@code INVALID_DRAW} for a draw outside the
 * physical range, {@code INVALID_RESULT} for a non-finite or inconsistent landing, or the
 * exception class) and a message.
 */
@DefaultSchema(AutoValueSchema.class)
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
}
