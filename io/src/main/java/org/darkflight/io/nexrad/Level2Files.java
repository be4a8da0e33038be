package org.darkflight.io.nexrad;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.radar.RadarMetadata;
import org.darkflight.io.radar.RadarMetadataReader;

/**
 * The Level II volumes a {@code radar_metadata.json} points to (spec §4.4 {@code level2_files}):
 * paths relative to the metadata file's directory (or absolute), each checked to be a complete
 * Level II volume of the metadata's {@code radar_site_id} (and {@code site} position when given),
 * one of them starting at the metadata's {@code volume_time_utc}.
 */
public final class Level2Files {

  /** Largest difference between {@code volume_time_utc} and a listed volume's start. */
  public static final Duration VOLUME_TIME_TOLERANCE = Duration.ofSeconds(60);

  private Level2Files() {}

  /**
   * A checked list of volumes.
   *
   * @param metadataFile  the radar_metadata.json
   * @param metadata      its content
   * @param volumes       the volumes' paths, in the file's order
   * @param scans         their structure scans, same order
   * @param expectation   what every volume must satisfy (site, position)
   */
  public record Listed(Path metadataFile, RadarMetadata metadata, List<Path> volumes,
      List<Level2Scan> scans, Level2Reader.Expectation expectation) {

    public Listed {
      volumes = List.copyOf(volumes);
      scans = List.copyOf(scans);
    }

    /** The index of the volume nearest {@code t} (0 s when {@code t} falls inside it). */
    public int nearest(Instant t) {
      int best = 0;
      long bestMs = Long.MAX_VALUE;
      for (int i = 0; i < scans.size(); i++) {
        long first = scans.get(i).cuts().stream().mapToLong(Level2Scan.Cut::firstTimeMs).min()
            .orElseThrow();
        long last = scans.get(i).cuts().stream().mapToLong(Level2Scan.Cut::lastTimeMs).max()
            .orElseThrow();
        long ms = t.toEpochMilli() < first ? first - t.toEpochMilli()
            : t.toEpochMilli() > last ? t.toEpochMilli() - last : 0;
        if (ms < bestMs) {
          bestMs = ms;
          best = i;
        }
      }
      return best;
    }
  }

  /** What a volume of this metadata must satisfy: its site id and, when given, position. */
  public static Level2Reader.Expectation expectation(Path metadataFile, RadarMetadata m) {
    return new Level2Reader.Expectation(m.radarSiteId(), m.siteLatDeg(), m.siteLonDeg(),
        metadataFile.getFileName().toString(), null, null, null);
  }

  /**
   * Reads a radar_metadata.json and checks every listed volume (structure, site, position, and
   * that one starts at {@code volume_time_utc}), without decoding their data.
   *
   * @throws InputException naming the file and list entry at fault
   */
  public static Listed read(Path metadataFile) throws InputException {
    RadarMetadata m = RadarMetadataReader.read(metadataFile);
    if (m.level2Files().isEmpty()) {
      throw new InputException(metadataFile, "/level2_files", "lists no Level II volume");
    }
    Level2Reader.Expectation expect = expectation(metadataFile, m);
    Path dir = metadataFile.toAbsolutePath().getParent();
    List<Path> paths = new ArrayList<>();
    List<Level2Scan> scans = new ArrayList<>();
    boolean timeMatched = false;
    StringBuilder starts = new StringBuilder();
    for (int i = 0; i < m.level2Files().size(); i++) {
      String entry = m.level2Files().get(i);
      if (entry.contains("://")) {
        throw new InputException(metadataFile, "/level2_files/" + i, "\"" + entry + "\" is a "
            + "URI; download the volume and list its local path");
      }
      Path p = dir.resolve(entry).normalize();
      if (!Files.isRegularFile(p)) {
        throw new InputException(metadataFile, "/level2_files/" + i, "file not found: " + p);
      }
      Level2Scan scan = Level2Reader.check(p, expect);
      Instant start = Instant.ofEpochMilli(scan.cuts().stream()
          .mapToLong(Level2Scan.Cut::firstTimeMs).min().orElseThrow());
      if (Duration.between(start, m.volumeTime()).abs().compareTo(VOLUME_TIME_TOLERANCE) <= 0
          || Duration.between(scan.volumeTime(), m.volumeTime()).abs()
              .compareTo(VOLUME_TIME_TOLERANCE) <= 0) {
        timeMatched = true;
      }
      starts.append(starts.length() == 0 ? "" : ", ").append(start);
      paths.add(p);
      scans.add(scan);
    }
    if (!timeMatched) {
      throw new InputException(metadataFile, "/volume_time_utc", "no listed volume starts at "
          + m.volumeTime() + " (within " + VOLUME_TIME_TOLERANCE.toSeconds() + " s); the volumes"
          + " start at " + starts);
    }
    return new Listed(metadataFile, m, paths, scans, expect);
  }
}
