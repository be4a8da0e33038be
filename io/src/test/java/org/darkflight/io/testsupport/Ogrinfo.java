package org.darkflight.io.testsupport;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GDAL's {@code ogrinfo} (Debian package {@code gdal-bin}) as an independent reader: runs it
 * read-only and parses its layer summary. Tests call {@link #available()} in an assumption, so
 * they skip with a message only where GDAL is not installed (CI installs it).
 */
public final class Ogrinfo {

  /** The skip message. */
  public static final String MISSING =
      "ogrinfo not found on PATH: install GDAL (apt-get install gdal-bin) to run this check";

  private static final Pattern LAYER = Pattern.compile(
      "Layer name: (.*)\\R(?:.*\\R)*?Geometry: (.*)\\RFeature Count: (\\d+)");

  private Ogrinfo() {}

  /** Whether {@code ogrinfo} is on the PATH. */
  public static boolean available() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String d : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, "ogrinfo"))) {
        return true;
      }
    }
    return false;
  }

  /** Output of {@code ogrinfo -ro ARGS}; fails the test unless it exits 0. */
  public static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat("ogrinfo " + cmd + " failed:\n" + out, p.waitFor(), equalTo(0));
    return out;
  }

  /** Layer name → {geometry type, feature count} from {@code ogrinfo -ro -al -so FILE}. */
  public static Map<String, String[]> layers(Path file) throws IOException, InterruptedException {
    Matcher m = LAYER.matcher(run("-al", "-so", file.toString()));
    Map<String, String[]> out = new LinkedHashMap<>();
    while (m.find()) {
      out.put(m.group(1).strip(), new String[] {m.group(2).strip(), m.group(3)});
    }
    return out;
  }

  /** Feature count of one layer from {@link #layers}. */
  public static long count(Map<String, String[]> layers, String layer) {
    String[] v = layers.get(layer);
    assertThat("layer '" + layer + "' in " + layers.keySet(), v != null, equalTo(true));
    return Long.parseLong(v[1]);
  }

  private static final Pattern FIELD = Pattern.compile("(?m)^(\\w+): (\\w+) \\(");

  /** Field name → GDAL field type (Integer64, Real, String, …) of the only layer of a file. */
  public static Map<String, String> fieldTypes(Path file)
      throws IOException, InterruptedException {
    String out = run("-al", "-so", file.toString());
    Map<String, String> types = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(out.substring(out.indexOf("Layer SRS WKT") >= 0
        ? out.indexOf("Layer SRS WKT") : 0));
    while (m.find()) {
      types.put(m.group(1), m.group(2));
    }
    return types;
  }

  /**
   * The features of a file as GDAL reads them, converted by {@code ogr2ogr} to GeoJSON text
   * (typed values; a null geometry is JSON null).
   */
  public static String asGeoJson(Path file) throws IOException, InterruptedException {
    List<String> cmd = List.of("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", file.toString());
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat("ogr2ogr " + cmd + " failed:\n" + err, p.waitFor(), equalTo(0));
    return out;
  }
}
