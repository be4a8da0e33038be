package org.darkflight.io.kml;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.searchplan.SearchPlanFixtures;
import org.darkflight.io.testsupport.Ogrinfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The "Search Areas" folder in a strewn-field KML and KMZ: still valid OGC KML 2.2, read by GDAL,
 * inserted once however often, and removable to the original bytes.
 */
class SearchAreasKmlTest {

  @TempDir
  Path dir;

  private static String folder() throws Exception {
    return SearchAreasKml.folder(SearchPlanFixtures.plan(), GeoFixtures.CLASSES.size(), 6);
  }

  private static KmlProduct product() throws Exception {
    return KmlSchemaValidationTest.fullProduct(GeoOutputOptions.defaults().withKmlMaxPoints(50));
  }

  @Test
  void kmlWithTheFolderValidatesAgainstOgcKml22() throws Exception {
    byte[] kml = SearchAreasKml.insert(product().kmlBytes(), folder());
    assertThat(KmlTestSupport.validate(kml), empty());
    List<Element> folders = KmlTestSupport.elements(KmlTestSupport.parse(kml), "Folder").stream()
        .filter(f -> "Search Areas".equals(KmlTestSupport.childText(f, "name"))).toList();
    assertThat(folders.size(), equalTo(1));
    Element cls = KmlTestSupport.children(folders.get(0), "Folder").get(0);
    assertThat(KmlTestSupport.childText(cls, "name"), equalTo("Search: 1 g–10 g"));
    // 2 areas, 2 transect tracks, 2 waypoints; the 90 % area has two polygons, one with a hole.
    assertThat(KmlTestSupport.children(cls, "Placemark").size(), equalTo(6));
    assertThat(KmlTestSupport.elements(cls, "innerBoundaryIs").size(), equalTo(1));
    assertThat(KmlTestSupport.elements(cls, "LineString").size(),
        equalTo(SearchPlanFixtures.LEGS_PART_1 + SearchPlanFixtures.LEGS_PART_2));
  }

  @Test
  void insertingTwiceEqualsOnceAndRemovingRestoresTheDocument() throws Exception {
    byte[] original = product().kmlBytes();
    byte[] once = SearchAreasKml.insert(original, folder());
    assertThat(SearchAreasKml.insert(once, folder()), equalTo(once));
    assertThat(SearchAreasKml.insert(once, ""), equalTo(original));
  }

  @Test
  void kmzKeepsEveryOtherEntryAndItsBytes() throws Exception {
    byte[] kmz = product().kmzBytes(Map.of("media/heatmap.png", new byte[] {1, 2, 3}));
    // Rewriting with nothing to insert gives the very same archive: same entries, order, times.
    assertThat(SearchAreasKml.insertIntoKmz(kmz, ""), equalTo(kmz));
    byte[] with = SearchAreasKml.insertIntoKmz(kmz, folder());
    Map<String, byte[]> before = KmzTest.entries(kmz);
    Map<String, byte[]> after = KmzTest.entries(with);
    assertThat(List.copyOf(after.keySet()), equalTo(List.copyOf(before.keySet())));
    for (String name : before.keySet()) {
      if (!name.equals(KmlProduct.KMZ_DOC)) {
        assertThat(name, after.get(name), equalTo(before.get(name)));
      }
    }
    assertThat(KmlTestSupport.validate(after.get(KmlProduct.KMZ_DOC)), empty());
    assertThat(SearchAreasKml.insertIntoKmz(with, ""), equalTo(kmz));
  }

  @Test
  void gdalReadsTheSearchAreaLayer() throws Exception {
    assumeTrue(Ogrinfo.available(), Ogrinfo.MISSING);
    Path kml = dir.resolve("strewn_field.kml");
    Files.write(kml, SearchAreasKml.insert(product().kmlBytes(), folder()));
    Map<String, String[]> layers = Ogrinfo.layers(kml);
    assertThat(Ogrinfo.count(layers, "Search: 1 g–10 g"), equalTo(6L));
    assertThat(Ogrinfo.count(layers, "Uncertainty Ellipses"), equalTo(4L));
    String areas = Ogrinfo.run("-q", kml.toString(), "Search: 1 g–10 g");
    assertThat(areas.contains("MULTIPOLYGON"), equalTo(true));
    assertThat(new String(Files.readAllBytes(kml), StandardCharsets.UTF_8)
        .contains(SearchAreasKml.BEGIN), equalTo(true));
  }
}
