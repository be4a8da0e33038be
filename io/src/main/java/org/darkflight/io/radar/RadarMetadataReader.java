package org.darkflight.io.radar;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.atmos.source.JsonFields;

/** Reads {@code radar_metadata.json} ({@code schemas/radar_metadata.schema.json}). */
public final class RadarMetadataReader {

  private RadarMetadataReader() {}

  public static RadarMetadata read(Path path) throws InputException {
    String file = path.toString();
    JsonNode root = JsonFields.readValidated(path, "radar_metadata");
    if (!root.isObject()) {
      throw new InputException(file, "", "must be a JSON object");
    }
    String site = JsonFields.text(root, "radar_site_id", "", file);
    Instant time = JsonFields.instant(root, "volume_time_utc", "", file);
    JsonNode files = JsonFields.array(root, "level2_files", "", file);
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      if (!files.get(i).isTextual() || files.get(i).asText().isBlank()) {
        throw new InputException(file, "/level2_files/" + i, "must be a non-empty string");
      }
      paths.add(files.get(i).asText());
    }
    String notes = root.hasNonNull("notes") ? root.get("notes").asText() : "";
    double lat = Double.NaN;
    double lon = Double.NaN;
    double h = Double.NaN;
    if (root.has("site")) {
      JsonNode s = JsonFields.object(root, "site", "", file);
      lat = JsonFields.number(s, "lat", "/site", file);
      lon = JsonFields.number(s, "lon", "/site", file);
      if (lat < -90 || lat > 90) {
        throw new InputException(file, "/site/lat", "outside [-90, 90]: " + lat);
      }
      h = JsonFields.optNumber(s, "elevation_m", "/site", file);
      HeightReference given = HeightReference.parse(s.hasNonNull("height_reference")
          ? s.get("height_reference").asText() : null, file, "/site/height_reference");
      // the record holds the height above mean sea level, as NEXRAD states its sites
      h = Double.isNaN(h) ? h : given.toReferenceM(h, HeightReference.MSL, lat, lon);
    }
    return new RadarMetadata(site, time, paths, notes, lat, lon, h);
  }
}
