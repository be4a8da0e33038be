package org.darkflight.io.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * Writes and reads the documents of {@code darkflight process} through the shared mapper
 * ({@link Json#toCanonicalBytes}: sorted keys, two-space indent, final newline), each file
 * atomically.
 */
public final class ProcessFiles {

  private ProcessFiles() {}

  /** The canonical bytes of a provenance graph (what its hash in the manifest is taken of). */
  public static byte[] bytes(ProvenanceGraph graph) throws IOException {
    return Json.toCanonicalBytes(graph);
  }

  /** Writes a provenance graph; returns the bytes written. */
  public static byte[] write(Path target, ProvenanceGraph graph) throws IOException {
    byte[] bytes = bytes(graph);
    AtomicFiles.write(target, bytes);
    return bytes;
  }

  /** Writes the DOT drawing of a provenance graph ({@link ProvenanceDot}). */
  public static void writeDot(Path target, ProvenanceGraph graph) throws IOException {
    AtomicFiles.write(target, ProvenanceDot.of(graph).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a model manifest. */
  public static void write(Path target, ModelManifest manifest) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(manifest));
  }

  /** Writes a validation status. */
  public static void write(Path target, ValidationStatus status) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(status));
  }

  /** Writes a stage cache record. */
  public static void write(Path target, StageRecord record) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(record));
  }

  /**
   * Reads a stage cache record.
   *
   * @throws InputException if the file is unreadable or not a stage record
   */
  public static StageRecord readStageRecord(Path file) throws InputException {
    return Binding.bind(JsonSchemas.read(file), StageRecord.class, file.toString());
  }

  /**
   * Reads a validation status.
   *
   * @throws InputException if the file is unreadable or not a validation status
   */
  public static ValidationStatus readValidationStatus(Path file) throws InputException {
    return Binding.bind(JsonSchemas.read(file), ValidationStatus.class, file.toString());
  }
}
