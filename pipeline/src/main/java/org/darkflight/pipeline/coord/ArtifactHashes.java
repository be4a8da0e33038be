package org.darkflight.pipeline.coord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.InputException;

/**
 * What a run knows about an event's artifacts so far: the SHA-256 of each one present (the
 * user's inputs, the outputs of finished stages), and the optional outputs a finished stage did
 * not write. Iterates in role-name order, the order of the provenance graph and the manifest.
 */
final class ArtifactHashes {

  /** Role-name order. */
  static final Comparator<ArtifactId> BY_ROLE = Comparator.comparing(ArtifactId::role);

  private final SortedMap<ArtifactId, String> sha256 = new TreeMap<>(BY_ROLE);
  private final Set<ArtifactId> absent = EnumSet.noneOf(ArtifactId.class);

  private ArtifactHashes() {}

  /**
   * The hashes of the user's inputs present in the raw directory.
   *
   * @throws InputException if one cannot be read
   */
  static ArtifactHashes ofRawInputs(ProjectLayout layout) throws InputException {
    ArtifactHashes h = new ArtifactHashes();
    for (ArtifactId a : ArtifactId.values()) {
      if (a.raw()) {
        Path p = a.path(layout);
        if (ArtifactFiles.exists(a, p)) {
          try {
            h.sha256.put(a, ArtifactFiles.sha256(a, p));
          } catch (IOException e) {
            throw new InputException(p, "", "cannot read: " + e.getMessage(), e);
          }
        }
      }
    }
    return h;
  }

  /** A copy, to add to without changing this one. */
  ArtifactHashes copy() {
    ArtifactHashes h = new ArtifactHashes();
    h.sha256.putAll(sha256);
    h.absent.addAll(absent);
    return h;
  }

  /** The SHA-256 of an artifact present, or null. */
  String get(ArtifactId a) {
    return sha256.get(a);
  }

  /** Whether the artifact is present (its hash is known). */
  boolean has(ArtifactId a) {
    return sha256.containsKey(a);
  }

  /** Whether a finished stage left this optional output out. */
  boolean absent(ArtifactId a) {
    return absent.contains(a);
  }

  /** Records an artifact's hash. */
  void put(ArtifactId a, String sha) {
    sha256.put(a, sha);
  }

  /** Forgets an artifact (one not published after all). */
  void remove(ArtifactId a) {
    sha256.remove(a);
  }

  /** Records a finished stage: the hashes of its outputs, and the declared ones it left out. */
  void noteStage(Stage s, Map<ArtifactId, String> outputs) {
    sha256.putAll(outputs);
    for (Stage.Port o : s.outputs()) {
      if (!outputs.containsKey(o.id())) {
        absent.add(o.id());
      }
    }
  }

  /** Every artifact present with its hash, in role-name order. */
  SortedMap<ArtifactId, String> present() {
    return Collections.unmodifiableSortedMap(sha256);
  }
}
