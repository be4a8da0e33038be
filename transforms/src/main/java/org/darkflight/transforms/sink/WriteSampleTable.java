package org.darkflight.transforms.sink;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.darkflight.io.table.FlatGeobufTable;
import org.darkflight.io.table.SampleTable;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;

/**
 * Writes the per-sample table as FlatGeobuf shards on the workers (docs/outputs.md,
 * "samples.fgb"): one file per table shard, a fixed block of consecutive sample indices,
 * {@code <dir>/samples_table/samples-<first>-<last>.fgb}, rows in index order.
 *
 * <p>Input: the names of the landed and failed shard files ({@link WriteShards}'s output), keyed
 * by their index range. They are grouped by table shard — only the file names are shuffled,
 * never the samples — and each table shard is written by one worker, which reads its files,
 * joins each landing or failure to the sample's draws ({@link SampleRows}) and streams the rows
 * into the file. A table shard's bounds depend only on the number of samples and
 * {@code samples_per_element} ({@link #shardSamples}), so its bytes are the same on any runner
 * and at any parallelism; a retried write replaces the file atomically with the same bytes.
 */
public final class WriteSampleTable extends PTransform<PCollectionList<KV<Long, String>>,
    PDone> {

  private static final long serialVersionUID = 1L;

  /** Most table shards of a run (more samples: bigger shards). */
  public static final long MAX_SHARDS = 256;

  private final String directory;
  private final String landedPrefix;
  private final String failedPrefix;
  private final SampleRows rows;
  private final SampleRows.ShardCoders coders;
  private final long perRange;

  /**
   * @param directory where the landed and failed shard files are; the table shards go into its
   *                  {@link SampleTable#SHARD_DIR}
   * @param landedPrefix file name prefix of the landed shard files
   * @param failedPrefix file name prefix of the failed shard files
   * @param rows      builds the rows
   * @param coders    the coders of the landed and failed shard files
   * @param perRange  samples per index range of the input keys ({@code samples_per_element})
   */
  public WriteSampleTable(Path directory, String landedPrefix, String failedPrefix,
      SampleRows rows, SampleRows.ShardCoders coders, long perRange) {
    this.directory = directory.toAbsolutePath().toString();
    this.landedPrefix = landedPrefix;
    this.failedPrefix = failedPrefix;
    this.rows = rows;
    this.coders = coders;
    this.perRange = perRange;
  }

  /**
   * Samples per table shard: a whole number of index ranges of {@code perRange}, as few as keep
   * the shard count at most {@link #MAX_SHARDS}.
   */
  public static long shardSamples(long samples, long perRange) {
    long ranges = Math.max(1, (samples + perRange - 1) / perRange);
    long rangesPerShard = (ranges + MAX_SHARDS - 1) / MAX_SHARDS;
    return rangesPerShard * perRange;
  }

  /** File name of the table shard of samples first..last. */
  public static String fileName(long first, long last) {
    return String.format(Locale.ROOT, "%s-%019d-%019d.fgb", SampleTable.LAYER, first, last);
  }

  @Override
  public PDone expand(PCollectionList<KV<Long, String>> files) {
    long shard = shardSamples(rows.samples(), perRange);
    long rangesPerShard = shard / perRange;
    files.apply("AllShardFiles", Flatten.pCollections())
        .apply("ByTableShard", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.longs(),
                TypeDescriptors.strings()))
            .via((KV<Long, String> kv) -> KV.of(kv.getKey() / rangesPerShard, kv.getValue())))
        .apply("GroupFileNames", GroupByKey.create())
        .apply("WriteTableShard", ParDo.of(new WriteFn(directory, landedPrefix, failedPrefix, rows,
            coders, shard)));
    return PDone.in(files.getPipeline());
  }

  /** Writes one table shard from the landed and failed files of its ranges. */
  static final class WriteFn extends DoFn<KV<Long, Iterable<String>>, Void> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private final String landedPrefix;
    private final String failedPrefix;
    private final SampleRows rows;
    private final SampleRows.ShardCoders coders;
    private final long shardSamples;

    WriteFn(String directory, String landedPrefix, String failedPrefix, SampleRows rows,
        SampleRows.ShardCoders coders, long shardSamples) {
      this.directory = directory;
      this.landedPrefix = landedPrefix;
      this.failedPrefix = failedPrefix;
      this.rows = rows;
      this.coders = coders;
      this.shardSamples = shardSamples;
    }

    @ProcessElement
    public void process(@Element KV<Long, Iterable<String>> shard) throws IOException {
      long first = shard.getKey() * shardSamples;
      long last = Math.min(first + shardSamples, rows.samples()) - 1;
      List<String> landedFiles = new ArrayList<>();
      List<String> failedFiles = new ArrayList<>();
      for (String f : shard.getValue()) {
        if (f.startsWith(landedPrefix + "-")) {
          landedFiles.add(f);
        } else if (f.startsWith(failedPrefix + "-")) {
          failedFiles.add(f);
        } else {
          throw new IOException("not a landed or failed shard file: " + f);
        }
      }
      Path dir = Paths.get(directory);
      Path target = dir.resolve(SampleTable.SHARD_DIR).resolve(fileName(first, last));
      ShardReader<SampleLanding> landed = ShardReader.open(dir, landedPrefix, landedFiles,
          coders.landed(), SampleLanding::getIndex);
      ShardReader<SampleFailure> failed = ShardReader.open(dir, failedPrefix, failedFiles,
          coders.failed(), SampleFailure::getIndex);
      try (SampleRows.CloseableIterator it = rows.join(first, last, landed, failed)) {
        FlatGeobufTable.write(target, last - first + 1, it);
      }
    }
  }
}
