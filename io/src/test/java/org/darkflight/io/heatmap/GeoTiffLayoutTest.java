package org.darkflight.io.heatmap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * The heatmap GeoTIFF's Cloud-Optimized layout, read here with a minimal TIFF reader written
 * from the TIFF 6.0 text (independent of the writer): the first IFD at byte 8, every IFD before
 * every tile, the smallest overview's tiles first and the full image's last, tiles of 256×256
 * DEFLATE-compressed with the floating-point predictor and decoding to the values written, and
 * the same bytes on every call.
 */
class GeoTiffLayoutTest {

  /** A deterministic, non-trivial field on {@code g}: a few Gaussian blobs and exact zeros. */
  static double[] values(HeatmapGrid g) {
    double[] v = new double[g.cells()];
    for (int r = 0; r < g.rows(); r++) {
      for (int c = 0; c < g.columns(); c++) {
        double x = (c - 0.4 * g.columns()) / 40.0;
        double y = (r - 0.6 * g.rows()) / 25.0;
        double z = Math.exp(-(x * x + y * y)) + 0.3 * Math.exp(-((x - 3) * (x - 3) + y * y));
        v[g.index(r, c)] = z < 1e-12 ? 0 : z * 1e-4;
      }
    }
    return v;
  }

  /** 2×2 means over the cells that exist, as floats (the writer's overview rule). */
  static float[] halve(float[] v, int columns, int rows) {
    int w = (columns + 1) / 2;
    int h = (rows + 1) / 2;
    float[] o = new float[w * h];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double s = 0;
        int n = 0;
        for (int rr = 2 * r; rr < Math.min(2 * r + 2, rows); rr++) {
          for (int cc = 2 * c; cc < Math.min(2 * c + 2, columns); cc++) {
            s += v[rr * columns + cc];
            n++;
          }
        }
        o[r * w + c] = (float) (s / n);
      }
    }
    return o;
  }

  /** One IFD as read: its offset, end of its values, and its tags (values as longs). */
  record Ifd(long offset, long end, Map<Integer, long[]> tags) {
    long one(int tag) {
      return tags.get(tag)[0];
    }
  }

  static List<Ifd> read(byte[] file) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getShort(0), equalTo((short) 0x4949));
    assertThat(b.getShort(2), equalTo((short) 42));
    List<Ifd> ifds = new ArrayList<>();
    long at = Integer.toUnsignedLong(b.getInt(4));
    while (at != 0) {
      int n = b.getShort((int) at) & 0xffff;
      long end = at + 2 + 12L * n + 4;
      Map<Integer, long[]> tags = new HashMap<>();
      int previous = -1;
      for (int i = 0; i < n; i++) {
        int e = (int) at + 2 + 12 * i;
        int tag = b.getShort(e) & 0xffff;
        assertThat("tags ascending", tag, greaterThan(previous));
        previous = tag;
        int type = b.getShort(e + 2);
        int count = b.getInt(e + 4);
        int size = switch (type) {
          case 2 -> 1;
          case 3 -> 2;
          case 4 -> 4;
          case 12 -> 8;
          default -> throw new AssertionError("type " + type);
        };
        int pos = size * count <= 4 ? e + 8 : b.getInt(e + 8);
        if (size * count > 4) {
          end = Math.max(end, pos + (long) size * count);
        }
        long[] v = new long[count];
        for (int k = 0; k < count; k++) {
          v[k] = switch (type) {
            case 2 -> b.get(pos + k);
            case 3 -> b.getShort(pos + 2 * k) & 0xffff;
            case 4 -> Integer.toUnsignedLong(b.getInt(pos + 4 * k));
            default -> Double.doubleToRawLongBits(b.getDouble(pos + 8 * k));
          };
        }
        tags.put(tag, v);
      }
      ifds.add(new Ifd(at, end, tags));
      at = Integer.toUnsignedLong(b.getInt((int) at + 2 + 12 * n));
    }
    return ifds;
  }

  /** Decodes every pixel of {@code ifd}: inflate, undo the predictor, reassemble floats. */
  static float[] pixels(byte[] file, Ifd ifd) throws Exception {
    int w = (int) ifd.one(256);
    int h = (int) ifd.one(257);
    int tw = (int) ifd.one(322);
    int th = (int) ifd.one(323);
    int across = (w + tw - 1) / tw;
    float[] out = new float[w * h];
    long[] offsets = ifd.tags().get(324);
    long[] counts = ifd.tags().get(325);
    for (int t = 0; t < offsets.length; t++) {
      Inflater inf = new Inflater();
      inf.setInput(file, (int) offsets[t], (int) counts[t]);
      byte[] raw = new byte[tw * th * 4];
      int got = 0;
      while (got < raw.length && !inf.finished()) {
        got += inf.inflate(raw, got, raw.length - got);
      }
      inf.end();
      assertThat(got, equalTo(raw.length));
      for (int y = 0; y < th; y++) {
        int base = y * tw * 4;
        for (int i = 1; i < tw * 4; i++) {
          raw[base + i] = (byte) (raw[base + i] + raw[base + i - 1]);
        }
        for (int x = 0; x < tw; x++) {
          int bits = 0;
          for (int p = 0; p < 4; p++) {
            bits = (bits << 8) | (raw[base + p * tw + x] & 0xff);
          }
          int r = (t / across) * th + y;
          int c = (t % across) * tw + x;
          if (r < h && c < w) {
            out[r * w + c] = Float.intBitsToFloat(bits);
          }
        }
      }
    }
    return out;
  }

  @Test
  void smallGridIsOneCompressedTileAfterItsIfd() throws Exception {
    HeatmapGrid g = new HeatmapGrid(GroundHeatmapTest.ORIGIN, 25, -1000, -800, 80, 64);
    double[] v = values(g);
    byte[] file = GeoTiffWriter.bytes(g, v, "1 kg\u201310 kg");
    List<Ifd> ifds = read(file);
    assertThat(ifds.size(), equalTo(1));
    Ifd main = ifds.get(0);
    assertThat(main.offset(), equalTo(8L));
    assertThat(main.one(259), equalTo(8L)); // Adobe Deflate
    assertThat(main.one(317), equalTo(3L)); // floating-point predictor
    assertThat(main.one(322), equalTo(256L));
    assertThat(main.one(323), equalTo(256L));
    assertThat(main.tags().get(324).length, equalTo(1));
    assertThat(main.one(324), greaterThanOrEqualTo(main.end()));
    assertThat(main.one(324) + main.one(325), equalTo((long) file.length));
    assertThat(pixels(file, main), equalTo(GeoTiffGdalTest.floats(v)));
    assertThat("compressed", (long) file.length, lessThan(4L * g.cells()));
  }

  @Test
  void largeGridIsAPyramidWithEveryIfdBeforeAnyTile() throws Exception {
    HeatmapGrid g = new HeatmapGrid(GroundHeatmapTest.ORIGIN, 10, -3000, -3500, 600, 700);
    double[] v = values(g);
    byte[] file = GeoTiffWriter.bytes(g, v, "test");
    List<Ifd> ifds = read(file);
    assertThat(ifds.size(), equalTo(3));
    assertThat(ifds.get(0).offset(), equalTo(8L));
    long lastIfdEnd = ifds.get(ifds.size() - 1).end();
    long previousFirstTile = Long.MAX_VALUE;
    for (int i = 0; i < ifds.size(); i++) {
      Ifd d = ifds.get(i);
      if (i > 0) {
        assertThat(d.offset(), greaterThan(ifds.get(i - 1).offset()));
        assertThat(d.one(254), equalTo(1L)); // reduced-resolution image
      }
      long[] offsets = d.tags().get(324);
      long[] counts = d.tags().get(325);
      assertThat(offsets.length, equalTo((int) (((d.one(256) + 255) / 256)
          * ((d.one(257) + 255) / 256))));
      for (int t = 0; t < offsets.length; t++) {
        assertThat(offsets[t], greaterThanOrEqualTo(lastIfdEnd));
        if (t > 0) {
          assertThat("row-major tiles", offsets[t], equalTo(offsets[t - 1] + counts[t - 1]));
        }
      }
      // each finer image's tiles follow the coarser one's
      assertThat(offsets[0], lessThan(previousFirstTile));
      previousFirstTile = offsets[0];
    }
    Ifd main = ifds.get(0);
    long[] mo = main.tags().get(324);
    long[] mc = main.tags().get(325);
    assertThat("the full image's tiles end the file", mo[mo.length - 1] + mc[mc.length - 1],
        equalTo((long) file.length));
    float[] full = GeoTiffGdalTest.floats(v);
    assertThat(pixels(file, main), equalTo(full));
    float[] o1 = halve(full, 600, 700);
    assertThat(pixels(file, ifds.get(1)), equalTo(o1));
    assertThat(pixels(file, ifds.get(2)), equalTo(halve(o1, 300, 350)));
    assertThat(ifds.get(2).one(256), equalTo(150L));
    assertThat(ifds.get(2).one(257), equalTo(175L));
  }

  @Test
  void bytesAreDeterministic() {
    HeatmapGrid g = new HeatmapGrid(GroundHeatmapTest.ORIGIN, 10, -3000, -3500, 300, 270);
    double[] v = values(g);
    assertThat(GeoTiffWriter.bytes(g, v, "a"), equalTo(GeoTiffWriter.bytes(g, v.clone(), "a")));
  }
}
