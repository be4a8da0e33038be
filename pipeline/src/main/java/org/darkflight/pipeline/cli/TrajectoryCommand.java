package org.darkflight.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.analysis.ensemble.LegacySlices;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.dem.DemTerrain;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFile;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.io.geoid.VerticalDatum;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.trajectory.TrajectoryFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.Landing;
import org.darkflight.physics.trajectory.SimulationException;
import org.darkflight.physics.trajectory.Trajectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight trajectory}: integrates every fragment of {@code fragments.json} from the
 * luminous end of {@code event.json} to the ground through the atmosphere of
 * {@code atmos_profile.json} with the models of {@code physics_config.json}, and writes
 * {@code <out>/trajectories/<fragment_id>.json} for each (schema {@code trajectory.schema.json}).
 *
 * <p>Order of work, so that a failed run writes nothing: read and validate all four inputs (bad
 * input → one line naming file, field and reason, exit {@value DarkflightCli#EXIT_BAD_INPUT});
 * check them against each other; simulate every fragment in memory (a failed integration → exit
 * {@value DarkflightCli#EXIT_FAILURE}); only then write each file atomically.
 */
@Command(
    name = "trajectory",
    mixinStandardHelpOptions = true,
    description = {
        "Integrates each fragment's dark flight to the ground and writes its trajectory.",
        "One file per fragment, <out>/trajectories/<fragment_id>.json: time series and",
        "landing, WGS84, 6 decimals (docs/outputs.md).",
        "physics_config.json \"legacy\" selects the method: none (integration), fries_v42 or",
        "fries_v2 (slices from vertical_grid.json next to the atmos profile, if present);",
        "the first line printed names the method used."})
public final class TrajectoryCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventFile;
  @Mixin SharedOptions.RequiredFragments fragmentsFile;
  @Mixin SharedOptions.Atmos atmosFile;
  @Mixin SharedOptions.Config configFile;
  @Mixin SharedOptions.RequiredOut outDir;
  @Mixin DemOption dem = new DemOption();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public TrajectoryCommand() {}

  @Override
  public Integer call() throws InputException, IOException {
    PrintWriter out = spec.commandLine().getOut();

    // 1. Validate every input before anything else.
    Event given = EventFiles.read(eventFile.path());
    FragmentsFile fragments = FragmentsFiles.read(fragmentsFile.path());
    AtmosProfile profile = AtmosProfiles.read(atmosFile.path());
    // heights onto the integration datum (WGS84 ellipsoid; legacy modes as given)
    VerticalDatum.Converted onDatum = VerticalDatum.toIntegrationDatum(given.luminousEnd(),
        given.heightReference(), profile.atmosLevels(), profile.heightReference(),
        PhysicsConfigFiles.read(configFile.path()),
        PhysicsConfigFiles.groundReference(configFile.path()));
    Event event = new Event(given.eventId(), onDatum.luminousEnd(), given.meta(),
        given.heightReference());
    PhysicsConfig config = onDatum.physics();
    DemTerrain terrain = dem.read(config, configFile.path());
    if (terrain == null) {
      checkConsistency(event, config);
    }
    RunInputs.checkCd(fragmentsFile.path(), fragments.fragments(), configFile.path(), config,
        null, null);
    List<InputRef> inputs = List.of(
        InputRef.of(eventFile.path(), eventFile.path().getFileName().toString()),
        InputRef.of(fragmentsFile.path(), fragmentsFile.path().getFileName().toString()),
        InputRef.of(atmosFile.path(), atmosFile.path().getFileName().toString()),
        InputRef.of(configFile.path(), configFile.path().getFileName().toString()));

    // 2. Simulate everything in memory.
    DarkflightSimulator simulator;
    try {
      simulator = PhysicsModels.simulator(
          LegacySlices.atmosphere(config, atmosFile.path(), onDatum.levels()), config);
    } catch (IllegalArgumentException e) {
      throw new InputException(atmosFile.path(), "/levels", e.getMessage());
    }
    if (terrain != null) {
      simulator = simulator.withTerrain(terrain);
      dem.check(simulator, event.luminousEnd(), fragments.fragments());
    }
    out.println("method: " + simulator.methodDescription());
    List<Trajectory> trajectories = new ArrayList<>();
    for (Fragment f : fragments.fragments()) {
      try {
        trajectories.add(simulator.simulate(event.luminousEnd(), f));
      } catch (SimulationException e) {
        spec.commandLine().getErr().println("error: fragment " + f.id() + ": " + e.reason()
            + " at t = " + e.timeS() + " s: " + e.getMessage().replace('\n', ' '));
        spec.commandLine().getErr().flush();
        return isBudget(e) ? DarkflightCli.EXIT_BAD_INPUT : DarkflightCli.EXIT_FAILURE;
      } catch (IllegalArgumentException e) {
        // a legacy method that cannot handle the inputs (e.g. v2's fragment stopped descending)
        spec.commandLine().getErr().println("error: fragment " + f.id() + ": "
            + simulator.config().legacy().name().toLowerCase(Locale.ROOT) + ": "
            + e.getMessage());
        spec.commandLine().getErr().flush();
        return DarkflightCli.EXIT_FAILURE;
      }
    }

    // 3. Write, one atomic file per fragment.
    for (Trajectory t : trajectories) {
      Path written = TrajectoryFiles.write(outDir.dir(), event.eventId(), t, config, inputs);
      out.println("wrote " + written);
    }
    for (Trajectory t : trajectories) {
      out.println(summary(t));
    }
    out.flush();
    return 0;
  }

  /** A step or recorded-point budget of physics_config.json was exceeded: bad input (exit 2). */
  private static boolean isBudget(SimulationException e) {
    return e.reason() == SimulationException.Reason.STEP_BUDGET_EXCEEDED
        || e.reason() == SimulationException.Reason.POINT_BUDGET_EXCEEDED;
  }

  /** Cross-file checks the single-file schemas cannot make. */
  private void checkConsistency(Event event, PhysicsConfig config) throws InputException {
    double startM = event.luminousEnd().altitudeM();
    if (!(startM > config.groundAltitudeM())) {
      throw new InputException(eventFile.path(), "/luminous_end/altitude_m",
          String.format(Locale.ROOT,
              "luminous end at %.1f m is not above the ground height %.1f m of %s", startM,
              config.groundAltitudeM(), configFile.path()));
    }
    try {
      DarkflightSimulator.checkBudgets(config, event.luminousEnd(), true);
    } catch (SimulationException e) {
      throw new InputException(configFile.path(), "/integration", e.getMessage());
    }
  }

  /** One line per fragment: where, when and how fast it lands. */
  static String summary(Trajectory t) {
    Landing l = t.landing();
    return String.format(Locale.ROOT,
        "%s: %.6f, %.6f at %s after %.1f s; impact %.1f m/s (terminal %.1f m/s); "
            + "drift %.0f m towards %.1f deg; final mass %.4g kg",
        t.fragment().id(), l.latitudeDeg(), l.longitudeDeg(),
        TrajectoryFiles.toMillis(l.timeUtc()), l.fallTimeS(),
        l.impactSpeedMps(), l.terminalVelocityMps(), l.driftDistanceM(), l.driftBearingDeg(),
        l.massFinalKg());
  }
}
