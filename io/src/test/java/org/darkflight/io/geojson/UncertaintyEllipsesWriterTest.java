package org.darkflight.io.geojson;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.darkflight.io.geo.EllipseFeature;
import org.darkflight.io.geo.GeoFixtures;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncertaintyEllipsesWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  private Path write(List<EllipseFeature> ellipses, String name) throws IOException {
    Path out = dir.resolve(name);
    new UncertaintyEllipsesWriter(GeoOutputOptions.defaults()).write(out, GeoFixtures.run(),
        ellipses);
    return out;
  }

  @Test
  void writesSortedPolygonsWithEllipseMetadata() throws IOException {
    JsonNode doc = MAPPER.readTree(write(GeoFixtures.ellipses(), "e.geojson").toFile());
    JsonNode features = doc.get("features");
    assertThat(features.size(), equalTo(4));
    // Sorted by mass class index, then confidence level.
    assertThat(features.get(0).at("/properties/mass_class_index").asInt(), equalTo(1));
    assertThat(features.get(0).at("/properties/confidence_level").asDouble(), equalTo(0.5));
    assertThat(features.get(3).at("/properties/mass_class_index").asInt(), equalTo(4));
    assertThat(features.get(3).at("/properties/confidence_level").asDouble(), equalTo(0.9));

    JsonNode p = features.get(3).get("properties");
    // Class 4 covariance [[250000, 90000], [90000, 160000]] m^2 (fixture).
    assertThat(p.at("/covariance_matrix/0/0").asDouble(), equalTo(250000.0));
    assertThat(p.at("/covariance_matrix/0/1").asDouble(), equalTo(90000.0));
    assertThat(p.at("/covariance_matrix/1/0").asDouble(), equalTo(90000.0));
    assertThat(p.at("/covariance_matrix/1/1").asDouble(), equalTo(160000.0));
    // Eigenvalues 205000 +- sqrt(45000^2 + 90000^2); semi-axis = sqrt(chi2_2(0.9) * lambda).
    double half = Math.hypot(45000, 90000);
    double chi2 = 4.605170186;
    assertThat(p.get("semi_major_axis_m").asDouble(),
        closeTo(Math.sqrt(chi2 * (205000 + half)), 1e-3));
    assertThat(p.get("major_axis_m").asDouble(),
        closeTo(2 * Math.sqrt(chi2 * (205000 + half)), 2e-3));
    assertThat(p.get("minor_axis_m").asDouble(),
        closeTo(2 * Math.sqrt(chi2 * (205000 - half)), 2e-3));
    // Major eigenvector direction from east: 0.5 * atan2(2 * 90000, 250000 - 160000).
    double fromEast = Math.toDegrees(0.5 * Math.atan2(180000, 90000));
    assertThat(p.get("orientation_deg").asDouble(), closeTo(90 - fromEast, 1e-6));
    assertThat(p.get("sample_count").asInt(), equalTo(120));
    assertThat(p.at("/center/0").asDouble(), closeTo(7.58, 1e-9));
    assertThat(p.at("/center/1").asDouble(), closeTo(46.04, 1e-9));

    JsonNode ring = features.get(3).at("/geometry/coordinates/0");
    assertThat(ring.size(), equalTo(37));
    assertThat(ring.get(0), equalTo(ring.get(36)));
  }

  @Test
  void ringsFollowTheRightHandRule() throws IOException {
    JsonNode doc = MAPPER.readTree(write(GeoFixtures.ellipses(), "e.geojson").toFile());
    for (JsonNode f : doc.get("features")) {
      JsonNode ring = f.at("/geometry/coordinates/0");
      double twiceArea = 0;
      for (int i = 0; i + 1 < ring.size(); i++) {
        twiceArea += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
            - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
      }
      assertThat("counter-clockwise exterior ring", twiceArea > 0, equalTo(true));
    }
  }

  @Test
  void outputValidatesAgainstTheSchema() throws IOException {
    JsonNode doc = MAPPER.readTree(write(GeoFixtures.ellipses(), "e.geojson").toFile());
    assertThat(GeoJsonSchemas.validate(GeoSchemas.ELLIPSES_SCHEMA_RESOURCE, doc), empty());
    JsonNode empty = MAPPER.readTree(write(List.of(), "none.geojson").toFile());
    assertThat(GeoJsonSchemas.validate(GeoSchemas.ELLIPSES_SCHEMA_RESOURCE, empty), empty());
  }

  @Test
  void outputDoesNotDependOnInputOrder() throws IOException {
    List<EllipseFeature> shuffled = new ArrayList<>(GeoFixtures.ellipses());
    Collections.reverse(shuffled);
    assertArrayEquals(Files.readAllBytes(write(GeoFixtures.ellipses(), "a.geojson")),
        Files.readAllBytes(write(shuffled, "b.geojson")));
  }

  @Test
  void duplicateClassAndLevelIsRejected() {
    List<EllipseFeature> twice = new ArrayList<>(GeoFixtures.ellipses());
    twice.add(GeoFixtures.ellipses().get(0));
    assertThrows(IllegalArgumentException.class, () -> write(twice, "dup.geojson"));
  }
}
