package org.darkflight.transforms.sink;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.junit.jupiter.api.Test;

/**
 * Per-bundle shard files merge back into one sequence in index order, each index once, however
 * the elements were cut into bundles and whichever bundles were written twice (a retry).
 */
class ShardMergeProperties {

  private static void writeBundle(Path dir, List<Long> bundle) throws IOException {
    writeBundle(dir, bundle, Long.MAX_VALUE);
  }

  private static void writeBundle(Path dir, List<Long> bundle, long perShard)
      throws IOException {
    WriteShards.WriteFn<Long> fn = new WriteShards.WriteFn<>(dir.toString(), "landed",
        VarLongCoder.of(), i -> i, perShard);
    fn.start();
    for (Long l : bundle) {
      fn.process(l);
    }
    fn.finish();
  }

  private static List<Long> read(Path dir) throws IOException {
    return ShardReader.readAll(dir, "landed", VarLongCoder.of(), i -> i);
  }

  @Test
  void mergesOverlappingBundlesAndDropsARetriedBundlesRepeats() throws IOException {
    Path dir = Files.createTempDirectory("shards");
    try {
      writeBundle(dir, List.of(5L, 1L, 9L));
      writeBundle(dir, List.of(2L, 3L, 7L));
      writeBundle(dir, List.of(3L, 7L, 8L)); // a retry cut differently
      writeBundle(dir, List.of(4L, 6L, 0L));
      writeBundle(dir, List.of());            // an empty bundle writes nothing
      writeBundle(dir, List.of(4L, 6L, 0L));  // the same bundle again: the same file
      try (Stream<Path> s = Files.list(dir)) {
        assertThat(s.count(), equalTo(4L));
      }
      assertThat(read(dir), contains(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
      assertThat(ShardReader.readAll(dir, "failed", VarLongCoder.of(), i -> i).size(),
          equalTo(0));
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 60)
  void anyCutAndAnyRetriesGiveEveryIndexOnceInOrder(
      @ForAll @IntRange(min = 0, max = 2_000) int n,
      @ForAll @IntRange(min = 1, max = 500) int meanBundle,
      @ForAll @IntRange(min = 0, max = 5) int retries,
      @ForAll @IntRange(min = 7, max = 4_000) int perShard,
      @ForAll long seed) throws IOException {
    Random r = new Random(seed);
    List<Long> all = new ArrayList<>(LongStream.range(0, n).boxed().toList());
    Collections.shuffle(all, r);
    Path dir = Files.createTempDirectory("shards");
    try {
      for (int i = 0; i < all.size(); ) {
        int len = 1 + r.nextInt(2 * meanBundle);
        writeBundle(dir, all.subList(i, Math.min(all.size(), i + len)), perShard);
        i += len;
      }
      for (int k = 0; k < retries && n > 0; k++) {
        // a retried bundle: some of the indices, written again
        List<Long> again = new ArrayList<>();
        for (long i = r.nextInt(n); i < n && again.size() < meanBundle; i += 1 + r.nextInt(3)) {
          again.add(i);
        }
        writeBundle(dir, again, perShard);
      }
      assertThat(read(dir), equalTo(LongStream.range(0, n).boxed().toList()));
    } finally {
      deleteTree(dir);
    }
  }

  @Test
  void aBundleIsCutAtMultiplesOfPerShard() throws IOException {
    Path dir = Files.createTempDirectory("shards");
    try {
      writeBundle(dir, List.of(2_500L, 13L, 999L, 1_000L, 2_001L), 1_000);
      try (Stream<Path> s = Files.list(dir)) {
        assertThat(s.map(p -> p.getFileName().toString()).sorted().toList(), contains(
            startsWith("landed-0000000000000000013-0000000000000000999-"),
            startsWith("landed-0000000000000001000-0000000000000001000-"),
            startsWith("landed-0000000000000002001-0000000000000002500-")));
      }
      assertThat(read(dir), contains(13L, 999L, 1_000L, 2_001L, 2_500L));
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
