package org.darkflight.pipeline.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.darkflight.io.json.Json;
import org.darkflight.io.meta.CanonicalMeta;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.run.OutputManifestDocument;

/**
 * {@code output_manifest.json} (docs/ensemble.md): event id, production time, every artifact with its
 * path (relative to the output directory), SHA-256, type and size, the KML summary and the
 * provenance hash, as the typed document {@link OutputManifestDocument}. Schema:
 * {@code schemas/output_manifest.schema.json}.
 */
public final class OutputManifest {

  /** File name. */
  public static final String FILE = OutputManifestDocument.FILE;
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = OutputManifestDocument.SCHEMA_ID;
  /** Version of the run stage; part of the provenance hash. */
  public static final String STAGE_VERSION = "darkflight-run/1";

  /** One artifact. */
  public record Artifact(String path, String sha256, String type, long bytes) {
    /** As an entry of the manifest document. */
    public OutputManifestDocument.Artifact toDocument() {
      return new OutputManifestDocument.Artifact(path, sha256, type, bytes);
    }
  }

  private OutputManifest() {}

  /**
   * The provenance hash: SHA-256 of the stage version and the (role, SHA-256) of every input,
   * one per line in role order, so the same inputs give the same hash on any machine.
   */
  public static String provenanceHash(Map<String, String> inputSha256) {
    StringBuilder sb = new StringBuilder(STAGE_VERSION).append('\n');
    inputSha256.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
    return org.darkflight.io.Hashing.sha256Hex(sb.toString());
  }

  /** The manifest document. */
  public static OutputManifestDocument document(String eventId, Instant producedUtc,
      List<Artifact> artifacts, int kmlFeatures, int kmlEllipses, String provenanceHash,
      OutputManifestDocument.RunSection run, List<InputRef> inputs) {
    return document(eventId, producedUtc, artifacts,
        new OutputManifestDocument.KmlSummary(kmlFeatures, kmlEllipses), provenanceHash, run,
        inputs);
  }

  /**
   * The manifest document; {@code kml} null when the run wrote no KML ({@code [output]
   * kml_generate = false}), and then the manifest has no {@code kml_summary}.
   */
  public static OutputManifestDocument document(String eventId, Instant producedUtc,
      List<Artifact> artifacts, OutputManifestDocument.KmlSummary kml, String provenanceHash,
      OutputManifestDocument.RunSection run, List<InputRef> inputs) {
    return new OutputManifestDocument(SCHEMA_ID, eventId, producedUtc.toString(),
        artifacts.stream().map(Artifact::toDocument).toList(), kml, provenanceHash, run,
        null, CanonicalMeta.of(OutputManifestDocument.SCHEMA, OutputManifestDocument.SCHEMA_VERSION,
            producedUtc, eventId, inputs));
  }

  /** Writes the manifest (canonical JSON: sorted keys, fixed layout). */
  public static void write(Path target, String eventId, Instant producedUtc,
      List<Artifact> artifacts, int kmlFeatures, int kmlEllipses, String provenanceHash,
      OutputManifestDocument.RunSection run, List<InputRef> inputs) throws IOException {
    document(eventId, producedUtc, artifacts, kmlFeatures, kmlEllipses, provenanceHash, run,
        inputs).write(target);
  }

  /** Writes the manifest; {@code kml} null when no KML was written (no {@code kml_summary}). */
  public static void write(Path target, String eventId, Instant producedUtc,
      List<Artifact> artifacts, OutputManifestDocument.KmlSummary kml, String provenanceHash,
      OutputManifestDocument.RunSection run, List<InputRef> inputs) throws IOException {
    document(eventId, producedUtc, artifacts, kml, provenanceHash, run, inputs).write(target);
  }

  /**
   * Writes the manifest with a {@code run} object given as a map of the fields of one of the
   * {@link OutputManifestDocument.RunSection} records (bound strictly: an unknown field is a bug).
   */
  public static void write(Path target, String eventId, Instant producedUtc,
      List<Artifact> artifacts, int kmlFeatures, int kmlEllipses, String provenanceHash,
      Map<String, Object> run, List<InputRef> inputs) throws IOException {
    write(target, eventId, producedUtc, artifacts, kmlFeatures, kmlEllipses, provenanceHash,
        Json.mapper().convertValue(run, OutputManifestDocument.RunSection.class), inputs);
  }
}
