package org.darkflight.transforms.sink;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * Streams the elements of the shard files written by {@link WriteShards} as one sequence in
 * index order: a k-way merge of the (sorted) files that drops repeated indices (a bundle a runner
 * retried with a different cut). A file is opened when the merge reaches its first index (known
 * from its name) and closed at its end, and only each open file's next element is in memory.
 *
 * @param <T> element type
 */
public final class ShardReader<T> implements Iterator<T>, Closeable {

  /** Read buffer per open file, bytes. */
  private static final int BUFFER_BYTES = 1 << 13;

  /** A shard file and, once opened, its stream and next element. */
  private final class Cursor {
    final Path file;
    DataInputStream in;
    T head;
    /** Index of head; before the file is opened, its first index (from its name). */
    long headIndex;

    Cursor(Path file, long first) {
      this.file = file;
      this.headIndex = first;
    }

    /** Reads the next element into head; false (and closed) at the end of the file. */
    boolean advance() throws IOException {
      if (in == null) {
        in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file),
            BUFFER_BYTES));
      }
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        in.close();
        in = null;
        head = null;
        return false;
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      head = CoderUtils.decodeFromByteArray(coder, bytes);
      long i = index.apply(head);
      if (i < headIndex) {
        throw new IOException(file + ": indices out of order (" + i + " after " + headIndex
            + "); the shard file is corrupt");
      }
      headIndex = i;
      return true;
    }
  }

  private final Coder<T> coder;
  private final SerializableFunction<T, Long> index;
  private final PriorityQueue<Cursor> queue = new PriorityQueue<>(
      Comparator.<Cursor>comparingLong(c -> c.headIndex).thenComparing(c -> c.file));
  private T pending;
  private boolean emittedAny;
  private long lastIndex;

  private ShardReader(Coder<T> coder, SerializableFunction<T, Long> index) {
    this.coder = coder;
    this.index = index;
  }

  private static final Pattern NAME = Pattern.compile("-(\\d{19})-(\\d{19})-[0-9a-f]{8}\\.bin");

  /** A reader of every shard file of {@code prefix} in {@code dir} (none: an empty reader). */
  public static <T> ShardReader<T> open(Path dir, String prefix, Coder<T> coder,
      SerializableFunction<T, Long> index) throws IOException {
    ShardReader<T> reader = new ShardReader<>(coder, index);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.sorted().toList()) {
          String n = p.getFileName().toString();
          if (!n.startsWith(prefix + "-")) {
            continue;
          }
          Matcher m = NAME.matcher(n.substring(prefix.length()));
          if (m.matches()) {
            reader.queue.add(reader.new Cursor(p, Long.parseLong(m.group(1))));
          }
        }
      }
    }
    return reader;
  }

  /**
   * A reader of the given shard files of {@code prefix} in {@code dir} (names as
   * {@link WriteShards#fileName}; others are refused).
   */
  public static <T> ShardReader<T> open(Path dir, String prefix, List<String> files,
      Coder<T> coder, SerializableFunction<T, Long> index) throws IOException {
    ShardReader<T> reader = new ShardReader<>(coder, index);
    for (String n : files.stream().sorted().toList()) {
      Matcher m = n.startsWith(prefix + "-") ? NAME.matcher(n.substring(prefix.length()))
          : null;
      if (m == null || !m.matches()) {
        throw new IOException(dir.resolve(n) + ": not a shard file of '" + prefix + "'");
      }
      reader.queue.add(reader.new Cursor(dir.resolve(n), Long.parseLong(m.group(1))));
    }
    return reader;
  }

  /** Reads everything into a list (for small outputs such as ellipse fits and failures). */
  public static <T> List<T> readAll(Path dir, String prefix, Coder<T> coder,
      SerializableFunction<T, Long> index) throws IOException {
    List<T> out = new ArrayList<>();
    try (ShardReader<T> r = open(dir, prefix, coder, index)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    try {
      while (!queue.isEmpty()) {
        Cursor c = queue.poll();
        if (c.in == null && c.head == null) {
          // not opened yet: its first element decides its place
          if (c.advance()) {
            queue.add(c);
          }
          continue;
        }
        T t = c.head;
        long i = c.headIndex;
        if (c.advance()) {
          queue.add(c);
        }
        if (emittedAny && i == lastIndex) {
          continue;
        }
        emittedAny = true;
        lastIndex = i;
        pending = t;
        return true;
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T t = pending;
    pending = null;
    return t;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (Cursor c : queue) {
      if (c.in != null) {
        try {
          c.in.close();
        } catch (IOException e) {
          first = first == null ? e : first;
        }
        c.in = null;
      }
    }
    queue.clear();
    if (first != null) {
      throw first;
    }
  }
}
