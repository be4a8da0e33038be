package org.darkflight.io.kml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.Hashing;
import org.darkflight.io.geo.ArtifactRef;
import org.darkflight.io.geo.GeoNumbers;
import org.darkflight.io.geo.MassClasses;
import org.darkflight.io.geo.ProvenanceJson;
import org.darkflight.io.geo.RunInfo;

/**
 * A rendered KML document, ready to be written as {@code strewn_field.kml} and/or packed as
 * {@code strewn_field.kmz}. Built by {@link StrewnFieldKml#build}.
 *
 * <p>KMZ layout (deterministic bytes: fixed entry order, every entry time set to the run's
 * {@code created_utc} as a DOS date-time in UTC (1980-01-01 if earlier), no extra fields):
 * {@code doc.kml} first (the KML plus a ScreenOverlay showing the legend), {@code media/legend.png},
 * any extra media in path order (e.g. heatmap images), {@code README.txt}.
 */
public final class KmlProduct {

  /** Name of the KML entry inside the KMZ (first entry). */
  public static final String KMZ_DOC = "doc.kml";
  /** Name of the readme entry inside the KMZ. */
  public static final String KMZ_README = "README.txt";
  /** The GeoJSON of every point, when written beside the KMZ. */
  private static final String GEOJSON_POINTS = org.darkflight.io.geo.GeoSchemas.POINTS_FILE;

  private final byte[] kml;
  private final byte[] kmzDoc;
  private final KmlSummary summary;
  private final RunInfo run;
  private final MassClasses classes;
  private final String ellipseLegendLabel;
  private final long[] classTotals;
  private final List<Double> levels;

  KmlProduct(byte[] kml, byte[] kmzDoc, KmlSummary summary, RunInfo run, MassClasses classes,
      String ellipseLegendLabel, long[] classTotals, List<Double> levels) {
    this.classTotals = classTotals.clone();
    this.levels = List.copyOf(levels);
    this.kml = kml;
    this.kmzDoc = kmzDoc;
    this.summary = summary;
    this.run = run;
    this.classes = classes;
    this.ellipseLegendLabel = ellipseLegendLabel;
  }

  /** What the document holds. */
  public KmlSummary summary() {
    return summary;
  }

  /** The stand-alone KML (UTF-8). */
  public byte[] kmlBytes() {
    return kml.clone();
  }

  /** Writes {@code strewn_field.kml} atomically. */
  public void writeKml(Path target) throws IOException {
    AtomicFiles.write(target, kml);
  }

  /** Writes {@code strewn_field.kmz} atomically (no extra media). */
  public void writeKmz(Path target) throws IOException {
    writeKmz(target, Map.of());
  }

  /**
   * Writes {@code strewn_field.kmz} atomically.
   *
   * @param extraMedia  further entries (path inside the KMZ → bytes), e.g. the images referenced by
   *                    {@link KmlGroundOverlay#href()}; paths must not collide with the fixed ones
   */
  public void writeKmz(Path target, Map<String, byte[]> extraMedia) throws IOException {
    AtomicFiles.write(target, kmzBytes(extraMedia));
  }

  /**
   * Writes {@code strewn_field.kmz} atomically, its README listing {@code siblings} (files
   * written beside it, e.g. the GeoJSON files, with their SHA-256) among the artifacts.
   */
  public void writeKmz(Path target, Map<String, byte[]> extraMedia, List<ArtifactRef> siblings)
      throws IOException {
    AtomicFiles.write(target, kmzBytes(extraMedia, siblings));
  }

  /** The KMZ bytes. */
  public byte[] kmzBytes(Map<String, byte[]> extraMedia) throws IOException {
    return kmzBytes(extraMedia, List.of());
  }

