package org.darkflight.io.nexrad;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A NEXRAD Level II volume as Darkflight uses it: the radar, the times, and the reflectivity and
 * radial-velocity sweeps (super-resolution and legacy-resolution cuts alike) in time order.
 *
 * @param file          the file read
 * @param format        Archive II format ({@code AR2V0006} …)
 * @param site          the radar
 * @param headerTime    date and time in the volume header, UTC
 * @param firstRadial   collection time of the earliest radial, UTC
 * @param lastRadial    collection time of the latest radial, UTC
 * @param complete      true when the file holds the whole volume (its end-of-volume marker)
 * @param cuts          the elevation cuts found in the file (all complete)
 * @param dbz0          calibration constant dBZ0 of the volume block, dBZ, or NaN (message 1)
 * @param reflectivity  reflectivity sweeps, by time of their first radial
 * @param velocity      radial-velocity sweeps, by time of their first radial
 */
public record Level2Volume(Path file, String format, NexradSite site, Instant headerTime,
    Instant firstRadial, Instant lastRadial, boolean complete, List<Level2Scan.Cut> cuts,
    double dbz0, List<Level2Sweep> reflectivity, List<Level2Sweep> velocity) {

  public Level2Volume {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(site, "site");
    cuts = List.copyOf(cuts);
    reflectivity = List.copyOf(reflectivity);
    velocity = List.copyOf(velocity);
  }

  /** One line for logs and provenance: site, times, sweeps. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%s %s %s..%s, %d reflectivity and %d velocity "
        + "sweeps%s", site.id(), format, firstRadial, lastRadial, reflectivity.size(),
        velocity.size(), complete ? "" : " (partial volume: " + cuts.size() + " cuts)");
  }
}
