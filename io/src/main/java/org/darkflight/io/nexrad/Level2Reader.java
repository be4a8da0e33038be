package org.darkflight.io.nexrad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.InputException;
import ucar.ma2.Array;
import ucar.ma2.Index;
import ucar.nc2.Attribute;
import ucar.nc2.NetcdfFile;
import ucar.nc2.Variable;

/**
 * Reads a NEXRAD Level II volume: first {@link Level2Scan} checks the file's structure, site and
 * time (cheaply, before any data is decoded), then netCDF-Java 4.5.5's {@code nexrad2} reader
 * ({@code Nexrad2IOServiceProvider}) decodes the reflectivity and radial-velocity sweeps from a
 * private copy ({@link NexradFiles.Scratch}).
 *
 * <p>netCDF-Java exposes each moment twice: {@code Reflectivity_HI}/{@code RadialVelocity_HI}
 * for super-resolution (0.5° radials) cuts and {@code Reflectivity}/{@code RadialVelocity} for
 * the others, each {@code (scan, radial, gate)} with coordinate variables {@code time<X>},
 * {@code elevation<X>}, {@code azimuth<X>}, {@code distance<X>}, {@code numRadials<X>} and
 * {@code numGates<X>} ({@code X} = {@code R}, {@code R_HI}, {@code V}, {@code V_HI}). Both are
 * read; sweeps are ordered by the time of their first radial.
 *
 * <p>Each failure is one {@link InputException} line naming the file, what is wrong, and what
 * was expected: not a Level II file, truncated (the file ends inside an LDM record or a message,
 * or an elevation cut ends without its end-of-elevation radial), another radar than expected,
 * a volume outside the expected time window.
 */
public final class Level2Reader {

  private Level2Reader() {}

  /**
   * What the caller expects of a volume. Any part may be absent (null / NaN).
   *
   * @param siteId       the radar's ICAO id, e.g. {@code KLBB}
   * @param siteLatDeg   the radar's latitude, degrees, or NaN
   * @param siteLonDeg   the radar's longitude, degrees, or NaN
   * @param siteSource   who says so (a file name), for messages
   * @param notBefore    earliest acceptable radial time, or null
   * @param notAfter     latest acceptable radial time, or null
   * @param window       what the time window is, for messages ("within 6 h of the event …")
   */
  public record Expectation(String siteId, double siteLatDeg, double siteLonDeg,
      String siteSource, Instant notBefore, Instant notAfter, String window) {

    /** Nothing expected. */
    public static Expectation none() {
      return new Expectation(null, Double.NaN, Double.NaN, null, null, null, null);
    }

    /** The same expectation with a time window. */
    public Expectation within(Instant from, Instant to, String what) {
      return new Expectation(siteId, siteLatDeg, siteLonDeg, siteSource, from, to, what);
    }
  }

  /** Largest distance between the file's radar position and the expected one, degrees. */
  public static final double MAX_SITE_OFFSET_DEG = 0.02;

