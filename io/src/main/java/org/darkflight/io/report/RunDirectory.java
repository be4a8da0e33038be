package org.darkflight.io.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.MassClasses;
import org.darkflight.io.heatmap.HeatmapExport;
import org.darkflight.io.json.Json;
import org.darkflight.io.kml.RepresentativeSubset;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.uq.SensitivityDocument;

/**
 * Reads what the report shows from a run's output directory (docs/outputs.md): {@code
 * output_manifest.json}, {@code strewn_field_points.geojson} (streamed; reduced to the KML's
 * {@link RepresentativeSubset}), {@code uncertainty_ellipses.geojson}, the heatmap overlays (their
 * bounds from the {@code GroundOverlay}s of {@code strewn_field.kml}, the PNGs from {@code media/})
 * and, when present, {@code sensitivity.json} and the search plan ({@link SearchPlanLayers}); the
 * manifest and the sensitivity file through their typed documents ({@link OutputManifestDocument},
 * {@link SensitivityDocument}). Trajectories are not in the directory as data; the
 * pipeline adds them ({@link ReportData#withTrajectories}).
 */
public final class RunDirectory {

  public static final String MANIFEST = "output_manifest.json";
  public static final String POINTS = "strewn_field_points.geojson";
  public static final String ELLIPSES = "uncertainty_ellipses.geojson";
  public static final String KML = "strewn_field.kml";
  public static final String SENSITIVITY = "sensitivity.json";
  /** Default most landing points drawn (the KML's default {@code kml_max_points}). */
  public static final int DEFAULT_MAX_POINTS = 5000;

  /**
   * Reads the GeoJSON files: the shared strict mapper, with decimals as doubles (the report
   * prints some as text, e.g. the luminous end, as it always has) and, for the streamed
   * FeatureCollection read one value at a time, without the check that nothing follows a value.
   */
  private static final ObjectReader TREE_READER = Json.mapper().reader()
      .without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RunDirectory() {}

  /**
   * Reads the run directory.
   *
   * @param classLabels the run's mass-class labels (index 0 = lightest), or null to take them from
   *                    the landing points and ellipses
   * @param maxPoints   most landing points to draw (&gt;= 1)
   * @throws InputException when a required file is missing or malformed
   */
  public static ReportData read(Path dir, List<String> classLabels, int maxPoints)
      throws IOException, InputException {
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
    }
    Path manifestFile = dir.resolve(MANIFEST);
    requireFile(manifestFile);
    OutputManifestDocument manifest = OutputManifestDocument.read(manifestFile);
    String eventId = text(manifest.eventId(), manifestFile, "event_id");
    String produced = text(manifest.producedUtc(), manifestFile, "produced_utc");
    Path pointsFile = dir.resolve(POINTS);
    if (!Files.isRegularFile(pointsFile)) {
      throw new InputException(pointsFile, "(file)", "missing: not a run output directory?");
    }
    Path ellipsesFile = dir.resolve(ELLIPSES);
    JsonNode ellipsesDoc = Files.isRegularFile(ellipsesFile) ? readJson(ellipsesFile) : null;

