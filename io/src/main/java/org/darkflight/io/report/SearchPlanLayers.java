package org.darkflight.io.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.searchplan.SearchPlan;

/**
 * The search plan as the report draws it, read from a run directory's
 * {@value SearchPlan#AREAS_FILE} (areas with their figures) and {@value SearchPlan#GPX_FILE}
 * (transect tracks and waypoints, as a GPS would read them).
 *
 * @param areas      search areas in file order
 * @param tracks     transect tracks in file order
 * @param waypoints  waypoints in file order
 */
public record SearchPlanLayers(List<Area> areas, List<Track> tracks, List<Waypoint> waypoints) {

  public SearchPlanLayers {
    areas = List.copyOf(areas);
    tracks = List.copyOf(tracks);
    waypoints = List.copyOf(waypoints);
  }

  /**
   * One search area.
   *
   * @param massClassIndex   mass class index
   * @param massClass        its label
   * @param probability      level, e.g. 0.9
   * @param fractionInside   share of the class's landings inside
   * @param areaM2           area, m²
   * @param transectLegs     transect pieces inside
   * @param transectLengthM  their length, m
   * @param walkingTimeH     walking time for one searcher, h
   * @param polygons         polygons, each its rings (exterior first), each ring closed
   */
  public record Area(int massClassIndex, String massClass, double probability,
      double fractionInside, double areaM2, int transectLegs, double transectLengthM,
      double walkingTimeH, List<List<List<LatLon>>> polygons) {
    public Area {
      polygons = List.copyOf(polygons);
    }
  }

  /** One GPX track: name, comment and its segments (each a list of points). */
  public record Track(String name, String comment, List<List<LatLon>> segments) {
    public Track {
      segments = List.copyOf(segments);
    }
  }

  /** One GPX waypoint. */
  public record Waypoint(String name, String description, LatLon position) {}

  /**
   * Reads the plan of {@code dir}, or returns null when the run has neither file.
   *
   * @throws InputException naming the file and the field when a file is malformed
   */
  public static SearchPlanLayers read(Path dir) throws IOException, InputException {
    Path areasFile = dir.resolve(SearchPlan.AREAS_FILE);
    Path gpxFile = dir.resolve(SearchPlan.GPX_FILE);
    if (!Files.isRegularFile(areasFile) && !Files.isRegularFile(gpxFile)) {
      return null;
    }
    List<Area> areas = new ArrayList<>();
    if (Files.isRegularFile(areasFile)) {
      JsonNode doc = RunDirectory.readJson(areasFile);
      for (JsonNode f : doc.path("features")) {
        areas.add(area(areasFile, f));
      }
    }
    List<Track> tracks = new ArrayList<>();
    List<Waypoint> waypoints = new ArrayList<>();
    if (Files.isRegularFile(gpxFile)) {
      gpx(gpxFile, tracks, waypoints);
    }
    return new SearchPlanLayers(areas, tracks, waypoints);
  }

  private static Area area(Path file, JsonNode f) throws InputException {
    JsonNode p = f.path("properties");
    List<List<List<LatLon>>> polygons = new ArrayList<>();
    for (JsonNode polygon : f.path("geometry").path("coordinates")) {
      List<List<LatLon>> rings = new ArrayList<>();
      for (JsonNode ring : polygon) {
        List<LatLon> r = new ArrayList<>();
        for (JsonNode c : ring) {
          r.add(latLon(file, c.path(1), c.path(0), "features[].geometry.coordinates"));
        }
        rings.add(List.copyOf(r));
      }
      polygons.add(List.copyOf(rings));
    }
    if (polygons.isEmpty() || !p.path("mass_class").isTextual()) {
      throw new InputException(file, "features[]", "a search area needs polygons and a class");
    }
    return new Area(p.path("mass_class_index").asInt(), p.path("mass_class").asText(),
        number(file, p, "probability"), number(file, p, "landing_fraction_inside"),
        number(file, p, "area_m2"), p.path("transect_legs").asInt(),
        number(file, p, "transect_length_m"), number(file, p, "walking_time_h"), polygons);
  }

  private static void gpx(Path file, List<Track> tracks, List<Waypoint> waypoints)
      throws IOException, InputException {
    XMLInputFactory xf = XMLInputFactory.newFactory();
    xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    xf.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = xf.createXMLStreamReader(in);
      String name = null;
      String note = null;
      LatLon at = null;
      List<List<LatLon>> segments = null;
      List<LatLon> segment = null;
      String parent = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "wpt" -> {
              parent = "wpt";
              name = "";
              note = "";
              at = point(file, r);
            }
            case "trk" -> {
              parent = "trk";
              name = "";
              note = "";
              segments = new ArrayList<>();
            }
            case "trkseg" -> segment = new ArrayList<>();
            case "trkpt" -> {
              if (segment != null) {
                segment.add(point(file, r));
              }
            }
            case "name" -> {
              if (parent != null) {
                name = r.getElementText();
              }
            }
            case "cmt" -> {
              if ("trk".equals(parent)) {
                note = r.getElementText();
              }
            }
            case "desc" -> {
              if ("wpt".equals(parent)) {
                note = r.getElementText();
              }
            }
            default -> { }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          switch (r.getLocalName()) {
            case "wpt" -> {
              waypoints.add(new Waypoint(name, note, at));
              parent = null;
            }
            case "trkseg" -> {
              if (segments != null && segment != null && segment.size() >= 2) {
                segments.add(List.copyOf(segment));
              }
              segment = null;
            }
            case "trk" -> {
              tracks.add(new Track(name, note, segments));
              parent = null;
            }
            default -> { }
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new InputException(file, "(xml)", e.getMessage(), e);
    }
  }

  private static LatLon point(Path file, XMLStreamReader r) throws InputException {
    String lat = r.getAttributeValue(null, "lat");
    String lon = r.getAttributeValue(null, "lon");
    try {
      return new LatLon(Double.parseDouble(lat), Double.parseDouble(lon));
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new InputException(file, r.getLocalName() + "@lat/@lon",
          "not a WGS84 position: " + lat + ", " + lon, e);
    }
  }

  private static LatLon latLon(Path file, JsonNode lat, JsonNode lon, String field)
      throws InputException {
    if (!lat.isNumber() || !lon.isNumber()) {
      throw new InputException(file, field, "not a [longitude, latitude] position");
    }
    try {
      return new LatLon(lat.asDouble(), lon.asDouble());
    } catch (IllegalArgumentException e) {
      throw new InputException(file, field, e.getMessage(), e);
    }
  }

  private static double number(Path file, JsonNode p, String field) throws InputException {
    JsonNode v = p.path(field);
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new InputException(file, "features[].properties." + field,
          "missing or not a finite number");
    }
    return v.asDouble();
  }
}
