package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;
import org.darkflight.physics.radar.RadarFix;
import org.darkflight.physics.radar.RadarObservation;

/**
 * Writes {@code radar_slices/<return id>.json} ({@code schemas/radar_slice.schema.json}): one
 * geolocated return per file, as the spec's Ingestor emits them.
 */
public final class RadarSliceWriter {

  /** Schema version of radar_slice.json. */
  public static final String SCHEMA_VERSION = "1.0";
  /** The model statement recorded in every slice. */
  public static final String MODEL = "4/3 effective Earth radius (Doviak & Zrnic 1993, eqs."
      + " 2.28b-c; Earth radius = WGS84 normal-section radius at the site along the azimuth),"
      + " WGS84 geodesic direct problem (Karney 2013); sigma_theta = beam width / (4 sqrt(ln 2)),"
      + " sigma_r = gate / sqrt(12)";

  private RadarSliceWriter() {}

  /** The slice document of one return. */
  public static ObjectNode toJson(GeolocatedReturn g, ArtifactMeta meta) throws IOException {
    RadarReturn r = g.radarReturn();
    RadarObservation o = r.observation();
    RadarFix f = g.fix();
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode m = meta.toJson(MODEL);
    ObjectNode units = m.putObject("units");
    units.put("angles", "deg");
    units.put("distances", "m");
    units.put("altitude", "m above the WGS84 ellipsoid (treated as MSL)");
    root.set("meta", m);
    root.put("return_id", r.id());
    ObjectNode site = root.putObject("site");
    site.put("id", o.site().id());
    site.put("lat", o.site().latitudeDeg());
    site.put("lon", o.site().longitudeDeg());
    site.put("antenna_height_m", o.site().antennaHeightM());
    root.put("time_utc", o.timeUtc().toString());
    ObjectNode measured = root.putObject("measured");
    measured.put("elevation_deg", o.elevationDeg());
    measured.put("azimuth_deg", o.azimuthDeg());
    measured.put("slant_range_m", o.slantRangeM());
    measured.put("beam_width_deg", o.beamWidthDeg());
    measured.put("gate_length_m", o.gateLengthM());
    if (!Double.isNaN(r.reflectivityDbz())) {
      measured.put("reflectivity_dbz", r.reflectivityDbz());
    }
    measured.put("confidence", r.confidence());
    if (r.volumeTimeUtc() != null) {
      measured.put("volume_time_utc", r.volumeTimeUtc().toString());
    }
    if (r.notes() != null) {
      measured.put("notes", r.notes());
    }
    ObjectNode pos = root.putObject("position");
    pos.put("lat", f.latitudeDeg());
    pos.put("lon", f.longitudeDeg());
    pos.put("altitude_m", f.heightM());
    pos.put("ground_range_m", f.groundRangeM());
    pos.put("radial_azimuth_deg", f.radialAzimuthDeg());
    ObjectNode unc = root.putObject("uncertainty");
    unc.put("sigma_altitude_m", f.sigmaHeightM());
    unc.put("sigma_along_m", f.sigmaAlongM());
    unc.put("sigma_cross_m", f.sigmaCrossM());
    unc.put("cov_altitude_along_m2", f.covHeightAlongM2());
    unc.put("beam_bottom_m", f.beamBottomM());
    unc.put("beam_top_m", f.beamTopM());
    ArrayNode cov = unc.putArray("covariance_enu_m2");
    for (double[] row : f.covarianceEnuM2()) {
      ArrayNode a = cov.addArray();
      for (double v : row) {
        a.add(v);
      }
    }
    return root;
  }

  /** Serialised bytes of a slice (canonical: sorted keys, UTF-8, trailing newline). */
  public static byte[] toBytes(ObjectNode node) throws IOException {
    return Json.toCanonicalBytes(node);
  }

  /**
   * Writes one file per return into {@code dir} (atomically each) and returns their paths.
   * Build every document first, so nothing is written when one fails.
   */
  public static List<Path> writeAll(Path dir, List<GeolocatedReturn> returns, ArtifactMeta meta)
      throws IOException {
    List<byte[]> docs = new ArrayList<>();
    for (GeolocatedReturn g : returns) {
      docs.add(toBytes(toJson(g, meta)));
    }
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < returns.size(); i++) {
      Path p = dir.resolve(returns.get(i).radarReturn().id() + ".json");
      AtomicFiles.write(p, docs.get(i));
      paths.add(p);
    }
    return List.copyOf(paths);
  }
}
