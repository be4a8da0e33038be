package org.darkflight.transforms.sink;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.darkflight.io.AtomicFiles;

/**
 * Writes a collection to shard files in a directory, per bundle (as Beam's own
 * {@code WriteFiles} does without fixed sharding): {@code <prefix>-<first>-<last>-<crc>.bin}
 * holds elements of one bundle sorted by index, first and last their indices and crc the CRC-32
 * of the content. A bundle's elements are cut at multiples of {@code perShard} (one file per
 * index range of the ensemble), so files of different ranges never interleave and the reader
 * keeps few open. There is no grouping, so no element is shuffled or buffered beyond its bundle.
 * {@link ShardReader} merges the files back into one sequence in index order.
 *
 * <p>Which worker wrote which elements, and how the runner cut the bundles, does not show in
 * what the reader returns. A retried bundle writes its file again (atomically); if the retry cut
 * the bundle differently, the elements written twice are identical (samples are deterministic)
 * and the reader drops the repeats of an index.
 *
 * <p>The directory must be visible to the driver (a local path for the Direct runner and a local
 * Flink cluster; a shared file system for a distributed one).
 *
 * @param <T> element type
 */
public final class WriteShards<T> extends PTransform<PCollection<T>, PDone> {

  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String prefix;
  private final SerializableFunction<T, Long> index;
  private final long perShard;

  /**
   * @param directory where the shard files go
   * @param prefix    file name prefix (letters, digits, '_')
   * @param index     the sort key of an element (e.g. the sample index), &gt;= 0, unique
   * @param perShard  a file never holds indices of two different multiples of this (&gt;= 1)
   */
  public WriteShards(Path directory, String prefix, SerializableFunction<T, Long> index,
      long perShard) {
    if (!prefix.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("shard prefix must be letters, digits or '_': "
          + prefix);
    }
    if (perShard < 1) {
      throw new IllegalArgumentException("perShard must be >= 1");
    }
    this.directory = directory.toAbsolutePath().toString();
    this.prefix = prefix;
    this.index = index;
    this.perShard = perShard;
  }

  /** File name of a shard holding indices first..last with content checksum crc. */
  public static String fileName(String prefix, long first, long last, long crc) {
    return String.format(Locale.ROOT, "%s-%019d-%019d-%08x.bin", prefix, first, last, crc);
  }

  @Override
  public PDone expand(PCollection<T> input) {
    input.apply("WriteBundle", ParDo.of(new WriteFn<>(directory, prefix, input.getCoder(),
        index, perShard)));
    return PDone.in(input.getPipeline());
  }

  /** Buffers one bundle's elements and writes them, sorted by index, when the bundle ends. */
  static final class WriteFn<T> extends DoFn<T, Void> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private final String prefix;
    private final Coder<T> coder;
    private final SerializableFunction<T, Long> index;
    private final long perShard;
    private transient List<T> bundle;

    WriteFn(String directory, String prefix, Coder<T> coder, SerializableFunction<T, Long> index,
        long perShard) {
      this.directory = directory;
      this.prefix = prefix;
      this.coder = coder;
      this.index = index;
      this.perShard = perShard;
    }

    @StartBundle
    public void start() {
      bundle = new ArrayList<>();
    }

    @ProcessElement
    public void process(@Element T element) {
      bundle.add(element);
    }

    @FinishBundle
    public void finish() throws IOException {
      List<T> items = bundle;
      bundle = null;
      if (items.isEmpty()) {
        return;
      }
      items.sort((a, b) -> Long.compare(index.apply(a), index.apply(b)));
      int from = 0;
      for (int i = 1; i <= items.size(); i++) {
        if (i == items.size()
            || index.apply(items.get(i)) / perShard != index.apply(items.get(from)) / perShard) {
          write(items.subList(from, i));
          from = i;
        }
      }
    }

    /** Writes sorted elements to one file. */
    private void write(List<T> items) throws IOException {
      List<byte[]> encoded = new ArrayList<>(items.size());
      CRC32 crc = new CRC32();
      for (T t : items) {
        byte[] b = CoderUtils.encodeToByteArray(coder, t);
        encoded.add(b);
        crc.update(b);
      }
      long first = index.apply(items.get(0));
      long last = index.apply(items.get(items.size() - 1));
      Path target = Paths.get(directory, fileName(prefix, first, last, crc.getValue()));
      AtomicFiles.write(target, os -> {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
        for (byte[] b : encoded) {
          data.writeInt(b.length);
          data.write(b);
        }
        data.flush();
      });
    }
  }
}
