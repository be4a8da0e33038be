package org.darkflight.io.kml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.darkflight.io.Hashing;
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
 * {@value GeoSchemas#ELLIPSES_FILE}, {@value GeoSchemas#KML_FILE} and {@value GeoSchemas#KMZ_FILE}.
 *
 * <p>The points are iterated twice (first for the KML subset and the mass-class checks, then
 * streamed into the GeoJSON), so they come as an {@link Iterable} that yields the same sequence
 * each time. Everything that can be checked is checked before the first file is written; each
 * file is written atomically.
 */
public final class StrewnFieldExport {

  /** One written file with its size and SHA-256, for {@code output_manifest.json}. */
  public record WrittenFile(Path path, String sha256, long bytes, String type) {}

  /** What was written. */
  public record Result(List<WrittenFile> files, long landingPoints, KmlSummary kml) {}

  private final GeoOutputOptions options;

  public StrewnFieldExport(GeoOutputOptions options) {
    this.options = Objects.requireNonNull(options, "options");
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
    KmlProduct kml = new StrewnFieldKml(options).build(run, classes, points.iterator(), ellipses,
        trajectories, heatmap, extraKmlFolders);
    Path pointsFile = dir.resolve(GeoSchemas.POINTS_FILE);
    long n = new StrewnFieldPointsWriter(options).write(pointsFile, run, points.iterator());
    if (n != kml.summary().landingPointsTotal()) {
      throw new IllegalStateException("the points iterable gave " + kml.summary()
          .landingPointsTotal() + " points on the first pass and " + n + " on the second");
    }
    Path ellipsesFile = dir.resolve(GeoSchemas.ELLIPSES_FILE);
    new UncertaintyEllipsesWriter(options).write(ellipsesFile, run, ellipses);
    Path kmlFile = dir.resolve(GeoSchemas.KML_FILE);
    kml.writeKml(kmlFile);
    Path kmzFile = dir.resolve(GeoSchemas.KMZ_FILE);
    kml.writeKmz(kmzFile, media);
    return new Result(List.of(describe(pointsFile, "geojson"), describe(ellipsesFile, "geojson"),
        describe(kmlFile, "kml"), describe(kmzFile, "kmz")), n, kml.summary());
  }

  /** Size and SHA-256 of a file. */
  public static WrittenFile describe(Path file, String type) throws IOException {
    return new WrittenFile(file, Hashing.sha256Hex(file), Files.size(file), type);
  }
}
