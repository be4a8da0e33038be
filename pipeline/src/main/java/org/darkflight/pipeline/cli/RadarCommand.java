package org.darkflight.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.InputException;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.config.PhysicsConfigFiles;
import org.darkflight.io.event.Event;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.fragments.FragmentsFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.ProfileAtmosphere;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.darkflight.analysis.radar.RadarRun;
import org.darkflight.pipeline.run.EnsembleRun;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.radar.RefinedTerminus;
import org.darkflight.analysis.radar.ReturnSolution;
import org.darkflight.analysis.radar.SuiteLanding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code darkflight radar}: the radar-centric strewn field. See {@code docs/radar.md}.
 */
@Command(
    name = "radar",
    mixinStandardHelpOptions = true,
    description = {
        "Computes a radar-centric strewn field from weather-radar returns of falling"
            + " meteorites.",
        "Finds the fragment mass that explains each weather-radar"
            + " return, flies it to the ground and back to the terminus, refines the terminus"
            + " from all returns and computes the strewn field of a mass suite from it"
            + " (docs/radar.md).",
        "Writes radar_slices/*.json, radar_solution.json, radar_layers.geojson and the strewn"
            + " field (strewn_field_points.geojson, uncertainty_ellipses.geojson,"
            + " strewn_field.kml/.kmz with 'Radar Returns' and 'Calculated Termini' folders)"
            + " into --out.",
        "--config must have ablation disabled; the first fragment of --fragments gives the"
            + " density, Cd and shape factor (else --density, --cd and --shape-factor)."})
public final class RadarCommand implements DarkflightCommand {

  @Spec CommandSpec spec;

  @Mixin SharedOptions.Event eventOption;

  @Option(names = "--returns", required = true, paramLabel = "RETURNS",
      description = "radar_returns.json")
  Path returns;

  @Option(names = "--sites", paramLabel = "SITES",
      description = "radar_sites.json for returns that name their site by id"
          + " (testdata/radar/radar_sites.json has KLOT, KILX, KDVN, KMKX); default: every"
          + " return gives its site's position.")
  Path sites;

  @Mixin SharedOptions.Atmos atmosOption;
  @Mixin SharedOptions.Config configOption;
  @Mixin SharedOptions.Fragments fragmentsOption;

  @Option(names = "--density", defaultValue = "3500", paramLabel = "KG_M3",
      description = "bulk density without --fragments, kg/m3 (default: ${DEFAULT-VALUE})")
  double densityKgM3;

  @Option(names = "--cd", defaultValue = "1.0",
      description = "drag coefficient without --fragments (default: ${DEFAULT-VALUE})")
  double cd;

  @Option(names = "--shape-factor", defaultValue = "1.21",
      description = "shape factor without --fragments (default: ${DEFAULT-VALUE}, sphere)")
  double shapeFactor;

  @Option(names = "--mass-min", defaultValue = "0.001", paramLabel = "KG",
      description = "lightest mass considered, kg (default: ${DEFAULT-VALUE})")
  double massMinKg;

  @Option(names = "--mass-max", defaultValue = "1000", paramLabel = "KG",
      description = "heaviest mass considered, kg (default: ${DEFAULT-VALUE})")
  double massMaxKg;

  @Option(names = "--suite-masses", split = ",", paramLabel = "KG",
      defaultValue = "0.001,0.01,0.1,1,10,100",
      description = "masses of the strewn-field suite, kg (default: ${DEFAULT-VALUE})")
  double[] suiteMassesKg;

  @Mixin SharedOptions.RequiredOut outOption;

  @Option(names = "--ensemble", paramLabel = "ENSEMBLE",
      description = "ensemble_config.json: also run the Monte Carlo ensemble of 'darkflight run'"
          + " from the refined terminus into DIR/ensemble (needs --fragments or a split rule);"
          + " default: no ensemble.")
  Path ensemble;

  public RadarCommand() {}

  @Override
  public Integer call() throws Exception {
    Path event = eventOption.path();
    Path atmos = atmosOption.path();
    Path config = configOption.path();
    Path fragments = fragmentsOption.path();
    Path out = outOption.dir();
    Event ev = EventFiles.read(event);
    // The radar solution works in the reference of the event's luminous end: the profile, the
    // ground and every radar site's antenna height are measured in it (EGM96 where they differ).
    org.darkflight.io.atmos.AtmosProfile profile = AtmosProfiles.read(atmos);
    org.darkflight.io.geoid.VerticalDatum.Converted frame =
        org.darkflight.io.geoid.VerticalDatum.toReference(ev.heightReference(), ev.luminousEnd(),
            profile.atmosLevels(), profile.heightReference(), PhysicsConfigFiles.read(config),
            PhysicsConfigFiles.groundReference(config));
    PhysicsConfig physics = frame.physics();
    ProfileAtmosphere atmosphere = new ProfileAtmosphere(frame.levels());
    Fragment template = template();
    for (double m : suiteMassesKg) {
      if (!(m > 0) || !Double.isFinite(m)) {
        throw new InputException("command line", "--suite-masses",
            "every mass must be a finite number > 0 kg, got " + m);
      }
    }
    List<Path> others = new ArrayList<>(List.of(event, atmos, config));
    if (fragments != null) {
      others.add(fragments);
    }
    // Read the ensemble's inputs before anything is written.
    RunInputs ensembleInputs = ensemble == null ? null
        : RunInputs.read(event, atmos, config, fragments, ensemble);
    RadarRun.Result result = RadarRun.run(new RadarRun.Inputs(ev.eventId(), ev.luminousEnd(),
        atmosphere, physics, config, template, returns, sites, others, massMinKg, massMaxKg,
        suiteMassesKg, ev.heightReference()), out);
    spec.commandLine().getOut().println("mass search and forward shooting: "
        + org.darkflight.analysis.radar.RadarSolver.shootingMethod(physics));
    report(result);
    if (ensembleInputs != null) {
      runEnsemble(ensembleInputs, result.solution().refined(), ev.heightReference());
    }
    return 0;
  }

