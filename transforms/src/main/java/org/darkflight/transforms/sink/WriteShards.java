package org.darkflight.transforms.sink;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.darkflight.io.AtomicFiles;

/**
 * Writes a collection to shard files {@code <dir>/<prefix>-<shard>.bin}, shard = index / perShard,
 * each holding its elements sorted by index. Which worker writes a shard, and in which order
 * elements arrived, does not show in the files; a retried shard rewrites the same bytes
 * (atomically). Each record is a 4-byte big-endian length and the element encoded by the
 * collection's coder; {@link ShardReader} reads them back in index order.
 *
 * <p>The directory must be visible to the driver (a local path for the Direct runner and a local
 * Flink cluster; a shared file system for a distributed one).
 *
 * @param <T> element type
 */
public final class WriteShards<T> extends PTransform<PCollection<T>, PCollection<Long>> {

  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String prefix;
  private final SerializableFunction<T, Long> index;
  private final long perShard;

  /**
   * @param directory where the shard files go
   * @param prefix    file name prefix
   * @param index     the sort key of an element (e.g. the sample index), &gt;= 0
   * @param perShard  indices per shard
   */
  public WriteShards(Path directory, String prefix, SerializableFunction<T, Long> index,
      long perShard) {
    if (perShard < 1) {
      throw new IllegalArgumentException("perShard must be >= 1");
    }
    this.directory = directory.toAbsolutePath().toString();
    this.prefix = prefix;
    this.index = index;
    this.perShard = perShard;
  }

  /** File name of shard {@code shard}. */
  public static String fileName(String prefix, long shard) {
    return String.format(Locale.ROOT, "%s-%012d.bin", prefix, shard);
  }

  @Override
  public PCollection<Long> expand(PCollection<T> input) {
    Coder<T> coder = input.getCoder();
    SerializableFunction<T, Long> idx = index;
    long per = perShard;
    return input
        .apply("KeyByShard", WithKeys.of((T t) -> idx.apply(t) / per)
            .withKeyType(TypeDescriptors.longs()))
        .setCoder(KvCoder.of(VarLongCoder.of(), coder))
        .apply("GroupShard", GroupByKey.create())
        .apply("WriteShard", ParDo.of(new WriteFn<>(directory, prefix, coder, index)));
  }

  /** Sorts one shard's elements by index and writes them; outputs the element count. */
  static final class WriteFn<T> extends DoFn<KV<Long, Iterable<T>>, Long> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private final String prefix;
    private final Coder<T> coder;
    private final SerializableFunction<T, Long> index;

    WriteFn(String directory, String prefix, Coder<T> coder, SerializableFunction<T, Long> index) {
      this.directory = directory;
      this.prefix = prefix;
      this.coder = coder;
      this.index = index;
    }

    @ProcessElement
    public void process(@Element KV<Long, Iterable<T>> shard, OutputReceiver<Long> out)
        throws IOException {
      List<T> items = new ArrayList<>();
      shard.getValue().forEach(items::add);
      items.sort((a, b) -> Long.compare(index.apply(a), index.apply(b)));
      List<byte[]> encoded = new ArrayList<>(items.size());
      for (T t : items) {
        encoded.add(CoderUtils.encodeToByteArray(coder, t));
      }
      Path target = Paths.get(directory, fileName(prefix, shard.getKey()));
      AtomicFiles.write(target, os -> {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
        for (byte[] b : encoded) {
          data.writeInt(b.length);
          data.write(b);
        }
        data.flush();
      });
      out.output((long) items.size());
    }
  }
}
