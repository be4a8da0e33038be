package org.darkflight.io.gpx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.geo.GeoNumbers;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.ProvenanceJson;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.io.searchplan.SearchPlanText;

/**
 * Writes {@code search_plan.gpx}, a GPX 1.1 document (TopoGrafix, schema
 * http://www.topografix.com/GPX/1/1/gpx.xsd) for handheld GPS receivers and GIS: a
 * {@code metadata} header (name, description of the plan, the run's production time, bounds),
 * one {@code wpt} per waypoint of the plan (nominal landings, or density modes), then one
 * {@code trk} per transect track (a mass class's search area, or one part of it), whose
 * {@code trkseg}s are the transect legs in walking order. Every track's {@code desc} states the
 * area, the transect length, the walking between legs and the walking time.
 *
 * <p>Bytes are deterministic: the JDK's built-in StAX writer
 * ({@link XMLOutputFactory#newDefaultFactory()}), fixed two-space indentation, LF line ends,
 * coordinates with {@code decimals} decimals (half-even, {@link GeoNumbers#coordinate}),
 * {@link Locale#ROOT} number text. Characters that XML 1.0 forbids become U+FFFD.
 */
public final class SearchPlanGpx {

  /** The GPX 1.1 namespace. */
  public static final String NS = "http://www.topografix.com/GPX/1/1";
  /** Where the schema is published (written in {@code xsi:schemaLocation}). */
  public static final String SCHEMA_LOCATION = "http://www.topografix.com/GPX/1/1/gpx.xsd";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final int decimals;

  /** A writer with {@code decimals} (5..9) decimals of latitude and longitude. */
  public SearchPlanGpx(int decimals) {
    if (decimals < 5 || decimals > 9) {
      throw new IllegalArgumentException("GPX coordinates need 5..9 decimals, got " + decimals);
    }
    this.decimals = decimals;
  }

  /** Writes the file atomically. */
  public void write(Path target, SearchPlan plan) throws IOException {
    AtomicFiles.write(target, bytes(plan));
  }

  /** The document as UTF-8 bytes. */
  public byte[] bytes(SearchPlan plan) throws IOException {
    Objects.requireNonNull(plan, "plan");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter x = XMLOutputFactory.newDefaultFactory()
          .createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      new Render(x, plan).document();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write GPX: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** One rendering. */
  private final class Render {
    private final XMLStreamWriter x;
    private final SearchPlan plan;
    private int depth;

    Render(XMLStreamWriter x, SearchPlan plan) {
      this.x = x;
      this.plan = plan;
    }

    void document() throws XMLStreamException {
      x.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      x.writeCharacters("\n");
      x.setDefaultNamespace(NS);
      x.writeStartElement(NS, "gpx");
      x.writeDefaultNamespace(NS);
      x.writeNamespace("xsi", XSI);
      x.writeAttribute("version", "1.1");
      x.writeAttribute("creator", clean(plan.run().producer()));
      x.writeAttribute(XSI, "schemaLocation", NS + " " + SCHEMA_LOCATION);
      depth = 1;
      metadata();
      for (SearchPlan.Waypoint w : plan.waypoints()) {
        waypoint(w);
      }
      int number = 1;
      for (SearchPlan.Track t : plan.tracks()) {
        track(t, number++);
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
    }

    private void metadata() throws XMLStreamException {
      start("metadata");
      leaf("name", "Darkflight search plan: " + plan.run().eventId());
      leaf("desc", SearchPlanText.plan(plan));
      leaf("time", ProvenanceJson.instant(plan.run().createdUtc()));
      leaf("keywords", "meteorite, strewn field, search plan, darkflight");
      double[] b = bounds();
      if (b != null) {
        newline();
        x.writeEmptyElement(NS, "bounds");
        x.writeAttribute("minlat", coordinate(b[0]));
        x.writeAttribute("minlon", coordinate(b[1]));
        x.writeAttribute("maxlat", coordinate(b[2]));
        x.writeAttribute("maxlon", coordinate(b[3]));
      }
      end();
    }

    private void waypoint(SearchPlan.Waypoint w) throws XMLStreamException {
      newline();
      x.writeStartElement(NS, "wpt");
      position(w.position());
      depth++;
      leaf("name", w.name());
      leaf("cmt", SearchPlanText.waypointComment(w));
      leaf("desc", SearchPlanText.waypoint(w));
      leaf("src", plan.run().producer());
      leaf("sym", w.kind() == SearchPlan.WaypointKind.NOMINAL_LANDING ? "Flag, Blue"
          : "Flag, Red");
      leaf("type", w.kind() == SearchPlan.WaypointKind.NOMINAL_LANDING ? "nominal landing"
          : "density mode");
      end();
    }

    private void track(SearchPlan.Track t, int number) throws XMLStreamException {
      start("trk");
      leaf("name", SearchPlanText.trackName(t));
      leaf("cmt", String.format(Locale.ROOT, "%d legs, %.1f km, %.1f h", t.legs().size(),
          t.transectLengthM() / 1000, plan.settings().walkingTimeH(t.transectLengthM()
              + t.hopLengthM())));
      leaf("desc", SearchPlanText.track(plan.settings(), t));
      leaf("src", plan.run().producer());
      leaf("number", Integer.toString(number));
      leaf("type", "search transects");
      for (List<LatLon> leg : t.legs()) {
        start("trkseg");
        for (LatLon p : leg) {
          newline();
          x.writeEmptyElement(NS, "trkpt");
          position(p);
        }
        end();
      }
      end();
    }

    private void position(LatLon p) throws XMLStreamException {
      x.writeAttribute("lat", coordinate(p.latitudeDeg()));
      x.writeAttribute("lon", coordinate(p.longitudeDeg()));
    }

    /** {minLat, minLon, maxLat, maxLon} of every waypoint and track point, or null. */
    private double[] bounds() {
      double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
      plan.waypoints().forEach(w -> extend(b, w.position()));
      plan.tracks().forEach(t -> t.legs().forEach(l -> l.forEach(p -> extend(b, p))));
      return b[0] > b[2] ? null : b;
    }

    private void start(String name) throws XMLStreamException {
      newline();
      x.writeStartElement(NS, name);
      depth++;
    }

    private void end() throws XMLStreamException {
      depth--;
      newline();
      x.writeEndElement();
    }

    private void leaf(String name, String text) throws XMLStreamException {
      newline();
      x.writeStartElement(NS, name);
      x.writeCharacters(clean(text));
      x.writeEndElement();
    }

    private void newline() throws XMLStreamException {
      x.writeCharacters("\n" + "  ".repeat(depth));
    }
  }

  private String coordinate(double deg) {
    return GeoNumbers.coordinate(deg, decimals);
  }

  private static void extend(double[] b, LatLon p) {
    b[0] = Math.min(b[0], p.latitudeDeg());
    b[1] = Math.min(b[1], p.longitudeDeg());
    b[2] = Math.max(b[2], p.latitudeDeg());
    b[3] = Math.max(b[3], p.longitudeDeg());
  }

  /**
   * {@code s} with every character outside the XML 1.0 {@code Char} production replaced by
   * U+FFFD (StAX escapes markup but passes those through; same rule as the KML writer's).
   */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      out.appendCodePoint(ok ? cp : 0xFFFD);
    });
    return out.toString();
  }
}
