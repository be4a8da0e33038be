package org.darkflight.analysis.atmos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * The output of an {@link AtmosFusionStrategy}.
 *
 * @param profileTime  the time the profile is for (the event time)
 * @param latDeg       where, degrees
 * @param lonDeg       where, degrees east
 * @param levels       fused levels, strictly increasing in altitude
 * @param gridSource   the source whose levels define the vertical grid
 * @param sources      the sources used, in the order given
 * @param annotations  QC annotations, ordered by altitude then code
 * @param strategy     name and version of the strategy
 */
public record FusedProfile(Instant profileTime, double latDeg, double lonDeg,
    List<FusedLevel> levels, String gridSource, List<SourceSummary> sources,
    List<QcAnnotation> annotations, String strategy) {

  public FusedProfile {
    levels = List.copyOf(levels);
    sources = List.copyOf(sources);
    annotations = List.copyOf(annotations);
    for (int i = 1; i < levels.size(); i++) {
      if (!(levels.get(i).altitudeM() > levels.get(i - 1).altitudeM())) {
        throw new IllegalArgumentException("fused levels not strictly increasing at "
            + levels.get(i).altitudeM() + " m");
      }
    }
  }

  /** The levels as physics {@link AtmosLevel}s, e.g. for a {@code ProfileAtmosphere}. */
  public List<AtmosLevel> atmosLevels() {
    List<AtmosLevel> out = new ArrayList<>(levels.size());
    for (FusedLevel l : levels) {
      out.add(l.toAtmosLevel());
    }
    return out;
  }

  /** True when any annotation is a warning. */
  public boolean hasWarnings() {
    return annotations.stream().anyMatch(a -> QcAnnotation.WARNING.equals(a.severity()));
  }
}
