package org.darkflight.transforms.sampling;

import com.google.auto.value.AutoValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.transforms.sink.ElementCoder;

/** A half-open range [first, end) of sample indices: the unit of work the ensemble fans out. */
@DefaultCoder(IndexRange.IndexRangeCoder.class)
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

  /** The element coder (see {@link ElementCoder} for why not a schema coder). */
  public static final class IndexRangeCoder extends ElementCoder<IndexRange> {
    private static final long serialVersionUID = 1L;
    private static final IndexRangeCoder INSTANCE = new IndexRangeCoder();

    /** The coder. */
    public static IndexRangeCoder of() {
      return INSTANCE;
    }

    /** Provides the coder for {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(IndexRange.class), INSTANCE);
    }

    @Override
    protected void write(IndexRange v, DataOutputStream out) throws IOException {
      out.writeLong(v.getFirst());
      out.writeLong(v.getEnd());
    }

    @Override
    protected IndexRange read(DataInputStream in) throws IOException {
      long first = in.readLong();
      long end = in.readLong();
      return IndexRange.of(first, end);
    }
  }
}
