package org.darkflight.io.atmos;

import java.util.List;
import org.darkflight.io.atmos.AtmosProfileDocument.AtmosMeta;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * A validated atmospheric profile in SI units: meta block and levels strictly increasing in
 * altitude.
 *
 * @param meta   time, place, units and provenance
 * @param levels the levels, strictly increasing in altitude
 */
public record AtmosProfile(AtmosMeta meta, List<ProfileLevel> levels) {
  public AtmosProfile {
    if (meta == null) {
      throw new IllegalArgumentException("meta must be given");
    }
    levels = List.copyOf(levels);
    for (int i = 1; i < levels.size(); i++) {
      if (!(levels.get(i).level().altitudeM() > levels.get(i - 1).level().altitudeM())) {
        throw new IllegalArgumentException("levels must be strictly increasing in altitude: level "
            + i + " at " + levels.get(i).level().altitudeM() + " m follows "
            + levels.get(i - 1).level().altitudeM() + " m");
      }
    }
  }

  /** What the levels' altitudes are measured from ({@code meta.height_reference}). */
  public org.darkflight.io.geoid.HeightReference heightReference() {
    return org.darkflight.io.geoid.HeightReference.of(meta.heightReference());
  }

  /** The physics levels, in altitude order (e.g. for {@code ProfileAtmosphere}). */
  public List<AtmosLevel> atmosLevels() {
    return levels.stream().map(ProfileLevel::level).toList();
  }
}
