package org.darkflight.io.atmos.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds {@link AtmosphericSource} plugins with {@link java.util.ServiceLoader} (softly). */
public final class AtmosphericSources {

  private AtmosphericSources() {}

  /** Every source on the class path, sorted by plugin name (a stable order). */
  public static List<AtmosphericSource> all() {
    List<AtmosphericSource> out = new ArrayList<>();
    for (AtmosphericSource s : org.darkflight.physics.models.ServiceProviders.load(
        AtmosphericSource.class, org.darkflight.physics.models.PhysicsPlugins.loader())) {
      out.add(s);
    }
    out.sort(Comparator.comparing(s -> s.manifest().name()));
    return out;
  }

  /** The source with this plugin name. */
  public static Optional<AtmosphericSource> byName(String name) {
    return all().stream().filter(s -> s.manifest().name().equals(name)).findFirst();
  }

  /** The first source (by name) of the given kind that accepts the file. */
  public static Optional<AtmosphericSource> forFile(Path file, SourceKind kind) {
    return all().stream().filter(s -> s.kind() == kind && s.accepts(file)).findFirst();
  }
}
