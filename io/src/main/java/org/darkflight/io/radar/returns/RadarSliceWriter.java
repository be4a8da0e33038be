package org.darkflight.io.radar.returns;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

  /** Units of the slice's quantities, for {@code meta.units}. */
  public static final Map<String, String> UNITS = Map.of("angles", "deg", "distances", "m",
      "altitude", "m above the WGS84 ellipsoid (treated as MSL)");

  /** The slice document of one return (inputs hashed now). */
  public static RadarSliceDocument document(GeolocatedReturn g, ArtifactMeta meta)
      throws IOException {
    RadarReturn r = g.radarReturn();
    RadarObservation o = r.observation();
    RadarFix f = g.fix();
    return new RadarSliceDocument(meta.block(MODEL, UNITS), r.id(),
        new RadarSliceDocument.Site(o.site().id(), o.site().latitudeDeg(),
            o.site().longitudeDeg(), o.site().antennaHeightM()),
        o.timeUtc(),
        new RadarSliceDocument.Measured(o.elevationDeg(), o.azimuthDeg(), o.slantRangeM(),
            o.beamWidthDeg(), o.gateLengthM(),
            Double.isNaN(r.reflectivityDbz()) ? null : r.reflectivityDbz(), r.confidence(),
            r.volumeTimeUtc(), r.notes()),
        new RadarSliceDocument.Position(f.latitudeDeg(), f.longitudeDeg(), f.heightM(),
            f.groundRangeM(), f.radialAzimuthDeg()),
        new RadarSliceDocument.Uncertainty(f.sigmaHeightM(), f.sigmaAlongM(), f.sigmaCrossM(),
            f.covHeightAlongM2(), f.beamBottomM(), f.beamTopM(),
            Arrays.stream(f.covarianceEnuM2()).map(row -> Arrays.stream(row).boxed().toList())
                .toList()));
  }

  /** Serialised bytes of a slice (canonical: sorted keys, UTF-8, trailing newline). */
  public static byte[] toBytes(RadarSliceDocument slice) throws IOException {
    return Json.toCanonicalBytes(slice);
  }

  /**
   * Writes one file per return into {@code dir} (atomically each) and returns their paths.
   * Build every document first, so nothing is written when one fails.
   */
  public static List<Path> writeAll(Path dir, List<GeolocatedReturn> returns, ArtifactMeta meta)
      throws IOException {
    List<byte[]> docs = new ArrayList<>();
    for (GeolocatedReturn g : returns) {
      docs.add(toBytes(document(g, meta)));
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
