package org.darkflight.io.heatmap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.darkflight.io.AtomicFiles;

/**
 * Writes one heatmap as a single-band, uncompressed, 32-bit float GeoTIFF in WGS84 geographic
 * coordinates (EPSG:4326), readable by GDAL, QGIS and Apache SIS.
 *
 * <p>Hand-written because Apache SIS 1.4 (the managed version) reads GeoTIFF but cannot write it.
 * Layout (little-endian): 8-byte header, the pixel strip at offset 8, then one IFD with the
 * baseline TIFF 6.0 tags (Adobe, <i>TIFF Revision 6.0</i>, 1992, §2 and §8: ImageWidth,
 * ImageLength, BitsPerSample = 32, Compression = 1, PhotometricInterpretation = 1, StripOffsets,
 * SamplesPerPixel = 1, RowsPerStrip, StripByteCounts, PlanarConfiguration = 1; SampleFormat = 3
 * IEEE float from the TIFF Technical Note / Adobe PageMaker 6.0 supplement) and the GeoTIFF 1.0
 * tags (OGC 19-008r4, GeoTIFF standard §7: ModelPixelScaleTag 33550, ModelTiepointTag 33922,
 * GeoKeyDirectoryTag 34735 with GTModelTypeGeoKey = 2 geographic, GTRasterTypeGeoKey = 1
 * PixelIsArea, GeographicTypeGeoKey = 4326). Values are the cell probabilities. GDAL's private
 * tags carry the rest (ASCII, NUL-terminated): GDAL_METADATA 42112, an XML {@code GDALMetadata}
 * with the band description (role {@code description}) and unit (role {@code unittype}), and
 * GDAL_NODATA 42113, the NoData value {@value #NODATA} as text (never a probability, so no cell
 * holds it).
 */
public final class GeoTiffWriter {

  private static final short SHORT = 3;
  private static final short LONG = 4;
  private static final short DOUBLE = 12;
  private static final short ASCII = 2;
  private static final int ENTRIES = 16;
  /** NoData value written in GDAL_NODATA: never a probability. */
  public static final String NODATA = "-1";
  /** Unit of the band. */
  public static final String UNIT = "probability per cell";

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

  /**
   * The GeoTIFF bytes of {@code values} (row-major, row 0 north) on {@code grid}, the band
   * described as {@code description}.
   */
  public static byte[] bytes(HeatmapGrid grid, double[] values, String description) {
    byte[] metadata = ("<GDALMetadata>\n  <Item name=\"DESCRIPTION\" sample=\"0\" "
        + "role=\"description\">" + xml(ascii(description)) + "</Item>\n"
        + "  <Item name=\"UNITTYPE\" sample=\"0\" role=\"unittype\">" + UNIT + "</Item>\n"
        + "</GDALMetadata>\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] nodata = (NODATA + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (values.length != grid.cells()) {
      throw new IllegalArgumentException("expected " + grid.cells() + " values, got "
          + values.length);
    }
    long pixelBytes = 4L * grid.cells();
    if (pixelBytes > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("heatmap too large for a single-strip GeoTIFF");
    }
    int ifdOffset = 8 + (int) pixelBytes;
    int ifdSize = 2 + ENTRIES * 12 + 4;
    int scaleOffset = ifdOffset + ifdSize;
    int tieOffset = scaleOffset + 3 * 8;
    int keysOffset = tieOffset + 6 * 8;
    short[] keys = {1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326};
    int metadataOffset = keysOffset + keys.length * 2;
    int nodataOffset = metadataOffset + metadata.length;
    int total = nodataOffset + nodata.length;
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
    for (double v : values) {
      b.putFloat((float) v);
    }
    b.putShort((short) ENTRIES);
    entry(b, 256, LONG, 1, grid.columns());
    entry(b, 257, LONG, 1, grid.rows());
    shortEntry(b, 258, 32);
    shortEntry(b, 259, 1);
    shortEntry(b, 262, 1);
    entry(b, 273, LONG, 1, 8);
    shortEntry(b, 277, 1);
    entry(b, 278, LONG, 1, grid.rows());
    entry(b, 279, LONG, 1, (int) pixelBytes);
    shortEntry(b, 284, 1);
    shortEntry(b, 339, 3);
    entry(b, 33550, DOUBLE, 3, scaleOffset);
    entry(b, 33922, DOUBLE, 6, tieOffset);
    entry(b, 34735, SHORT, keys.length, keysOffset);
    entry(b, 42112, ASCII, metadata.length, metadataOffset);
    if (nodata.length <= 4) { // TIFF 6.0 §2: values of up to 4 bytes sit in the entry itself
      b.putShort((short) 42113).putShort(ASCII).putInt(nodata.length)
          .put(java.util.Arrays.copyOf(nodata, 4));
    } else {
      entry(b, 42113, ASCII, nodata.length, nodataOffset);
    }
    b.putInt(0);
    b.putDouble(grid.cellLonDeg()).putDouble(grid.cellLatDeg()).putDouble(0);
    b.putDouble(0).putDouble(0).putDouble(0).putDouble(grid.westDeg()).putDouble(grid.northDeg())
        .putDouble(0);
    for (short k : keys) {
      b.putShort(k);
    }
    b.put(metadata).put(nodata);
    return b.array();
  }

  private static void entry(ByteBuffer b, int tag, short type, int count, int value) {
    b.putShort((short) tag).putShort(type).putInt(count).putInt(value);
  }

  private static void shortEntry(ByteBuffer b, int tag, int value) {
    b.putShort((short) tag).putShort(SHORT).putInt(1).putShort((short) value).putShort((short) 0);
  }
}
