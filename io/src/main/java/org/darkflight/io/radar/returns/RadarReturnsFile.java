package org.darkflight.io.radar.returns;

import java.nio.file.Path;
import java.util.List;

/**
 * The content of a {@code radar_returns.json}.
 *
 * @param file    where it was read from
 * @param eventId the event it belongs to, or null
 * @param returns the returns, in file order
 */
public record RadarReturnsFile(Path file, String eventId, List<RadarReturn> returns) {
  public RadarReturnsFile {
    returns = List.copyOf(returns);
  }
}
