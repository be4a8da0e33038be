package org.darkflight.io.kml;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.darkflight.io.geo.GeoNumbers;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.MassClassColours;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.io.searchplan.SearchPlanText;

/**
 * The "Search Areas" folder of a {@link SearchPlan} in the run's Google Earth document, and its
 * insertion into an existing {@code strewn_field.kml} and the {@code doc.kml} of
 * {@code strewn_field.kmz}.
 *
 * <p>Folder layout: "Search Areas" (description: the plan in a paragraph) → one sub-folder per
 * mass class ("Search: &lt;class&gt;"), holding one Placemark per search area (a MultiGeometry of Polygons, holes as
 * {@code innerBoundaryIs}; line width and fill opacity by level: the inner, more probable area
 * bolder), one per transect track (a MultiGeometry of tessellated LineStrings, in walking order)
 * and one Point per waypoint of the class. Colours: the class's colour of
 * {@link MassClassColours}. Styles are inline (a {@code Style} in each Placemark), so the folder
 * needs nothing else from the document. No {@code gx:} extensions: the document stays valid
 * against OGC KML 2.2 ({@code ogckml22.xsd}).
 *
 * <p>The folder sits between two XML comments ({@value #BEGIN} and {@value #END}) just before
 * the closing {@code </Document>}; inserting it again first removes the earlier copy, so the
 * result does not depend on how often the plan was made. The KMZ is rewritten entry by entry in
 * the same order with the same times and compression, only {@code doc.kml} changing.
 */
public final class SearchAreasKml {

  /** Comment line before the folder. */
  public static final String BEGIN = "<!-- darkflight:search-areas -->";
  /** Comment line after the folder. */
  public static final String END = "<!-- /darkflight:search-areas -->";
  /** Name of the folder. */
  public static final String FOLDER_NAME = "Search Areas";

  private static final String CLOSE_DOCUMENT = "</Document>";
  /** Indentation of the Document's children in the KML written by {@link StrewnFieldKml}. */
  private static final int DOCUMENT_CHILD_DEPTH = 2;

  private SearchAreasKml() {}

  /**
   * The folder as KML text (elements in the KML 2.2 default namespace, no declaration of its
   * own), indented as a child of {@code Document}, wrapped in the {@link #BEGIN}/{@link #END}
   * comment lines, ending with a line break.
   *
   * @param classCount number of mass classes of the run (fixes the colour ramp, as in the rest
   *                   of the KML)
   * @param decimals   decimals of latitude and longitude
   */
  public static String folder(SearchPlan plan, int classCount, int decimals) throws IOException {
    Objects.requireNonNull(plan, "plan");
    StringWriter out = new StringWriter();
    String indent = "  ".repeat(DOCUMENT_CHILD_DEPTH);
    out.write(indent + BEGIN + "\n" + indent);
    try {
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      x.setDefaultNamespace(KmlXmlWriter.KML_NS);
      new Render(x, plan, classCount, decimals).folder();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the Search Areas KML folder: " + e.getMessage(), e);
    }
    out.write("\n" + indent + END + "\n");
    return out.toString();
  }

