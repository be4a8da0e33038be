package org.darkflight.analysis.atmos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfileDocument.AtmosMeta;
import org.darkflight.io.atmos.AtmosProfileDocument.Location;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.atmos.ProfileLevel;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.radiosonde.SoundingUnits;

/**
 * Writes the AtmoFusion artifacts of one {@link FusedProfile}: {@code atmos_profile.json}
 * (through IO's canonical {@link AtmosProfiles} writer), {@code wind_profile_compiled.json},
 * {@code vertical_grid.json} and {@code atmos_qc.json}. Every document is built and validated
 * against its schema first; only then is anything written (each file atomically), so a failure
 * leaves no partial set. Output is deterministic: no wall-clock time, sorted keys, fixed rounding.
 */
public final class AtmosOutputs {

  public static final String SCHEMA_VERSION = "1.0";
  public static final String ATMOS_PROFILE = "atmos_profile.json";
  public static final String WIND_PROFILE = "wind_profile_compiled.json";
  public static final String VERTICAL_GRID = "vertical_grid.json";
  public static final String QC = "atmos_qc.json";

  private AtmosOutputs() {}

  /** Provenance block shared by the outputs. */
  public static ObjectNode provenance(FusedProfile p) {
    ObjectNode prov = Json.mapper().createObjectNode();
    prov.put("source", "AtmoFusion of " + p.sources().size() + " source(s)");
    prov.put("producer", "darkflight atmos (" + p.strategy() + ")");
    prov.put("notes", "grid from " + p.gridSource() + "; see atmos_qc.json for fills, overrides "
        + "and outliers");
    ArrayNode inputs = prov.putArray("inputs");
    for (SourceSummary s : p.sources()) {
      String sha = sha256(Path.of(s.path()));
      if (sha != null) {
        ObjectNode in = inputs.addObject();
        in.put("path", Path.of(s.path()).getFileName().toString());
        in.put("sha256", sha);
      }
    }
    return prov;
  }

  /** The canonical atmos profile (IO's {@link AtmosProfile}) of a fused profile. */
  public static AtmosProfile atmosProfile(FusedProfile p) {
    List<ObjectNode> sources = new ArrayList<>();
    for (ObjectNode s : sourcesTree(p)) {
      ObjectNode c = Json.mapper().createObjectNode();
      c.put("name", s.get("name").asText());
      c.put("kind", s.get("kind").asText());
      c.put("time_utc", s.get("time_utc").asText());
      c.put("path", s.get("path").asText());
      if (s.has("sha256")) {
        c.put("sha256", s.get("sha256").asText());
      }
      sources.add(c);
    }
    AtmosMeta meta = new AtmosMeta(AtmosProfiles.SCHEMA_VERSION, p.profileTime(),
        new Location(p.latDeg(), p.lonDeg(), null, null), new java.util.TreeMap<>(
            AtmosProfiles.canonicalUnits()), provenance(p), sources);
    List<ProfileLevel> levels = new ArrayList<>();
    for (FusedLevel l : p.levels()) {
      levels.add(new ProfileLevel(l.toAtmosLevel(), l.source(), l.qcFlags()));
    }
    return new AtmosProfile(meta, levels);
  }

  private static List<ObjectNode> sourcesTree(FusedProfile p) {
    List<ObjectNode> out = new ArrayList<>();
    for (SourceSummary s : p.sources()) {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("name", s.name());
      n.put("kind", s.kind());
      n.put("path", Path.of(s.path()).getFileName().toString());
      n.put("time_utc", s.validTime().toString());
      n.set("time_offset_s", Json.roundedNode(s.timeOffsetS(), 1));
      n.set("distance_km", Json.roundedNode(s.distanceKm(), 3));
      n.set("bottom_m", Json.roundedNode(s.bottomM(), 3));
      n.set("top_m", Json.roundedNode(s.topM(), 3));
      String sha = sha256(Path.of(s.path()));
      if (sha != null) {
        n.put("sha256", sha);
      }
      ObjectNode md = n.putObject("metadata");
      new java.util.TreeMap<>(s.metadata()).forEach(md::put);
      out.add(n);
    }
    return out;
  }

