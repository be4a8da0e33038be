package org.darkflight.io.nexrad;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.darkflight.io.InputException;

/**
 * Recognises NEXRAD files by their first bytes and gives netCDF-Java a private copy to open.
 *
 * <p>netCDF-Java 4.5.5 writes scratch files next to the file it opens: the decompressed volume
 * ({@code <name>.uncompress}, 8 MB for a 1.3 MB Level II file) for Archive II files with
 * bzip2-compressed LDM records, and the gunzipped file for {@code .gz} names. {@link Scratch}
 * copies the input into a fresh temporary directory first, so those files land there (never
 * beside the user's data or in {@code ~/.unidata}), and deletes the directory when closed.
 */
public final class NexradFiles {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NexradFiles.class);

  /**
   * First eight bytes of an Archive II volume that netCDF-Java's {@code nexrad2} reader accepts
   * ({@code Nexrad2IOServiceProvider.isValidFile}, netCDF-Java 4.5.5).
   */
  public static final Set<String> LEVEL2_FORMATS = Set.of("ARCHIVE2", "AR2V0001", "AR2V0002",
      "AR2V0003", "AR2V0004", "AR2V0006", "AR2V0007");

  /** Level III message code of the VAD Wind Profile product (NVW), ICD 2620001 Table III. */
  public static final int PRODUCT_VAD_WIND_PROFILE = 48;
  /** Level III message code of digital base reflectivity (N0Q …), ICD 2620001 Table III. */
  public static final int PRODUCT_DIGITAL_REFLECTIVITY = 94;

  private NexradFiles() {}

  /** True when the file name ends in {@code .gz} (whole-file gzip, opened by netCDF-Java). */
  public static boolean isGzipName(Path file) {
    return file.getFileName().toString().endsWith(".gz");
  }

  /**
   * The Archive II format string of a file ({@code AR2V0006} …), or null when the file is not a
   * Level II volume. Reads through gzip for {@code .gz} names. Never throws.
   */
  public static String level2Format(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = isGzipName(file) ? new GZIPInputStream(raw) : raw) {
      byte[] b = in.readNBytes(8);
      String magic = new String(b, StandardCharsets.US_ASCII);
      return LEVEL2_FORMATS.contains(magic) ? magic : null;
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  /**
   * The Level III product's message code (48 = NVW, 94 = N0Q …), or -1 when the file is not a
   * Level III product. Accepts the product with or without its WMO/AWIPS header
   * ({@code "SDUS34 KBMX 020205\r\r\nNVWBMX\r\r\n"}) and a zlib-compressed product. Never throws.
   */
  public static int level3ProductCode(Path file) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(256);
    } catch (IOException e) {
      return -1;
    }
    int start = 0;
    if (head.length >= 4 && head[0] == 'S' && head[1] == 'D' && head[2] == 'U'
        && head[3] == 'S') {
      start = afterWmoHeader(head);
      if (start < 0) {
        return -1;
      }
    }
    if (head.length < start + 2) {
      return -1;
    }
    if ((head[start] & 0xff) == 0x78) {
      // zlib stream (RFC 1950, deflate with a 32 KB window): the product starts inside it
      Inflater inf = new Inflater();
      try {
        inf.setInput(head, start, head.length - start);
        byte[] out = new byte[2];
        if (inf.inflate(out) < 2) {
          return -1;
        }
        return code(out, 0);
      } catch (DataFormatException e) {
        return -1;
      } finally {
        inf.end();
      }
    }
    int code = code(head, start);
    // a bare product (no WMO header) must at least carry a plausible date after the code
    if (start == 0 && head.length >= 4) {
      int days = ((head[2] & 0xff) << 8) | (head[3] & 0xff);
      if (days < 1) {
        return -1;
      }
    }
    return code >= 16 && code <= 211 ? code : -1;
  }

  private static int code(byte[] b, int at) {
    return (short) (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
  }

  /** Offset after the two CR CR LF terminated WMO/AWIPS header lines, or -1. */
  private static int afterWmoHeader(byte[] b) {
    int lines = 0;
    for (int i = 0; i + 2 < b.length && i < 64; i++) {
      if (b[i] == '\r' && b[i + 1] == '\r' && b[i + 2] == '\n') {
        lines++;
        i += 2;
        if (lines == 2) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /**
   * The bytes of a Level II file, gunzipped for {@code .gz} names.
   *
   * @throws InputException when the file cannot be read or its gzip stream ends early
   */
  static byte[] level2Bytes(Path file) throws InputException {
    try {
      byte[] raw = Files.readAllBytes(file);
      if (!isGzipName(file)) {
        return raw;
      }
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    } catch (EOFException e) {
      throw new InputException(file, "", "truncated: the gzip stream ends early (incomplete "
          + "download or copy?)", e);
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * A private copy of an input file in a fresh temporary directory, for netCDF-Java to open and
   * to write its scratch files beside. {@link #close} deletes the directory and everything in it.
   */
  public static final class Scratch implements AutoCloseable {
    private final Path dir;
    private final Path copy;

    /**
     * Copies {@code file} (keeping its name, which tells netCDF-Java about {@code .gz}).
     *
     * @throws InputException when the file cannot be read or the copy cannot be made
     */
    public Scratch(Path file) throws InputException {
      try {
        dir = Files.createTempDirectory("darkflight-nexrad-");
      } catch (IOException e) {
        throw new InputException(file, "", "cannot create a temporary directory for reading: "
            + e.getMessage(), e);
      }
      copy = dir.resolve(file.getFileName().toString());
      try {
        Files.copy(file, copy);
      } catch (IOException e) {
        close();
        throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
      }
    }

    /** The copy's path. */
    public Path path() {
      return copy;
    }

    @Override
    public void close() {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // a scratch file we cannot delete leaves litter in the temp directory but no wrong
        // result; say so instead of failing the command
        LOG.warn("could not delete the scratch directory {}: {}", dir, e.getMessage());
      }
    }
  }
}
