package org.darkflight.analysis.radar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.nexrad.Level2Files;
import org.darkflight.io.nexrad.Level2Reader;
import org.darkflight.io.nexrad.Level2Volume;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.io.radar.returns.RadarReturnsDocument;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.SimulationException;

/**
 * The {@code darkflight radar-candidates} workflow: flies the nominal trajectories of the
 * fragments from the luminous end (the predicted fall corridor), reads the NEXRAD Level II
 * volumes that {@code radar_metadata.json} files list ({@code level2_files}), selects the
 * reflectivity gates inside the corridor, the time window and above the threshold
 * ({@link Level2Candidates}) and writes them to {@code radar_returns.json}, each marked
 * {@code "review": "candidate"} for the analyst. Every input is read and checked before anything
 * is written; the file is validated against its schema and written atomically.
 */
public final class CandidateRun {

  /** Producer name in the meta block. */
  public static final String PRODUCER = "darkflight radar-candidates";

  /**
   * Parsed inputs.
   *
   * @param eventId          event identifier, or null
   * @param luminousEnd      the event's luminous end
   * @param atmosphere       the atmosphere
   * @param config           physics configuration
   * @param fragments        the fragments whose nominal trajectories form the corridor
   * @param metadataFiles    radar_metadata.json files (each listing Level II volumes)
   * @param minDbz           reflectivity threshold, dBZ
   * @param windowMinutes    window length after the luminous end, minutes, or NaN for the
   *                         default (the longest fall time of the corridor, whole minutes up)
   * @param halfWidthM       corridor half-width, m
   * @param otherInputs      further input files to hash into the meta block (event, atmos, …)
   * @param createdUtc       creation time written into the meta block
   * @param frame            the height reference of the luminous end, the atmosphere and the
   *                         ground (the event's); antenna heights are converted into it
   */
  public record Inputs(String eventId, LuminousEnd luminousEnd, AtmosphereModel atmosphere,
      PhysicsConfig config, List<Fragment> fragments, List<Path> metadataFiles, double minDbz,
      double windowMinutes, double halfWidthM, List<Path> otherInputs, Instant createdUtc,
      HeightReference frame) {
    public Inputs {
      Objects.requireNonNull(frame, "frame");
      Objects.requireNonNull(luminousEnd, "luminousEnd");
      Objects.requireNonNull(atmosphere, "atmosphere");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(createdUtc, "createdUtc");
      fragments = List.copyOf(fragments);
      metadataFiles = List.copyOf(metadataFiles);
      otherInputs = List.copyOf(otherInputs);
    }
  }

  /**
   * What was found.
   *
   * @param corridor     the corridor
   * @param windowStart  start of the time window
   * @param windowEnd    end of the time window
   * @param volumes      the volumes searched
   * @param candidates   the candidates, possibly none
   * @param file         the written radar_returns.json, or null when there was no candidate
   */
  public record Result(FallCorridor corridor, Instant windowStart, Instant windowEnd,
      List<Level2Volume> volumes, List<Level2Candidates.Candidate> candidates, Path file) {
    public Result {
      volumes = List.copyOf(volumes);
      candidates = List.copyOf(candidates);
    }
  }

  private CandidateRun() {}

