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
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
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
 * <p>The transform's output names each file written: (index / perShard, file name), so a later
 * step can read the files of one index range ({@link WriteSampleTable}); a retried bundle's files
 * are named only by the attempt that succeeded.
 *
 * <p>The directory must be visible to the driver (a local path for the Direct runner and a local
 * Flink cluster; a shared file system for a distributed one).
 *
 * @param <T> element type
 */
public final class WriteShards<T> extends PTransform<PCollection<T>,
    PCollection<KV<Long, String>>> {

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
  public PCollection<KV<Long, String>> expand(PCollection<T> input) {
    return input.apply("WriteBundle", ParDo.of(new WriteFn<>(directory, prefix,
        input.getCoder(), index, perShard)))
        .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()));
  }

  /**
   * Buffers one bundle's elements and writes them, sorted by index, when the bundle ends; emits
   * (index / perShard, file name) per file.
   */
  static final class WriteFn<T> extends DoFn<T, KV<Long, String>> {
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
    public void finish(FinishBundleContext context) throws IOException {
      for (KV<Long, String> written : flush()) {
        context.output(written, GlobalWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    /**
     * Writes the bundle's elements, sorted by index, one file per multiple of perShard;
     * returns (index / perShard, file name) of each file.
     */
    List<KV<Long, String>> flush() throws IOException {
      List<T> items = bundle;
      bundle = null;
      List<KV<Long, String>> written = new ArrayList<>();
      if (items.isEmpty()) {
        return written;
      }
      items.sort((a, b) -> Long.compare(index.apply(a), index.apply(b)));
      int from = 0;
      for (int i = 1; i <= items.size(); i++) {
        if (i == items.size()
            || index.apply(items.get(i)) / perShard != index.apply(items.get(from)) / perShard) {
          String name = write(items.subList(from, i));
          written.add(KV.of(index.apply(items.get(from)) / perShard, name));
          from = i;
        }
      }
      return written;
    }

    /** Writes sorted elements to one file; returns its name. */
    private String write(List<T> items) throws IOException {
      List<byte[]> encoded = new ArrayList<>(items.size());
      CRC32 crc = new CRC32();
      for (T t : items) {
        byte[] b = CoderUtils.encodeToByteArray(coder, t);
        encoded.add(b);
        crc.update(b);
      }
      long first = index.apply(items.get(0));
      long last = index.apply(items.get(items.size() - 1));
      String name = fileName(prefix, first, last, crc.getValue());
      Path target = Paths.get(directory, name);
      AtomicFiles.write(target, os -> {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
        for (byte[] b : encoded) {
          data.writeInt(b.length);
          data.write(b);
        }
        data.flush();
      });
      return name;
    }
  }
}
