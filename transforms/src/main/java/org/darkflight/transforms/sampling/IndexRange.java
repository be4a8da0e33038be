package org.darkflight.transforms.sampling;

import com.google.auto.value.AutoValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** A half-open range [first, end) of sample indices: the unit of work the ensemble fans out. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class IndexRange {

  /** First index (inclusive). */
  public abstract long getFirst();

  /** One past the last index. */
  public abstract long getEnd();

  public static IndexRange of(long first, long end) {
    if (first < 0 || end <= first) {
      throw new IllegalArgumentException("bad index range [" + first + ", " + end + ")");
    }
    return new AutoValue_IndexRange(first, end);
  }

  /** Number of indices in the range. */
  public long size() {
    return getEnd() - getFirst();
  }

  /** [0, total) cut into ranges of at most {@code perRange} indices, in index order. */
  public static List<IndexRange> split(long total, long perRange) {
    if (total < 1 || perRange < 1) {
      throw new IllegalArgumentException("total and perRange must be >= 1");
    }
    List<IndexRange> out = new ArrayList<>();
    for (long first = 0; first < total; first += perRange) {
      out.add(of(first, Math.min(total, first + perRange)));
    }
    return out;
  }
}
