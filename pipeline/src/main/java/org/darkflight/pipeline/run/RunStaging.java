package org.darkflight.pipeline.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.darkflight.io.FileTrees;
import org.darkflight.io.WriteBoundaries;

/**
 * A run directory that is all of one run or visibly not finished (issue 19 §4). A command writes
 * its whole output into a staging directory next to {@code --out}
 * ({@code .NAME.staging-PID}) and {@link #publish()}es it: the previous run is renamed aside
 * ({@code .NAME.old-PID}), the staging directory renamed to {@code --out} (one atomic rename on
 * the same file system), and the previous run removed. A run killed at any point leaves either
 * the previous complete run or the new complete run at {@code --out}, plus leftovers under
 * hidden sibling names that the next run into the same {@code --out} sweeps ({@link #begin}):
 * staging and old directories of processes no longer alive, {@code .darkflight-shards-*} work
 * directories and {@code *.tmp} files inside {@code --out}.
 */
public final class RunStaging {

  private static final String STAGING = ".staging-";
  static final String OLD = ".old-";

  private final Path out;
  private final Path staging;
  private final Path old;

  private RunStaging(Path out, Path staging, Path old) {
    this.out = out;
    this.staging = staging;
    this.old = old;
  }

  /**
   * Sweeps leftovers of killed runs into {@code out}, then creates an empty staging directory
   * for this process next to it.
   */
  public static RunStaging begin(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    Path parent = target.getParent();
    if (parent == null) {
      throw new IOException("--out " + out + " has no parent directory to stage in");
    }
    Files.createDirectories(parent);
    sweep(target);
    long pid = ProcessHandle.current().pid();
    String name = target.getFileName().toString();
    Path staging = parent.resolve("." + name + STAGING + pid);
    FileTrees.delete(staging);
    Files.createDirectory(staging);
    return new RunStaging(target, staging, parent.resolve("." + name + OLD + pid));
  }

  /** Where this run writes. */
  public Path dir() {
    return staging;
  }

  /** The published directory ({@code --out}). */
  public Path out() {
    return out;
  }

  /** Text with the staging path replaced by the published one (for printed paths). */
  public String published(String text) {
    return text.replace(staging.toString(), out.toString());
  }

  /**
   * Publishes the staged run at {@code --out}: the previous content is moved aside, the staging
   * directory renamed into place, the previous content removed.
   */
  public void publish() throws IOException {
    sweepInside(staging);
    boolean hadOld = Files.exists(out);
    if (hadOld) {
      WriteBoundaries.reached("rename " + out + " to " + old);
      move(out, old);
    }
    try {
      WriteBoundaries.reached("rename " + staging + " to " + out);
      move(staging, out);
    } catch (IOException e) {
      if (hadOld) {
        move(old, out); // put the previous run back
      }
      throw e;
    }
    if (hadOld) {
      WriteBoundaries.reached("delete " + old);
      FileTrees.delete(old);
    }
  }

  /**
   * Removes the published directory, if any: renamed aside in one step, then deleted (a kill
   * in between leaves it under the hidden old name, which the next {@link #begin} handles).
   */
  public void withdraw() throws IOException {
    if (Files.exists(out)) {
      WriteBoundaries.reached("rename " + out + " to " + old);
      move(out, old);
      WriteBoundaries.reached("delete " + old);
      FileTrees.delete(old);
    }
  }

  /** Removes the staging directory (a failed run publishes nothing). */
  public void abandon() {
    try {
      FileTrees.delete(staging);
    } catch (IOException ignored) {
      // the next run sweeps it
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + from + " to " + to + " atomically: " + e, e);
    }
  }

  /**
   * Removes what killed runs into {@code out} left: their staging and old directories (only of
   * processes no longer alive; a killed run's old directory is restored when {@code out} is
   * missing, since it was complete), shard work directories and temporary files.
   */
  static void sweep(Path out) throws IOException {
    Path parent = out.getParent();
    String prefix = "." + out.getFileName();
    List<Path> olds = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, prefix + ".*")) {
      for (Path p : s) {
        String rest = p.getFileName().toString().substring(prefix.length());
        Optional<Long> pid = pidAfter(rest);
        if (pid.isEmpty() || ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive)
            .orElse(false)) {
          continue;
        }
        if (rest.startsWith(OLD)) {
          olds.add(p);
        } else {
          FileTrees.delete(p);
        }
      }
    }
    for (Path p : olds) {
      if (!Files.exists(out)) {
        move(p, out);
      } else {
        FileTrees.delete(p);
      }
    }
    if (Files.isDirectory(out)) {
      sweepInside(out);
    }
  }

  /** Shard work directories and temporary files directly inside a run directory. */
  private static void sweepInside(Path dir) throws IOException {
    List<Path> junk = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        String n = p.getFileName().toString();
        if (n.startsWith(".darkflight-shards-") || n.endsWith(".tmp")) {
          junk.add(p);
        }
      }
    }
    for (Path p : junk) {
      FileTrees.delete(p);
    }
  }

  private static Optional<Long> pidAfter(String rest) {
    String digits;
    if (rest.startsWith(STAGING)) {
      digits = rest.substring(STAGING.length());
    } else if (rest.startsWith(OLD)) {
      digits = rest.substring(OLD.length());
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