  /** The ensemble of {@code darkflight run} with the event's luminous end moved to the refined one. */
  private void runEnsemble(RunInputs in, RefinedTerminus refined,
      org.darkflight.io.geoid.HeightReference reference) throws java.io.IOException {
    // the radar solution works on the inputs as given; its terminus is converted like the event's
    RunInputs moved = in.withLuminousEndAsGiven(refined.luminousEnd(), reference);
    PipelineOptions options = PipelineOptionsFactory.create();
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
    Path dir = outOption.dir().resolve("ensemble");
    EnsembleRun.Summary s = EnsembleRun.physics(moved).run(moved, dir, options,
        org.darkflight.io.radar.returns.ArtifactMeta.createdNow());
    PrintWriter w = spec.commandLine().getOut();
    w.printf(Locale.ROOT, "ensemble from the refined terminus: %d samples, %d landed, %d failed;"
        + " wrote %d files into %s%n", s.samples(), s.landed(), s.failed(), s.artifacts().size(),
        dir);
    w.flush();
  }

  private Fragment template() throws InputException {
    if (fragmentsOption.path() != null) {
      Fragment f = FragmentsFiles.read(fragmentsOption.path()).fragments().get(0);
      if (!f.hasCd()) {
        // the radar solution and its strewn field report the template's cd
        throw new InputException(fragmentsOption.path(), "/fragments/0/cd",
            "missing: radar needs the template fragment's cd");
      }
      return f;
    }
    try {
      return new Fragment("radar", 1.0, densityKgM3, cd, shapeFactor);
    } catch (IllegalArgumentException e) {
      throw new InputException("command line", "--density/--cd/--shape-factor", e.getMessage());
    }
  }

  /** Rounded to whole metres, without a "-0". */
  private static double metres(double v) {
    double r = Math.rint(v);
    return r == 0 ? 0.0 : r;
  }

  private void report(RadarRun.Result result) {
    PrintWriter w = spec.commandLine().getOut();
    for (ReturnSolution s : result.solution().returns()) {
      if (s.solved()) {
        w.printf(Locale.ROOT, "return %s: mass %.4g kg, impact %.6f, %.6f, terminus offset"
            + " %.0f m E, %.0f m N (%s)%n", s.id(), s.massFit().massKg(),
            s.predictedImpact().latitudeDeg(), s.predictedImpact().longitudeDeg(),
            metres(s.terminusEastM()), metres(s.terminusNorthM()),
            s.terminusMethod().name().toLowerCase(Locale.ROOT));
      } else {
        w.printf(Locale.ROOT, "return %s: not solved: %s%n", s.id(), s.reason());
      }
    }
    RefinedTerminus r = result.solution().refined();
    w.printf(Locale.ROOT, "refined terminus: %.6f, %.6f at %.0f m (%.0f m E, %.0f m N of the"
        + " event's), 1-sigma %.0f x %.0f m, from %d returns%n",
        r.luminousEnd().latitudeDeg(), r.luminousEnd().longitudeDeg(),
        r.luminousEnd().altitudeM(), metres(r.eastM()), metres(r.northM()), r.semiMajorM(),
        r.semiMinorM(),
        r.returnsUsed());
    for (SuiteLanding l : result.suite()) {
      if (l.landing() != null) {
        w.printf(Locale.ROOT, "  %8.4g kg lands at %.6f, %.6f after %.1f s%n", l.massKg(),
            l.landing().latitudeDeg(), l.landing().longitudeDeg(), l.landing().fallTimeS());
      } else {
        w.printf(Locale.ROOT, "  %8.4g kg: %s%n", l.massKg(), l.reason());
      }
    }
    w.printf("wrote %s, %s, %d radar slices and the strewn field (%s)%n", result.solutionFile(),
        result.geoJsonFile(), result.slices().size(), result.strewnField().files().stream()
            .map(f -> f.path().getFileName().toString())
            .collect(java.util.stream.Collectors.joining(", ")));
    w.flush();
  }
}
