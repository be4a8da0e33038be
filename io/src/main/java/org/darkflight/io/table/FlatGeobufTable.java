package org.darkflight.io.table;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.darkflight.io.AtomicFiles;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.generated.Column;
import org.wololo.flatgeobuf.generated.ColumnType;
import org.wololo.flatgeobuf.generated.Crs;
import org.wololo.flatgeobuf.generated.Feature;
import org.wololo.flatgeobuf.generated.Geometry;
import org.wololo.flatgeobuf.generated.GeometryType;
import org.wololo.flatgeobuf.generated.Header;

/**
 * Writes the per-sample table as FlatGeobuf (flatgeobuf.org; the library's generated FlatBuffers
 * classes): Point geometries in EPSG:4326, the columns of {@link SampleTable}, no spatial index
 * (the rows stay in sample-index order, which a Hilbert-sorted index would reorder), a header
 * with the feature count and no envelope. A failed sample's feature has no geometry.
 *
 * <p>Rows are streamed: one feature is in memory at a time. The bytes depend only on the rows,
 * so a shard and a merge of shards are byte-identical for the same samples whoever writes them.
 * {@link #merge} joins shards by copying their feature bytes after one header with the total
 * count (the same bytes as writing all rows at once).
 */
public final class FlatGeobufTable {

  private static final int BUFFER_BYTES = 1 << 16;

  private FlatGeobufTable() {}

  /**
   * Writes {@code count} rows to {@code target} atomically.
   *
   * @throws IOException           on a write error
   * @throws IllegalStateException when {@code rows} does not hold exactly {@code count} rows
   */
  public static void write(Path target, long count, Iterator<SampleRow> rows)
      throws IOException {
    AtomicFiles.write(target, out -> {
      OutputStream o = new BufferedOutputStream(out, BUFFER_BYTES);
      o.write(header(count));
      FeatureEncoder encoder = new FeatureEncoder();
      long n = 0;
      while (rows.hasNext()) {
        o.write(encoder.encode(rows.next()));
        n++;
      }
      if (n != count) {
        throw new IllegalStateException(target.getFileName() + ": " + n
            + " rows for a table of " + count);
      }
      o.flush();
    });
  }

  /** The magic bytes and the size-prefixed header of a table of {@code count} features. */
  static byte[] header(long count) {
    FlatBufferBuilder b = new FlatBufferBuilder(4096);
    List<SampleTable.Column> columns = SampleTable.COLUMNS;
    int[] offsets = new int[columns.size()];
    for (int i = 0; i < offsets.length; i++) {
      SampleTable.Column c = columns.get(i);
      int name = b.createString(c.name());
      int description = b.createString(c.description());
      Column.startColumn(b);
      Column.addName(b, name);
      Column.addType(b, columnType(c.type()));
      Column.addDescription(b, description);
      Column.addNullable(b, c.nullable());
      offsets[i] = Column.endColumn(b);
    }
    int columnsVector = Header.createColumnsVector(b, offsets);
    int org = b.createString("EPSG");
    Crs.startCrs(b);
    Crs.addOrg(b, org);
    Crs.addCode(b, SampleTable.EPSG);
    int crs = Crs.endCrs(b);
    int name = b.createString(SampleTable.LAYER);
    Header.startHeader(b);
    Header.addName(b, name);
    Header.addGeometryType(b, GeometryType.Point);
    Header.addColumns(b, columnsVector);
    Header.addFeaturesCount(b, count);
    Header.addIndexNodeSize(b, 0);
    Header.addCrs(b, crs);
    Header.finishSizePrefixedHeaderBuffer(b, Header.endHeader(b));
    byte[] h = b.sizedByteArray();
    byte[] all = Arrays.copyOf(Constants.MAGIC_BYTES, Constants.MAGIC_BYTES.length + h.length);
    System.arraycopy(h, 0, all, Constants.MAGIC_BYTES.length, h.length);
    return all;
  }

