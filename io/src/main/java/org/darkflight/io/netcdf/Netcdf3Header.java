package org.darkflight.io.netcdf;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.darkflight.io.InputException;

/**
 * Walks the header of a netCDF classic file (CDF-1, CDF-2 and CDF-5; Unidata, <i>The NetCDF
 * Classic Format Specification</i>, NetCDF Users Guide) before netCDF-Java opens it, checking
 * that every count and length it declares fits in the bytes that follow. netCDF-Java allocates
 * what the header declares before reading it: a 6 kB file declaring a 2 GB name took 10–110 s
 * and gigabytes of heap to refuse (found by fuzzing, docs/reliability.md "Fuzzing"). Here each
 * such file is refused in microseconds as truncated or corrupt. Files of other formats (netCDF-4
 * / HDF5) are left to netCDF-Java.
 */
final class Netcdf3Header {

  private static final int NC_DIMENSION = 0x0A;
  private static final int NC_VARIABLE = 0x0B;
  private static final int NC_ATTRIBUTE = 0x0C;

  private final String file;
  private final DataInputStream in;
  private final long size;
  private final boolean cdf5;
  private final boolean offsets64;
  private long position;

  private Netcdf3Header(String file, DataInputStream in, long size, int version) {
    this.file = file;
    this.in = in;
    this.size = size;
    this.cdf5 = version == 5;
    this.offsets64 = version != 1;
  }

  /**
   * Checks {@code path}'s header if it is a netCDF classic file.
   *
   * @throws InputException naming the first declared count or length that does not fit
   */
  static void check(Path path) throws InputException {
    String file = path.toString();
    try (InputStream raw = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 65536))) {
      long size = Files.size(path);
      if (size < 4) {
        return;
      }
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (magic[0] != 'C' || magic[1] != 'D' || magic[2] != 'F') {
        return; // not netCDF classic: netCDF-Java decides
      }
      int version = magic[3];
      if (version != 1 && version != 2 && version != 5) {
        throw corrupt(file, "unknown netCDF classic version byte " + version);
      }
      Netcdf3Header h = new Netcdf3Header(file, in, size, version);
      h.position = 4;
      h.header();
    } catch (EOFException e) {
      throw corrupt(file, "the header ends past the end of the file");
    } catch (IOException e) {
      throw new InputException(file, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private static InputException corrupt(String file, String why) {
    return new InputException(file, "", "the file is truncated or corrupt: " + why
        + "; download it again");
  }

  private void header() throws IOException, InputException {
    count("numrecs", 0); // NON_NEG or STREAMING: any value
    // dim_list
    long dims = list(NC_DIMENSION, "dimensions", 4 + (cdf5 ? 8 : 4));
    long recordDim = -1;
    for (long i = 0; i < dims; i++) {
      name("dimension " + i);
      if (count("length of dimension " + i, 0) == 0) {
        recordDim = i; // the unlimited dimension
      }
    }
    attributes("global attributes");
    long vars = list(NC_VARIABLE, "variables", 4 + 4 + 8 + 4 + 4 + 4);
    long[] begins = new long[(int) Math.min(vars, 1 << 16)];
    long[] sizes = new long[begins.length];
    boolean[] record = new boolean[begins.length];
    for (long i = 0; i < vars; i++) {
      String what = "variable " + i;
      name(what);
      long rank = count("rank of " + what, cdf5 ? 8 : 4);
      boolean isRecord = false;
      if (rank > 0) {
        long first = cdf5 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
        position += cdf5 ? 8 : 4;
        isRecord = first == recordDim;
        skip((rank - 1) * (cdf5 ? 8 : 4));
      }
      attributes("attributes of " + what);
      typeSize(in.readInt(), what);
      position += 4;
      long vsize = count("size of " + what, 0);
      long begin = offsets64 ? in.readLong() : in.readInt();
      position += offsets64 ? 8 : 4;
      if (i < begins.length) {
        begins[(int) i] = begin;
        sizes[(int) i] = vsize;
        record[(int) i] = isRecord;
      }
    }
    // the data of each variable lies after the header and, unless it grows with the records,
    // inside the file (netCDF-Java reads from wherever the header points)
    for (int i = 0; i < begins.length && i < vars; i++) {
      if (begins[i] < position || begins[i] > size
          || !record[i] && sizes[i] > size - begins[i]) {
        throw corrupt(file, "the header places the data of variable " + i + " at byte "
            + begins[i] + " (" + sizes[i] + " bytes), outside the " + size + "-byte file's data"
            + " section (bytes " + position + " onward)");
      }
    }
  }

  /**
   * Reads a list's tag and element count ({@code ABSENT} = zero tag and zero count): the count,
   * which must fit in the rest of the file at {@code minBytes} per element.
   */
  private long list(int tag, String what, long minBytes) throws IOException, InputException {
    int t = in.readInt();
    position += 4;
    long n = cdf5 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
    position += cdf5 ? 8 : 4;
    if (t == 0 && n == 0) {
      return 0;
    }
    if (t != tag) {
      throw corrupt(file, "expected the " + what + " list in the header, found tag " + t);
    }
    fits(n, minBytes, what);
    return n;
  }

  private void attributes(String what) throws IOException, InputException {
    long n = list(NC_ATTRIBUTE, what, 4 + 4 + 4);
    for (long i = 0; i < n; i++) {
      String a = "attribute " + i + " of the " + what;
      name(a);
      int type = in.readInt();
      position += 4;
      int bytes = typeSize(type, a);
      long values = count("length of " + a, bytes);
      skip(padded(values * bytes));
    }
  }

  private void name(String what) throws IOException, InputException {
    long length = count("name length of " + what, 1);
    skip(padded(length));
  }

  /** A count; {@code unit} bytes per counted element must fit in the rest of the file. */
  private long count(String what, long unit) throws IOException, InputException {
    long n = cdf5 ? in.readLong() : Integer.toUnsignedLong(in.readInt());
    position += cdf5 ? 8 : 4;
    if (n < 0) {
      throw corrupt(file, "the header declares a negative " + what);
    }
    fits(n, unit, what);
    return n;
  }

  private void fits(long n, long unit, String what) throws InputException {
    long remaining = size - position;
    if (unit > 0 && n > remaining / unit) {
      throw corrupt(file, "the header declares " + n + " for the " + what + ", more than the "
          + remaining + " bytes left in the file hold");
    }
  }

  private static long padded(long n) {
    return (n + 3) / 4 * 4;
  }

  private void skip(long n) throws IOException, InputException {
    if (n > size - position) {
      throw corrupt(file, "the header ends past the end of the file");
    }
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        throw new EOFException();
      }
      left -= s;
    }
    position += n;
  }

  private int typeSize(int type, String what) throws InputException {
    return switch (type) {
      case 1, 2, 7 -> 1;
      case 3, 8 -> 2;
      case 4, 5, 9 -> 4;
      case 6, 10, 11 -> 8;
      default -> throw corrupt(file, "unknown data type " + type + " of " + what);
    };
  }
}
