package org.darkflight.pipeline.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;

/**
 * {@code output_manifest.json} (spec §4.7): event id, production time, every artifact with its
 * path (relative to the output directory), SHA-256, type and size, the KML summary and the
 * provenance hash. Schema: {@code schemas/output_manifest.schema.json}.
 */
public final class OutputManifest {

  /** File name. */
  public static final String FILE = "output_manifest.json";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/output_manifest.schema.json";
  /** Version of the run stage; part of the provenance hash. */
  public static final String STAGE_VERSION = "darkflight-run/1";

  /** One artifact. */
  public record Artifact(String path, String sha256, String type, long bytes) {}

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

  /** Writes the manifest (canonical JSON: sorted keys, fixed layout). */
  public static void write(Path target, String eventId, Instant producedUtc,
      List<Artifact> artifacts, int kmlFeatures, int kmlEllipses, String provenanceHash,
      Map<String, Object> run) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("$schema", SCHEMA_ID);
    root.put("event_id", eventId);
    root.put("produced_utc", producedUtc.toString());
    ArrayNode arr = root.putArray("artifacts");
    for (Artifact a : artifacts) {
      ObjectNode o = arr.addObject();
      o.put("path", a.path());
      o.put("sha256", a.sha256());
      o.put("type", a.type());
      o.put("bytes", a.bytes());
    }
    ObjectNode kml = root.putObject("kml_summary");
    kml.put("features", kmlFeatures);
    kml.put("ellipses", kmlEllipses);
    root.put("provenance_hash", provenanceHash);
    root.set("run", Json.mapper().valueToTree(run));
    AtomicFiles.write(target, Json.toCanonicalBytes(root));
  }
}
