package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.radar.RadarObservation;
import org.darkflight.physics.radar.RadarSite;

/**
 * Reads {@code radar_returns.json} ({@code schemas/radar_returns.schema.json}): validates it,
 * resolves each return's site (inline, or by id in a {@link RadarSiteTable}) and applies the
 * defaults (WSR-88D beam width 0.95° unless the site table says otherwise, 250 m gates,
 * confidence 1).
 *
 * <p>Rules beyond the schema, each an {@link InputException} naming the return: duplicate ids,
 * an unreviewed candidate ({@code "review": "candidate"}), an unknown site id, and values a
 * {@link RadarObservation} rejects. Rules that need the event
 * (returns above the terminus, before the fireball) are checked by the radar workflow.
 */
public final class RadarReturnsReader {

  private RadarReturnsReader() {}

  /** Reads returns whose heights are used above mean sea level. */
  public static RadarReturnsFile read(Path file, RadarSiteTable sites) throws InputException {
    return read(file, sites, HeightReference.MSL);
  }

  /**
   * Reads returns; an inline site's {@code antenna_height_m} is measured from its
   * {@code height_reference} (mean sea level by default) and converted into {@code frame} with
   * the EGM96 undulation at the site (the table's sites were converted when it was read).
   *
   * @param frame the reference of the heights the returns are used with
   */
  public static RadarReturnsFile read(Path file, RadarSiteTable sites, HeightReference frame)
      throws InputException {
    JsonNode root = JsonSchemas.readValidated(file, "radar_returns");
    JsonNode arr = root.get("returns");
    List<RadarReturn> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode r = arr.get(i);
      String pointer = "/returns/" + i;
      String id = r.get("id").asText();
      if (!ids.add(id)) {
        throw new InputException(file, pointer + "/id", "duplicate return id " + id);
      }
      if (r.has("review") && RadarReturnsDocument.REVIEW_CANDIDATE.equals(
          r.get("review").asText())) {
        throw new InputException(file, pointer + "/review", "return " + id + " is an "
            + "unreviewed candidate (darkflight radar-candidates); look at it in the radar data, "
            + "then set \"review\": \"confirmed\" or delete the return");
      }
      JsonNode siteNode = r.get("site");
      RadarSite site;
      double beam = RadarObservation.NEXRAD_BEAM_WIDTH_DEG;
      if (siteNode.isTextual()) {
        RadarSiteTable.Entry entry = sites.find(siteNode.asText()).orElseThrow(
            () -> new InputException(file, pointer + "/site", "unknown radar site "
                + siteNode.asText() + " (not in the radar sites table"
                + (sites.entries().isEmpty() ? ", none given: pass --sites" : "") + ")"));
        site = entry.site();
        beam = entry.beamWidthDeg();
      } else {
        try {
          double lat = siteNode.get("lat").asDouble();
          double lon = siteNode.get("lon").asDouble();
          HeightReference given = HeightReference.of(siteNode.has("height_reference")
              ? siteNode.get("height_reference").asText() : null);
          site = new RadarSite(siteNode.get("id").asText(), lat, lon, given.toReferenceM(
              siteNode.get("antenna_height_m").asDouble(), frame, lat, lon));
        } catch (IllegalArgumentException e) {
          throw new InputException(file, pointer + "/site", e.getMessage(), e);
        }
      }
      if (r.has("beam_width_deg")) {
        beam = r.get("beam_width_deg").asDouble();
      }
      double gate = r.has("gate_length_m") ? r.get("gate_length_m").asDouble()
          : RadarObservation.NEXRAD_GATE_LENGTH_M;
      Instant time = instant(file, pointer + "/time_utc", r.get("time_utc"));
      Instant volume = r.has("volume_time_utc")
          ? instant(file, pointer + "/volume_time_utc", r.get("volume_time_utc")) : null;
      if (volume != null && volume.isAfter(time)) {
        throw new InputException(file, pointer + "/volume_time_utc",
            "volume start " + volume + " is after the return's sweep time " + time);
      }
      try {
        RadarObservation obs = new RadarObservation(site, time,
            r.get("elevation_deg").asDouble(), r.get("azimuth_deg").asDouble(),
            r.get("slant_range_m").asDouble(), beam, gate);
        out.add(new RadarReturn(id, i, obs,
            r.has("reflectivity_dbz") ? r.get("reflectivity_dbz").asDouble() : Double.NaN,
            r.has("confidence") ? r.get("confidence").asDouble() : 1.0, volume,
            r.has("notes") ? r.get("notes").asText() : null));
      } catch (IllegalArgumentException e) {
        throw new InputException(file, pointer, e.getMessage(), e);
      }
    }
    return new RadarReturnsFile(file, root.has("event_id") ? root.get("event_id").asText() : null,
        out);
  }

  private static Instant instant(Path file, String pointer, JsonNode node)
      throws InputException {
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException e) {
      throw new InputException(file, pointer, "not an ISO 8601 UTC time: " + node.asText(), e);
    }
  }
}
