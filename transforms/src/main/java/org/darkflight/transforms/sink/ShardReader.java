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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.util.CoderUtils;

/**
 * Streams the elements of the shard files written by {@link WriteShards}, shard by shard in file
 * name order (= index order), one element in memory at a time.
 *
 * @param <T> element type
 */
public final class ShardReader<T> implements Iterator<T>, Closeable {

  private final List<Path> files;
  private final Coder<T> coder;
  private int next;
  private DataInputStream in;
  private T pending;

  private ShardReader(List<Path> files, Coder<T> coder) {
    this.files = files;
    this.coder = coder;
  }

  /** A reader of every {@code <prefix>-*.bin} in {@code dir} (none: an empty reader). */
  public static <T> ShardReader<T> open(Path dir, String prefix, Coder<T> coder)
      throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> {
          String n = p.getFileName().toString();
          return n.startsWith(prefix + "-") && n.endsWith(".bin");
        }).sorted().forEach(files::add);
      }
    }
    return new ShardReader<>(files, coder);
  }

  /** Reads everything into a list (for small outputs such as ellipse fits and failures). */
  public static <T> List<T> readAll(Path dir, String prefix, Coder<T> coder) throws IOException {
    List<T> out = new ArrayList<>();
    try (ShardReader<T> r = open(dir, prefix, coder)) {
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
      while (true) {
        if (in == null) {
          if (next >= files.size()) {
            return false;
          }
          in = new DataInputStream(new BufferedInputStream(Files.newInputStream(
              files.get(next++)), 1 << 16));
        }
        int length;
        try {
          length = in.readInt();
        } catch (EOFException e) {
          in.close();
          in = null;
          continue;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        pending = CoderUtils.decodeFromByteArray(coder, bytes);
        return true;
      }
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
    if (in != null) {
      in.close();
      in = null;
    }
  }
}
