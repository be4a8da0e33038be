package org.darkflight.pipeline.coord;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.darkflight.io.Hashing;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.kml.KmlProduct;
import org.darkflight.io.run.OutputManifestDocument;

/**
 * The verdict of stage S8 written into the geo artifacts as they are published. The ensemble
 * stage writes them before any validation, with the validation status {@link #PENDING}; when S8
 * has not failed, the {@link Coordinator} publishes them with that text replaced by S8's status
 * ({@code passed} or {@code skipped: …}) everywhere it stands — GeoJSON {@code meta}, the KML's
 * provenance and descriptions, the KMZ's {@code doc.kml} and {@code README.txt} — and with the
 * SHA-256 that the KMZ README and the run manifest give for the rewritten files brought up to
 * date. The cached stage entries keep the pending text; only what is published is stamped.
 */
final class ValidationStamp {

  /**
   * The validation status the ensemble stage of {@code darkflight process} writes into its geo
   * artifacts. Only letters, digits, spaces and {@code :()} — no character JSON, XML or HTML
   * escape — so it stands verbatim in every format and can be replaced byte for byte.
   */
  static final String PENDING = "pending: stage S8 (validation) of darkflight process replaces "
      + "this with its verdict when it publishes this file";

  /** Characters a stamped status may hold: none that any of the formats escapes. */
  private static final java.util.regex.Pattern SAFE =
      java.util.regex.Pattern.compile("[A-Za-z0-9 :;,.()_/-]+");

  /** The geo artifacts stamped, in the order they are written. */
  static final List<ArtifactId> STAMPED = List.of(ArtifactId.STREWN_FIELD_POINTS,
      ArtifactId.UNCERTAINTY_ELLIPSES, ArtifactId.STREWN_FIELD_KML, ArtifactId.STREWN_FIELD_KMZ);

  /** The file name each stamped artifact has in the ensemble run's own manifest. */
  private static final Map<ArtifactId, String> RUN_NAMES = Map.of(
      ArtifactId.STREWN_FIELD_POINTS, GeoSchemas.POINTS_FILE,
      ArtifactId.UNCERTAINTY_ELLIPSES, GeoSchemas.ELLIPSES_FILE,
      ArtifactId.STREWN_FIELD_KML, GeoSchemas.KML_FILE,
      ArtifactId.STREWN_FIELD_KMZ, GeoSchemas.KMZ_FILE);

  private ValidationStamp() {}

  /**
   * The bytes of the held geo artifacts with {@code status} in place of {@link #PENDING}.
   *
   * @param held   the held artifacts and their cached files
   * @param status S8's status, e.g. {@code passed} or {@code skipped: no validation_spec.json}
   * @throws IOException when a file does not hold the pending status (not written by the
   *                     ensemble stage of process) or the status cannot stand verbatim
   */
  static Map<ArtifactId, byte[]> stamp(Map<ArtifactId, Path> held, String status)
      throws IOException {
    if (!SAFE.matcher(status).matches()) {
      throw new IOException("validation status '" + status + "' cannot be written into the "
          + "geo artifacts verbatim");
    }
    Map<ArtifactId, byte[]> out = new EnumMap<>(ArtifactId.class);
    Map<String, String> hashes = new LinkedHashMap<>();
    for (ArtifactId a : STAMPED) {
      Path f = held.get(a);
      if (f == null || a == ArtifactId.STREWN_FIELD_KMZ) {
        continue;
      }
      byte[] before = Files.readAllBytes(f);
      byte[] after = replace(before, a.role(), status, Map.of());
      out.put(a, after);
      hashes.put(Hashing.sha256Hex(before), Hashing.sha256Hex(after));
    }
    Path kmz = held.get(ArtifactId.STREWN_FIELD_KMZ);
    if (kmz != null) {
      out.put(ArtifactId.STREWN_FIELD_KMZ, stampKmz(Files.readAllBytes(kmz), status, hashes));
    }
    return out;
  }

  /**
   * The ensemble run's manifest with the SHA-256 and size of each stamped file; null when it
   * lists none of them.
   */
  static OutputManifestDocument runManifest(Path runManifest, Map<ArtifactId, byte[]> stamped)
      throws IOException {
    OutputManifestDocument doc;
    try {
      doc = OutputManifestDocument.read(runManifest);
    } catch (InputException e) {
      throw new IOException(e.getMessage(), e);
    }
    List<OutputManifestDocument.Artifact> artifacts = new ArrayList<>();
    boolean changed = false;
    for (OutputManifestDocument.Artifact a : doc.artifacts()) {
      OutputManifestDocument.Artifact next = a;
      for (Map.Entry<ArtifactId, byte[]> e : stamped.entrySet()) {
        if (RUN_NAMES.get(e.getKey()).equals(a.path())) {
          next = new OutputManifestDocument.Artifact(a.path(), Hashing.sha256Hex(e.getValue()),
              a.type(), e.getValue().length);
          changed = true;
        }
      }
      artifacts.add(next);
    }
    return changed ? doc.withArtifacts(artifacts) : null;
  }

  /**
   * Everything publication rewrites: the held geo artifacts stamped with {@code status}, and
   * the ensemble run's manifest ({@code runManifest}, null when none) with their new hashes
   * when it lists them. The same bytes whether a run publishes them or a dry run predicts
   * their hashes.
   */
  static Map<ArtifactId, byte[]> all(Map<ArtifactId, Path> held, Path runManifest,
      String status) throws IOException {
    Map<ArtifactId, byte[]> out = stamp(held, status);
    if (runManifest != null && Files.isRegularFile(runManifest)) {
      OutputManifestDocument doc = runManifest(runManifest, out);
      if (doc != null) {
        out.put(ArtifactId.RUN_MANIFEST, org.darkflight.io.json.Json.toCanonicalBytes(doc));
      }
    }
    return out;
  }

  /** The KMZ with its doc.kml and README.txt stamped (entries, order and times kept). */
  private static byte[] stampKmz(byte[] kmz, String status, Map<String, String> hashes)
      throws IOException {
    record Entry(String name, LocalDateTime time, byte[] bytes) {}
    List<Entry> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(kmz),
        StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(KmlProduct.KMZ_DOC)) {
          bytes = replace(bytes, "KMZ " + KmlProduct.KMZ_DOC, status, Map.of());
        } else if (e.getName().equals(KmlProduct.KMZ_README)) {
          bytes = replace(bytes, "KMZ " + KmlProduct.KMZ_README, status, hashes);
        }
        entries.add(new Entry(e.getName(), e.getTimeLocal(), bytes));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(kmz.length + 256);
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        ZipEntry z = new ZipEntry(e.name());
        z.setTimeLocal(e.time());
        zip.putNextEntry(z);
        zip.write(e.bytes());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** The text with the pending status (which must be there) and the given strings replaced. */
  private static byte[] replace(byte[] bytes, String what, String status,
      Map<String, String> more) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.contains(PENDING)) {
      throw new IOException(what + " does not carry the pending validation status");
    }
    text = text.replace(PENDING, status);
    for (Map.Entry<String, String> e : more.entrySet()) {
      text = text.replace(e.getKey(), e.getValue());
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