  /**
   * Runs the workflow; writes {@code outDir/radar_returns.json} when there is a candidate.
   *
   * @throws InputException bad input, named by file, field and reason; nothing is written then
   */
  public static Result run(Inputs in, Path outDir) throws InputException, IOException {
    if (!Double.isFinite(in.minDbz()) || in.minDbz() < -40 || in.minDbz() > 90) {
      throw new InputException("command line", "--min-dbz", "must be in [-40, 90] dBZ, got "
          + in.minDbz());
    }
    if (!(in.halfWidthM() > 0) || !Double.isFinite(in.halfWidthM())) {
      throw new InputException("command line", "--corridor-half-width-m", "must be a finite "
          + "number > 0 m, got " + in.halfWidthM());
    }
    if (!Double.isNaN(in.windowMinutes())
        && (!(in.windowMinutes() > 0) || in.windowMinutes() > 24 * 60)) {
      throw new InputException("command line", "--window-minutes", "must be in (0, 1440] "
          + "minutes, got " + in.windowMinutes());
    }
    if (in.fragments().isEmpty()) {
      throw new InputException("command line", "--fragments/--masses", "no fragment to fly");
    }
    List<Level2Files.Listed> listed = new ArrayList<>();
    for (Path m : in.metadataFiles()) {
      listed.add(Level2Files.read(m));
    }
    FallCorridor corridor = corridor(in);
    Instant end = in.luminousEnd().timeUtc();
    double windowS = Double.isNaN(in.windowMinutes())
        ? 60.0 * Math.ceil(corridor.longestFallTimeS() / 60.0) : 60.0 * in.windowMinutes();
    Instant windowEnd = end.plusMillis(Math.round(windowS * 1000));
    List<Level2Volume> volumes = new ArrayList<>();
    List<Path> level2 = new ArrayList<>();
    for (Level2Files.Listed l : listed) {
      for (Path p : l.volumes()) {
        volumes.add(Level2Reader.read(p, l.expectation().within(end, windowEnd,
            "the candidate window after the luminous end")));
        level2.add(p);
      }
    }
    Level2Candidates.Settings settings = Level2Candidates.Settings.defaults(in.minDbz(), 0.0,
        windowS, in.config().groundAltitudeM());
    List<Level2Candidates.Candidate> found = Level2Candidates.find(volumes, end, corridor,
        settings, in.frame());
    if (found.isEmpty()) {
      return new Result(corridor, end, windowEnd, volumes, found, null);
    }
    List<Path> inputs = new ArrayList<>(in.otherInputs());
    inputs.addAll(in.metadataFiles());
    inputs.addAll(level2);
    RadarReturnsDocument doc = document(in, corridor, settings, end, windowEnd,
        Double.isNaN(in.windowMinutes()), found, new LinkedHashSet<>(inputs));
    byte[] bytes = Json.toCanonicalBytes(doc);
    // the file must be what darkflight radar reads: validate before writing
    JsonSchemas.validate(JsonSchemas.parse(bytes, RadarReturnsDocument.FILE), "radar_returns",
        RadarReturnsDocument.FILE);
    Path file = outDir.resolve(RadarReturnsDocument.FILE);
    AtomicFiles.write(file, bytes);
    return new Result(corridor, end, windowEnd, volumes, found, file);
  }

  /** The nominal trajectories of the fragments, widened by the half-width. */
  static FallCorridor corridor(Inputs in) throws InputException {
    DarkflightSimulator sim = PhysicsModels.simulator(in.atmosphere(), in.config());
    List<FallCorridor.Track> tracks = new ArrayList<>();
    for (Fragment f : in.fragments()) {
      try {
        tracks.add(FallCorridor.Track.of(label(f), sim.simulate(in.luminousEnd(), f)));
      } catch (SimulationException e) {
        throw new InputException("fragments", f.id(), "the nominal trajectory of "
            + label(f) + " failed: " + e.getMessage(), e);
      }
    }
    return new FallCorridor(tracks, in.halfWidthM());
  }

  private static String label(Fragment f) {
    return f.id() + " " + new java.math.BigDecimal(f.massKg()).round(new java.math.MathContext(4))
        .stripTrailingZeros().toPlainString() + " kg";
  }

