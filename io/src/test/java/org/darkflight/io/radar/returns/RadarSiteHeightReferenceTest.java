package org.darkflight.io.radar.returns;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.Egm96;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.radar.RadarMetadata;
import org.darkflight.io.radar.RadarMetadataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Radar-site heights state their datum ({@code height_reference}, mean sea level by default) and
 * are converted with EGM96 into the reference they are used in (docs/inputs.md).
 */
class RadarSiteHeightReferenceTest {

  // KLOT, where EGM96 N is about -33.6 m
  static final double LAT = 41.60444;
  static final double LON = -88.08472;

  @TempDir Path tmp;

  private Path write(String name, String json) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, json, StandardCharsets.UTF_8);
    return p;
  }

  private Path table() throws Exception {
    return write("sites.json", "{\"sites\": ["
        + "{\"id\": \"MSL\", \"lat\": " + LAT + ", \"lon\": " + LON
        + ", \"antenna_height_m\": 222.0},"
        + "{\"id\": \"ELL\", \"lat\": " + LAT + ", \"lon\": " + LON
        + ", \"antenna_height_m\": 222.0, \"height_reference\": \"ellipsoid\"}]}");
  }

  @Test
  void siteTableHeightsAreConvertedIntoTheFrame() throws Exception {
    double n = Egm96.undulationM(LAT, LON);
    assertThat(n, closeTo(-33.6, 0.5));
    RadarSiteTable msl = RadarSiteTable.read(table(), HeightReference.MSL);
    assertThat(msl.find("MSL").orElseThrow().site().antennaHeightM(), closeTo(222.0, 1e-9));
    assertThat(msl.find("ELL").orElseThrow().site().antennaHeightM(), closeTo(222.0 - n, 1e-9));
    RadarSiteTable ell = RadarSiteTable.read(table(), HeightReference.ELLIPSOID);
    assertThat(ell.find("MSL").orElseThrow().site().antennaHeightM(), closeTo(222.0 + n, 1e-9));
    assertThat(ell.find("ELL").orElseThrow().site().antennaHeightM(), closeTo(222.0, 1e-9));
  }

  @Test
  void inlineSiteOfAReturnIsConverted() throws Exception {
    Path f = write("r.json", "{\"returns\": [{\"id\": \"r1\", \"site\": {\"id\": \"KLOT\","
        + " \"lat\": " + LAT + ", \"lon\": " + LON + ", \"antenna_height_m\": 222.0},"
        + " \"time_utc\": \"2026-04-01T03:00:12Z\", \"elevation_deg\": 0.5,"
        + " \"azimuth_deg\": 210.0, \"slant_range_m\": 60000}]}");
    double h = RadarReturnsReader.read(f, RadarSiteTable.empty(), HeightReference.ELLIPSOID)
        .returns().get(0).observation().site().antennaHeightM();
    assertThat(h, closeTo(222.0 + Egm96.undulationM(LAT, LON), 1e-9));
  }

  @Test
  void metadataSiteElevationIsHeldAboveMeanSeaLevel() throws Exception {
    Path f = write("radar_metadata.json", "{\"radar_site_id\": \"KLOT\", \"volume_time_utc\":"
        + " \"2026-04-01T03:00:00Z\", \"level2_files\": [\"a\"], \"site\": {\"lat\": " + LAT
        + ", \"lon\": " + LON + ", \"elevation_m\": 190.0, \"height_reference\": \"ellipsoid\"}}");
    RadarMetadata m = RadarMetadataReader.read(f);
    assertThat(m.siteHeightM(), closeTo(190.0 - Egm96.undulationM(LAT, LON), 1e-9));
  }

  @Test
  void anUnknownReferenceIsRefusedNamingTheField() throws Exception {
    Path f = write("sites.json", "{\"sites\": [{\"id\": \"X\", \"lat\": 1, \"lon\": 2,"
        + " \"antenna_height_m\": 10, \"height_reference\": \"geoid\"}]}");
    InputException e = assertThrows(InputException.class, () -> RadarSiteTable.read(f));
    assertThat(e.getMessage(), containsString("height_reference"));
  }
}