  /**
   * {@code kml} (a KML document as written by {@link StrewnFieldKml}) with {@code folder}
   * inserted before the closing {@code </Document>}, after removing an earlier Search Areas
   * folder; an empty {@code folder} only removes.
   *
   * @throws IOException when the document has no {@code </Document>}
   */
  public static byte[] insert(byte[] kml, String folder) throws IOException {
    String text = remove(new String(kml, StandardCharsets.UTF_8));
    int close = text.lastIndexOf(CLOSE_DOCUMENT);
    if (close < 0) {
      throw new IOException("not a KML document with a <Document> element");
    }
    int lineStart = text.lastIndexOf('\n', close) + 1;
    if (!text.substring(lineStart, close).isBlank()) {
      lineStart = close;
    }
    return (text.substring(0, lineStart) + folder + text.substring(lineStart))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code kmz} with the folder inserted into its {@code doc.kml} ({@link #insert}); every other
   * entry is copied unchanged, in order, with its modification time.
   */
  public static byte[] insertIntoKmz(byte[] kmz, String folder) throws IOException {
    record Entry(String name, LocalDateTime time, byte[] bytes) {}
    List<Entry> entries = new ArrayList<>();
    boolean found = false;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(kmz),
        StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().equals(KmlProduct.KMZ_DOC)) {
          bytes = insert(bytes, folder);
          found = true;
        }
        entries.add(new Entry(e.getName(), e.getTimeLocal(), bytes));
      }
    }
    if (!found) {
      throw new IOException("not a KMZ: no " + KmlProduct.KMZ_DOC + " entry");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(kmz.length + folder.length());
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Entry e : entries) {
        ZipEntry z = new ZipEntry(e.name());
        z.setTimeLocal(e.time());
        zip.putNextEntry(z);
        zip.write(e.bytes());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** {@code text} without a Search Areas folder (the lines from {@link #BEGIN} to {@link #END}). */
  static String remove(String text) {
    int begin = text.indexOf(BEGIN);
    if (begin < 0) {
      return text;
    }
    int end = text.indexOf(END, begin);
    if (end < 0) {
      return text;
    }
    int from = text.lastIndexOf('\n', begin) + 1;
    int to = text.indexOf('\n', end);
    to = to < 0 ? text.length() : to + 1;
    return text.substring(0, from) + text.substring(to);
  }

  /** One rendering of the folder. */
  private static final class Render {
    private final XMLStreamWriter x;
    private final SearchPlan plan;
    private final int classCount;
    private final int decimals;
    private int depth = DOCUMENT_CHILD_DEPTH;
    private boolean lastWasStart;

    Render(XMLStreamWriter x, SearchPlan plan, int classCount, int decimals) {
      this.x = x;
      this.plan = plan;
      this.classCount = classCount;
      this.decimals = decimals;
    }

    void folder() throws XMLStreamException {
      x.writeStartElement(KmlXmlWriter.KML_NS, "Folder");
      x.writeAttribute("id", "search-areas");
      depth++;
      lastWasStart = true;
      leaf("name", FOLDER_NAME);
      leaf("open", "0");
      leaf("description", SearchPlanText.plan(plan));
      List<Integer> classes = new ArrayList<>();
      plan.areas().forEach(a -> add(classes, a.massClassIndex()));
      plan.tracks().forEach(t -> add(classes, t.massClassIndex()));
      plan.waypoints().forEach(w -> add(classes, w.massClassIndex()));
      classes.sort(null);
      for (int k : classes) {
        classFolder(k);
      }
      end();
    }

    private void classFolder(int k) throws XMLStreamException {
      String label = label(k);
      Color c = colour(k);
      start("Folder");
      leaf("name", "Search: " + label);
      leaf("open", "0");
      List<Double> levels = plan.settings().levels();
      for (SearchPlan.Area a : plan.areas()) {
        if (a.massClassIndex() != k) {
          continue;
        }
        // The inner (smaller, more probable) area boldest: width 3, 2, 1.5…; fill alpha 0x60,
        // 0x40, 0x20….
        int rank = levels.indexOf(a.probability());
        start("Placemark");
        leaf("name", percent(a.probability()) + " search area: " + label);
        leaf("description", String.format(Locale.ROOT, "Smallest area holding %s of the "
            + "simulated landings of mass class %s (%.1f %% of its %d landings inside): "
            + "%.3f km2 (%.1f ha) in %d part(s); %d transect legs, %.2f km of transects, "
            + "about %.1f h of walking for one searcher. See search_areas.geojson.",
            percent(a.probability()), label, 100 * a.landingFractionInside(), a.landings(),
            a.areaM2() / 1e6, a.areaM2() / 1e4, a.polygons().size(), a.transectLegs(),
            a.transectLengthM() / 1000,
            plan.settings().walkingTimeH(a.transectLengthM() + a.hopLengthM())));
        style(c, Math.max(1.5, 3 - rank), Math.max(0x20, 0x60 - 0x20 * rank));
        start("MultiGeometry");
        for (SearchPlan.Polygon p : a.polygons()) {
          start("Polygon");
          leaf("tessellate", "1");
          start("outerBoundaryIs");
          ring(p.exterior());
          end();
          for (List<LatLon> hole : p.holes()) {
            start("innerBoundaryIs");
            ring(hole);
            end();
          }
          end();
        }
        end();
        end();
      }
      for (SearchPlan.Track t : plan.tracks()) {
        if (t.massClassIndex() != k) {
          continue;
        }
        start("Placemark");
        leaf("name", "Transects " + SearchPlanText.trackName(t));
        leaf("description", SearchPlanText.track(plan.settings(), t));
        style(c, 1, -1);
        start("MultiGeometry");
        for (List<LatLon> leg : t.legs()) {
          start("LineString");
          leaf("tessellate", "1");
          leaf("coordinates", coordinates(leg));
          end();
        }
        end();
        end();
      }
      for (SearchPlan.Waypoint w : plan.waypoints()) {
        if (w.massClassIndex() != k) {
          continue;
        }
        start("Placemark");
        leaf("name", w.name());
        leaf("description", SearchPlanText.waypoint(w));
        start("Point");
        leaf("coordinates", coordinates(List.of(w.position())));
        end();
        end();
      }
      end();
    }

    private String label(int k) {
      for (SearchPlan.Area a : plan.areas()) {
        if (a.massClassIndex() == k) {
          return a.massClass();
        }
      }
      for (SearchPlan.Track t : plan.tracks()) {
        if (t.massClassIndex() == k) {
          return t.massClass();
        }
      }
      for (SearchPlan.Waypoint w : plan.waypoints()) {
        if (w.massClassIndex() == k) {
          return w.massClass();
        }
      }
      return "class " + k;
    }

    private Color colour(int k) {
      return MassClassColours.colour(Math.min(k, Math.max(0, classCount - 1)),
          Math.max(classCount, 1));
    }

    /** An inline style: outline in the class colour; fill with {@code fillAlpha} (or none). */
    private void style(Color c, double width, int fillAlpha) throws XMLStreamException {
      start("Style");
      start("LineStyle");
      leaf("color", MassClassColours.kmlColour(c, 0xff));
      leaf("width", GeoNumbers.quantity(width));
      end();
      if (fillAlpha >= 0) {
        start("PolyStyle");
        leaf("color", MassClassColours.kmlColour(c, fillAlpha));
        end();
      }
      end();
    }

    private void ring(List<LatLon> ring) throws XMLStreamException {
      start("LinearRing");
      leaf("coordinates", coordinates(ring));
      end();
    }

    private String coordinates(List<LatLon> points) {
      StringBuilder s = new StringBuilder(points.size() * 22);
      for (LatLon p : points) {
        if (s.length() > 0) {
          s.append(' ');
        }
        s.append(GeoNumbers.coordinate(p.longitudeDeg(), decimals)).append(',')
            .append(GeoNumbers.coordinate(p.latitudeDeg(), decimals));
      }
      return s.toString();
    }

    private void start(String name) throws XMLStreamException {
      newline();
      x.writeStartElement(KmlXmlWriter.KML_NS, name);
      depth++;
      lastWasStart = true;
    }

    private void end() throws XMLStreamException {
      depth--;
      if (!lastWasStart) {
        newline();
      }
      x.writeEndElement();
      lastWasStart = false;
    }

    private void leaf(String name, String text) throws XMLStreamException {
      newline();
      x.writeStartElement(KmlXmlWriter.KML_NS, name);
      x.writeCharacters(XmlText.clean(text));
      x.writeEndElement();
      lastWasStart = false;
    }

    private void newline() throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(depth));
    }
  }

  private static void add(List<Integer> list, int k) {
    if (!list.contains(k)) {
      list.add(k);
    }
  }

  private static String percent(double p) {
    return SearchPlanText.percent(p);
  }
}
