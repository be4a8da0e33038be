package org.darkflight.analysis.radar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.darkflight.io.InputException;
import org.darkflight.io.kml.StrewnFieldExport;
import org.darkflight.io.radar.returns.ArtifactMeta;
import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.io.radar.returns.RadarReturnsFile;
import org.darkflight.io.geoid.HeightReference;
import org.darkflight.io.radar.returns.RadarReturnsReader;
import org.darkflight.io.radar.returns.RadarSiteTable;
import org.darkflight.io.radar.returns.RadarSliceWriter;
import org.darkflight.io.radar.solution.RadarLayersDocument;
import org.darkflight.io.radar.solution.RadarSolutionDocument;
import org.darkflight.io.radar.solution.RadarSolutionFiles;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosphereModel;
import org.darkflight.physics.trajectory.DarkflightSimulator;

/**
 * The {@code darkflight radar} workflow from parsed inputs to files: reads and geolocates the
 * returns, checks them against the event, solves them, computes the strewn field of the mass
 * suite from the refined terminus and writes {@code radar_slices/*.json},
 * {@code radar_solution.json}, {@code radar_layers.geojson} and the strewn field
 * ({@code strewn_field_points.geojson}, {@code uncertainty_ellipses.geojson},
 * {@code strewn_field.kml}/{@code .kmz} with "Radar Returns" and "Calculated Termini" folders). Every input is validated before
 * anything is written; each file is written atomically.
 */
public final class RadarRun {

  /** Producer name in the artifacts' meta blocks. */
  public static final String PRODUCER = "darkflight radar";
  /** File name of the solution. */
  public static final String SOLUTION_FILE = RadarSolutionDocument.FILE;
  /** Directory of the slices. */
  public static final String SLICES_DIR = "radar_slices";

  /**
   * Parsed inputs.
   *
   * @param eventId        event identifier, or null
   * @param luminousEnd    the event's luminous end
   * @param atmosphere     the atmosphere
   * @param config         physics configuration
   * @param configFile     where the configuration came from (for error messages)
   * @param template       fragment density, drag coefficient and shape (mass ignored)
   * @param returnsFile    radar_returns.json
   * @param sitesFile      radar_sites.json, or null when every return carries its site
   * @param otherInputs    further input files to hash into the meta blocks
   * @param massMinKg      lightest mass considered, kg
   * @param massMaxKg      heaviest mass considered, kg
   * @param suiteMassesKg  masses of the strewn-field suite, kg
   * @param heightFrame    what the luminous end's and the atmosphere's heights are measured
   *                       from; every radar site's antenna height is converted into it
   */
  public record Inputs(String eventId, LuminousEnd luminousEnd, AtmosphereModel atmosphere,
      PhysicsConfig config, Path configFile, Fragment template, Path returnsFile,
      Path sitesFile, List<Path> otherInputs, double massMinKg, double massMaxKg,
      double[] suiteMassesKg, HeightReference heightFrame) {

    /** Inputs whose heights are above mean sea level. */
    public Inputs(String eventId, LuminousEnd luminousEnd, AtmosphereModel atmosphere,
        PhysicsConfig config, Path configFile, Fragment template, Path returnsFile,
        Path sitesFile, List<Path> otherInputs, double massMinKg, double massMaxKg,
        double[] suiteMassesKg) {
      this(eventId, luminousEnd, atmosphere, config, configFile, template, returnsFile,
          sitesFile, otherInputs, massMinKg, massMaxKg, suiteMassesKg, HeightReference.MSL);
    }

    public Inputs {
      Objects.requireNonNull(luminousEnd, "luminousEnd");
      Objects.requireNonNull(atmosphere, "atmosphere");
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(returnsFile, "returnsFile");
      otherInputs = List.copyOf(otherInputs);
      suiteMassesKg = suiteMassesKg.clone();
      heightFrame = heightFrame == null ? HeightReference.MSL : heightFrame;
    }
  }

