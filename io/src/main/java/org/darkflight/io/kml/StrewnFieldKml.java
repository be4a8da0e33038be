package org.darkflight.io.kml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.GeoNumbers;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geoid.Egm96;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.MassClassColours;
import org.darkflight.io.geo.MassClasses;
import org.darkflight.io.geo.ProvenanceJson;
import org.darkflight.io.geo.RunInfo;
import org.darkflight.io.geo.TrajectoryLine;
import org.darkflight.io.geo.TrajectoryPoint3d;
import org.darkflight.io.geojson.UncertaintyEllipsesWriter;

/**
 * Builds the Google Earth document of a run (docs/outputs.md) as OGC KML 2.2 with StAX.
 *
 * <p>Structure: a {@code Document} whose {@code description} holds an HTML balloon with the subset
 * rule and the provenance JSON (docs/outputs.md, HTML-escaped inside {@code <pre>}, then XML-escaped);
 * shared {@code Style}s (one per mass class, plus luminous end, ellipse and trajectory); folders
 * "Event Overview" (placemark at the luminous end), "Fragments" (one sub-folder per mass class,
 * placemarks with {@code TimeStamp} and {@code ExtendedData}), "Uncertainty Ellipses" (polygons),
 * "Trajectories" (absolute-altitude line strings, when enabled) and "Heatmap" (ground overlays,
 * only when given). No {@code gx:} extensions, so the document validates against
 * {@code ogckml22.xsd}.
 *
 * <p>Styling: mass classes on the yellow→red ramp of {@link MassClassColours}; icon scale of a
 * class ∝ √(median final mass of its shown points), the heaviest class at
 * {@value #MAX_ICON_SCALE}, never below {@value #MIN_ICON_SCALE}; ellipse outline #FF0000, fill
 * rgba(255,0,0,64); trajectories #8888FF, width 1. KML colours are written {@code aabbggrr}.
 */
public final class StrewnFieldKml {

  /** Icon scale of the heaviest mass class. */
  public static final double MAX_ICON_SCALE = 2.5;
  /** Smallest icon scale (and the scale of classes without shown points). */
  public static final double MIN_ICON_SCALE = 0.5;
  /** Google Earth's white dot icon, tinted by the style colour. */
  static final String DOT_ICON = "https://maps.google.com/mapfiles/kml/shapes/shaded_dot.png";
  static final String STAR_ICON = "https://maps.google.com/mapfiles/kml/shapes/star.png";
  /**
   * Ellipse line width by rank of the confidence level among the run's levels (smallest level
   * first: the 50 % ellipse boldest, the 99 % thinnest); ranks past the end take the last.
   */
  static final double[] ELLIPSE_WIDTH = {3, 2, 1};
  /** Ellipse fill alpha (0-255) by the same rank: inner ellipses more opaque. */
  static final int[] ELLIPSE_FILL_ALPHA = {0x50, 0x30, 0x18};
  /** KML type of each ExtendedData field; fields not listed are {@code string}. */
  static final Map<String, String> FIELD_TYPES = Map.ofEntries(
      Map.entry("luminous_end_altitude_m", "double"), Map.entry("sample_index", "int"),
      Map.entry("mass_final_kg", "double"), Map.entry("mass_initial_kg", "double"),
      Map.entry("impact_speed_mps", "double"), Map.entry("energy_J", "double"),
      Map.entry("time_aloft_s", "double"), Map.entry("uncertainty_radius_m", "double"),
      Map.entry("ballistic_coefficient", "double"), Map.entry("beta", "double"),
      Map.entry("ballistic_coefficient_kg_m2", "double"),
      Map.entry("drag_coefficient", "double"), Map.entry("density_kg_m3", "double"),
      Map.entry("confidence_level", "double"), Map.entry("sample_count", "int"),
      Map.entry("major_axis_m", "double"), Map.entry("minor_axis_m", "double"),
      Map.entry("orientation_deg", "double"), Map.entry("mass_kg", "double"),
      Map.entry("duration_s", "double"), Map.entry("mass_class_index", "int"));
  static final String TRAJECTORY_KML = "ffff8888";
  /** KMZ path of the legend image. */
  public static final String LEGEND_PATH = "media/legend.png";
  /**
   * Image of the heatmap colour legend, shown as a ScreenOverlay inside the "Heatmap" folder
   * whenever ground overlays are given; callers supply it as KMZ media (and beside the KML).
   */
  public static final String HEATMAP_LEGEND_PATH = "media/heatmap_legend.png";

