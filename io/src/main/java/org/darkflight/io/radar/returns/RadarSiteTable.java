package org.darkflight.io.radar.returns;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.physics.radar.RadarObservation;
import org.darkflight.physics.radar.RadarSite;

/**
 * The radar sites a user's returns refer to, read from {@code radar_sites.json}
 * ({@code schemas/radar_sites.schema.json}). Ids are matched case-insensitively.
 */
public final class RadarSiteTable {

  /** A site with its antenna's half-power beam width, degrees. */
  public record Entry(RadarSite site, String name, double beamWidthDeg) {}

  private final Map<String, Entry> byId;

  private RadarSiteTable(Map<String, Entry> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** An empty table: every return must then carry its site inline. */
  public static RadarSiteTable empty() {
    return new RadarSiteTable(new LinkedHashMap<>());
  }

  /** Reads and validates a site table; antenna heights above mean sea level. */
  public static RadarSiteTable read(Path file) throws InputException {
    return read(file, HeightReference.MSL);
  }

  /**
   * Reads and validates a site table. Each site's {@code antenna_height_m} is measured from its
   * {@code height_reference} (mean sea level by default) and converted into {@code frame} with
   * the EGM96 undulation at the site.
   *
   * @param frame the reference of the heights the sites are used with
   */
  public static RadarSiteTable read(Path file, HeightReference frame) throws InputException {
    JsonNode root = JsonSchemas.readValidated(file, "radar_sites");
    Map<String, Entry> map = new LinkedHashMap<>();
    JsonNode sites = root.get("sites");
    for (int i = 0; i < sites.size(); i++) {
      JsonNode s = sites.get(i);
      String pointer = "/sites/" + i;
      String id = s.get("id").asText();
      String key = id.toUpperCase(Locale.ROOT);
      if (map.containsKey(key)) {
        throw new InputException(file, pointer + "/id", "duplicate radar site id " + id);
      }
      double antenna = s.get("antenna_height_m").asDouble();
      if (s.has("ground_elevation_m") && s.has("tower_height_m")) {
        double sum = s.get("ground_elevation_m").asDouble() + s.get("tower_height_m").asDouble();
        if (Math.abs(sum - antenna) > 1.0) {
          throw new InputException(file, pointer + "/antenna_height_m", String.format(Locale.ROOT,
              "antenna height %.2f m is not ground elevation + tower height (%.2f m)", antenna,
              sum));
        }
      }
      try {
        double lat = s.get("lat").asDouble();
        double lon = s.get("lon").asDouble();
        HeightReference given = HeightReference.of(s.has("height_reference")
            ? s.get("height_reference").asText() : null);
        RadarSite site = new RadarSite(id, lat, lon,
            given.toReferenceM(antenna, frame, lat, lon));
        double beam = s.has("beam_width_deg") ? s.get("beam_width_deg").asDouble()
            : RadarObservation.NEXRAD_BEAM_WIDTH_DEG;
        map.put(key, new Entry(site, s.has("name") ? s.get("name").asText() : id, beam));
      } catch (IllegalArgumentException e) {
        throw new InputException(file, pointer, e.getMessage(), e);
      }
    }
    return new RadarSiteTable(map);
  }

  /** The site with this id, if known. */
  public Optional<Entry> find(String id) {
    return Optional.ofNullable(byId.get(id.toUpperCase(Locale.ROOT)));
  }

  /** Every site, in file order. */
  public Map<String, Entry> entries() {
    return byId;
  }
}
