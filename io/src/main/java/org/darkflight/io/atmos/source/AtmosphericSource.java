package org.darkflight.io.atmos.source;

import java.nio.file.Path;
import org.darkflight.physics.plugin.PluginManifest;
import org.darkflight.io.InputException;

/**
 * A reader of one kind of atmospheric input (docs/plugins.md {@code AtmosphericSource.load()}).
 * Implementations are stateless, have a public no-argument constructor and are listed in
 * {@code META-INF/services/org.darkflight.io.atmos.source.AtmosphericSource}, so plugins on the
 * class path are found by {@link AtmosphericSources}.
 */
public interface AtmosphericSource {

  /** Name, version, interfaces provided and input schema. */
  PluginManifest manifest();

  /** The kind of profile this source produces. */
  SourceKind kind();

  /**
   * Whether this source recognises the file (by name and, cheaply, by content). Used when the
   * user does not say which source reads a file.
   */
  boolean accepts(Path file);

  /**
   * Reads, validates and normalises one file into SI units on geometric altitude.
   *
   * @param file    the input file
   * @param request the event's time and place (gridded sources interpolate to it)
   * @return the raw profile, levels strictly increasing in altitude
   * @throws InputException naming file, field and reason when the file is unusable
   */
  AtmosphericRaw load(Path file, SourceRequest request) throws InputException;
}