  private static int columnType(SampleTable.Type t) {
    return switch (t) {
      case LONG -> ColumnType.Long;
      case INT -> ColumnType.Int;
      case DOUBLE -> ColumnType.Double;
      case STRING -> ColumnType.String;
    };
  }

  /** Encodes rows as size-prefixed features, reusing its buffers. */
  static final class FeatureEncoder {
    private final FlatBufferBuilder builder = new FlatBufferBuilder(1024);
    private ByteBuffer properties = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

    byte[] encode(SampleRow row) {
      properties.clear();
      Object[] values = row.values();
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v == null) {
          continue;
        }
        byte[] text = v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        ensure(2 + (text != null ? 4 + text.length : 8));
        properties.putShort((short) i);
        if (v instanceof Long l) {
          properties.putLong(l);
        } else if (v instanceof Integer n) {
          properties.putInt(n);
        } else if (v instanceof Double d) {
          properties.putDouble(d);
        } else {
          properties.putInt(text.length);
          properties.put(text);
        }
      }
      FlatBufferBuilder b = builder;
      b.clear();
      byte[] props = Arrays.copyOf(properties.array(), properties.position());
      int propsVector = Feature.createPropertiesVector(b, props);
      int geometry = 0;
      if (row.landing() != null) {
        int xy = Geometry.createXyVector(b, new double[] {row.landing().longitudeDeg(),
            row.landing().latitudeDeg()});
        Geometry.startGeometry(b);
        Geometry.addXy(b, xy);
        geometry = Geometry.endGeometry(b);
      }
      Feature.startFeature(b);
      if (geometry != 0) {
        Feature.addGeometry(b, geometry);
      }
      Feature.addProperties(b, propsVector);
      Feature.finishSizePrefixedFeatureBuffer(b, Feature.endFeature(b));
      return b.sizedByteArray();
    }

    private void ensure(int more) {
      if (properties.remaining() < more) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(properties.capacity() * 2,
            properties.position() + more)).order(ByteOrder.LITTLE_ENDIAN);
        properties.flip();
        bigger.put(properties);
        properties = bigger;
      }
    }
  }

  /** The feature count in a table file's header. */
  public static long featureCount(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return readHeader(new DataInputStream(in), file).featuresCount();
    }
  }

  /** Reads the magic bytes and the header; the stream is then at the first feature. */
  private static Header readHeader(DataInputStream in, Path file) throws IOException {
    byte[] magic = new byte[Constants.MAGIC_BYTES.length];
    in.readFully(magic);
    if (!Constants.isFlatgeobuf(ByteBuffer.wrap(magic))) {
      throw new IOException(file + ": not a FlatGeobuf file");
    }
    int size = Integer.reverseBytes(in.readInt());
    if (size < 0 || size > (1 << 24)) {
      throw new IOException(file + ": FlatGeobuf header size " + size + " out of range");
    }
    byte[] h = new byte[size];
    in.readFully(h);
    Header header = Header.getRootAsHeader(ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN));
    if (header.indexNodeSize() != 0) {
      throw new IOException(file + ": a FlatGeobuf file with a spatial index cannot be merged");
    }
    return header;
  }

  /**
   * Writes {@code target} (atomically) as one table holding the features of {@code shards} in
   * the given order: a header with the summed count, then each shard's features copied
   * byte for byte.
   *
   * @return the number of features
   */
  public static long merge(List<Path> shards, Path target) throws IOException {
    long total = 0;
    for (Path s : shards) {
      total += featureCount(s);
    }
    long count = total;
    AtomicFiles.write(target, out -> {
      OutputStream o = new BufferedOutputStream(out, BUFFER_BYTES);
      o.write(header(count));
      for (Path s : shards) {
        try (DataInputStream in = new DataInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(s), BUFFER_BYTES))) {
          readHeader(in, s);
          in.transferTo(o);
        }
      }
      o.flush();
    });
    return total;
  }
}