  private final GeoOutputOptions options;

  public StrewnFieldKml(GeoOutputOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** {@link #build(RunInfo, MassClasses, Iterator, List, List, List)} without heatmap overlays. */
  public KmlProduct build(RunInfo run, MassClasses classes, Iterator<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories) throws IOException {
    return build(run, classes, points, ellipses, trajectories, List.of());
  }

  /**
   * Consumes {@code points} once (keeping only the representative subset), checks every mass class
   * against {@code classes}, and renders the KML (and the KMZ variant of it) in memory.
   */
  public KmlProduct build(RunInfo run, MassClasses classes, Iterator<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories,
      List<KmlGroundOverlay> heatmap) throws IOException {
    return build(run, classes, points, ellipses, trajectories, heatmap, List.of());
  }

  /**
   * {@link #build(RunInfo, MassClasses, Iterator, List, List, List)} with extra point folders
   * (drawn last, one icon style each).
   */
  public KmlProduct build(RunInfo run, MassClasses classes, Iterator<LandingPoint> points,
      List<EllipseFeature> ellipses, List<TrajectoryLine> trajectories,
      List<KmlGroundOverlay> heatmap, List<KmlPointFolder> extraFolders) throws IOException {
    Objects.requireNonNull(run, "run");
    List<KmlPointFolder> extras = List.copyOf(Objects.requireNonNull(extraFolders,
        "extraFolders"));
    Objects.requireNonNull(classes, "classes");
    List<EllipseFeature> sortedEllipses = new ArrayList<>(Objects.requireNonNull(ellipses,
        "ellipses"));
    sortedEllipses.sort(UncertaintyEllipsesWriter.ORDER);
    sortedEllipses.forEach(e -> classes.check(e.massClassIndex(), e.massClass()));
    List<TrajectoryLine> lines = options.trajectoriesEnabled()
        ? List.copyOf(Objects.requireNonNull(trajectories, "trajectories")) : List.of();
    lines.forEach(t -> classes.check(t.massClassIndex(), t.massClass()));
    List<KmlGroundOverlay> overlays = List.copyOf(Objects.requireNonNull(heatmap, "heatmap"));
    RepresentativeSubset subset =
        RepresentativeSubset.select(points, classes, options.kmlMaxPoints());
    Render r = new Render(run, classes, subset, sortedEllipses, lines, overlays, extras);
    KmlSummary summary = new KmlSummary(subset.totalPoints(), subset.points().size(),
        sortedEllipses.size(), lines.size(), overlays.size(), subset.description(options.geojsonWritten()));
    return new KmlProduct(r.bytes(false), r.bytes(true), summary, run, classes,
        ellipseLegendLabel(sortedEllipses), classTotals(subset, classes.size()),
        levels(sortedEllipses));
  }

  private static long[] classTotals(RepresentativeSubset subset, int classCount) {
    long[] totals = new long[classCount];
    for (int c = 0; c < classCount; c++) {
      totals[c] = subset.totalInClass(c);
    }
    return totals;
  }

  /** The distinct confidence levels of {@code ellipses}, ascending. */
  static List<Double> levels(List<EllipseFeature> ellipses) {
    java.util.TreeSet<Double> levels = new java.util.TreeSet<>();
    ellipses.forEach(e -> levels.add(e.confidenceLevel()));
    return List.copyOf(levels);
  }

  /** Style id of the ellipse of class {@code index} at {@code level}: {@code ellipse-2-90}. */
  public static String ellipseStyleId(int index, double level) {
    return "ellipse-" + index + "-" + GeoNumbers.quantity(100 * level);
  }

  private static String ellipseLegendLabel(List<EllipseFeature> ellipses) {
    List<String> levels = new ArrayList<>();
    for (EllipseFeature e : ellipses) {
      String level = GeoNumbers.quantity(100 * e.confidenceLevel()) + "%";
      if (!levels.contains(level)) {
        levels.add(level);
      }
    }
    return levels.isEmpty() ? "Uncertainty ellipse"
        : "Uncertainty ellipse (" + String.join(", ", levels) + ")";
  }

  /** One rendering of the document. */
  private final class Render {
    private final RunInfo run;
    private final MassClasses classes;
    private final RepresentativeSubset subset;
    private final List<EllipseFeature> ellipses;
    private final List<TrajectoryLine> lines;
    private final List<KmlGroundOverlay> overlays;
    private final List<KmlPointFolder> extras;
    private final int decimals = options.geoPrecisionDecimals();
    private final java.awt.Color[] palette;
    private final List<Double> levels;
    /** Schema id → field name → KML type, in order of first use; filled by a first rendering. */
    private final Map<String, Map<String, String>> schemas = new java.util.LinkedHashMap<>();
    private boolean collecting;
    private String schema;
    private KmlXmlWriter w;

    Render(RunInfo run, MassClasses classes, RepresentativeSubset subset,
        List<EllipseFeature> ellipses, List<TrajectoryLine> lines,
        List<KmlGroundOverlay> overlays, List<KmlPointFolder> extras) {
      this.run = run;
      this.extras = extras;
      this.classes = classes;
      this.subset = subset;
      this.ellipses = ellipses;
      this.lines = lines;
      this.overlays = overlays;
      this.palette = MassClassColours.palette(classTotals(subset, classes.size()));
      this.levels = levels(ellipses);
    }

    byte[] bytes(boolean withLegend) throws IOException {
      if (schemas.isEmpty()) {
        collecting = true;
        render(withLegend);
        collecting = false;
      }
      return render(withLegend);
    }

    private byte[] render(boolean withLegend) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (KmlXmlWriter xml = new KmlXmlWriter(out)) {
        w = xml;
        document(withLegend);
      } catch (XMLStreamException e) {
        throw new IOException("cannot write KML: " + e.getMessage(), e);
      }
      return out.toByteArray();
    }

    private void document(boolean withLegend) throws XMLStreamException {
      w.startDocument();
      w.start("Document").attribute("id", "strewn-field");
      w.leaf("name", "Darkflight strewn field: " + run.eventId());
      w.leaf("open", "1");
      w.leaf("description", documentDescription());
      styles();
      schemas();
      eventOverview();
      fragments();
      ellipseFolder();
      if (options.trajectoriesEnabled()) {
        trajectoryFolder();
      }
      if (!overlays.isEmpty()) {
        heatmapFolder();
      }
      for (int i = 0; i < extras.size(); i++) {
        extraFolder(i, extras.get(i));
      }
      if (withLegend) {
        w.start("ScreenOverlay");
        w.leaf("name", "Legend");
        w.start("Icon");
        w.leaf("href", LEGEND_PATH);
        w.end();
        w.empty("overlayXY", "x", "0", "y", "1", "xunits", "fraction", "yunits", "fraction");
        w.empty("screenXY", "x", "0.01", "y", "0.99", "xunits", "fraction", "yunits", "fraction");
        w.empty("size", "x", "0", "y", "0", "xunits", "pixels", "yunits", "pixels");
        w.end();
      }
      w.end();
      w.endDocument();
    }

    private String documentDescription() {
      String json = ProvenanceJson.toJson(run, "strewn_field_kml", GeoSchemas.KML_SCHEMA_VERSION,
          decimals);
      return "<p>Darkflight strewn field of event " + XmlText.html(run.eventId()) + ", run "
          + XmlText.html(run.runId()) + ". Validation status: "
          + XmlText.html(run.validationStatus()) + ".</p>\n<p>"
          + XmlText.html(subset.description(options.geojsonWritten())) + "</p>\n<p>Provenance:</p>\n<pre>"
          + XmlText.html(json) + "</pre>";
    }

    private void styles() throws XMLStreamException {
      int n = classes.size();
      double[] medianKg = medianMassPerClass();
      double heaviest = 0;
      for (double m : medianKg) {
        heaviest = Double.isNaN(m) ? heaviest : Math.max(heaviest, m);
      }
      for (int i = 0; i < n; i++) {
        if (subset.totalInClass(i) == 0) {
          continue;
        }
        double scale = Double.isNaN(medianKg[i]) || heaviest <= 0 ? MIN_ICON_SCALE
            : Math.max(MIN_ICON_SCALE, MAX_ICON_SCALE * Math.sqrt(medianKg[i] / heaviest));
        w.start("Style").attribute("id", massClassStyleId(i));
        w.start("IconStyle");
        w.leaf("color", MassClassColours.kmlColour(palette[i], 255));
        w.leaf("scale", GeoNumbers.quantity(Math.round(scale * 100) / 100.0));
        w.start("Icon");
        w.leaf("href", DOT_ICON);
        w.end();
        w.end();
        w.start("LabelStyle");
        w.leaf("scale", "0");
        w.end();
        w.end();
      }
      w.start("Style").attribute("id", "luminous-end");
      w.start("IconStyle");
      w.leaf("color", "ffffffff");
      w.leaf("scale", "1.4");
      w.start("Icon");
      w.leaf("href", STAR_ICON);
      w.end();
      w.end();
      w.start("LineStyle");
      w.leaf("color", TRAJECTORY_KML);
      w.leaf("width", "1");
      w.end();
      w.end();
      ellipseStyles();
      w.start("Style").attribute("id", "trajectory");
      w.start("LineStyle");
      w.leaf("color", TRAJECTORY_KML);
      w.leaf("width", "1");
      w.end();
      w.end();
      for (int i = 0; i < extras.size(); i++) {
        w.start("Style").attribute("id", extraStyleId(i));
        w.start("IconStyle");
        w.leaf("color", extras.get(i).colourKml().toLowerCase(java.util.Locale.ROOT));
        w.leaf("scale", "1");
        w.start("Icon");
        w.leaf("href", DOT_ICON);
        w.end();
        w.end();
        w.end();
      }
    }

    /** One style per (class, level) present: class colour, width and fill by level rank. */
    private void ellipseStyles() throws XMLStreamException {
      List<String> done = new ArrayList<>();
      for (EllipseFeature e : ellipses) {
        String id = ellipseStyleId(e.massClassIndex(), e.confidenceLevel());
        if (done.contains(id)) {
          continue;
        }
        done.add(id);
        int rank = Math.min(levels.indexOf(e.confidenceLevel()), ELLIPSE_WIDTH.length - 1);
        java.awt.Color c = palette[e.massClassIndex()];
        w.start("Style").attribute("id", id);
        w.start("LineStyle");
        w.leaf("color", MassClassColours.kmlColour(c, 255));
        w.leaf("width", GeoNumbers.quantity(ELLIPSE_WIDTH[rank]));
        w.end();
        w.start("PolyStyle");
        w.leaf("color", MassClassColours.kmlColour(c, ELLIPSE_FILL_ALPHA[rank]));
        w.leaf("fill", "1");
        w.leaf("outline", "1");
        w.end();
        w.end();
      }
    }

    /**
     * The {@code Schema}s of the typed ExtendedData (KML 2.2 §9.8): one per kind of placemark,
     * fields in order of first use, types from {@link #FIELD_TYPES}.
     */
    private void schemas() throws XMLStreamException {
      for (Map.Entry<String, Map<String, String>> s : schemas.entrySet()) {
        w.start("Schema").attribute("name", s.getKey()).attribute("id", schemaId(s.getKey()));
        for (Map.Entry<String, String> f : s.getValue().entrySet()) {
          w.empty("SimpleField", "type", f.getValue(), "name", f.getKey());
        }
        w.end();
      }
    }

    /** Starts {@code ExtendedData} with the {@code SchemaData} of schema {@code id}. */
    private void extendedData(String id) throws XMLStreamException {
      schema = id;
      w.start("ExtendedData");
      w.start("SchemaData").attribute("schemaUrl", "#" + schemaId(id));
    }

    /** Ends what {@link #extendedData(String)} started. */
    private void endExtendedData() throws XMLStreamException {
      w.end();
      w.end();
      schema = null;
    }

    private double[] medianMassPerClass() {
      int n = classes.size();
      List<List<Double>> masses = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        masses.add(new ArrayList<>());
      }
      for (LandingPoint p : subset.points()) {
        masses.get(p.massClassIndex()).add(p.massFinalKg());
      }
      double[] median = new double[n];
      for (int i = 0; i < n; i++) {
        List<Double> m = masses.get(i);
        if (m.isEmpty()) {
          median[i] = Double.NaN;
          continue;
        }
        m.sort(null);
        int size = m.size();
        median[i] = size % 2 == 1 ? m.get(size / 2) : 0.5 * (m.get(size / 2 - 1) + m.get(size / 2));
      }
      return median;
    }

    private void eventOverview() throws XMLStreamException {
      w.start("Folder");
      w.leaf("name", "Event Overview");
      w.leaf("open", "1");
      w.start("Placemark");
      w.leaf("name", "Luminous end: " + run.eventId());
      w.leaf("description", overviewBalloon());
      timeStamp(ProvenanceJson.instant(run.luminousEndTimeUtc()));
      w.leaf("styleUrl", "#luminous-end");
      extendedData("event");
      data("event_id", run.eventId());
      data("run_id", run.runId());
      data("luminous_end_time_utc", ProvenanceJson.instant(run.luminousEndTimeUtc()));
      data("luminous_end_altitude_m", GeoNumbers.quantity(run.luminousEndAltitudeM()));
      data("validation_status", run.validationStatus());
      data("producer", run.producer());
      data("git_commit", run.gitCommit() == null ? "unknown" : run.gitCommit());
      endExtendedData();
      w.start("Point");
      w.leaf("extrude", "1");
      w.leaf("altitudeMode", "absolute");
      w.leaf("coordinates", position(run.luminousEndLatitudeDeg(), run.luminousEndLongitudeDeg())
          + "," + GeoNumbers.quantity(kmlAltitudeM(run.luminousEndLatitudeDeg(),
              run.luminousEndLongitudeDeg(), run.luminousEndAltitudeM())));
      w.end();
      w.end();
      w.end();
    }

    /**
     * A height of the run as a KML {@code absolute} altitude, which KML defines (and Google
     * Earth draws) above mean sea level: an ellipsoidal height less the EGM96 undulation there;
     * a height above mean sea level (or as a legacy workbook gives it) unchanged.
     */
    private double kmlAltitudeM(double latitudeDeg, double longitudeDeg, double heightM) {
      return run.heightsAboveEllipsoid()
          ? heightM - Egm96.undulationM(latitudeDeg, longitudeDeg) : heightM;
    }

    private String overviewBalloon() {
      StringBuilder h = new StringBuilder("<table>");
      row(h, "Event", run.eventId());
      row(h, "Run", run.runId());
      row(h, "Luminous end (UTC)", ProvenanceJson.instant(run.luminousEndTimeUtc()));
      row(h, "Latitude (deg)", GeoNumbers.coordinate(run.luminousEndLatitudeDeg(), decimals));
      row(h, "Longitude (deg)", GeoNumbers.coordinate(run.luminousEndLongitudeDeg(), decimals));
      row(h, "Altitude (m)", GeoNumbers.quantity(run.luminousEndAltitudeM()));
      row(h, "Landing points", Long.toString(subset.totalPoints()));
      row(h, "Shown in this KML", Integer.toString(subset.points().size()));
      row(h, "Validation status", run.validationStatus());
      row(h, "Producer", run.producer());
      row(h, "Git commit", run.gitCommit() == null ? "unknown" : run.gitCommit());
      row(h, "Created (UTC)", ProvenanceJson.instant(run.createdUtc()));
      for (Map.Entry<String, String> e : run.summary().entrySet()) {
        row(h, e.getKey(), e.getValue());
      }
      h.append("</table>\n<p>Provenance (see output_manifest.json in the run directory):</p>\n<pre>")
          .append(XmlText.html(ProvenanceJson.toJson(run, "strewn_field_kml",
              GeoSchemas.KML_SCHEMA_VERSION, decimals)))
          .append("</pre>");
      return h.toString();
    }

    private void row(StringBuilder h, String key, String value) {
      h.append("<tr><th align=\"left\">").append(XmlText.html(key)).append("</th><td>")
          .append(XmlText.html(value)).append("</td></tr>");
    }

    private void fragments() throws XMLStreamException {
      w.start("Folder");
      w.leaf("name", "Fragments");
      w.leaf("description", "<p>" + XmlText.html(subset.description(options.geojsonWritten())) + "</p>");
      List<LandingPoint> points = subset.points();
      int i = 0;
      for (int c = 0; c < classes.size(); c++) {
        if (subset.totalInClass(c) == 0) {
          continue;
        }
        w.start("Folder");
        w.leaf("name", classes.label(c) + " (" + subset.selectedInClass(c) + " of "
            + subset.totalInClass(c) + ")");
        while (i < points.size() && points.get(i).massClassIndex() == c) {
          placemark(points.get(i++));
        }
        w.end();
      }
      w.end();
    }

    private void placemark(LandingPoint p) throws XMLStreamException {
      w.start("Placemark");
      w.leaf("name", p.deterministic() ? p.fragmentId()
          : p.fragmentId() + " #" + p.sampleIndex());
      timeStamp(ProvenanceJson.instant(p.landingTimeUtc()));
      w.leaf("styleUrl", "#" + massClassStyleId(p.massClassIndex()));
      extendedData("fragment");
      data("fragment_id", p.fragmentId());
      data("sample_index", Long.toString(p.sampleIndex()));
      data("mass_class", p.massClass());
      data("mass_class_index", Integer.toString(p.massClassIndex()));
      data("mass_final_kg", GeoNumbers.quantity(p.massFinalKg()));
      data("mass_initial_kg", GeoNumbers.quantity(p.massInitialKg()));
      data("impact_speed_mps", GeoNumbers.quantity(p.impactSpeedMps()));
      data("energy_J", GeoNumbers.quantity(p.energyJ()));
      data("landing_time_utc", ProvenanceJson.instant(p.landingTimeUtc()));
      data("time_aloft_s", GeoNumbers.quantity(p.timeAloftS()));
      data("uncertainty_radius_m", p.hasUncertaintyRadius()
          ? GeoNumbers.quantity(p.uncertaintyRadiusM()) : "unknown");
      String beta = GeoNumbers.quantity(p.ballisticCoefficientKgM2());
      data("ballistic_coefficient_kg_m2", beta);
      data("ballistic_coefficient", beta);
      data("beta", beta);
      data("drag_coefficient", GeoNumbers.quantity(p.dragCoefficient()));
      data("density_kg_m3", GeoNumbers.quantity(p.densityKgM3()));
      endExtendedData();
      w.start("Point");
      // a landing lies on the ground: the viewer's terrain gives its height
      w.leaf("altitudeMode", "clampToGround");
      w.leaf("coordinates", position(p.latitudeDeg(), p.longitudeDeg()));
      w.end();
      w.end();
    }

    private void ellipseFolder() throws XMLStreamException {
      w.start("Folder");
      w.leaf("name", "Uncertainty Ellipses");
      int folderClass = -1;
      for (EllipseFeature e : ellipses) {
        if (e.massClassIndex() != folderClass) {
          if (folderClass >= 0) {
            w.end();
          }
          folderClass = e.massClassIndex();
          w.start("Folder");
          w.leaf("name", "Ellipses: " + e.massClass());
        }
        w.start("Placemark");
        w.leaf("name", GeoNumbers.quantity(100 * e.confidenceLevel()) + "% ellipse: "
            + e.massClass());
        w.leaf("styleUrl", "#" + ellipseStyleId(e.massClassIndex(), e.confidenceLevel()));
        extendedData("ellipse");
        data("mass_class", e.massClass());
        data("confidence_level", GeoNumbers.quantity(e.confidenceLevel()));
        data("sample_count", Long.toString(e.sampleCount()));
        data("major_axis_m", GeoNumbers.quantity(e.majorAxisM()));
        data("minor_axis_m", GeoNumbers.quantity(e.minorAxisM()));
        data("orientation_deg", GeoNumbers.quantity(e.orientationDeg()));
        data("covariance_matrix_m2", "[[" + GeoNumbers.quantity(e.covariance().ceeM2()) + ", "
            + GeoNumbers.quantity(e.covariance().cenM2()) + "], ["
            + GeoNumbers.quantity(e.covariance().cenM2()) + ", "
            + GeoNumbers.quantity(e.covariance().cnnM2()) + "]]");
        endExtendedData();
        w.start("Polygon");
        w.leaf("tessellate", "1");
        w.start("outerBoundaryIs");
        w.start("LinearRing");
        StringBuilder coords = new StringBuilder();
        for (LatLon p : e.ring()) {
          if (coords.length() > 0) {
            coords.append(' ');
          }
          coords.append(position(p.latitudeDeg(), p.longitudeDeg()));
        }
        w.leaf("coordinates", coords.toString());
        w.end();
        w.end();
        w.end();
        w.end();
      }
      if (folderClass >= 0) {
        w.end();
      }
      w.end();
    }

    private void trajectoryFolder() throws XMLStreamException {
      w.start("Folder");
      w.leaf("name", "Trajectories");
      for (TrajectoryLine t : lines) {
        w.start("Placemark");
        w.leaf("name", t.fragmentId() + " (" + GeoNumbers.quantity(t.massKg()) + " kg)");
        w.leaf("styleUrl", "#trajectory");
        extendedData("trajectory");
        data("fragment_id", t.fragmentId());
        data("mass_class", t.massClass());
        data("mass_kg", GeoNumbers.quantity(t.massKg()));
        data("duration_s", GeoNumbers.quantity(
            t.points().get(t.points().size() - 1).timeS() - t.points().get(0).timeS()));
        endExtendedData();
        w.start("LineString");
        w.leaf("altitudeMode", "absolute");
        StringBuilder coords = new StringBuilder();
        for (TrajectoryPoint3d p : t.points()) {
          if (coords.length() > 0) {
            coords.append(' ');
          }
          coords.append(position(p.latitudeDeg(), p.longitudeDeg())).append(',')
              .append(GeoNumbers.quantity(Math.round(kmlAltitudeM(p.latitudeDeg(),
                  p.longitudeDeg(), p.heightM()) * 10) / 10.0));
        }
        w.leaf("coordinates", coords.toString());
        w.end();
        w.end();
      }
      w.end();
    }

    private void heatmapFolder() throws XMLStreamException {
      w.start("Folder");
      w.leaf("name", "Heatmap");
      w.leaf("open", "1");
      w.start("Folder");
      w.leaf("name", "Landing probability (one mass class at a time)");
      w.leaf("open", "1");
      w.start("Style");
      w.start("ListStyle");
      w.leaf("listItemType", "radioFolder");
      w.end();
      w.end();
      boolean first = true;
      for (KmlGroundOverlay o : overlays) {
        w.start("GroundOverlay");
        w.leaf("name", o.name());
        w.leaf("visibility", first ? "1" : "0");
        first = false;
        w.leaf("color", String.format(java.util.Locale.ROOT, "%02xffffff",
            (int) Math.round(o.opacity() * 255)));
        w.start("Icon");
        w.leaf("href", o.href());
        w.end();
        w.start("LatLonBox");
        w.leaf("north", GeoNumbers.coordinate(o.northDeg(), decimals));
        w.leaf("south", GeoNumbers.coordinate(o.southDeg(), decimals));
        w.leaf("east", GeoNumbers.coordinate(o.eastDeg(), decimals));
        w.leaf("west", GeoNumbers.coordinate(o.westDeg(), decimals));
        w.end();
        w.end();
      }
      w.end();
      w.start("ScreenOverlay");
      w.leaf("name", "Heatmap legend");
      w.start("Icon");
      w.leaf("href", HEATMAP_LEGEND_PATH);
      w.end();
      w.empty("overlayXY", "x", "0", "y", "0", "xunits", "fraction", "yunits", "fraction");
      w.empty("screenXY", "x", "0.01", "y", "0.05", "xunits", "fraction", "yunits", "fraction");
      w.empty("size", "x", "0", "y", "0", "xunits", "pixels", "yunits", "pixels");
      w.end();
      w.end();
    }

    private void extraFolder(int index, KmlPointFolder folder) throws XMLStreamException {
      w.start("Folder");
      w.leaf("name", folder.name());
      for (KmlPointFolder.Point p : folder.points()) {
        w.start("Placemark");
        w.leaf("name", p.name());
        if (p.timeUtc() != null) {
          timeStamp(ProvenanceJson.instant(p.timeUtc()));
        }
        w.leaf("styleUrl", "#" + extraStyleId(index));
        if (!p.data().isEmpty()) {
          extendedData(extraStyleId(index));
          for (Map.Entry<String, String> e : p.data().entrySet()) {
            data(e.getKey(), e.getValue());
          }
          endExtendedData();
        }
        w.start("Point");
        if (Double.isNaN(p.heightM())) {
          w.leaf("coordinates", position(p.latitudeDeg(), p.longitudeDeg()));
        } else {
          w.leaf("extrude", "1");
          w.leaf("altitudeMode", "absolute");
          w.leaf("coordinates", position(p.latitudeDeg(), p.longitudeDeg()) + ","
              + GeoNumbers.quantity(Math.round(kmlAltitudeM(p.latitudeDeg(), p.longitudeDeg(),
                  p.heightM()) * 10) / 10.0));
        }
        w.end();
        w.end();
      }
      w.end();
    }

    private void timeStamp(String when) throws XMLStreamException {
      w.start("TimeStamp");
      w.leaf("when", when);
      w.end();
    }

    /**
     * One typed value of the open {@link #extendedData(String) SchemaData}. A numeric field whose
     * value is {@code unknown} is left out (GIS reads it as null).
     */
    private void data(String name, String value) throws XMLStreamException {
      String type = FIELD_TYPES.getOrDefault(name, "string");
      if (collecting) {
        schemas.computeIfAbsent(schema, k -> new java.util.LinkedHashMap<>())
            .putIfAbsent(name, type);
      }
      if (!"string".equals(type) && (value == null || "unknown".equals(value))) {
        return;
      }
      w.leaf("SimpleData", "name", name, value);
    }

    private String position(double latDeg, double lonDeg) {
      return GeoNumbers.coordinate(lonDeg, decimals) + "," + GeoNumbers.coordinate(latDeg, decimals);
    }
  }

  /** Id of the {@code Schema} of the ExtendedData of kind {@code name}: {@code fields-<name>}. */
  public static String schemaId(String name) {
    return "fields-" + name;
  }

  /** Style id of extra point folder {@code index}: {@code extra-folder-<index>}. */
  public static String extraStyleId(int index) {
    return "extra-folder-" + index;
  }

  /** Style id of mass class {@code index}: {@code mass-class-<index>}. */
  public static String massClassStyleId(int index) {
    return "mass-class-" + index;
  }
}
