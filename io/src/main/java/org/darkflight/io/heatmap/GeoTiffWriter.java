package org.darkflight.io.heatmap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import org.darkflight.io.AtomicFiles;

/**
 * Writes one heatmap as a single-band, 32-bit float GeoTIFF in WGS84 geographic coordinates
 * (EPSG:4326), tiled and DEFLATE-compressed in the Cloud-Optimized GeoTIFF layout (OGC 21-026,
 * <i>Cloud Optimized GeoTIFF</i> 1.0), readable by GDAL, QGIS and Apache SIS.
 *
 * <p>Hand-written because Apache SIS 1.4 (the managed version) reads GeoTIFF but cannot write it.
 * Layout (classic little-endian TIFF): the 8-byte header; the main image's IFD at offset 8 with
 * its out-of-line values; then one IFD per overview (reduced-resolution images, each half the
 * size of the one before, while the previous one is wider or taller than one tile); then the
 * tiles, the smallest overview's first and the full-resolution image's last, each image's tiles
 * in row-major order. All IFDs therefore come before all pixel data, as COG requires.
 *
 * <p>Tags (Adobe, <i>TIFF Revision 6.0</i>, 1992, §2, §8 and §15): ImageWidth, ImageLength,
 * BitsPerSample = 32, Compression = 8 (Adobe Deflate, zlib stream of {@link Deflater} at level
 * 9), PhotometricInterpretation = 1, SamplesPerPixel = 1, PlanarConfiguration = 1, Predictor = 3
 * (floating-point horizontal differencing, Adobe TIFF Technical Note 3, 2005), TileWidth =
 * TileLength = {@value #TILE}, TileOffsets, TileByteCounts, SampleFormat = 3 IEEE float
 * (NewSubfileType = 1 on overviews); the GeoTIFF 1.0 tags on the main image (OGC 19-008r4 §7:
 * ModelPixelScaleTag 33550, ModelTiepointTag 33922, GeoKeyDirectoryTag 34735 with
 * GTModelTypeGeoKey = 2 geographic, GTRasterTypeGeoKey = 1 PixelIsArea, GeographicTypeGeoKey =
 * 4326). Values are the cell probabilities; edge tiles are padded with NoData. GDAL's private
 * tags carry the rest (ASCII, NUL-terminated): GDAL_METADATA 42112 on the main image, an XML
 * {@code GDALMetadata} with the band description (role {@code description}) and unit (role
 * {@code unittype}), and GDAL_NODATA 42113 on every image, the NoData value {@value #NODATA} as
 * text (never a probability, so no cell holds it).
 *
 * <p>An overview cell is the mean of the (up to) 2×2 cells below it, so it keeps the band's unit
 * (probability per full-resolution cell) and shows the same picture when zoomed out. The bytes
 * depend only on the inputs (and the zlib build of the JDK, which is fixed per platform).
 */
public final class GeoTiffWriter {

  /** Tile edge in pixels. */
  public static final int TILE = 256;
  /** NoData value written in GDAL_NODATA: never a probability. */
  public static final String NODATA = "-1";
  /** Unit of the band. */
  public static final String UNIT = "probability per cell";

  private static final short ASCII = 2;
  private static final short SHORT = 3;
  private static final short LONG = 4;
  private static final short DOUBLE = 12;
  private static final float NODATA_VALUE = -1f;
  /** Largest file classic TIFF (32-bit offsets) and a Java array can hold, with margin. */
  private static final long MAX_BYTES = Integer.MAX_VALUE - 64;

  private GeoTiffWriter() {}

  /** Writes {@code map} on {@code grid} to {@code target} atomically. */
  public static void write(Path target, HeatmapGrid grid, ClassHeatmap map) throws IOException {
    AtomicFiles.write(target, bytes(grid, map.probability(), description(map.massClass())));
  }

