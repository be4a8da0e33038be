package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The extra point folders the radar workflow adds ("Radar Returns", "Calculated Termini"). */
class KmlPointFolderTest {

  private static KmlProduct product() throws IOException {
    KmlPointFolder returns = new KmlPointFolder("Radar Returns", "ff00ffff", List.of(
        new KmlPointFolder.Point("r1 " + GeoFixtures.HOSTILE, 46.11, 7.60, 5123.4,
            Instant.parse("2026-11-24T21:14:00Z"), Map.of("site_id", "KLOT", "mass_kg", "2"))));
    KmlPointFolder termini = new KmlPointFolder("Calculated Termini", "ffff00ff", List.of(
        new KmlPointFolder.Point("t1", 46.12, 7.65, Double.NaN, null, Map.of())));
    return new StrewnFieldKml(GeoOutputOptions.defaults()).build(GeoFixtures.run(),
        GeoFixtures.CLASSES, GeoFixtures.points(20).iterator(), GeoFixtures.ellipses(),
        GeoFixtures.trajectories(), List.of(), List.of(returns, termini));
  }

  @Test
  void extraFoldersValidateAgainstOgcKml22() throws IOException, SAXException {
    assertThat(KmlTestSupport.validate(product().kmlBytes()), empty());
  }

  @Test
  void extraFoldersCarryTheirPointsStylesAndData() throws IOException {
    Document doc = KmlTestSupport.parse(product().kmlBytes());
    Element returns = KmlTestSupport.folder(doc, "Radar Returns");
    List<Element> marks = KmlTestSupport.children(returns, "Placemark");
    assertThat(marks.size(), is(1));
    Element p = marks.get(0);
    // Markup survives escaping (the control character is replaced, as everywhere in the KML).
    assertThat(KmlTestSupport.childText(p, "name"), startsWith("r1 <frag&\"]]>'"));
    assertThat(KmlTestSupport.childText(p, "styleUrl"), equalTo("#extra-folder-0"));
    assertThat(KmlTestSupport.data(p, "site_id"), equalTo("KLOT"));
    Element point = KmlTestSupport.elements(p, "Point").get(0);
    assertThat(KmlTestSupport.childText(point, "altitudeMode"), equalTo("absolute"));
    // drawn above mean sea level: the ellipsoidal 5123.4 m less the EGM96 undulation there
    double n = org.darkflight.io.geoid.Egm96.undulationM(46.11, 7.60);
    assertThat(KmlTestSupport.childText(point, "coordinates"), equalTo("7.600000,46.110000,"
        + org.darkflight.io.geo.GeoNumbers.quantity(Math.round((5123.4 - n) * 10) / 10.0)));
    Element termini = KmlTestSupport.folder(doc, "Calculated Termini");
    Element t = KmlTestSupport.children(termini, "Placemark").get(0);
    assertThat(KmlTestSupport.childText(t, "styleUrl"), equalTo("#extra-folder-1"));
    assertThat(KmlTestSupport.childText(KmlTestSupport.elements(t, "Point").get(0),
        "coordinates"), equalTo("7.650000,46.120000"));
  }

  @Test
  void badColourIsRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> new KmlPointFolder("X", "red", List.of()));
  }
}
