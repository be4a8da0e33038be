package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.darkflight.analysis.radar.CandidateRun;
import org.darkflight.analysis.radar.FallCorridor;
import org.darkflight.analysis.radar.Level2Candidates;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.nexrad.Level2Volume;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight radar-candidates}: candidate meteorite returns from NEXRAD Level II
 * reflectivity, written as {@code radar_returns.json} for the analyst to confirm and then
 * {@code darkflight radar}. See {@code docs/radar.md}.
 */
@Command(
    name = "radar-candidates",
    mixinStandardHelpOptions = true,
    description = {
        "Finds candidate meteorite returns in NEXRAD Level II reflectivity for the analyst to"
            + " confirm.",
        "Flies the nominal trajectories of the fragments from the luminous end (the predicted"
            + " fall corridor, widened by --corridor-half-width-m), reads the Level II volumes"
            + " that each --radar-metadata file lists under level2_files, and selects every"
            + " reflectivity gate inside the corridor, in the time window after the luminous"
            + " end and at or above --min-dbz, with quality-control flags (docs/radar.md).",
        "Writes radar_returns.json into --out with every return marked \"review\":"
            + " \"candidate\"; darkflight radar refuses candidates until the analyst sets"
            + " \"confirmed\" (or deletes the return). Writes nothing when no gate qualifies."})
public final class RadarCandidatesCommand implements DarkflightCommand {

  /** Default masses of the corridor, kg (the default strewn-field suite of darkflight radar). */
  static final String DEFAULT_MASSES = "0.001,0.01,0.1,1,10,100";

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventOption;
  @Mixin SharedOptions.Atmos atmosOption;
  @Mixin SharedOptions.Config configOption;

  @Mixin SharedOptions.SuiteFragments fragmentsOption;

  @Option(names = "--masses", split = ",", paramLabel = "KG", defaultValue = DEFAULT_MASSES,
      description = "Masses of the corridor's trajectories without --fragments, kg (default:"
          + " ${DEFAULT-VALUE}).")
  double[] massesKg;

  @Option(names = "--radar-metadata", required = true, paramLabel = "radar_metadata.json",
      description = "Radar metadata listing the radar's Level II volumes in level2_files"
          + " (paths relative to the file; docs/radar.md); repeat for several radars.")
  List<Path> radarMetadata;

  @Option(names = "--min-dbz", paramLabel = "DBZ",
      defaultValue = "" + Level2Candidates.Settings.DEFAULT_MIN_DBZ,
      description = "Reflectivity threshold, dBZ (default: ${DEFAULT-VALUE}; docs/radar.md says"
          + " why).")
  double minDbz;

  @Option(names = "--window-minutes", paramLabel = "MIN",
      description = "Length of the time window after the luminous end, minutes; default: the"
          + " longest fall time of the corridor's trajectories, rounded up to whole minutes.")
  Double windowMinutes;

  @Option(names = "--corridor-half-width-m", paramLabel = "M", defaultValue = "3000",
      description = "Horizontal half-width of the corridor around the nominal trajectories, m"
          + " (default: ${DEFAULT-VALUE}; docs/radar.md says why).")
  double halfWidthM;

  @Mixin SharedOptions.RequiredOut outOption;
  @Mixin SharedOptions.ProducedUtc producedUtc;

  public RadarCandidatesCommand() {}

  @Override
  public Integer call() throws Exception {
    Path event = eventOption.path();
    Path atmos = atmosOption.path();
    Path config = configOption.path();
    Event ev = EventFiles.read(event);
    // As darkflight radar: the corridor works in the reference of the event's luminous end; the
    // profile, the ground and each volume's antenna height are converted into it (EGM96).
    org.darkflight.io.atmos.AtmosProfile profile = AtmosProfiles.read(atmos);
    org.darkflight.io.geoid.VerticalDatum.Converted frame =
        org.darkflight.io.geoid.VerticalDatum.toReference(ev.heightReference(), ev.luminousEnd(),
            profile.atmosLevels(), profile.heightReference(), PhysicsConfigFiles.read(config),
            PhysicsConfigFiles.groundReference(config));
    PhysicsConfig physics = frame.physics();
    ProfileAtmosphere atmosphere = new ProfileAtmosphere(frame.levels());
    List<Path> others = new ArrayList<>(List.of(event, atmos, config));
    List<Fragment> flown = new ArrayList<>();
    Path fragments = fragmentsOption.path();
    if (fragments != null && spec.commandLine().getParseResult().hasMatchedOption("--masses")) {
      throw new InputException("command line", "--masses", "give either --masses or "
          + "--fragments (the fragments file states the masses), not both");
    }
    if (fragments != null) {
      flown.addAll(FragmentsFiles.read(fragments).fragments());
      others.add(fragments);
    } else {
      for (double m : massesKg) {
        try {
          flown.add(new Fragment("sphere", m, 3500.0, 1.0, 1.21));
        } catch (IllegalArgumentException e) {
          throw new InputException("command line", "--masses", e.getMessage());
        }
      }
    }
    CandidateRun.Result r = CandidateRun.run(new CandidateRun.Inputs(ev.eventId(),
        frame.luminousEnd(), atmosphere, physics, flown, radarMetadata, minDbz,
        windowMinutes == null ? Double.NaN : windowMinutes, halfWidthM, others,
        producedUtc.resolve(), ev.heightReference()), outOption.dir());
    report(r);
    return 0;
  }

  private void report(CandidateRun.Result r) {
    PrintWriter w = spec.commandLine().getOut();
    FallCorridor c = r.corridor();
    w.printf(Locale.ROOT, "corridor: %d trajectories, half-width %.0f m, from %.0f m down to "
        + "the ground; window %s to %s%n", c.tracks().size(), c.halfWidthM(), c.topM(),
        r.windowStart(), r.windowEnd());
    for (Level2Volume v : r.volumes()) {
      w.println("searched " + v.file().getFileName() + ": " + v.describe());
    }
    if (r.file() == null) {
      w.printf(Locale.ROOT, "no reflectivity gate at or above %.1f dBZ inside the corridor and "
          + "the window; nothing written%n", minDbz);
      w.flush();
      return;
    }
    Map<String, Integer> flags = new TreeMap<>();
    int clean = 0;
    for (Level2Candidates.Candidate k : r.candidates()) {
      clean += k.flags().isEmpty() ? 1 : 0;
      for (String f : k.flags()) {
        flags.merge(f, 1, Integer::sum);
      }
    }
    w.printf(Locale.ROOT, "%d candidate returns (%d without QC flags%s); wrote %s%n",
        r.candidates().size(), clean, flags.isEmpty() ? "" : "; flagged " + flags, r.file());
    w.println("review them in the radar data, set \"review\": \"confirmed\" on those you accept"
        + " and delete the others, then run darkflight radar --returns " + r.file());
    w.flush();
  }
}
