package org.darkflight.io.radar.solution;

import java.io.IOException;
import java.nio.file.Path;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.Json;

/**
 * Writes {@code radar_solution.json} and {@code radar_layers.geojson} through the shared mapper
 * ({@link Json#toCanonicalBytes}: sorted keys, two-space indent, final newline), atomically.
 * Build the bytes of every document first and write afterwards, so that nothing is written when
 * one cannot be built.
 */
public final class RadarSolutionFiles {

  private RadarSolutionFiles() {}

  /** The canonical bytes of a solution. */
  public static byte[] bytes(RadarSolutionDocument solution) throws IOException {
    return Json.toCanonicalBytes(solution);
  }

  /** The canonical bytes of the GeoJSON layer. */
  public static byte[] bytes(RadarLayersDocument layers) throws IOException {
    return Json.toCanonicalBytes(layers);
  }

  /** Writes bytes made by {@link #bytes} atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, bytes);
  }
}