  /** Band description of mass class {@code label} (ASCII). */
  public static String description(String label) {
    return "Landing probability per cell, mass class " + ascii(label);
  }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.replace('\u2013', '-').replace('\u2014', '-').toCharArray()) {
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** One image of the pyramid: its size, its values (row-major, row 0 north), its tiles. */
  private record Level(int columns, int rows, float[] values, List<byte[]> tiles) {

    int tilesAcross() {
      return (columns + TILE - 1) / TILE;
    }

    int tilesDown() {
      return (rows + TILE - 1) / TILE;
    }
  }

  /**
   * The GeoTIFF bytes of {@code values} (row-major, row 0 north) on {@code grid}, the band
   * described as {@code description}.
   */
  public static byte[] bytes(HeatmapGrid grid, double[] values, String description) {
    if (values.length != grid.cells()) {
      throw new IllegalArgumentException("expected " + grid.cells() + " values, got "
          + values.length);
    }
    byte[] metadata = ("<GDALMetadata>\n  <Item name=\"DESCRIPTION\" sample=\"0\" "
        + "role=\"description\">" + xml(ascii(description)) + "</Item>\n"
        + "  <Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">" + UNIT + "</Item>\n"
        + "</GDALMetadata>\0").getBytes(StandardCharsets.US_ASCII);
    float[] full = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      full[i] = (float) values[i];
    }
    List<Level> levels = new ArrayList<>();
    levels.add(tiled(grid.columns(), grid.rows(), full));
    while (levels.get(levels.size() - 1).columns() > TILE
        || levels.get(levels.size() - 1).rows() > TILE) {
      levels.add(tiled(overview(levels.get(levels.size() - 1))));
    }
    // the IFDs and their values, main image first
    List<Ifd> ifds = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      Level l = levels.get(i);
      Ifd d = new Ifd();
      if (i > 0) {
        d.longs(254, 1); // NewSubfileType: reduced-resolution image
      }
      d.longs(256, l.columns());
      d.longs(257, l.rows());
      d.shorts(258, 32);
      d.shorts(259, 8);
      d.shorts(262, 1);
      d.shorts(277, 1);
      d.shorts(284, 1);
      d.shorts(317, 3);
      d.shorts(322, TILE);
      d.shorts(323, TILE);
      d.longs(324, new int[l.tiles().size()]); // TileOffsets, filled in below
      int[] counts = new int[l.tiles().size()];
      for (int t = 0; t < counts.length; t++) {
        counts[t] = l.tiles().get(t).length;
      }
      d.longs(325, counts);
      d.shorts(339, 3);
      if (i == 0) {
        d.doubles(33550, grid.cellLonDeg(), grid.cellLatDeg(), 0);
        d.doubles(33922, 0, 0, 0, grid.westDeg(), grid.northDeg(), 0);
        d.shorts(34735, 1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326);
        d.ascii(42112, metadata);
      }
      d.ascii(42113, (NODATA + "\0").getBytes(StandardCharsets.US_ASCII));
      ifds.add(d);
    }
    long offset = 8;
    for (Ifd d : ifds) {
      offset += d.size();
    }
    // pixel data: smallest overview first, the full-resolution image last
    for (int i = levels.size() - 1; i >= 0; i--) {
      int[] offsets = ifds.get(i).values(324);
      List<byte[]> tiles = levels.get(i).tiles();
      for (int t = 0; t < tiles.size(); t++) {
        if (offset > MAX_BYTES) {
          throw new IllegalArgumentException("heatmap too large for a classic GeoTIFF ("
              + grid.columns() + " x " + grid.rows() + " cells); use a larger cell");
        }
        offsets[t] = (int) offset;
        offset += tiles.get(t).length;
      }
    }
    if (offset > MAX_BYTES) {
      throw new IllegalArgumentException("heatmap too large for a classic GeoTIFF ("
          + grid.columns() + " x " + grid.rows() + " cells); use a larger cell");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) offset);
    out.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
    long at = 8;
    for (int i = 0; i < ifds.size(); i++) {
      Ifd d = ifds.get(i);
      long next = i + 1 < ifds.size() ? at + d.size() : 0;
      out.writeBytes(d.encode((int) at, (int) next));
      at += d.size();
    }
    for (int i = levels.size() - 1; i >= 0; i--) {
      for (byte[] t : levels.get(i).tiles()) {
        out.writeBytes(t);
      }
    }
    return out.toByteArray();
  }

  private static byte[] even(byte[] b) {
    return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1);
  }

  /** The next overview: each cell the mean of the (up to) 2×2 cells below it. */
  private static Level overview(Level l) {
    int columns = (l.columns() + 1) / 2;
    int rows = (l.rows() + 1) / 2;
    float[] v = new float[columns * rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        double sum = 0;
        int n = 0;
        for (int dr = 0; dr < 2; dr++) {
          for (int dc = 0; dc < 2; dc++) {
            int rr = 2 * r + dr;
            int cc = 2 * c + dc;
            if (rr < l.rows() && cc < l.columns()) {
              sum += l.values()[rr * l.columns() + cc];
              n++;
            }
          }
        }
        v[r * columns + c] = (float) (sum / n);
      }
    }
    return new Level(columns, rows, v, List.of());
  }

  private static Level tiled(Level l) {
    return tiled(l.columns(), l.rows(), l.values());
  }

  /** Cuts {@code values} into compressed tiles, row-major. */
  private static Level tiled(int columns, int rows, float[] values) {
    Level shell = new Level(columns, rows, values, List.of());
    List<byte[]> tiles = new ArrayList<>();
    byte[] raw = new byte[TILE * TILE * 4];
    byte[] row = new byte[TILE * 4];
    Deflater deflater = new Deflater(9);
    try {
      for (int ty = 0; ty < shell.tilesDown(); ty++) {
        for (int tx = 0; tx < shell.tilesAcross(); tx++) {
          for (int y = 0; y < TILE; y++) {
            int r = ty * TILE + y;
            for (int x = 0; x < TILE; x++) {
              int c = tx * TILE + x;
              float f = r < rows && c < columns ? values[r * columns + c] : NODATA_VALUE;
              int bits = Float.floatToRawIntBits(f);
              // TIFF Technical Note 3: the bytes of a row as planes, most significant first
              for (int p = 0; p < 4; p++) {
                row[p * TILE + x] = (byte) (bits >>> (24 - 8 * p));
              }
            }
            // then horizontal differencing over the row's bytes
            int base = y * TILE * 4;
            raw[base] = row[0];
            for (int i = 1; i < row.length; i++) {
              raw[base + i] = (byte) (row[i] - row[i - 1]);
            }
          }
          tiles.add(deflate(deflater, raw));
        }
      }
    } finally {
      deflater.end();
    }
    return new Level(columns, rows, values, List.copyOf(tiles));
  }

  private static byte[] deflate(Deflater deflater, byte[] raw) {
    deflater.reset();
    deflater.setInput(raw);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 64);
    byte[] buf = new byte[16384];
    while (!deflater.finished()) {
      int n = deflater.deflate(buf);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** One image file directory: entries sorted by tag, values of more than 4 bytes after it. */
  private static final class Ifd {

    private record Entry(int tag, short type, int count, byte[] data, int[] longs) {}

    private final List<Entry> entries = new ArrayList<>();

    void shorts(int tag, int... v) {
      ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
      for (int x : v) {
        b.putShort((short) x);
      }
      entries.add(new Entry(tag, SHORT, v.length, b.array(), null));
    }

    void longs(int tag, int... v) {
      entries.add(new Entry(tag, LONG, v.length, null, v));
    }

    void doubles(int tag, double... v) {
      ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
      for (double x : v) {
        b.putDouble(x);
      }
      entries.add(new Entry(tag, DOUBLE, v.length, b.array(), null));
    }

    /** {@code text} NUL-terminated. */
    void ascii(int tag, byte[] text) {
      entries.add(new Entry(tag, ASCII, text.length, text, null));
    }

    int[] values(int tag) {
      for (Entry e : entries) {
        if (e.tag() == tag) {
          return e.longs();
        }
      }
      throw new IllegalStateException("no tag " + tag);
    }

    private static int length(Entry e) {
      return e.longs() != null ? 4 * e.longs().length : e.data().length;
    }

    /** Bytes of the directory and its out-of-line values (always even). */
    long size() {
      long n = 2 + 12L * entries.size() + 4;
      for (Entry e : entries) {
        int len = length(e);
        if (len > 4) {
          n += len + (len % 2);
        }
      }
      return n;
    }

    private static byte[] data(Entry e) {
      if (e.longs() == null) {
        return e.data();
      }
      ByteBuffer b = ByteBuffer.allocate(4 * e.longs().length).order(ByteOrder.LITTLE_ENDIAN);
      for (int x : e.longs()) {
        b.putInt(x);
      }
      return b.array();
    }

    byte[] encode(int at, int next) {
      ByteBuffer b = ByteBuffer.allocate((int) size()).order(ByteOrder.LITTLE_ENDIAN);
      List<Entry> sorted = new ArrayList<>(entries);
      sorted.sort(java.util.Comparator.comparingInt(Entry::tag));
      int extra = at + 2 + 12 * sorted.size() + 4;
      List<byte[]> outOfLine = new ArrayList<>();
      b.putShort((short) sorted.size());
      for (Entry e : sorted) {
        byte[] d = data(e);
        b.putShort((short) e.tag()).putShort(e.type()).putInt(e.count());
        if (d.length <= 4) { // TIFF 6.0 §2: values of up to 4 bytes sit in the entry itself
          b.put(java.util.Arrays.copyOf(d, 4));
        } else {
          b.putInt(extra);
          byte[] padded = even(d);
          outOfLine.add(padded);
          extra += padded.length;
        }
      }
      b.putInt(next);
      for (byte[] d : outOfLine) {
        b.put(d);
      }
      return b.array();
    }
  }
}
