package org.darkflight.io.nexrad;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.atmos.source.AtmosTestData;

/** The shipped NEXRAD files (testdata/nexrad, origins in testdata/README.md) and helpers. */
final class NexradTestData {

  /** KLBB 2016-06-01 15:00:25 UTC, the first two elevation cuts of a real AR2V0006 volume. */
  static final Path KLBB = AtmosTestData.path("nexrad/KLBB20160601_150025_V06_first2cuts");
  /** Level III NVW of KOKX, 2011-08-28 07:02:43 UTC. */
  static final Path KOKX_NVW = AtmosTestData.path("nexrad/KOKX_SDUS31_NVWOKX_201108280702");
  /** Level III NVW of KBMX, 2015-01-02 02:05:28 UTC. */
  static final Path KBMX_NVW = AtmosTestData.path("nexrad/KBMX_SDUS34_NVWBMX_201501020205");
  /** Level III N0Q (digital base reflectivity) of KBMX, same volume. */
  static final Path KBMX_N0Q = AtmosTestData.path("nexrad/KBMX_SDUS54_N0QBMX_201501020205");

  private NexradTestData() {}

  /** Byte offsets where each LDM record of an Archive II file ends (after its bzip2 stream). */
  static List<Integer> ldmRecordEnds(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    ByteBuffer bb = ByteBuffer.wrap(b);
    List<Integer> ends = new ArrayList<>();
    int off = 24;
    while (off + 4 <= b.length) {
      int n = Math.abs(bb.getInt(off));
      off += 4 + n;
      ends.add(off);
    }
    return ends;
  }

  /** Writes the first {@code n} bytes of {@code src} to {@code dst}. */
  static Path prefix(Path src, Path dst, int n) throws IOException {
    byte[] b = Files.readAllBytes(src);
    Files.write(dst, java.util.Arrays.copyOf(b, n));
    return dst;
  }
}
