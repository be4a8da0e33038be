package org.darkflight.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.TrajectoryLine;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.uq.SensitivityDocument;

/**
 * Everything the report shows, read from a run's output directory ({@link RunDirectory}) plus the
 * nominal trajectories (computed by the pipeline from the run's inputs).
 *
 * @param eventId           event identifier (untrusted text)
 * @param producedUtc       the run's production time as written in {@code output_manifest.json}
 * @param meta              the provenance object {@code meta} of {@code strewn_field_points.geojson}
 * @param manifest          {@code output_manifest.json}
 * @param classLabels       mass-class labels, index 0 = lightest
 * @param points            the drawn landing points (a representative subset)
 * @param pointsPerClass    landing points per class in the whole run
 * @param shownPerClass     drawn landing points per class
 * @param subsetDescription how the drawn subset was chosen
 * @param ellipses          confidence ellipses
 * @param heatmaps          heatmap overlays
 * @param trajectories      nominal trajectories of representative fragments
 * @param trajectoryNote    why trajectories are missing, or null
 * @param luminousEnd       end of luminous flight, or null when unknown
 * @param sensitivity       {@code sensitivity.json}, or null when the run has none
 * @param searchPlan        the search plan ({@code search_areas.geojson}, {@code search_plan.gpx}),
 *                          or null when the run has none
 */
public record ReportData(String eventId, String producedUtc, JsonNode meta,
    OutputManifestDocument manifest,
    List<String> classLabels, List<Point> points, long[] pointsPerClass, int[] shownPerClass,
    String subsetDescription, List<Ellipse> ellipses, List<Heatmap> heatmaps,
    List<TrajectoryLine> trajectories, String trajectoryNote, LatLon luminousEnd,
    SensitivityDocument sensitivity, SearchPlanLayers searchPlan) {

  /** The data without a search plan. */
  public ReportData(String eventId, String producedUtc, JsonNode meta,
      OutputManifestDocument manifest,
      List<String> classLabels, List<Point> points, long[] pointsPerClass, int[] shownPerClass,
      String subsetDescription, List<Ellipse> ellipses, List<Heatmap> heatmaps,
      List<TrajectoryLine> trajectories, String trajectoryNote, LatLon luminousEnd,
      SensitivityDocument sensitivity) {
    this(eventId, producedUtc, meta, manifest, classLabels, points, pointsPerClass,
        shownPerClass, subsetDescription, ellipses, heatmaps, trajectories, trajectoryNote,
        luminousEnd, sensitivity, null);
  }

  public ReportData {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(producedUtc, "producedUtc");
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(manifest, "manifest");
    classLabels = List.copyOf(classLabels);
    points = List.copyOf(points);
    pointsPerClass = pointsPerClass.clone();
    shownPerClass = shownPerClass.clone();
    ellipses = List.copyOf(ellipses);
    heatmaps = List.copyOf(heatmaps);
    trajectories = List.copyOf(trajectories);
    if (pointsPerClass.length != classLabels.size() || shownPerClass.length != classLabels.size()) {
      throw new IllegalArgumentException("per-class counts must have one entry per mass class");
    }
  }

  /** The same data with these trajectories (or, when empty, the note saying why). */
  public ReportData withTrajectories(List<TrajectoryLine> lines, String note) {
    return new ReportData(eventId, producedUtc, meta, manifest, classLabels, points,
        pointsPerClass, shownPerClass, subsetDescription, ellipses, heatmaps, lines, note,
        luminousEnd, sensitivity, searchPlan);
  }

  /** The same data with this search plan (null for none). */
  public ReportData withSearchPlan(SearchPlanLayers plan) {
    return new ReportData(eventId, producedUtc, meta, manifest, classLabels, points,
        pointsPerClass, shownPerClass, subsetDescription, ellipses, heatmaps, trajectories,
        trajectoryNote, luminousEnd, sensitivity, plan);
  }

  /** A drawn landing point: the GeoJSON feature's fields the map shows. */
  public record Point(double latitudeDeg, double longitudeDeg, int massClassIndex,
      double massFinalKg, double impactSpeedMps, long sampleIndex, String fragmentId) {}

  /**
   * One confidence ellipse.
   *
   * @param ring exterior ring, closed
   */
  public record Ellipse(int massClassIndex, String massClass, double confidenceLevel,
      long sampleCount, double semiMajorAxisM, double semiMinorAxisM, double orientationDeg,
      List<LatLon> ring) {
    public Ellipse {
      ring = List.copyOf(ring);
    }
  }

  /**
   * One heatmap image overlay.
   *
   * @param name    overlay name (from the KML)
   * @param href    image path relative to the run directory
   * @param png     the PNG bytes (inlined as a data: URI)
   */
  public record Heatmap(String name, String href, double northDeg, double southDeg,
      double eastDeg, double westDeg, double opacity, byte[] png) {
    public Heatmap {
      png = png.clone();
    }
  }
}
