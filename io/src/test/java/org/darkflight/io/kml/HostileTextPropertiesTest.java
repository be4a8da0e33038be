package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.darkflight.io.geojson.StrewnFieldPointsWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Arbitrary text in fragment ids survives GeoJSON exactly and KML as far as XML 1.0 allows. */
class HostileTextPropertiesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static boolean wellFormedUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** XML 1.0 §2.2 Char, with forbidden characters replaced and §2.11 line ends normalised. */
  private static String asXmlReadsIt(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(cp -> {
      boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
          || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000;
      out.appendCodePoint(allowed ? cp : 0xFFFD);
    });
    return normaliseLineEnds(out.toString());
  }

  private static String normaliseLineEnds(String s) {
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static LandingPoint withId(String id) {
    LandingPoint p = GeoFixtures.point(3);
    return new LandingPoint(id, LandingPoint.DETERMINISTIC, p.massClass(), p.massClassIndex(),
        p.latitudeDeg(), p.longitudeDeg(), p.massFinalKg(), p.massInitialKg(),
        p.impactSpeedMps(), p.landingTimeUtc(), p.timeAloftS(), p.uncertaintyRadiusM(),
        p.energyJ(), p.ballisticCoefficientKgM2(), p.dragCoefficient(), p.densityKgM3());
  }

  @Property(tries = 60)
  void anyFragmentIdRoundTripsThroughGeoJson(@ForAll @StringLength(min = 1, max = 24) String id)
      throws Exception {
    Assume.that(wellFormedUtf16(id));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StrewnFieldPointsWriter(GeoOutputOptions.defaults()).write(out, GeoFixtures.run(),
        List.of(withId(id)).iterator());
    JsonNode doc = MAPPER.readTree(out.toByteArray());
    assertThat(doc.at("/features/0/properties/fragment_id").asText(), equalTo(id));
  }

  @Property(tries = 60)
  void anyFragmentIdGivesValidKml(@ForAll @StringLength(min = 1, max = 24) String id)
      throws Exception {
    Assume.that(wellFormedUtf16(id));
    KmlProduct p = new StrewnFieldKml(GeoOutputOptions.defaults()).build(GeoFixtures.run(),
        GeoFixtures.CLASSES, List.of(withId(id)).iterator(), List.of(), List.of());
    assertThat(KmlTestSupport.validate(p.kmlBytes()), empty());
    Document d = KmlTestSupport.parse(p.kmlBytes());
    Element pm = KmlTestSupport.elements(KmlTestSupport.folder(d, "Fragments"), "Placemark")
        .get(0);
    assertThat(normaliseLineEnds(KmlTestSupport.data(pm, "fragment_id")),
        equalTo(asXmlReadsIt(id)));
  }
}
