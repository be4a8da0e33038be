package org.darkflight.io.nexrad;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.InputException;
import ucar.unidata.io.bzip2.BZip2ReadException;
import ucar.unidata.io.bzip2.CBZip2InputStream;

/**
 * The structure of a NEXRAD Archive II (Level II) file, checked byte by byte: what netCDF-Java's
 * {@code nexrad2} reader does not report or silently accepts.
 *
 * <p>Layout (NOAA ROC ICD 2620010, Archive II; ICD 2620002, RDA/RPG, messages 1 and 31): a
 * 24-byte volume header (format {@code AR2V00xx}, extension number, modified Julian date with
 * day 1 = 1970-01-01, milliseconds past midnight, 4-letter ICAO id), then either LDM records
 * (4-byte signed length, negative for the last record of the volume, then a bzip2 stream) or,
 * in older files, the messages themselves. Each message has a 12-byte channel terminal manager
 * (CTM) header and a 16-byte message header (size in halfwords, channel, type …); message 31
 * (digital radar data, generic format) occupies {@code 12 + 2·size} bytes, every other message a
 * fixed 2432-byte frame.
 *
 * <p>From every radial (message 1 or 31) this scan keeps the elevation number, the radial status
 * (0 start of elevation, 1 intermediate, 2 end of elevation, 3 start of volume, 4 end of volume,
 * 5 start of the last elevation) and the collection time; from message 31 also the volume data
 * constant block ("VOL": latitude, longitude, site height above mean sea level, feedhorn height
 * above ground, calibration constant dBZ0) and the radial data constant block ("RAD": Nyquist
 * velocity). Message 1 carries no site position.
 *
 * @param format         the Archive II format, e.g. {@code AR2V0006}
 * @param icao           the radar's ICAO id from the volume header, or "" when absent
 *                       ({@code ARCHIVE2} files)
 * @param volumeTime     the volume header's date and time, UTC
 * @param ldmRecords     number of LDM records (0 when the messages are not in LDM records)
 * @param endOfVolume    true when the volume's end is in the file: the last LDM record has a
 *                       negative length, or (without LDM records) a radial has status 4
 * @param volumeBlock    the first message-31 volume block, or null (message-1 files)
 * @param cuts           the elevation cuts in file order
 */