    List<String> labels = classLabels;
    if (labels == null) {
      TreeMap<Integer, String> seen = new TreeMap<>();
      JsonNode meta;
      try {
        meta = streamPoints(pointsFile,
            f -> seen.putIfAbsent(classIndex(pointsFile, f), classLabel(pointsFile, f)));
        if (ellipsesDoc != null) {
          for (JsonNode f : ellipsesDoc.path("features")) {
            seen.putIfAbsent(classIndex(ellipsesFile, f), classLabel(ellipsesFile, f));
          }
        }
      } catch (IllegalStateException e) {
        if (e.getCause() instanceof InputException ie) {
          throw ie;
        }
        throw e;
      }
      labels = new ArrayList<>();
      int n = seen.isEmpty() ? 1 : seen.lastKey() + 1;
      for (int i = 0; i < n; i++) {
        labels.add(seen.getOrDefault(i, "class " + i));
      }
      if (meta.isMissingNode()) {
        throw new InputException(pointsFile, "meta", "missing");
      }
    }
    MassClasses classes = new MassClasses(labels);
    List<LandingPoint> all = new ArrayList<>();
    JsonNode[] metaHolder = new JsonNode[1];
    RepresentativeSubset subset;
    try {
      subset = RepresentativeSubset.select(new PointIterator(pointsFile, metaHolder), classes,
          maxPoints);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof InputException ie) {
        throw ie;
      }
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InputException(pointsFile, "features[].properties.mass_class", e.getMessage(), e);
    }
    JsonNode meta = metaHolder[0];
    if (meta == null || meta.isMissingNode()) {
      throw new InputException(pointsFile, "meta", "missing");
    }
    all.addAll(subset.points());
    List<ReportData.Point> points = new ArrayList<>();
    for (LandingPoint p : all) {
      points.add(new ReportData.Point(p.latitudeDeg(), p.longitudeDeg(), p.massClassIndex(),
          p.massFinalKg(), p.impactSpeedMps(), p.sampleIndex(), p.fragmentId()));
    }
    long[] perClass = new long[classes.size()];
    int[] shown = new int[classes.size()];
    for (int c = 0; c < classes.size(); c++) {
      perClass[c] = subset.totalInClass(c);
      shown[c] = subset.selectedInClass(c);
    }
    String description = subset.description().replace("kml_max_points", "report max points");

    List<ReportData.Ellipse> ellipses;
    try {
      ellipses = ellipsesDoc == null ? List.of() : ellipses(ellipsesFile, ellipsesDoc, classes);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof InputException ie) {
        throw ie;
      }
      throw e;
    }
    List<ReportData.Heatmap> heatmaps = heatmaps(dir);
    Path sensitivityFile = dir.resolve(SENSITIVITY);
    SensitivityDocument sensitivity = Files.isRegularFile(sensitivityFile)
        ? SensitivityDocument.read(sensitivityFile) : null;
    JsonNode le = meta.path("luminous_end");
    LatLon end = le.path("latitude_deg").isNumber() && le.path("longitude_deg").isNumber()
        ? new LatLon(le.get("latitude_deg").asDouble(), le.get("longitude_deg").asDouble())
        : null;
    return new ReportData(eventId, produced, meta, manifest, labels, points, perClass, shown,
        description, ellipses, heatmaps, List.of(), null, end, sensitivity)
        .withSearchPlan(SearchPlanLayers.read(dir));
  }

  private static List<ReportData.Ellipse> ellipses(Path file, JsonNode doc, MassClasses classes)
      throws InputException {
    List<ReportData.Ellipse> out = new ArrayList<>();
    for (JsonNode f : doc.path("features")) {
      JsonNode p = f.path("properties");
      int cls = classIndex(file, f);
      if (cls >= classes.size()) {
        throw new InputException(file, "features[].properties.mass_class_index",
            "class " + cls + " is not one of the run's " + classes.size() + " mass classes");
      }
      List<LatLon> ring = new ArrayList<>();
      for (JsonNode c : f.path("geometry").path("coordinates").path(0)) {
        ring.add(new LatLon(number(file, c.path(1), "geometry.coordinates"),
            number(file, c.path(0), "geometry.coordinates")));
      }
      if (ring.size() < 4) {
        throw new InputException(file, "features[].geometry.coordinates",
            "an ellipse ring needs at least 4 positions");
      }
      out.add(new ReportData.Ellipse(cls, classes.label(cls),
          number(file, p.path("confidence_level"), "confidence_level"),
          p.path("sample_count").asLong(),
          number(file, p.path("semi_major_axis_m"), "semi_major_axis_m"),
          number(file, p.path("semi_minor_axis_m"), "semi_minor_axis_m"),
          number(file, p.path("orientation_deg"), "orientation_deg"), ring));
    }
    return out;
  }

  /**
   * The heatmap overlays named in the KML's {@code GroundOverlay}s (the numbers Google Earth
   * uses), with their PNGs read from the run directory. A href leaving the directory is refused.
   */
  static List<ReportData.Heatmap> heatmaps(Path dir) throws IOException, InputException {
    Path kml = dir.resolve(KML);
    if (!Files.isRegularFile(kml)) {
      return List.of();
    }
    List<ReportData.Heatmap> out = new ArrayList<>();
    XMLInputFactory xf = XMLInputFactory.newFactory();
    xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xf.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(kml)) {
      XMLStreamReader r = xf.createXMLStreamReader(in);
      String name = null;
      String href = null;
      double[] box = new double[4];
      boolean inOverlay = false;
      String path = "";
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String el = r.getLocalName();
          if (el.equals("GroundOverlay")) {
            inOverlay = true;
            name = null;
            href = null;
            box = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
          } else if (inOverlay) {
            path = el;
            String v = switch (el) {
              case "name", "href", "north", "south", "east", "west" -> r.getElementText().strip();
              default -> null;
            };
            if (v != null) {
              switch (path) {
                case "name" -> name = v;
                case "href" -> href = v;
                case "north" -> box[0] = parse(kml, "GroundOverlay.LatLonBox.north", v);
                case "south" -> box[1] = parse(kml, "GroundOverlay.LatLonBox.south", v);
                case "east" -> box[2] = parse(kml, "GroundOverlay.LatLonBox.east", v);
                default -> box[3] = parse(kml, "GroundOverlay.LatLonBox.west", v);
              }
            }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT
            && r.getLocalName().equals("GroundOverlay")) {
          inOverlay = false;
          if (name == null || href == null) {
            throw new InputException(kml, "GroundOverlay", "needs a name and an Icon href");
          }
          Path png = dir.resolve(href).normalize();
          if (!png.startsWith(dir.normalize()) || !Files.isRegularFile(png)) {
            throw new InputException(kml, "GroundOverlay.Icon.href",
                "image '" + href + "' is not a file inside the run directory");
          }
          try {
            out.add(new ReportData.Heatmap(name, href, box[0], box[1], box[2], box[3],
                HeatmapExport.OPACITY, Files.readAllBytes(png)));
          } catch (IllegalArgumentException e) {
            throw new InputException(kml, "GroundOverlay", e.getMessage(), e);
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new InputException(kml, "(xml)", e.getMessage(), e);
    }
    return out;
  }

  private static double parse(Path file, String field, String v) throws InputException {
    try {
      double d = Double.parseDouble(v);
      if (!Double.isFinite(d)) {
        throw new NumberFormatException("not finite");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new InputException(file, field, "not a number: " + v, e);
    }
  }

  private static void requireFile(Path file) throws InputException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, "(file)", "missing: not a run output directory?");
    }
  }

  static JsonNode readJson(Path file) throws IOException, InputException {
    requireFile(file);
    try {
      return TREE_READER.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .readTree(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InputException(file, "(json)", e.getOriginalMessage(), e);
    }
  }

  private static String text(String v, Path file, String field) throws InputException {
    if (v == null || v.isEmpty()) {
      throw new InputException(file, field, "missing or not a non-empty string");
    }
    return v;
  }

  private static double number(Path file, JsonNode v, String field) throws InputException {
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new InputException(file, field, "missing or not a finite number");
    }
    return v.asDouble();
  }

  private static int classIndex(Path file, JsonNode feature) {
    JsonNode v = feature.path("properties").path("mass_class_index");
    if (!v.canConvertToInt() || v.asInt() < 0 || !v.isIntegralNumber()) {
      throw new IllegalStateException(new InputException(file,
          "features[].properties.mass_class_index", "missing or not an integer >= 0"));
    }
    return v.asInt();
  }

  private static String classLabel(Path file, JsonNode feature) {
    JsonNode v = feature.path("properties").path("mass_class");
    if (!v.isTextual()) {
      throw new IllegalStateException(new InputException(file,
          "features[].properties.mass_class", "missing or not a string"));
    }
    return v.asText();
  }

  /**
   * Streams the FeatureCollection: every feature to {@code each}, one at a time; returns the
   * {@code meta} member (or a missing node).
   */
  static JsonNode streamPoints(Path file, Consumer<JsonNode> each)
      throws IOException, InputException {
    try (PointStream s = new PointStream(file)) {
      while (s.hasNext()) {
        each.accept(s.next());
      }
      return s.meta == null ? MissingNode.getInstance() : s.meta;
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof InputException ie) {
        throw ie;
      }
      throw e;
    }
  }

  /** The features of a FeatureCollection, parsed one at a time; {@code meta} may come first. */
  private static final class PointStream implements Iterator<JsonNode>, AutoCloseable {
    private final Path file;
    private final JsonParser p;
    private JsonNode meta;
    private JsonNode next;
    private boolean inFeatures;
    private boolean done;

    PointStream(Path file) throws IOException, InputException {
      this.file = file;
      this.p = Json.mapper().createParser(file.toFile());
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(file, "(json)", "not a GeoJSON FeatureCollection object");
      }
    }

    @Override
    public boolean hasNext() {
      if (next != null) {
        return true;
      }
      if (done) {
        return false;
      }
      try {
        advance();
      } catch (InputException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new IllegalStateException(new InputException(file, "(json)", e.getMessage(), e));
      }
      return next != null;
    }

    private void advance() throws IOException, InputException {
      while (true) {
        if (inFeatures) {
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_OBJECT) {
            next = TREE_READER.readTree(p);
            return;
          }
          if (t != JsonToken.END_ARRAY) {
            throw new InputException(file, "features", "not an array of objects");
          }
          inFeatures = false;
          continue;
        }
        JsonToken t = p.nextToken();
        if (t == JsonToken.END_OBJECT || t == null) {
          done = true;
          return;
        }
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("features".equals(field)) {
          if (v != JsonToken.START_ARRAY) {
            throw new InputException(file, "features", "not an array");
          }
          inFeatures = true;
        } else if ("meta".equals(field)) {
          meta = TREE_READER.readTree(p);
        } else {
          p.skipChildren();
        }
      }
    }

    @Override
    public JsonNode next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      JsonNode n = next;
      next = null;
      return n;
    }

    @Override
    public void close() throws IOException {
      p.close();
    }
  }

  /** The GeoJSON points as landing points for {@link RepresentativeSubset}, streamed. */
  private static final class PointIterator implements Iterator<LandingPoint> {
    private final Path file;
    private final PointStream stream;
    private final JsonNode[] metaOut;

    PointIterator(Path file, JsonNode[] metaOut) throws IOException, InputException {
      this.file = file;
      this.stream = new PointStream(file);
      this.metaOut = metaOut;
    }

    @Override
    public boolean hasNext() {
      boolean more = stream.hasNext();
      if (!more) {
        metaOut[0] = stream.meta;
        try {
          stream.close();
        } catch (IOException e) {
          throw new IllegalStateException(new InputException(file, "(file)", e.getMessage(), e));
        }
      }
      return more;
    }

    @Override
    public LandingPoint next() {
      return toPoint(file, stream.next());
    }
  }

  /**
   * A GeoJSON point feature as a landing point. The GeoJSON holds only the fields the
   * representative-subset rule and the map use; the others (initial mass, time aloft, β, Cd,
   * density) are not in the file and are set to values that pass validation and are never shown.
   */
  static LandingPoint toPoint(Path file, JsonNode f) {
    JsonNode p = f.path("properties");
    JsonNode c = f.path("geometry").path("coordinates");
    try {
      double mass = number(file, p.path("mass_final_kg"), "properties.mass_final_kg");
      JsonNode radius = p.path("uncertainty_radius_m");
      return new LandingPoint(p.path("fragment_id").asText(), p.path("sample_index").asLong(),
          classLabel(file, f), classIndex(file, f),
          number(file, c.path(1), "geometry.coordinates[1]"),
          number(file, c.path(0), "geometry.coordinates[0]"), mass, mass,
          number(file, p.path("impact_speed_mps"), "properties.impact_speed_mps"),
          Instant.parse(p.path("landing_time_utc").asText()), 0,
          radius.isNumber() ? radius.asDouble() : Double.NaN,
          number(file, p.path("energy_J"), "properties.energy_J"), 1, 1, 1);
    } catch (InputException e) {
      throw new IllegalStateException(e);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalStateException(new InputException(file, "features[]", e.getMessage(), e));
    }
  }
}
