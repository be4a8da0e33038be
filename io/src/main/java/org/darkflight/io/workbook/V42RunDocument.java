package org.darkflight.io.workbook;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;
import org.darkflight.physics.legacy.FriesV42Inputs;
import org.darkflight.physics.legacy.FriesV42Result;

/**
 * The JSON that {@code darkflight workbook run --json FILE} writes: the v.42 method's landing
 * point for a workbook's inputs, in UTM and WGS84. Properties are written in the order declared
 * here.
 *
 * @param method                    always {@code fries_v42}
 * @param workbook                  the workbook file name
 * @param workbookSha256            its sha256, hex
 * @param massG                     the mass used, g
 * @param utmZone                   the UTM zone of the workbook's eastings/northings, e.g. 16N
 * @param start                     the start point (workbook B6, C6)
 * @param landing                   the landing point (workbook B8, C8)
 * @param displacementEastM         E7, m
 * @param displacementNorthM        F7, m
 * @param fallTimeInWindowS         B12, time inside the altitude window, s
 * @param maxFallSpeedMps           B13, m/s
 * @param groundTerminalVelocityMps Vz!X1, m/s
 */
@JsonPropertyOrder({"method", "workbook", "workbook_sha256", "mass_g", "utm_zone", "start",
    "landing", "displacement_east_m", "displacement_north_m", "fall_time_in_window_s",
    "max_fall_speed_mps", "ground_terminal_velocity_mps"})
public record V42RunDocument(
    @JsonProperty("method") String method,
    @JsonProperty("workbook") String workbook,
    @JsonProperty("workbook_sha256") String workbookSha256,
    @JsonProperty("mass_g") double massG,
    @JsonProperty("utm_zone") String utmZone,
    @JsonProperty("start") Point start,
    @JsonProperty("landing") Point landing,
    @JsonProperty("displacement_east_m") double displacementEastM,
    @JsonProperty("displacement_north_m") double displacementNorthM,
    @JsonProperty("fall_time_in_window_s") double fallTimeInWindowS,
    @JsonProperty("max_fall_speed_mps") double maxFallSpeedMps,
    @JsonProperty("ground_terminal_velocity_mps") double groundTerminalVelocityMps) {

  /**
   * A point in UTM and WGS84.
   *
   * @param eastingM  UTM easting, m
   * @param northingM UTM northing, m
   * @param lat       latitude, degrees
   * @param lon       longitude, degrees
   */
  @JsonPropertyOrder({"easting_m", "northing_m", "lat", "lon"})
  public record Point(
      @JsonProperty("easting_m") double eastingM,
      @JsonProperty("northing_m") double northingM,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon) {

    /** The point at these UTM coordinates of {@code zone}. */
    static Point of(UtmZone zone, double eastingM, double northingM) {
      double[] latLon = zone.toGeographic(eastingM, northingM);
      return new Point(eastingM, northingM, latLon[0], latLon[1]);
    }
  }

  /** The document of one run of the v.42 method. */
  public static V42RunDocument of(String workbookFile, String workbookSha256, FriesV42Inputs in,
      UtmZone zone, FriesV42Result r) {
    return new V42RunDocument("fries_v42", workbookFile, workbookSha256, in.massG(),
        zone.toString(), Point.of(zone, in.startEastingM(), in.startNorthingM()),
        Point.of(zone, r.endEastingM(), r.endNorthingM()), r.displacementEastM(),
        r.displacementNorthM(), r.fallTimeS(), r.maxFallSpeedMps(),
        r.groundTerminalVelocityMps());
  }

  /**
   * Writes the document to {@code file} atomically (parent directories created), through the
   * shared mapper with Jackson's default pretty printer.
   */
  public void write(Path file) throws IOException {
    byte[] bytes = Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(this);
    if (file.getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    AtomicFiles.write(file, bytes);
  }
}
