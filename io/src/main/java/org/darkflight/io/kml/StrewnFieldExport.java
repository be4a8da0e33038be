package org.darkflight.io.kml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.darkflight.io.Hashing;
import org.darkflight.io.geo.ArtifactRef;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.MassClasses;
import org.darkflight.io.geo.RunInfo;
import org.darkflight.io.geo.TrajectoryLine;
import org.darkflight.io.geojson.StrewnFieldPointsWriter;
import org.darkflight.io.geojson.UncertaintyEllipsesWriter;

/**
 * Writes the four geospatial outputs of a run into one directory: {@value GeoSchemas#POINTS_FILE},
 * {@value GeoSchemas#ELLIPSES_FILE}, {@value GeoSchemas#KML_FILE} and {@value GeoSchemas#KMZ_FILE};
 * the GeoJSON pair or the KML/KMZ pair can be left out ({@code [output] geojson_generate},
 * {@code kml_generate}, docs/operations.md), and then nothing lists them.
 *
 * <p>The points are iterated twice (first for the KML subset and the mass-class checks, then
 * streamed into the GeoJSON), so they come as an {@link Iterable} that yields the same sequence
 * each time. Everything that can be checked is checked before the first file is written; each
 * file is written atomically.
 */
public final class StrewnFieldExport {

  /** One written file with its size and SHA-256, for {@code output_manifest.json}. */
  public record WrittenFile(Path path, String sha256, long bytes, String type) {}

  /**
   * What was written.
   *
   * @param files         the files written, in order (only those written)
   * @param landingPoints landing points of the run
   * @param kml           the KML's summary, or null when no KML was written
   */
  public record Result(List<WrittenFile> files, long landingPoints, KmlSummary kml) {}

  private final GeoOutputOptions options;
  private final boolean geojson;
  private final boolean kml;

  /** An export writing all four files. */
  public StrewnFieldExport(GeoOutputOptions options) {
    this(options, true, true);
  }

  /**
   * An export writing the GeoJSON pair (points, ellipses) only when {@code geojson}, the KML and
   * KMZ only when {@code kml}.
   */
  public StrewnFieldExport(GeoOutputOptions options, boolean geojson, boolean kml) {
    this.options = Objects.requireNonNull(options, "options");
    this.geojson = geojson;
    this.kml = kml;
  }

  /** Writes the four files into {@code dir} (created if needed). */
  public Result write(Path dir, RunInfo run, MassClasses classes, Iterable<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories) throws IOException {
    return write(dir, run, classes, points, ellipses, trajectories, List.of(), Map.of(),
        List.of());
  }

  /** {@link #write(Path, RunInfo, MassClasses, Iterable, List, List)} with extra KML folders. */
  public Result write(Path dir, RunInfo run, MassClasses classes, Iterable<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories,
      List<KmlPointFolder> extraKmlFolders) throws IOException {
    return write(dir, run, classes, points, ellipses, trajectories, List.of(), Map.of(),
        extraKmlFolders);
  }

  /**
   * Writes the four files into {@code dir}, with heatmap ground overlays in the KML's "Heatmap"
   * folder and {@code media} (KMZ path → bytes: the overlay images and
   * {@link StrewnFieldKml#HEATMAP_LEGEND_PATH}) added to the KMZ.
   */
  public Result write(Path dir, RunInfo run, MassClasses classes, Iterable<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories,
      List<KmlGroundOverlay> heatmap, Map<String, byte[]> media) throws IOException {
    return write(dir, run, classes, points, ellipses, trajectories, heatmap, media, List.of());
  }

  /** All of the above: heatmap overlays with their KMZ media, and extra KML folders. */
  public Result write(Path dir, RunInfo run, MassClasses classes, Iterable<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories,
      List<KmlGroundOverlay> heatmap, Map<String, byte[]> media,
      List<KmlPointFolder> extraKmlFolders) throws IOException {
    Objects.requireNonNull(points, "points");
    KmlProduct product = new StrewnFieldKml(options).build(run, classes, points.iterator(),
        ellipses, trajectories, heatmap, extraKmlFolders);
    List<WrittenFile> files = new ArrayList<>();
    List<ArtifactRef> siblings = new ArrayList<>();
    long n = product.summary().landingPointsTotal();
    if (geojson) {
      Path pointsFile = dir.resolve(GeoSchemas.POINTS_FILE);
      long written = new StrewnFieldPointsWriter(options).write(pointsFile, run,
          points.iterator());
      if (written != n) {
        throw new IllegalStateException("the points iterable gave " + n
            + " points on the first pass and " + written + " on the second");
      }
      Path ellipsesFile = dir.resolve(GeoSchemas.ELLIPSES_FILE);
      new UncertaintyEllipsesWriter(options).write(ellipsesFile, run, ellipses);
      WrittenFile pointsWritten = describe(pointsFile, "geojson");
      WrittenFile ellipsesWritten = describe(ellipsesFile, "geojson");
      files.add(pointsWritten);
      files.add(ellipsesWritten);
      siblings.add(new ArtifactRef(GeoSchemas.POINTS_FILE, pointsWritten.sha256()));
      siblings.add(new ArtifactRef(GeoSchemas.ELLIPSES_FILE, ellipsesWritten.sha256()));
    }
    if (kml) {
      Path kmlFile = dir.resolve(GeoSchemas.KML_FILE);
      product.writeKml(kmlFile);
      Path kmzFile = dir.resolve(GeoSchemas.KMZ_FILE);
      product.writeKmz(kmzFile, media, siblings);
      files.add(describe(kmlFile, "kml"));
      files.add(describe(kmzFile, "kmz"));
    }
    return new Result(List.copyOf(files), n, kml ? product.summary() : null);
  }

  /** Size and SHA-256 of a file. */
  public static WrittenFile describe(Path file, String type) throws IOException {
    return new WrittenFile(file, Hashing.sha256Hex(file), Files.size(file), type);
  }
}
