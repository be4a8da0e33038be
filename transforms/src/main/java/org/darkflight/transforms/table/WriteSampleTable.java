package org.darkflight.transforms.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PDone;
import org.darkflight.io.table.FlatGeobufTable;
import org.darkflight.io.table.SampleTable;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.transforms.sink.ShardReader;

/**
 * Writes the per-sample table as FlatGeobuf shards on the workers (docs/outputs.md,
 * "samples.fgb"): one file per table shard, a fixed block of consecutive sample indices,
 * {@code <dir>/samples_table/samples-<first>-<last>.fgb}, rows in index order.
 *
 * <p>It runs as a second, small job after the ensemble's: the driver lists the landed and
 * failed shard files the ensemble wrote and assigns each to its table shard by the first index in
 * its name ({@link org.darkflight.transforms.sink.WriteShards} never lets a file span two index ranges); each element of this
 * job is one table shard with its file names, and the worker that gets it reads those files,
 * joins each landing or failure to the sample's draws ({@link SampleRows}) and streams the rows
 * into the file. Nothing is shuffled, and the ensemble's graph keeps its shape (joining its
 * landed and failed branches again would make Flink materialise one of them in a blocking
 * sort-merge partition, 64 MB of direct memory per TaskManager). A table shard's bounds depend
 * only on the number of samples and {@code samples_per_element} ({@link #shardSamples}), so its
 * bytes are the same on any runner and at any parallelism; a retried write replaces the file
 * atomically with the same bytes, and files written twice by a retried bundle of the ensemble
 * are read once ({@link ShardReader} drops repeated indices).
 */
public final class WriteSampleTable extends PTransform<PBegin, PDone> {

  private static final long serialVersionUID = 1L;

  /** Most table shards of a run (more samples: bigger shards). */
  public static final long MAX_SHARDS = 256;

  private static final Pattern NAME = Pattern.compile("-(\\d{19})-(\\d{19})-[0-9a-f]{8}\\.bin");

  private final String directory;
  private final String landedPrefix;
  private final String failedPrefix;
  private final SampleRows rows;
  private final SampleRows.ShardCoders coders;
  private final long shardSamples;
  private final List<KV<Long, List<String>>> shards;

  /**
   * Lists the shard files in {@code directory} and groups them by table shard.
   *
   * @param directory    where the landed and failed shard files are; the table shards go into
   *                     its {@link SampleTable#SHARD_DIR}
   * @param landedPrefix file name prefix of the landed shard files
   * @param failedPrefix file name prefix of the failed shard files
   * @param rows         builds the rows
   * @param coders       the coders of the landed and failed shard files
   * @param perRange     samples per index range ({@code samples_per_element})
   */
  public WriteSampleTable(Path directory, String landedPrefix, String failedPrefix,
      SampleRows rows, SampleRows.ShardCoders coders, long perRange) throws IOException {
    this.directory = directory.toAbsolutePath().toString();
    this.landedPrefix = landedPrefix;
    this.failedPrefix = failedPrefix;
    this.rows = rows;
    this.coders = coders;
    this.shardSamples = shardSamples(rows.samples(), perRange);
    TreeMap<Long, List<String>> byShard = new TreeMap<>();
    try (Stream<Path> s = Files.list(directory)) {
      for (Path p : s.sorted().toList()) {
        String n = p.getFileName().toString();
        String prefix = n.startsWith(landedPrefix + "-") ? landedPrefix
            : n.startsWith(failedPrefix + "-") ? failedPrefix : null;
        if (prefix == null) {
          continue;
        }
        Matcher m = NAME.matcher(n.substring(prefix.length()));
        if (m.matches()) {
          byShard.computeIfAbsent(Long.parseLong(m.group(1)) / shardSamples,
              k -> new ArrayList<>()).add(n);
        }
      }
    }
    List<KV<Long, List<String>>> list = new ArrayList<>();
    long count = (rows.samples() + shardSamples - 1) / shardSamples;
    for (long k = 0; k < count; k++) {
      list.add(KV.of(k, List.copyOf(byShard.getOrDefault(k, List.of()))));
    }
    this.shards = list;
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
  public PDone expand(PBegin begin) {
    begin.apply("TableShards", Create.of(shards).withCoder(KvCoder.of(VarLongCoder.of(),
            ListCoder.of(StringUtf8Coder.of()))))
        .apply("WriteTableShard", ParDo.of(new WriteFn(directory, landedPrefix, failedPrefix,
            rows, coders, shardSamples)));
    return PDone.in(begin.getPipeline());
  }

  /** Writes one table shard from the landed and failed files of its ranges. */
  static final class WriteFn extends DoFn<KV<Long, List<String>>, Void> {
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
    public void process(@Element KV<Long, List<String>> shard) throws IOException {
      long first = shard.getKey() * shardSamples;
      long last = Math.min(first + shardSamples, rows.samples()) - 1;
      List<String> landedFiles = new ArrayList<>();
      List<String> failedFiles = new ArrayList<>();
      for (String f : shard.getValue()) {
        (f.startsWith(landedPrefix + "-") ? landedFiles : failedFiles).add(f);
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