  /**
   * Scans a file and checks it against the expectation, without decoding any data.
   *
   * @throws InputException when the file is not a complete Level II volume of the expected site
   *     and time window
   */
  public static Level2Scan check(Path file, Expectation expect) throws InputException {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file, "", "file not found");
    }
    Level2Scan scan = Level2Scan.of(file);
    if (scan.cuts().isEmpty()) {
      throw new InputException(file, "", "truncated: no radial data in the volume (only "
          + scan.ldmRecords() + " LDM record(s))");
    }
    for (Level2Scan.Cut c : scan.cuts()) {
      if (!c.complete()) {
        throw new InputException(file, "elevation cut " + c.elevationNumber(), "truncated: the "
            + "cut ends after " + c.radials() + " radials without its end-of-elevation radial "
            + "(status " + c.lastStatus() + "; incomplete download or copy?)");
      }
    }
    if (expect.siteId() != null && !scan.icao().isEmpty()
        && !scan.icao().equalsIgnoreCase(expect.siteId())) {
      throw new InputException(file, "radar", "the volume is from radar " + scan.icao()
          + ", but " + expect.siteSource() + " says " + expect.siteId());
    }
    if (scan.volumeBlock() != null && Double.isFinite(expect.siteLatDeg())) {
      Level2Scan.VolumeBlock v = scan.volumeBlock();
      double dLat = Math.abs(v.latitudeDeg() - expect.siteLatDeg());
      double dLon = Math.abs(v.longitudeDeg() - expect.siteLonDeg());
      if (dLat > MAX_SITE_OFFSET_DEG || dLon > MAX_SITE_OFFSET_DEG) {
        throw new InputException(file, "radar position", String.format(Locale.ROOT,
            "the volume's radar stands at %.4f, %.4f, but %s says %.4f, %.4f (more than %.2f deg"
                + " apart)", v.latitudeDeg(), v.longitudeDeg(), expect.siteSource(),
            expect.siteLatDeg(), expect.siteLonDeg(), MAX_SITE_OFFSET_DEG));
      }
    }
    Instant first = Instant.ofEpochMilli(scan.cuts().stream()
        .mapToLong(Level2Scan.Cut::firstTimeMs).min().orElseThrow());
    Instant last = Instant.ofEpochMilli(scan.cuts().stream()
        .mapToLong(Level2Scan.Cut::lastTimeMs).max().orElseThrow());
    if ((expect.notBefore() != null && last.isBefore(expect.notBefore()))
        || (expect.notAfter() != null && first.isAfter(expect.notAfter()))) {
      throw new InputException(file, "volume time", "the volume's radials span " + first + " to "
          + last + ", outside " + expect.window() + " (" + expect.notBefore() + " to "
          + expect.notAfter() + ")");
    }
    return scan;
  }

  /**
   * Checks and reads a volume.
   *
   * @throws InputException naming the file, what is wrong and what was expected
   */
  public static Level2Volume read(Path file, Expectation expect) throws InputException {
    Level2Scan scan = check(file, expect);
    try (NexradFiles.Scratch scratch = new NexradFiles.Scratch(file);
        NetcdfFile nc = open(file, scratch.path())) {
      return read(file, scan, nc);
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, "", "cannot decode the Level II data with netCDF-Java's "
          + "nexrad2 reader: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static NetcdfFile open(Path file, Path copy) throws InputException {
    try {
      return NetcdfFile.open(copy.toString());
    } catch (IOException | RuntimeException e) {
      throw new InputException(file, "", "netCDF-Java's nexrad2 reader cannot open it: "
          + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static Level2Volume read(Path file, Level2Scan scan, NetcdfFile nc)
      throws IOException, InputException {
    NexradSite site = site(file, scan, nc);
    List<Level2Sweep> z = new ArrayList<>();
    List<Level2Sweep> v = new ArrayList<>();
    for (String suffix : new String[] {"_HI", ""}) {
      z.addAll(sweeps(file, nc, scan, "Reflectivity", "R" + suffix,
          Level2Sweep.Moment.REFLECTIVITY));
      v.addAll(sweeps(file, nc, scan, "RadialVelocity", "V" + suffix,
          Level2Sweep.Moment.RADIAL_VELOCITY));
    }
    z.sort(Comparator.comparing(Level2Sweep::start));
    v.sort(Comparator.comparing(Level2Sweep::start));
    if (z.isEmpty() && v.isEmpty()) {
      throw new InputException(file, "", "no reflectivity or radial-velocity sweep in the volume");
    }
    Instant first = Instant.ofEpochMilli(scan.cuts().stream()
        .mapToLong(Level2Scan.Cut::firstTimeMs).min().orElseThrow());
    Instant last = Instant.ofEpochMilli(scan.cuts().stream()
        .mapToLong(Level2Scan.Cut::lastTimeMs).max().orElseThrow());
    return new Level2Volume(file, scan.format(), site, scan.volumeTime(), first, last,
        scan.endOfVolume(), scan.cuts(), scan.volumeBlock() == null ? Double.NaN
            : scan.volumeBlock().dbz0(), z, v);
  }

  private static NexradSite site(Path file, Level2Scan scan, NetcdfFile nc)
      throws InputException {
    String id = scan.icao();
    if (id.isEmpty()) {
      Attribute a = nc.findGlobalAttribute("Station");
      id = a == null ? "" : a.getStringValue();
    }
    if (id == null || id.isBlank()) {
      throw new InputException(file, "radar", "the volume names no radar (no ICAO id in its "
          + "header)");
    }
    try {
      Level2Scan.VolumeBlock vb = scan.volumeBlock();
      if (vb != null) {
        return new NexradSite(id, vb.latitudeDeg(), vb.longitudeDeg(), vb.siteHeightM(),
            vb.antennaHeightM(), "file: message-31 volume data constant block");
      }
      Attribute lat = nc.findGlobalAttribute("StationLatitude");
      Attribute lon = nc.findGlobalAttribute("StationLongitude");
      Attribute h = nc.findGlobalAttribute("StationElevationInMeters");
      if (lat == null || lon == null || h == null || lat.getNumericValue().doubleValue() == 0.0) {
        throw new InputException(file, "radar", "the volume (message 1) carries no radar "
            + "position and radar " + id + " is not in netCDF-Java's station table");
      }
      double ground = h.getNumericValue().doubleValue();
      return new NexradSite(id, lat.getNumericValue().doubleValue(),
          lon.getNumericValue().doubleValue(), ground, ground,
          "netCDF-Java 4.5.5 station table (message-1 volumes carry no position; antenna "
              + "height taken as the site elevation, tower unknown)");
    } catch (IllegalArgumentException e) {
      throw new InputException(file, "radar", e.getMessage(), e);
    }
  }

  private static List<Level2Sweep> sweeps(Path file, NetcdfFile nc, Level2Scan scan,
      String moment, String x, Level2Sweep.Moment kind) throws IOException, InputException {
    Variable data = nc.findVariable(moment + (x.endsWith("_HI") ? "_HI" : ""));
    if (data == null) {
      return List.of();
    }
    Variable time = required(file, nc, "time" + x);
    Variable az = required(file, nc, "azimuth" + x);
    Variable el = required(file, nc, "elevation" + x);
    Variable dist = required(file, nc, "distance" + x);
    Variable nRad = required(file, nc, "numRadials" + x);
    Variable nGate = required(file, nc, "numGates" + x);
    long base = timeBase(file, time);
    float scale = attr(file, data, "scale_factor");
    float offset = attr(file, data, "add_offset");
    Array d = data.read();
    Array t = time.read();
    Array a = az.read();
    Array e = el.read();
    Array r = dist.read();
    Array nr = nRad.read();
    Array ng = nGate.read();
    int[] shape = data.getShape();
    List<Level2Sweep> out = new ArrayList<>();
    Index di = d.getIndex();
    Index ti = t.getIndex();
    for (int s = 0; s < shape[0]; s++) {
      int radials = Math.min(nr.getInt(s), shape[1]);
      int gates = Math.min(ng.getInt(s), shape[2]);
      List<Integer> keep = new ArrayList<>();
      for (int k = 0; k < radials; k++) {
        ti.set(s, k);
        if (t.getInt(ti) != -9999 && Float.isFinite(a.getFloat(ti))
            && Float.isFinite(e.getFloat(ti))) {
          keep.add(k);
        }
      }
      if (keep.isEmpty() || gates < 1) {
        continue;
      }
      int first = 0;
      while (first < gates && !(r.getFloat(first) > 0)) {
        first++; // message-1 Doppler gates may start before the antenna (negative range)
      }
      int g = gates - first;
      float[] ranges = new float[g];
      for (int k = 0; k < g; k++) {
        ranges[k] = r.getFloat(first + k);
      }
      int n = keep.size();
      long[] ts = new long[n];
      float[] azs = new float[n];
      float[] els = new float[n];
      byte[] codes = new byte[n * g];
      for (int q = 0; q < n; q++) {
        int k = keep.get(q);
        ti.set(s, k);
        ts[q] = base + t.getInt(ti);
        azs[q] = a.getFloat(ti);
        els[q] = e.getFloat(ti);
        for (int gg = 0; gg < g; gg++) {
          di.set(s, k, first + gg);
          codes[q * g + gg] = d.getByte(di);
        }
      }
      Level2Scan.Cut cut = cutAt(scan, ts[0]);
      out.add(new Level2Sweep(kind, cut == null ? 0 : cut.elevationNumber(),
          cut == null ? Double.NaN : cut.nyquistMps(), ts, azs, els, ranges, codes, scale,
          offset));
    }
    return out;
  }

  private static Level2Scan.Cut cutAt(Level2Scan scan, long timeMs) {
    for (Level2Scan.Cut c : scan.cuts()) {
      if (timeMs >= c.firstTimeMs() && timeMs <= c.lastTimeMs()) {
        return c;
      }
    }
    return null;
  }

  private static Variable required(Path file, NetcdfFile nc, String name)
      throws InputException {
    Variable v = nc.findVariable(name);
    if (v == null) {
      throw new InputException(file, name, "netCDF-Java's nexrad2 reader gave no variable "
          + name);
    }
    return v;
  }

  private static float attr(Path file, Variable v, String name) throws InputException {
    Attribute a = v.findAttribute(name);
    if (a == null || a.getNumericValue() == null) {
      throw new InputException(file, v.getShortName(), "no " + name + " attribute");
    }
    return a.getNumericValue().floatValue();
  }

  /** Epoch milliseconds of the time variable's {@code msecs since <ISO date>} origin. */
  private static long timeBase(Path file, Variable time) throws InputException {
    String units = time.getUnitsString();
    String prefix = "msecs since ";
    if (units == null || !units.startsWith(prefix)) {
      throw new InputException(file, time.getShortName(), "unexpected time units '" + units
          + "' (expected 'msecs since <date>')");
    }
    try {
      return Instant.parse(units.substring(prefix.length()).trim()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new InputException(file, time.getShortName(), "cannot read the time origin in '"
          + units + "'", e);
    }
  }

  /** The time window {@code [t − half, t + half]} described for messages. */
  public static Expectation around(Expectation base, Instant t, Duration half, String what) {
    return base.within(t.minus(half), t.plus(half), "the " + half.toHours() + " h around "
        + what + " " + t);
  }
}
