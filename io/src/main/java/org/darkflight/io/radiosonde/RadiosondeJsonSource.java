package org.darkflight.io.radiosonde;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.AtmosphericSource;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceRequest;

/** {@link AtmosphericSource} for radiosonde JSON files ({@code radiosonde.schema.json}). */
public final class RadiosondeJsonSource implements AtmosphericSource {

  public static final String NAME = "radiosonde-json";

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
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  @Override
  public AtmosphericRaw load(Path file, SourceRequest request) throws InputException {
    return RadiosondeJsonReader.read(file, NAME + ":" + file.getFileName());
  }
}