public record Level2Scan(String format, String icao, Instant volumeTime, int ldmRecords,
    boolean endOfVolume, VolumeBlock volumeBlock, List<Cut> cuts) {

  /** Bytes of the Archive II volume header. */
  static final int VOLUME_HEADER_BYTES = 24;
  /** Bytes of the CTM header in front of every message. */
  static final int CTM_BYTES = 12;
  /** Fixed frame of every message but message 31. */
  static final int FRAME_BYTES = 2432;

  public Level2Scan {
    cuts = List.copyOf(cuts);
  }

  /**
   * The radar's position and constants from a message-31 volume data constant block (ICD 2620002,
   * "Volume Data Constant Type").
   *
   * @param latitudeDeg       antenna latitude, degrees
   * @param longitudeDeg      antenna longitude, degrees east
   * @param siteHeightM       height of the site (ground at the tower) above mean sea level, m
   * @param feedhornHeightM   height of the feedhorn above the ground, m
   * @param dbz0              calibration constant dBZ0 (the reflectivity at 1 km range for a
   *                          signal-to-noise ratio of 0 dB), dBZ
   */
  public record VolumeBlock(double latitudeDeg, double longitudeDeg, double siteHeightM,
      double feedhornHeightM, double dbz0) {

    /** Antenna (feedhorn) height above mean sea level, m. */
    public double antennaHeightM() {
      return siteHeightM + feedhornHeightM;
    }
  }

  /**
   * One elevation cut as the radials report it.
   *
   * @param elevationNumber  the RDA elevation number (1 = lowest cut of the VCP)
   * @param elevationDeg     elevation angle of the cut's first radial, degrees
   * @param radials          number of radials
   * @param lastStatus       radial status of the cut's last radial (2 or 4 for a complete cut)
   * @param firstTimeMs      collection time of the first radial, ms since 1970-01-01 UTC
   * @param lastTimeMs       collection time of the last radial, ms since 1970-01-01 UTC
   * @param nyquistMps       Nyquist (unambiguous) velocity, m/s, or NaN when not reported
   */
  public record Cut(int elevationNumber, double elevationDeg, int radials, int lastStatus,
      long firstTimeMs, long lastTimeMs, double nyquistMps) {

    /** True when the cut's last radial is an end-of-elevation or end-of-volume radial. */
    public boolean complete() {
      return lastStatus == 2 || lastStatus == 4;
    }
  }

  /** The volume start (header date and time) as epoch milliseconds. */
  static long epochMs(int modifiedJulianDay, long msOfDay) {
    return (modifiedJulianDay - 1L) * 86_400_000L + msOfDay;
  }

  /**
   * Scans a file.
   *
   * @throws InputException when the file is not an Archive II volume, or is truncated or corrupt
   *     (one line: where it ends and what was expected)
   */
  public static Level2Scan of(Path file) throws InputException {
    byte[] b = NexradFiles.level2Bytes(file);
    String format = new String(b, 0, Math.min(8, b.length), StandardCharsets.US_ASCII);
    if (!NexradFiles.LEVEL2_FORMATS.contains(format)) {
      throw new InputException(file, "", "not a NEXRAD Level II (Archive II) volume: it starts "
          + "with \"" + printable(format) + "\", expected one of "
          + new java.util.TreeSet<>(NexradFiles.LEVEL2_FORMATS));
    }
    if (b.length < VOLUME_HEADER_BYTES) {
      throw new InputException(file, "", "truncated: only " + b.length + " bytes, the volume "
          + "header alone has " + VOLUME_HEADER_BYTES);
    }
    ByteBuffer bb = ByteBuffer.wrap(b);
    int day = bb.getInt(12);
    long ms = Integer.toUnsignedLong(bb.getInt(16));
    String icao = new String(b, 20, 4, StandardCharsets.US_ASCII).trim();
    Instant volumeTime = Instant.ofEpochMilli(epochMs(day, ms));
    Builder builder = new Builder();
    boolean ldm = b.length >= 30 && b[28] == 'B' && b[29] == 'Z';
    int records = 0;
    boolean end = false;
    if (ldm) {
      int off = VOLUME_HEADER_BYTES;
      while (off < b.length) {
        if (off + 4 > b.length) {
          throw new InputException(file, "", "truncated: the file ends inside the length field "
              + "of LDM record " + records + " (byte " + off + " of " + b.length + ")");
        }
        int n = bb.getInt(off);
        int size = Math.abs(n);
        if (size < 2 || off + 4L + size > b.length) {
          throw new InputException(file, "", "truncated: LDM record " + records + " declares "
              + size + " bytes but only " + (b.length - off - 4) + " follow (incomplete "
              + "download or copy?)");
        }
        byte[] messages = bunzip(file, b, off + 4, size, records);
        builder.messages(file, messages, records);
        records++;
        off += 4 + size;
        if (n < 0) {
          end = true;
          break;
        }
      }
    } else {
      byte[] messages = java.util.Arrays.copyOfRange(b, VOLUME_HEADER_BYTES, b.length);
      builder.messages(file, messages, -1);
      end = builder.sawEndOfVolume;
    }
    return new Level2Scan(format, icao, volumeTime, records, end, builder.volumeBlock,
        builder.cuts());
  }

  private static byte[] bunzip(Path file, byte[] b, int from, int size, int record)
      throws InputException {
    if (b[from] != 'B' || b[from + 1] != 'Z') {
      throw new InputException(file, "", "corrupt: LDM record " + record + " is not a bzip2 "
          + "stream (no \"BZ\" signature)");
    }
    // the decoder netCDF-Java itself uses, fed the stream after its "BZ" signature
    CBZip2InputStream bz = new CBZip2InputStream();
    bz.setStream(new ByteArrayInputStream(b, from + 2, size - 2));
    ByteArrayOutputStream out = new ByteArrayOutputStream(size * 8);
    try {
      for (int c = bz.read(); c >= 0; c = bz.read()) {
        out.write(c);
      }
    } catch (BZip2ReadException | IllegalStateException | ArrayIndexOutOfBoundsException e) {
      throw new InputException(file, "", "corrupt: LDM record " + record + " does not "
          + "decompress (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    return out.toByteArray();
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      sb.append(c >= 32 && c < 127 ? c : '?');
    }
    return sb.toString();
  }

  /** Collects radials message by message. */
  private static final class Builder {
    private final Map<Integer, int[]> counts = new LinkedHashMap<>();
    private final Map<Integer, double[]> firsts = new LinkedHashMap<>();
    private final Map<Integer, long[]> times = new LinkedHashMap<>();
    private VolumeBlock volumeBlock;
    private boolean sawEndOfVolume;

    void messages(Path file, byte[] m, int record) throws InputException {
      ByteBuffer bb = ByteBuffer.wrap(m);
      int pos = 0;
      String where = record >= 0 ? " of LDM record " + record : "";
      while (pos < m.length) {
        if (pos + CTM_BYTES + 16 > m.length) {
          if (allZero(m, pos)) {
            return;
          }
          throw new InputException(file, "", "truncated: a message header" + where + " is cut "
              + "off at byte " + pos + " of " + m.length);
        }
        int size = Short.toUnsignedInt(bb.getShort(pos + CTM_BYTES));
        int type = m[pos + CTM_BYTES + 3] & 0xff;
        int length = type == 31 ? CTM_BYTES + 2 * size : FRAME_BYTES;
        if (type == 31 && size < 8) {
          throw new InputException(file, "", "corrupt: message 31" + where + " at byte " + pos
              + " declares " + size + " halfwords");
        }
        if (pos + length > m.length) {
          if (type != 31 && type != 1 && allZero(m, pos + CTM_BYTES + 16)) {
            return; // padding at the end of a record
          }
          throw new InputException(file, "", "truncated: message " + type + where + " at byte "
              + pos + " needs " + length + " bytes, only " + (m.length - pos) + " present "
              + "(incomplete download or copy?)");
        }
        int d = pos + CTM_BYTES + 16; // start of the message body
        if (type == 31) {
          message31(bb, d);
        } else if (type == 1) {
          message1(bb, d);
        }
        pos += length;
      }
    }

    private static boolean allZero(byte[] m, int from) {
      for (int i = from; i < m.length; i++) {
        if (m[i] != 0) {
          return false;
        }
      }
      return true;
    }

    private void message31(ByteBuffer bb, int d) {
      long ms = Integer.toUnsignedLong(bb.getInt(d + 4));
      int day = Short.toUnsignedInt(bb.getShort(d + 8));
      int status = bb.get(d + 21) & 0xff;
      int elevation = bb.get(d + 22) & 0xff;
      double elevationDeg = bb.getFloat(d + 24);
      int blocks = Short.toUnsignedInt(bb.getShort(d + 30));
      double nyquist = Double.NaN;
      for (int k = 0; k < Math.min(blocks, 10); k++) {
        int p = bb.getInt(d + 32 + 4 * k);
        if (p <= 0 || d + p + 20 > bb.limit()) {
          continue;
        }
        int at = d + p;
        String name = new String(new byte[] {bb.get(at + 1), bb.get(at + 2), bb.get(at + 3)},
            StandardCharsets.US_ASCII);
        if (name.equals("VOL") && volumeBlock == null) {
          volumeBlock = new VolumeBlock(bb.getFloat(at + 8), bb.getFloat(at + 12),
              bb.getShort(at + 16), Short.toUnsignedInt(bb.getShort(at + 18)),
              bb.getFloat(at + 20));
        } else if (name.equals("RAD")) {
          nyquist = bb.getShort(at + 16) * 0.01;
        }
      }
      radial(elevation, elevationDeg, status, epochMs(day, ms), nyquist);
    }

    private void message1(ByteBuffer bb, int d) {
      long ms = Integer.toUnsignedLong(bb.getInt(d));
      int day = Short.toUnsignedInt(bb.getShort(d + 4));
      int status = bb.getShort(d + 12);
      // coded angle: value / 8 × 180° / 4096 (ICD 2620002, message 1)
      double elevationDeg = (Short.toUnsignedInt(bb.getShort(d + 14)) / 8.0) * (180.0 / 4096.0);
      int elevation = bb.getShort(d + 16);
      double nyquist = bb.getShort(d + 60) * 0.01;
      radial(elevation, elevationDeg, status, epochMs(day, ms), nyquist > 0 ? nyquist
          : Double.NaN);
    }

    private void radial(int elevation, double elevationDeg, int status, long timeMs,
        double nyquist) {
      int[] c = counts.computeIfAbsent(elevation, e -> new int[2]);
      c[0]++;
      c[1] = status;
      firsts.computeIfAbsent(elevation, e -> new double[] {elevationDeg, nyquist});
      long[] t = times.computeIfAbsent(elevation, e -> new long[] {timeMs, timeMs});
      t[1] = timeMs;
      if (status == 4) {
        sawEndOfVolume = true;
      }
    }

    List<Cut> cuts() {
      List<Cut> out = new ArrayList<>();
      for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
        double[] f = firsts.get(e.getKey());
        long[] t = times.get(e.getKey());
        out.add(new Cut(e.getKey(), f[0], e.getValue()[0], e.getValue()[1], t[0], t[1], f[1]));
      }
      return out;
    }
  }
}
