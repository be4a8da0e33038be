package org.darkflight.io.kml;

import static org.darkflight.io.kml.KmlTestSupport.childText;
import static org.darkflight.io.kml.KmlTestSupport.children;
import static org.darkflight.io.kml.KmlTestSupport.elements;
import static org.darkflight.io.kml.KmlTestSupport.folder;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.darkflight.io.geo.EastNorthCovariance;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geo.LatLon;
import org.darkflight.io.geo.MassClassColours;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issue 17 §1: ellipses styled by class (colour) and confidence level (width and fill), one
 * sub-folder per class; styles and legend for populated classes only; heatmaps in a radio
 * folder; typed ExtendedData; https icons; still valid OGC KML 2.2.
 */
class KmlStylesTest {

  private static List<EllipseFeature> threeLevels() {
    List<EllipseFeature> out = new ArrayList<>();
    for (double p : new double[] {0.5, 0.9, 0.99}) {
      out.add(EllipseFeature.fromCovariance(GeoFixtures.CLASSES.label(1), 1, p, 300,
          new LatLon(46.03, 7.52), new EastNorthCovariance(40_000, -5_000, 90_000), 36));
      out.add(EllipseFeature.fromCovariance(GeoFixtures.CLASSES.label(4), 4, p, 120,
          new LatLon(46.04, 7.58), new EastNorthCovariance(250_000, 90_000, 160_000), 36));
    }
    return out;
  }

  private static KmlProduct product(List<LandingPoint> points) throws IOException {
    return new StrewnFieldKml(GeoOutputOptions.defaults()).build(GeoFixtures.run(),
        GeoFixtures.CLASSES, points.iterator(), threeLevels(), GeoFixtures.trajectories(),
        List.of(new KmlGroundOverlay("Landing probability: a", "media/a.png", 46.1, 46.0, 7.62,
                7.48, 0.75),
            new KmlGroundOverlay("Landing probability: b", "media/b.png", 46.1, 46.0, 7.62,
                7.48, 0.75)));
  }

  private static Map<String, Element> styles(Document d) {
    Map<String, Element> styles = new HashMap<>();
    for (Element s : elements(d, "Style")) {
      if (!s.getAttribute("id").isEmpty()) {
        styles.put(s.getAttribute("id"), s);
      }
    }
    return styles;
  }

  @Test
  void everyClassAndLevelHasItsOwnStyle() throws Exception {
    Document d = KmlTestSupport.parse(product(GeoFixtures.points(200)).kmlBytes());
    Map<String, Element> styles = styles(d);
    Set<String> looks = new HashSet<>();
    for (int c : new int[] {1, 4}) {
      Set<String> widths = new HashSet<>();
      Set<String> fills = new HashSet<>();
      String lineColour = null;
      for (String level : List.of("50", "90", "99")) {
        Element s = styles.get("ellipse-" + c + "-" + level);
        Element line = children(s, "LineStyle").get(0);
        Element poly = children(s, "PolyStyle").get(0);
        widths.add(childText(line, "width"));
        fills.add(childText(poly, "color"));
        lineColour = lineColour == null ? childText(line, "color") : lineColour;
        assertThat("one colour per class", childText(line, "color"), equalTo(lineColour));
        looks.add(childText(line, "color") + childText(line, "width") + childText(poly, "color"));
      }
      assertThat("a width per level", widths.size(), equalTo(3));
      assertThat("a fill per level", fills.size(), equalTo(3));
    }
    assertThat("six distinct looks", looks.size(), equalTo(6));
    assertThat(childText(children(styles.get("ellipse-1-50"), "LineStyle").get(0), "width"),
        equalTo("3"));
    assertThat(childText(children(styles.get("ellipse-1-99"), "LineStyle").get(0), "width"),
        equalTo("1"));
    Element ellipses = folder(d, "Uncertainty Ellipses");
    List<Element> sub = children(ellipses, "Folder");
    assertThat(sub.size(), equalTo(2));
    assertThat(childText(sub.get(0), "name"), equalTo("Ellipses: " + GeoFixtures.CLASSES.label(1)));
    for (Element pm : children(sub.get(1), "Placemark")) {
      assertThat(childText(pm, "styleUrl"), startsWith("#ellipse-4-"));
    }
    assertThat(children(sub.get(1), "Placemark").size(), equalTo(3));
  }

