package org.darkflight.io.radiosonde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceRequest;

/** {@link AtmosphericSource} for University of Wyoming TEXT:LIST soundings. */
public final class UwyoSoundingSource implements AtmosphericSource {

  public static final String NAME = "radiosonde-uwyo";

  @Override
  public PluginManifest manifest() {
    return new PluginManifest(NAME, "1.0", List.of("AtmosphericSource"), null);
  }

  @Override
  public SourceKind kind() {
    return SourceKind.RADIOSONDE;
  }

  @Override
  public boolean accepts(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
      return head.contains("PRES") && head.contains("HGHT") && head.contains("SKNT");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public AtmosphericRaw load(Path file, SourceRequest request) throws InputException {
    UwyoSounding s = UwyoTextListParser.parse(file);
    Map<String, String> md = new LinkedHashMap<>();
    md.put("format", "uwyo-text-list");
    md.put("station_id", s.stationId());
    md.put("station_number", s.stationNumber());
    md.put("station_elevation_m", Double.toString(s.elevationM()));
    md.put("columns", String.join(" ", s.columns()));
    md.put("levels_without_height_dropped", Integer.toString(s.droppedLevels()));
    return new AtmosphericRaw(NAME + ":" + file.getFileName(), SourceKind.RADIOSONDE,
        file.toString(), s.observationTime(), s.latDeg(), s.lonDeg(), s.levels(), md);
  }
}