  /** The KMZ bytes, the README listing {@code siblings} among the artifacts. */
  public byte[] kmzBytes(Map<String, byte[]> extraMedia, List<ArtifactRef> siblings)
      throws IOException {
    Map<String, byte[]> extra = new TreeMap<>(Objects.requireNonNull(extraMedia, "extraMedia"));
    for (String path : extra.keySet()) {
      if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")
          || path.equals(KMZ_DOC) || path.equals(KMZ_README)
          || path.equals(StrewnFieldKml.LEGEND_PATH)) {
        throw new IllegalArgumentException("invalid or reserved KMZ media path: " + path);
      }
    }
    LocalDateTime stamp = LocalDateTime.ofInstant(run.createdUtc(), ZoneOffset.UTC);
    LocalDateTime dosEpoch = LocalDateTime.of(1980, 1, 1, 0, 0);
    if (stamp.isBefore(dosEpoch)) {
      stamp = dosEpoch;
    }
    stamp = stamp.withNano(0);
    byte[] legend = LegendImage.png(classes, classTotals, levels, ellipseLegendLabel);
    List<ArtifactRef> artifacts = new ArrayList<>(siblings);
    artifacts.add(new ArtifactRef(StrewnFieldKml.LEGEND_PATH + " (in this KMZ)",
        Hashing.sha256Hex(legend)));
    for (Map.Entry<String, byte[]> e : extra.entrySet()) {
      artifacts.add(new ArtifactRef(e.getKey() + " (in this KMZ)",
          Hashing.sha256Hex(e.getValue())));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, KMZ_DOC, kmzDoc, stamp);
      entry(zip, StrewnFieldKml.LEGEND_PATH, legend, stamp);
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        entry(zip, e.getKey(), e.getValue(), stamp);
      }
      entry(zip, KMZ_README, readme(artifacts).getBytes(StandardCharsets.UTF_8), stamp);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content, LocalDateTime stamp)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(stamp);
    zip.putNextEntry(e);
    zip.write(content);
    zip.closeEntry();
  }

  /** The text of {@code README.txt}: run summary and validation status (UTF-8, LF line ends). */
  public String readme() {
    return readme(List.of());
  }

  /**
   * The text of {@code README.txt} listing {@code artifacts} (path, SHA-256) as the run's
   * artifacts, after its inputs.
   */
  private String readme(List<ArtifactRef> artifacts) {
    StringBuilder s = new StringBuilder();
    line(s, "Darkflight strewn field");
    line(s, "=======================");
    line(s, "");
    line(s, "Event:              " + XmlText.oneLine(run.eventId()));
    line(s, "Run:                " + XmlText.oneLine(run.runId()));
    line(s, "Validation status:  " + XmlText.oneLine(run.validationStatus()));
    line(s, "Created (UTC):      " + ProvenanceJson.instant(run.createdUtc()));
    line(s, "Producer:           " + XmlText.oneLine(run.producer()));
    line(s, "Git commit:         "
        + (run.gitCommit() == null ? "unknown" : XmlText.oneLine(run.gitCommit())));
    line(s, "Luminous end:       lat " + GeoNumbers.coordinate(run.luminousEndLatitudeDeg(), 6)
        + " deg, lon " + GeoNumbers.coordinate(run.luminousEndLongitudeDeg(), 6) + " deg, "
        + GeoNumbers.quantity(run.luminousEndAltitudeM()) + " m, "
        + ProvenanceJson.instant(run.luminousEndTimeUtc()));
    line(s, "");
    boolean geojson = artifacts.stream().anyMatch(a -> a.path().equals(GEOJSON_POINTS));
    line(s, "Landing points:     " + summary.landingPointsTotal() + (geojson ? " (all in "
        + GEOJSON_POINTS + ")" : " (no GeoJSON of the points written beside this KMZ)"));
    line(s, "Shown in doc.kml:   " + summary.fragmentPlacemarks());
    line(s, "Ellipses:           " + summary.ellipses());
    line(s, "Trajectories:       " + summary.trajectories());
    line(s, "Heatmap overlays:   " + summary.groundOverlays());
    line(s, "");
    line(s, "Placemark subset: " + XmlText.oneLine(summary.subsetDescription()));
    line(s, "");
    line(s, "Mass classes with landings (colour as in the legend, lightest first):");
    java.awt.Color[] palette = org.darkflight.io.geo.MassClassColours.palette(classTotals);
    for (int i = 0; i < classes.size(); i++) {
      if (classTotals[i] > 0) {
        line(s, "  " + i + "  " + org.darkflight.io.geo.MassClassColours.css(palette[i]) + "  "
            + XmlText.oneLine(classes.label(i)));
      }
    }
    if (!run.summary().isEmpty()) {
      line(s, "");
      line(s, "Run summary:");
      for (Map.Entry<String, String> e : run.summary().entrySet()) {
        line(s, "  " + XmlText.oneLine(e.getKey()) + ": " + XmlText.oneLine(e.getValue()));
      }
    }
    line(s, "");
    line(s, "Inputs (SHA-256):");
    for (ArtifactRef a : run.artifacts()) {
      line(s, "  " + a.sha256() + "  " + XmlText.oneLine(a.path()));
    }
    line(s, "");
    line(s, "Artifacts (SHA-256):");
    for (ArtifactRef a : artifacts) {
      line(s, "  " + a.sha256() + "  " + XmlText.oneLine(a.path()));
    }
    line(s, "  Not listed: strewn_field.kmz (this archive cannot contain its own SHA-256),");
    line(s, "  doc.kml and strewn_field.kml (the search plan may add its folder to them");
    line(s, "  after this file is written). Their SHA-256 are in output_manifest.json.");
    line(s, "");
    line(s, "Contents: doc.kml (open in Google Earth), media/legend.png (colour legend), "
        + "README.txt (this file).");
    return s.toString();
  }

  private static void line(StringBuilder s, String text) {
    s.append(text).append('\n');
  }
}
