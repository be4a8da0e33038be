package org.darkflight.pipeline.coord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.process.ProcessFiles;
import org.darkflight.io.process.StageRecord;
import org.darkflight.pipeline.config.LayeredConfig;

/**
 * The content-addressed stage cache of one event under {@code cache/}.
 *
 * <p>Cache key of a stage = SHA-256 of the event id, its sorted {@code role=sha256} input lines,
 * its {@code stage_version} and the hash of the config sections it reads. A finished execution is
 * the directory {@code cache/<stage>/<key>/} holding the outputs and {@value #RECORD}; it is
 * built in a work directory {@code cache/<stage>/.tmp-<event>__…} and renamed into place in one
 * atomic move, so a killed run leaves either a whole entry or none. A hit copies the cached
 * outputs into the layout ({@link AtomicFiles}) without running anything.
 */
final class StageCache {

  /** Name of the cache entry's record. */
  static final String RECORD = StageRecord.FILE;

  private final ProjectLayout layout;

  StageCache(ProjectLayout layout) {
    this.layout = layout;
  }

  /**
   * The cache key of a stage, or null if an input's hash is not known yet (an upstream miss).
   * Optional inputs that are absent (not given by the user, not written by their stage) are left
   * out.
   *
   * @param inputs     what the stage reads
   * @param known      the hashes known so far
   * @param configHash hash of the config sections the stage reads
   * @throws InputException if a required user input is missing
   */
  String key(Stage s, List<Stage.Port> inputs, ArtifactHashes known, String configHash)
      throws InputException {
    List<String> lines = new ArrayList<>();
    for (Stage.Port in : inputs) {
      ArtifactId a = in.id();
      String h = known.get(a);
      if (h == null) {
        if (a.raw()) {
          if (in.optional()) {
            continue;
          }
          throw new InputException(a.path(layout), "", "missing input of stage " + s.id() + " "
              + s.name());
        }
        if (known.absent(a)) {
          continue;
        }
        return null;
      }
      lines.add(a.role() + "=" + h);
    }
    lines.sort(Comparator.naturalOrder());
    // The event id is part of the key: cached outputs carry it (file names, event_id fields),
    // so two events with identical inputs must not share an entry.
    String text = "event_id=" + layout.eventId() + "\n" + String.join("\n", lines) + "\n"
        + s.version() + "\n" + configHash;
    return LayeredConfig.sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The entry of a stage execution ({@code unknown} without a key). */
  Path entry(Stage s, String key) {
    return layout.cacheDir().resolve(s.name()).resolve(key == null ? "unknown" : key);
  }

  /** The record of a finished execution, if the cache has one. */
  Optional<StageRecord> finished(Stage s, String key) throws InputException {
    Path rec = entry(s, key).resolve(RECORD);
    return Files.isRegularFile(rec) ? Optional.of(ProcessFiles.readStageRecord(rec))
        : Optional.empty();
  }

  /** A fresh work directory for an execution of the stage. */
  Path begin(Stage s) throws IOException {
    Path stageDir = layout.cacheDir().resolve(s.name());
    Files.createDirectories(stageDir);
    return Files.createTempDirectory(stageDir, workPrefix());
  }

  /**
   * Finishes an execution: writes its record into the work directory and renames it to the
   * entry in one atomic move. If another run finished the same execution first, its entry is
   * kept (it is identical by construction).
   */
  void commit(Path work, Stage s, StageRecord record) throws IOException {
    ProcessFiles.write(work.resolve(RECORD), record);
    Path entry = entry(s, record.key());
    try {
      Files.move(work, entry, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      // Linux reports a rename onto a non-empty directory as a plain FileSystemException
      // ("Directory not empty"), not as DirectoryNotEmptyException: the entry decides.
      if (!Files.isRegularFile(entry.resolve(RECORD))) {
        throw e;
      }
    }
  }

  /** Deletes a work directory (what is left of it after a commit or a failure). */
  void abandon(Path work) throws IOException {
    org.darkflight.io.FileTrees.delete(work);
  }

  /**
   * Copies a cached output to its place in the layout, unless the same bytes are there (a
   * directory artifact file by file; see {@link ArtifactFiles#copy}).
   */
  void publish(Stage s, String key, ArtifactId a) throws IOException {
    ArtifactFiles.copy(a, entry(s, key).resolve(a.fileName(layout)), a.path(layout));
  }

  /**
   * Deletes this event's unfinished entries of the given stages (what a killed run leaves).
   * Call it only while holding the event's lock, so that no live run of the event is writing.
   */
  void sweepUnfinished(Collection<Stage> stages) throws IOException {
    for (Stage s : stages) {
      Path stageDir = layout.cacheDir().resolve(s.name());
      if (!Files.isDirectory(stageDir)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(stageDir)) {
        for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(workPrefix()))
            .toList()) {
          org.darkflight.io.FileTrees.delete(p);
        }
      }
    }
  }

  /**
   * Prefix of this event's unfinished cache entries in {@code cache/<stage>/}; event ids contain
   * no "__", so no other event's entries share it.
   */
  private String workPrefix() {
    return ".tmp-" + layout.eventId() + "__";
  }
}
