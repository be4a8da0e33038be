package org.darkflight.transforms.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * Base of the ensemble's hand-written element coders: fixed-order fields, doubles as their 8
 * IEEE-754 bytes ({@link Double#doubleToLongBits}, so every NaN encodes alike and the encoding is
 * consistent with the value types' {@code equals}), strings as Beam's length-prefixed UTF-8.
 *
 * <p>Why not Beam's {@code SchemaCoder} (the default for {@code @DefaultSchema} types): the
 * Direct runner translates a ParDo's whole application — the Java-serialized coders of its
 * input and output collections included — for every bundle it runs; a schema coder serializes
 * to many kilobytes (schema, generated getters, type tokens), a coder like this to a few dozen
 * bytes. On the 100k-sample ensemble that translation was 18 % of the CPU samples
 * (docs/performance.md, "Ensemble pipeline"). The encoding is also about 3× smaller.
 *
 * @param <T> element type
 */
public abstract class ElementCoder<T> extends AtomicCoder<T> {

  private static final long serialVersionUID = 1L;

  /** Writes the fields of {@code value}. */
  protected abstract void write(T value, DataOutputStream out) throws IOException;

  /** Reads the fields written by {@link #write}. */
  protected abstract T read(DataInputStream in) throws IOException;

  @Override
  public final void encode(T value, OutputStream outStream) throws IOException {
    if (value == null) {
      throw new org.apache.beam.sdk.coders.CoderException("cannot encode null");
    }
    // DataOutputStream adds no buffer, so nothing stays behind in it.
    write(value, new DataOutputStream(outStream));
  }

  @Override
  public final T decode(InputStream inStream) throws IOException {
    // DataInputStream reads exactly the bytes asked for (no read-ahead).
    return read(new DataInputStream(inStream));
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  /** Writes a string (length-prefixed UTF-8). */
  protected static void writeString(String s, DataOutputStream out) throws IOException {
    StringUtf8Coder.of().encode(s, out);
  }

  /** Reads a string written by {@link #writeString}. */
  protected static String readString(DataInputStream in) throws IOException {
    return StringUtf8Coder.of().decode(in);
  }
}