  private static RadarReturnsDocument document(Inputs in, FallCorridor corridor,
      Level2Candidates.Settings s, Instant start, Instant end, boolean defaultWindow,
      List<Level2Candidates.Candidate> found, java.util.Collection<Path> inputs)
      throws IOException {
    List<InputRef> refs = new ArrayList<>();
    for (Path p : inputs) {
      refs.add(new InputRef(p.getFileName().toString(), ArtifactMeta.sha256(p)));
    }
    java.util.SortedMap<String, String> flags = new TreeMap<>();
    flags.put(Level2Candidates.FLAG_BEAM_NEAR_GROUND, String.format(Locale.ROOT, "the beam's "
        + "lower half-power edge is less than %.0f m above the ground (%.0f m): ground clutter,"
        + " anomalous propagation", s.groundClearanceM(), s.groundHeightM()));
    flags.put(Level2Candidates.FLAG_NEAR_RADAR, String.format(Locale.ROOT, "slant range below "
        + "%.0f km: ground clutter and side lobes near the radar", s.nearRadarM() / 1000));
    flags.put(Level2Candidates.FLAG_STRONG_ECHO, String.format(Locale.ROOT, "reflectivity at "
        + "least %.0f dBZ, as in rain cores and hail", s.strongDbz()));
    flags.put(Level2Candidates.FLAG_WIDESPREAD_ECHO, String.format(Locale.ROOT, "more than %.0f"
        + " %% of the gates within %.0f m (range and across the beam, same sweep) reach the "
        + "threshold: an extended echo (weather, clutter, birds, insects) rather than a compact "
        + "falling cloud of stones", 100 * s.widespreadShare(), s.widespreadRadiusM()));
    flags.put(Level2Candidates.FLAG_FALL_TIME_MISMATCH, String.format(Locale.ROOT, "the "
        + "radial's time after the luminous end is more than %.0f s outside "
        + "candidate.corridor_time_span_s, the times at which the corridor's trajectories pass"
        + " this height", s.timeToleranceS()));
    List<String> tracks = corridor.tracks().stream().map(FallCorridor.Track::label).toList();
    RadarReturnsDocument.Selection selection = new RadarReturnsDocument.Selection(s.minDbz(),
        start.toString(), end.toString(), defaultWindow
            ? String.format(Locale.ROOT, "default: the longest fall time of the corridor's "
                + "trajectories (%.0f s), rounded up to whole minutes", corridor
                    .longestFallTimeS())
            : "--window-minutes",
        corridor.halfWidthM(), tracks, s.groundHeightM(),
        "as darkflight radar uses them (docs/radar.md): heights in the event's reference ("
            + in.frame().description() + "); the volume's antenna height above mean sea level"
            + (in.frame() == HeightReference.MSL ? " is used as given"
                : " is converted into it with the EGM96 undulation at the site")
            + "; each site's antenna_height_m below is the volume's, above mean sea level",
        String.format(Locale.ROOT, "beam centre of each gate by the 4/3 effective Earth radius "
            + "model (Doviak & Zrnic eqs. 2.28b-c) and the WGS84 geodesic from the site, as "
            + "darkflight radar locates returns; beam width %.2f deg", s.beamWidthDeg()),
        flags);
    RadarReturnsDocument.Meta meta = new RadarReturnsDocument.Meta(
        RadarReturnsDocument.SCHEMA_VERSION, PRODUCER, in.createdUtc().toString(),
        "Candidate meteorite returns from NEXRAD Level II reflectivity: gates inside the "
            + "predicted fall corridor, in the time window after the luminous end and at or "
            + "above the reflectivity threshold. Each is an unreviewed candidate: check it in "
            + "the radar data, set \"review\": \"confirmed\" for the returns you accept and "
            + "delete the others; then run darkflight radar on this file.",
        refs, selection);
    List<RadarReturnsDocument.Entry> entries = new ArrayList<>();
    for (Level2Candidates.Candidate c : found) {
      var o = c.observation();
      var site = o.site();
      var fix = c.fix();
      entries.add(new RadarReturnsDocument.Entry(c.id(),
          new RadarReturnsDocument.Site(site.id(), site.latitudeDeg(), site.longitudeDeg(),
              c.volume().site().antennaHeightM()),
          o.timeUtc().toString(), volumeTime(c), o.elevationDeg(), o.azimuthDeg(),
          o.slantRangeM(), o.beamWidthDeg(), o.gateLengthM(), c.reflectivityDbz(),
          RadarReturnsDocument.REVIEW_CANDIDATE,
          new RadarReturnsDocument.Candidate(c.volume().file().getFileName().toString(),
              c.elevationNumber(), c.sweepStart().toString(), c.radial(), c.gate(),
              Json.roundedDecimal(fix.latitudeDeg(), 7), Json.roundedDecimal(fix.longitudeDeg(),
                  7), Json.roundedDecimal(fix.heightM(), 1),
              Json.roundedDecimal(fix.beamBottomM(), 1), Json.roundedDecimal(fix.beamTopM(), 1),
              Json.roundedDecimal(c.corridor().distanceM(), 1), c.corridor().nearestLabel(),
              Json.roundedDecimal(c.afterEndS(), 3),
              List.of(Json.roundedDecimal(c.corridor().earliestS(), 1),
                  Json.roundedDecimal(c.corridor().latestS(), 1)),
              Json.roundedDecimal(c.neighbourShare(), 3), c.flags())));
    }
    return new RadarReturnsDocument(RadarReturnsDocument.SCHEMA, in.eventId(), meta, entries);
  }

  /**
   * The volume header's start time, or null (absent) when the header says nothing or a time
   * after the radial (darkflight radar refuses a volume start after the return's time).
   */
  private static String volumeTime(Level2Candidates.Candidate c) {
    Instant header = c.volume().headerTime();
    return header == null || header.isAfter(c.observation().timeUtc()) ? null
        : header.toString();
  }
}
