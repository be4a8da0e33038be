package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.LandingPoint;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

class KmlSchemaValidationTest {

  static KmlProduct fullProduct(GeoOutputOptions options) throws IOException {
    List<LandingPoint> points = new ArrayList<>(GeoFixtures.points(300));
    points.add(GeoFixtures.hostilePoint());
    return new StrewnFieldKml(options).build(GeoFixtures.run(), GeoFixtures.CLASSES,
        points.iterator(), GeoFixtures.ellipses(), GeoFixtures.trajectories(),
        List.of(new KmlGroundOverlay("Landing probability", "media/heatmap.png", 46.1, 46.0,
            7.62, 7.48, 0.6)));
  }

  @Test
  void kmlValidatesAgainstOgcKml22() throws IOException, SAXException {
    KmlProduct product = fullProduct(GeoOutputOptions.defaults().withKmlMaxPoints(50));
    assertThat(KmlTestSupport.validate(product.kmlBytes()), empty());
  }

  @Test
  void kmzDocumentWithLegendOverlayValidatesToo() throws IOException, SAXException {
    KmlProduct product = fullProduct(GeoOutputOptions.defaults());
    byte[] kmz = product.kmzBytes(Map.of("media/heatmap.png", new byte[] {1, 2, 3}));
    byte[] doc = KmzTest.entries(kmz).get(KmlProduct.KMZ_DOC);
    assertThat(KmlTestSupport.validate(doc), empty());
  }

  @Test
  void validatorRejectsElementsOutOfSchemaOrder() throws IOException, SAXException {
    // A TimeStamp after the styleUrl breaks the Feature content model: the check can fail.
    String kml = new String(fullProduct(GeoOutputOptions.defaults()).kmlBytes(),
        StandardCharsets.UTF_8);
    String broken = kml.replaceFirst("(<TimeStamp>\\s*<when>[^<]*</when>\\s*</TimeStamp>)"
        + "(\\s*<styleUrl>[^<]*</styleUrl>)", "$2$1");
    assertThat(broken.equals(kml), org.hamcrest.Matchers.is(false));
    assertThat(KmlTestSupport.validate(broken.getBytes(StandardCharsets.UTF_8)), not(empty()));
  }
}
