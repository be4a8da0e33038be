package org.darkflight.io.radar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceRequest;

/** {@link AtmosphericSource} for radar VAD wind profiles ({@code radar_vad/*.json}). */
public final class RadarVadSource implements AtmosphericSource {

  public static final String NAME = "radar-vad";

  @Override
  public PluginManifest manifest() {
    return new PluginManifest(NAME, "1.0", List.of("AtmosphericSource"), null);
  }

  @Override
  public SourceKind kind() {
    return SourceKind.RADAR_VAD;
  }

  @Override
  public boolean accepts(Path file) {
    try {
      return file.toString().endsWith(".json")
          && Files.readString(file).contains("\"radar_vad\"");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public AtmosphericRaw load(Path file, SourceRequest request) throws InputException {
    return VadProfileReader.read(file, NAME + ":" + file.getFileName());
  }
}