  @Test
  void onlyPopulatedClassesGetStylesAndTheFirstPaletteColours() throws Exception {
    List<LandingPoint> points = new ArrayList<>();
    for (LandingPoint p : GeoFixtures.points(400)) {
      if (p.massClassIndex() == 2 || p.massClassIndex() == 4) {
        points.add(p);
      }
    }
    KmlProduct product = new StrewnFieldKml(GeoOutputOptions.defaults()).build(GeoFixtures.run(),
        GeoFixtures.CLASSES, points.iterator(), List.of(), List.of());
    Map<String, Element> styles = styles(KmlTestSupport.parse(product.kmlBytes()));
    assertThat(styles.containsKey("mass-class-0"), equalTo(false));
    assertThat(styles.containsKey("mass-class-3"), equalTo(false));
    assertThat(childText(children(styles.get("mass-class-2"), "IconStyle").get(0), "color"),
        equalTo(MassClassColours.kmlColour(MassClassColours.OKABE_ITO.get(0), 255)));
    assertThat(childText(children(styles.get("mass-class-4"), "IconStyle").get(0), "color"),
        equalTo(MassClassColours.kmlColour(MassClassColours.OKABE_ITO.get(1), 255)));
  }

  @Test
  void heatmapsSitInARadioFolderWithTheFirstVisible() throws Exception {
    Document d = KmlTestSupport.parse(product(GeoFixtures.points(50)).kmlBytes());
    Element heatmap = folder(d, "Heatmap");
    Element radio = children(heatmap, "Folder").get(0);
    Element listStyle = elements(children(radio, "Style").get(0), "ListStyle").get(0);
    assertThat(childText(listStyle, "listItemType"), equalTo("radioFolder"));
    List<Element> overlays = children(radio, "GroundOverlay");
    assertThat(overlays.size(), equalTo(2));
    assertThat(childText(overlays.get(0), "visibility"), equalTo("1"));
    assertThat(childText(overlays.get(1), "visibility"), equalTo("0"));
    assertThat("the legend stays outside the radio folder", children(heatmap, "ScreenOverlay")
        .size(), equalTo(1));
  }

  @Test
  void extendedDataIsTypedThroughSchemas() throws Exception {
    Document d = KmlTestSupport.parse(product(GeoFixtures.points(50)).kmlBytes());
    Map<String, Map<String, String>> types = new HashMap<>();
    for (Element s : elements(d, "Schema")) {
      Map<String, String> fields = new HashMap<>();
      for (Element f : children(s, "SimpleField")) {
        fields.put(f.getAttribute("name"), f.getAttribute("type"));
      }
      types.put(s.getAttribute("name"), fields);
      assertThat(s.getAttribute("id"), equalTo(StrewnFieldKml.schemaId(s.getAttribute("name"))));
    }
    assertThat(types.keySet(), equalTo(Set.of("event", "fragment", "ellipse", "trajectory")));
    assertThat(types.get("fragment").get("mass_final_kg"), equalTo("double"));
    assertThat(types.get("fragment").get("sample_index"), equalTo("int"));
    assertThat(types.get("fragment").get("fragment_id"), equalTo("string"));
    assertThat(types.get("ellipse").get("sample_count"), equalTo("int"));
    assertThat(types.get("event").get("luminous_end_altitude_m"), equalTo("double"));
    for (Element sd : elements(d, "SchemaData")) {
      String schema = sd.getAttribute("schemaUrl").substring("#fields-".length());
      for (Element v : children(sd, "SimpleData")) {
        String type = types.get(schema).get(v.getAttribute("name"));
        if (!"string".equals(type)) {
          Double.parseDouble(v.getTextContent()); // numbers are numbers
        }
      }
    }
    assertThat("no untyped Data left", elements(d, "Data"), empty());
  }

  @Test
  void iconsAreServedOverHttps() throws Exception {
    Document d = KmlTestSupport.parse(product(GeoFixtures.points(50)).kmlBytes());
    for (Element href : elements(d, "href")) {
      String h = href.getTextContent();
      if (h.contains("://")) {
        assertThat(h, startsWith("https://"));
      }
    }
  }

  @Test
  void theStyledDocumentStillValidatesAgainstOgcKml22() throws Exception {
    KmlProduct p = product(GeoFixtures.points(200));
    assertThat(KmlTestSupport.validate(p.kmlBytes()), empty());
    byte[] doc = KmzTest.entries(p.kmzBytes(Map.of("media/a.png", new byte[] {1},
        "media/b.png", new byte[] {2}))).get(KmlProduct.KMZ_DOC);
    assertThat(KmlTestSupport.validate(doc), empty());
  }
}