  private static ObjectNode location(FusedProfile p) {
    ObjectNode loc = Json.mapper().createObjectNode();
    loc.set("lat", Json.roundedNode(p.latDeg(), 6));
    loc.set("lon", Json.roundedNode(p.lonDeg(), 6));
    return loc;
  }

  /** {@code wind_profile_compiled.json}. */
  public static ObjectNode windProfileTree(FusedProfile p, String eventId) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", JsonSchemas.ID_PREFIX + "wind_profile_compiled.schema.json");
    ObjectNode meta = root.putObject("meta");
    meta.put("schema_version", SCHEMA_VERSION);
    meta.put("event_id", eventId);
    meta.put("profile_time_utc", p.profileTime().toString());
    meta.set("location", location(p));
    meta.put("strategy", p.strategy());
    meta.put("grid_source", p.gridSource());
    ObjectNode units = meta.putObject("units");
    for (String k : List.of("altitude_m", "wind_u_mps", "wind_v_mps", "wind_w_mps",
        "sigma_u_mps", "sigma_v_mps", "wind_speed_mps")) {
      units.put(k, k.equals("altitude_m") ? "m" : "m/s");
    }
    units.put("wind_dir_deg", "deg");
    meta.set("provenance", provenance(p));
    ArrayNode srcs = meta.putArray("sources");
    sourcesTree(p).forEach(srcs::add);
    ArrayNode levels = root.putArray("levels");
    for (FusedLevel l : p.levels()) {
      ObjectNode n = levels.addObject();
      n.set("altitude_m", Json.roundedNode(l.altitudeM(), 3));
      n.set("wind_u_mps", Json.roundedNode(l.windUMps(), 4));
      n.set("wind_v_mps", Json.roundedNode(l.windVMps(), 4));
      n.set("wind_w_mps", Json.roundedNode(l.windWMps(), 4));
      n.set("sigma_u_mps", Json.roundedNode(l.sigmaUMps(), 4));
      n.set("sigma_v_mps", Json.roundedNode(l.sigmaVMps(), 4));
      n.set("wind_speed_mps", Json.roundedNode(Math.hypot(l.windUMps(), l.windVMps()), 4));
      double dir = SoundingUnits.directionFromDeg(l.windUMps(), l.windVMps());
      n.set("wind_dir_deg", Json.roundedNode(dir >= 359.995 ? 0.0 : dir, 2));
      n.put("source", l.source());
      ArrayNode f = n.putArray("qc_flags");
      l.qcFlags().forEach(f::add);
    }
    return root;
  }

  private static ObjectNode state(FusedLevel l) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.set("altitude_m", Json.roundedNode(l.altitudeM(), 3));
    s.set("pressure_Pa", Json.significantNode(l.pressurePa(), 7));
    s.set("temperature_K", Json.roundedNode(l.temperatureK(), 4));
    s.set("density_kg_m3", Json.significantNode(l.densityKgM3(), 7));
    s.set("wind_u_mps", Json.roundedNode(l.windUMps(), 4));
    s.set("wind_v_mps", Json.roundedNode(l.windVMps(), 4));
    return s;
  }

  /** {@code vertical_grid.json}: the grid and the legacy slices, top-down. */
  public static ObjectNode verticalGridTree(FusedProfile p, String eventId) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", JsonSchemas.ID_PREFIX + "vertical_grid.schema.json");
    ObjectNode meta = root.putObject("meta");
    meta.put("schema_version", SCHEMA_VERSION);
    meta.put("event_id", eventId);
    meta.put("profile_time_utc", p.profileTime().toString());
    meta.put("grid_source", p.gridSource());
    ObjectNode units = meta.putObject("units");
    units.put("altitude_m", "m");
    units.put("pressure_Pa", "Pa");
    units.put("temperature_K", "K");
    units.put("density_kg_m3", "kg/m3");
    units.put("wind_u_mps", "m/s");
    units.put("wind_v_mps", "m/s");
    meta.set("provenance", provenance(p));
    ArrayNode alts = root.putArray("altitudes_m");
    List<FusedLevel> ls = p.levels();
    ls.forEach(l -> alts.add(Json.roundedNode(l.altitudeM(), 3)));
    ArrayNode slices = root.putArray("slices");
    int n = ls.size();
    for (int k = 0; k < n - 1; k++) {
      FusedLevel top = ls.get(n - 1 - k);
      FusedLevel bottom = ls.get(n - 2 - k);
      ObjectNode s = slices.addObject();
      s.put("index", k);
      s.set("top_m", Json.roundedNode(top.altitudeM(), 3));
      s.set("bottom_m", Json.roundedNode(bottom.altitudeM(), 3));
      s.set("thickness_m", Json.roundedNode(top.altitudeM() - bottom.altitudeM(), 3));
      s.set("top", state(top));
      s.set("bottom", state(bottom));
    }
    return root;
  }

  /** {@code atmos_qc.json}. */
  public static ObjectNode qcTree(FusedProfile p, String eventId) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("$schema", JsonSchemas.ID_PREFIX + "atmos_qc.schema.json");
    ObjectNode meta = root.putObject("meta");
    meta.put("schema_version", SCHEMA_VERSION);
    meta.put("event_id", eventId);
    meta.put("profile_time_utc", p.profileTime().toString());
    meta.set("provenance", provenance(p));
    root.put("status", p.hasWarnings() ? "warnings" : "ok");
    ArrayNode arr = root.putArray("annotations");
    for (QcAnnotation a : p.annotations()) {
      ObjectNode n = arr.addObject();
      n.put("code", a.code());
      n.put("severity", a.severity());
      n.set("altitude_min_m", Json.roundedNode(a.altitudeMinM(), 3));
      n.set("altitude_max_m", Json.roundedNode(a.altitudeMaxM(), 3));
      n.put("source", a.source());
      n.put("message", a.message());
    }
    return root;
  }

  /**
   * Builds, validates and writes all four artifacts into {@code dir}.
   *
   * @return the paths written
   * @throws IllegalStateException if a document fails its own schema (a bug; nothing written)
   */
  public static List<Path> writeAll(Path dir, FusedProfile p, String eventId) throws IOException {
    Map<String, byte[]> docs = new LinkedHashMap<>();
    docs.put(ATMOS_PROFILE, Json.toCanonicalBytes(AtmosProfiles.toTree(atmosProfile(p))));
    docs.put(WIND_PROFILE, checked(windProfileTree(p, eventId), "wind_profile_compiled"));
    docs.put(VERTICAL_GRID, checked(verticalGridTree(p, eventId), "vertical_grid"));
    docs.put(QC, checked(qcTree(p, eventId), "atmos_qc"));
    List<Path> out = new ArrayList<>();
    for (Map.Entry<String, byte[]> e : docs.entrySet()) {
      Path target = dir.resolve(e.getKey());
      AtomicFiles.write(target, e.getValue());
      out.add(target);
    }
    return out;
  }

  private static byte[] checked(ObjectNode tree, String schema) throws IOException {
    List<JsonSchemas.Violation> v = JsonSchemas.violations(tree, schema);
    if (!v.isEmpty()) {
      throw new IllegalStateException(schema + " output fails its schema at " + v.get(0).pointer()
          + ": " + v.get(0).reason());
    }
    return Json.toCanonicalBytes(tree);
  }

  private static String sha256(Path file) {
    try {
      return org.darkflight.io.Hashing.sha256Hex(file);
    } catch (IOException e) {
      return null;
    }
  }
}
