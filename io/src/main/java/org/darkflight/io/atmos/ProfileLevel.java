package org.darkflight.io.atmos;

import java.util.List;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * A profile level in SI units with the bookkeeping a file carries beside the physics.
 *
 * @param level   the level (Pa, K, u/v), as the physics uses it
 * @param source  which source the level came from, or null
 * @param qcFlags quality-control flags (empty when none)
 */
public record ProfileLevel(AtmosLevel level, String source, List<String> qcFlags) {
  public ProfileLevel {
    if (level == null) {
      throw new IllegalArgumentException("level must be given");
    }
    qcFlags = qcFlags == null ? List.of() : List.copyOf(qcFlags);
  }

  /** A level without source or flags. */
  public static ProfileLevel of(AtmosLevel level) {
    return new ProfileLevel(level, null, List.of());
  }
}