  /**
   * What was written.
   *
   * @param solution  the solution in memory
   * @param slices    the slice files
   * @param solutionFile radar_solution.json
   * @param geoJsonFile  radar_layers.geojson
   * @param suite     the strewn field of the mass suite
   * @param strewnField the geospatial files (points, ellipses, KML, KMZ)
   */
  public record Result(RadarSolution solution, List<Path> slices, Path solutionFile,
      Path geoJsonFile, List<SuiteLanding> suite, StrewnFieldExport.Result strewnField) {}

  private RadarRun() {}

  /**
   * Runs the workflow into {@code outDir}.
   *
   * @throws InputException bad input, named by file, field and reason; nothing is written then
   */
  public static Result run(Inputs in, Path outDir) throws InputException, IOException {
    RadarSiteTable sites = in.sitesFile() == null ? RadarSiteTable.empty()
        : RadarSiteTable.read(in.sitesFile(), in.heightFrame());
    RadarReturnsFile returnsFile = RadarReturnsReader.read(in.returnsFile(), sites,
        in.heightFrame());
    List<GeolocatedReturn> located = GeolocatedReturn.locateAll(returnsFile);
    RadarInputRules.check(in.returnsFile(), located, in.luminousEnd());
    RadarInputRules.checkConfig(in.configFile() == null ? Path.of("physics_config.json")
        : in.configFile(), in.config());
    if (!(in.massMinKg() > 0) || !(in.massMaxKg() > in.massMinKg())) {
      throw new InputException("command line", "--mass-min/--mass-max",
          "need 0 < mass-min < mass-max, got " + in.massMinKg() + " and " + in.massMaxKg());
    }

    DarkflightSimulator simulator =
        org.darkflight.physics.models.PhysicsModels.simulator(in.atmosphere(), in.config());
    RadarSolver solver = new RadarSolver(simulator, in.luminousEnd(), in.template(),
        in.massMinKg(), in.massMaxKg());
    List<ReturnSolution> solved = new ArrayList<>();
    for (GeolocatedReturn g : located) {
      solved.add(solver.solve(g));
    }
    if (solved.stream().noneMatch(ReturnSolution::solved)) {
      throw new InputException(in.returnsFile(), "/returns", "no return could be solved: "
          + solved.stream().map(s -> s.id() + ": " + s.reason())
              .collect(Collectors.joining("; ")));
    }
    RadarSolution solution = new RadarSolution(solved, solver.refine(solved));
    List<SuiteLanding> suite = solver.strewnField(solution.refined(), in.suiteMassesKg());

    List<Path> inputs = new ArrayList<>();
    inputs.add(in.returnsFile());
    if (in.sitesFile() != null) {
      inputs.add(in.sitesFile());
    }
    inputs.addAll(in.otherInputs());
    java.time.Instant created = ArtifactMeta.createdNow();
    ArtifactMeta sliceMeta = new ArtifactMeta(RadarSliceWriter.SCHEMA_VERSION, PRODUCER,
        created, inputs);
    ArtifactMeta solutionMeta = new ArtifactMeta(RadarSolutionDocument.SCHEMA_VERSION, PRODUCER,
        created, inputs);
    byte[] solutionBytes = RadarSolutionFiles.bytes(RadarDocuments.solution(in.eventId(),
        solver, solution, in.suiteMassesKg(), suite, solutionMeta, in.heightFrame().json()));
    byte[] geoBytes = RadarSolutionFiles.bytes(RadarDocuments.layers(solution, suite,
        solutionMeta));

    List<Path> slices = RadarSliceWriter.writeAll(outDir.resolve(SLICES_DIR), located,
        sliceMeta);
    Path solutionFile = outDir.resolve(SOLUTION_FILE);
    RadarSolutionFiles.write(solutionFile, solutionBytes);
    Path geoFile = outDir.resolve(RadarLayersDocument.FILE);
    RadarSolutionFiles.write(geoFile, geoBytes);
    StrewnFieldExport.Result export = RadarStrewnFieldExport.write(outDir, in.eventId(), solver,
        solution, suite, in.config().cdScale(), solutionMeta,
        in.heightFrame() == HeightReference.ELLIPSOID);
    return new Result(solution, slices, solutionFile, geoFile, suite, export);
  }
}
