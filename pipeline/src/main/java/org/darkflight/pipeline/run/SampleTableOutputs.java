package org.darkflight.pipeline.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.darkflight.io.FileTrees;
import org.darkflight.io.kml.StrewnFieldExport;
import org.darkflight.io.table.FlatGeobufTable;
import org.darkflight.io.table.GeoPackageTable;
import org.darkflight.io.table.SampleTable;
import org.darkflight.io.table.SampleTableVrt;
import org.darkflight.transforms.EnsembleGraph;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.transforms.integrate.SampleLanding;
import org.darkflight.transforms.table.SampleRows;
import org.darkflight.transforms.sink.ShardReader;
import org.darkflight.transforms.table.WriteSampleTable;

/**
 * The per-sample table of a run (docs/outputs.md, "samples.fgb"): runs the second, small job
 * in which the workers write its FlatGeobuf shards ({@link WriteSampleTable}) on the same
 * runner as the ensemble, then, on the driver, checks that the shards cover every sample, moves them into {@code samples_table/}, writes the VRT over them,
 * the merged {@code samples.fgb} (a byte copy of the shards' features, up to
 * {@link #MERGED_MAX_SAMPLES}) and {@code samples.gpkg} (up to
 * {@link GeoPackageTable#MAX_SAMPLES}). Above a limit the file is not written, a stale copy from
 * an earlier run in the same directory is removed, and the reason goes to stderr.
 */
final class SampleTableOutputs {

  /**
   * Largest run whose shards are also merged into {@code samples.fgb}, samples (about 3 GB);
   * above it the VRT over the shards is the one layer, so the table is not stored twice.
   */
  static final long MERGED_MAX_SAMPLES = 10_000_000;

  private SampleTableOutputs() {}

  /**
   * Writes the table outputs into {@code outDir}.
   *
   * @param work    the run's shard directory
   * @param rows    the run's row builder
   * @param coders  the shard coders
   * @param options the run's pipeline options (the table job runs where the ensemble ran)
   * @return the files written, in manifest order
   */
  static List<StrewnFieldExport.WrittenFile> write(Path work, Path outDir, SampleRows rows,
      EnsembleGraph.Coders coders, long perRange, PipelineOptions options, Instant producedUtc,
      PrintWriter err) throws IOException {
    long samples = rows.samples();
    Pipeline job = Pipeline.create(options);
    job.apply("WriteSampleTable", new WriteSampleTable(work, EnsembleGraph.LANDED,
        EnsembleGraph.FAILED, rows, new SampleRows.ShardCoders(coders.landed(), coders.failed()),
        perRange));
    PipelineResult.State state = job.run().waitUntilFinish();
    if (state != PipelineResult.State.DONE) {
      throw new IOException("the job writing the per-sample table ended in state " + state);
    }
    List<Path> shards = checkedShards(work.resolve(SampleTable.SHARD_DIR), samples,
        WriteSampleTable.shardSamples(samples, perRange));
    Path shardDir = outDir.resolve(SampleTable.SHARD_DIR);
    if (Files.exists(shardDir)) {
      FileTrees.delete(shardDir);
    }
    Files.move(work.resolve(SampleTable.SHARD_DIR), shardDir,
        StandardCopyOption.ATOMIC_MOVE);
    List<Path> moved = shards.stream().map(p -> shardDir.resolve(p.getFileName())).toList();
    List<StrewnFieldExport.WrittenFile> files = new ArrayList<>();

    Path merged = outDir.resolve(SampleTable.FLATGEOBUF_FILE);
    if (samples <= MERGED_MAX_SAMPLES) {
      FlatGeobufTable.merge(moved, merged);
      files.add(StrewnFieldExport.describe(merged, "flatgeobuf"));
    } else {
      Files.deleteIfExists(merged);
      err.println("note: " + SampleTable.FLATGEOBUF_FILE + " not written: " + samples
          + " samples is more than " + MERGED_MAX_SAMPLES + "; open " + SampleTable.VRT_FILE
          + " (the same table over the shards in " + SampleTable.SHARD_DIR + "/)");
    }
    Path vrt = outDir.resolve(SampleTable.VRT_FILE);
    SampleTableVrt.write(vrt, moved.stream()
        .map(p -> SampleTable.SHARD_DIR + "/" + p.getFileName()).toList());
    files.add(StrewnFieldExport.describe(vrt, "vrt"));
    for (Path p : moved) {
      files.add(StrewnFieldExport.describe(p, "flatgeobuf"));
    }

    Path gpkg = outDir.resolve(SampleTable.GEOPACKAGE_FILE);
    if (samples <= GeoPackageTable.MAX_SAMPLES) {
      ShardReader<SampleLanding> landed = ShardReader.open(work, EnsembleGraph.LANDED,
          coders.landed(), EnsembleGraph.LANDED_INDEX);
      ShardReader<SampleFailure> failed = ShardReader.open(work, EnsembleGraph.FAILED,
          coders.failed(), EnsembleGraph.FAILED_INDEX);
      try (SampleRows.CloseableIterator it = rows.join(0, samples - 1, landed, failed)) {
        GeoPackageTable.write(gpkg, it, producedUtc);
      }
      files.add(StrewnFieldExport.describe(gpkg, "geopackage"));
    } else {
      Files.deleteIfExists(gpkg);
      err.println("note: " + SampleTable.GEOPACKAGE_FILE + " not written: " + samples
          + " samples is more than " + GeoPackageTable.MAX_SAMPLES
          + " (docs/outputs.md); the FlatGeobuf table holds every sample");
    }
    return files;
  }

  /**
   * The table shards in index order, checked to cover samples 0..samples-1 in blocks of
   * {@code shardSamples}.
   */
  static List<Path> checkedShards(Path dir, long samples, long shardSamples)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": the pipeline wrote no table shards");
    }
    List<Path> shards;
    try (Stream<Path> s = Files.list(dir)) {
      shards = s.filter(p -> p.getFileName().toString().endsWith(".fgb")).sorted().toList();
    }
    long expected = (samples + shardSamples - 1) / shardSamples;
    if (shards.size() != expected) {
      throw new IOException(dir + ": " + shards.size() + " table shards for " + samples
          + " samples, expected " + expected + "; the pipeline did not write them all");
    }
    for (int k = 0; k < shards.size(); k++) {
      long first = k * shardSamples;
      long last = Math.min(first + shardSamples, samples) - 1;
      String name = WriteSampleTable.fileName(first, last);
      if (!shards.get(k).getFileName().toString().equals(name)) {
        throw new IOException(dir + ": table shard " + k + " is "
            + shards.get(k).getFileName() + ", expected " + name);
      }
    }
    return shards;
  }
}
