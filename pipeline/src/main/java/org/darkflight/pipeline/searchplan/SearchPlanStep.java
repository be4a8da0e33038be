package org.darkflight.pipeline.searchplan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.ensemble.NominalFlights;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.analysis.searchplan.NominalLandings;
import org.darkflight.analysis.searchplan.SearchPlanner;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.geo.GeoOutputOptions;
import org.darkflight.io.geo.GeoSchemas;
import org.darkflight.io.geojson.SearchAreasWriter;
import org.darkflight.io.gpx.SearchPlanGpx;
import org.darkflight.io.json.Json;
import org.darkflight.io.run.OutputManifestDocument;
import org.darkflight.io.kml.SearchAreasKml;
import org.darkflight.io.searchplan.RunLandings;
import org.darkflight.io.searchplan.SearchPlan;
import org.darkflight.pipeline.report.RunReport;
import org.darkflight.pipeline.run.OutputManifest;

/**
 * The search plan of a run directory, for {@code darkflight run} (at its end, inputs in memory)
 * and {@code darkflight search-plan --run DIR} (inputs re-read from the paths in
 * {@code output_manifest.json}, used only when their SHA-256 still match) alike, so both give
 * the same bytes for the same run.
 *
 * <p>Reads {@code strewn_field_points.geojson}; flies the nominal landings of the inputs'
 * fragments; plans ({@link SearchPlanner}); writes {@value SearchPlan#AREAS_FILE} and
 * {@value SearchPlan#GPX_FILE}; puts the "Search Areas" folder into {@code strewn_field.kml} and
 * {@code strewn_field.kmz} (replacing an earlier one); and lists or re-hashes these four files in
 * {@code output_manifest.json}. Everything is read and computed before the first file is
 * written; each file is written atomically. {@link Result#updated()} names every existing file
 * that changed.
 */
public final class SearchPlanStep {

  private SearchPlanStep() {}

  /**
   * What was done.
   *
   * @param plan      the plan
   * @param written   files written anew (the GeoJSON and the GPX)
   * @param updated   existing files changed (KML, KMZ, manifest)
   * @param time      wall-clock time of the step
   */
  public record Result(SearchPlan plan, List<Path> written, List<Path> updated, Duration time) {}

  /**
   * Makes and writes the plan of {@code runDir}.
   *
   * @param inputs  the run's inputs, or null to re-read them from the manifest (without them
   *                there are no nominal landings and the waypoints are density modes)
   * @throws InputException when the run directory is not a Darkflight run
   */
  public static Result run(Path runDir, RunInputs inputs, SearchPlanner.Options options)
      throws IOException, InputException {
    return run(runDir, inputs, null, options);
  }

  /**
   * Makes and writes the plan of {@code runDir} whose nominal flights the run has flown already
   * ({@link org.darkflight.pipeline.run.EnsembleRun.Summary#nominal()}): the plan's nominal
   * landings are those flights, not flown a second time.
   *
   * @param inputs  the run's inputs, or null to re-read them from the manifest
   * @param nominal the run's nominal flights of {@code inputs}, or null to fly them here
   * @throws InputException when the run directory is not a Darkflight run
   */
  public static Result run(Path runDir, RunInputs inputs, NominalFlights nominal,
      SearchPlanner.Options options) throws IOException, InputException {
    long t0 = System.nanoTime();
    RunLandings landings = RunLandings.read(runDir);
    Path manifestFile = runDir.resolve(OutputManifest.FILE);
    JsonNode manifest = Files.isRegularFile(manifestFile)
        ? Json.mapper().readTree(Files.readAllBytes(manifestFile)) : null;
    List<String> notes = new ArrayList<>();
    RunInputs in = inputs;
    if (in == null) {
      if (manifest == null) {
        notes.add("no nominal landings: the run directory has no " + OutputManifest.FILE);
      } else {
        try {
          OutputManifestDocument doc = OutputManifestDocument.read(manifestFile);
          in = RunReport.rereadInputs(
              doc.run() instanceof OutputManifestDocument.EnsembleRunSummary r
                  && r.inputs() != null ? r.inputs() : List.of());
        } catch (InputException | IOException | IllegalArgumentException e) {
          notes.add("no nominal landings: the run's inputs could not be re-read ("
              + e.getMessage() + ")");
        }
      }
    }
    List<NominalLandings.Landing> nominalLandings = List.of();
    int classCount = 1;
    for (RunLandings.ClassLandings c : landings.classes()) {
      classCount = Math.max(classCount, c.massClassIndex() + 1);
    }
    if (in != null) {
      NominalLandings.Result r = in == inputs && nominal != null
          ? NominalLandings.of(in, nominal) : NominalLandings.of(in);
      nominalLandings = r.landings();
      notes.addAll(r.failures());
      classCount = new MassClassBins(in.ensemble().massClassEdgesKg()).count();
    }
    SearchPlan plan = new SearchPlanner(options).plan(landings, nominalLandings, notes);

    GeoOutputOptions geo = GeoOutputOptions.defaults();
    long[] classTotals = new long[classCount];
    for (RunLandings.ClassLandings c : landings.classes()) {
      if (c.massClassIndex() < classCount) {
        classTotals[c.massClassIndex()] += c.size();
      }
    }
    String folder = SearchAreasKml.folder(plan, classTotals, geo.geoPrecisionDecimals());
    Path kml = runDir.resolve(GeoSchemas.KML_FILE);
    Path kmz = runDir.resolve(GeoSchemas.KMZ_FILE);
    byte[] kmlBytes = Files.isRegularFile(kml)
        ? SearchAreasKml.insert(Files.readAllBytes(kml), folder) : null;
    byte[] kmzBytes = Files.isRegularFile(kmz)
        ? SearchAreasKml.insertIntoKmz(Files.readAllBytes(kmz), folder) : null;
    byte[] gpx = new SearchPlanGpx(geo.geoPrecisionDecimals()).bytes(plan);

    List<Path> written = new ArrayList<>();
    List<Path> updated = new ArrayList<>();
    Path areas = runDir.resolve(SearchPlan.AREAS_FILE);
    new SearchAreasWriter(geo).write(areas, plan);
    written.add(areas);
    Path gpxFile = runDir.resolve(SearchPlan.GPX_FILE);
    AtomicFiles.write(gpxFile, gpx);
    written.add(gpxFile);
    if (kmlBytes != null) {
      AtomicFiles.write(kml, kmlBytes);
      updated.add(kml);
    }
    if (kmzBytes != null) {
      AtomicFiles.write(kmz, kmzBytes);
      updated.add(kmz);
    }
    if (manifest instanceof ObjectNode root && root.path("artifacts") instanceof ArrayNode a) {
      for (Path p : updated) {
        register(runDir, a, p, p.equals(kml) ? "kml" : "kmz");
      }
      register(runDir, a, areas, "geojson");
      register(runDir, a, gpxFile, "gpx");
      AtomicFiles.write(manifestFile, Json.toCanonicalBytes(root));
      updated.add(manifestFile);
    }
    return new Result(plan, written, updated, Duration.ofNanos(System.nanoTime() - t0));
  }

  /** Sets the SHA-256 and size of {@code file} in the artifact list, adding it when new. */
  private static void register(Path runDir, ArrayNode artifacts, Path file, String type)
      throws IOException {
    String rel = runDir.relativize(file).toString();
    ObjectNode entry = null;
    for (JsonNode a : artifacts) {
      if (rel.equals(a.path("path").asText()) && a instanceof ObjectNode o) {
        entry = o;
      }
    }
    if (entry == null) {
      entry = artifacts.addObject();
      entry.put("path", rel);
    }
    entry.put("sha256", RunInputs.sha256(file));
    entry.put("type", type);
    entry.put("bytes", Files.size(file));
  }

  /** The console summary: per class the areas, transects and walking time; files; time. */
  public static void print(PrintWriter w, Result r) {
    SearchPlan p = r.plan();
    SearchPlan.Settings s = p.settings();
    w.printf(Locale.ROOT, "  search plan: transects every %s m %s the field axis (azimuth "
        + "%.1f°), walking %s km/h (one searcher):%n",
        org.darkflight.io.geo.GeoNumbers.quantity(s.transectSpacingM()),
        s.orientation() == SearchPlan.Orientation.ACROSS ? "across" : "along",
        s.fieldAxisAzimuthDeg(), org.darkflight.io.geo.GeoNumbers.quantity(s.walkingSpeedKmh()));
    if (p.areas().isEmpty()) {
      w.println("    no search area (no mass class has enough landings)");
    }
    for (SearchPlan.Area a : p.areas()) {
      w.printf(Locale.ROOT, "    %-14s %3.0f %% area %8.3f km²  (%5.1f %% of %d landings "
          + "inside)  transects %8.2f km in %4d legs + %6.2f km between  ≈ %6.1f h%n",
          a.massClass(), 100 * a.probability(), a.areaM2() / 1e6,
          100 * a.landingFractionInside(), a.landings(), a.transectLengthM() / 1000,
          a.transectLegs(), a.hopLengthM() / 1000,
          s.walkingTimeH(a.transectLengthM() + a.hopLengthM()));
    }
    long nominal = p.waypoints().stream()
        .filter(x -> x.kind() == SearchPlan.WaypointKind.NOMINAL_LANDING).count();
    w.printf(Locale.ROOT, "    waypoints: %d %s; tracks: %d%n", p.waypoints().size(),
        nominal > 0 ? "nominal landings" : "density modes", p.tracks().size());
    for (String n : p.notes()) {
      w.println("    note: " + n);
    }
    for (Path f : r.written()) {
      w.println("    wrote " + f);
    }
    for (Path f : r.updated()) {
      w.println("    updated " + f);
    }
    w.printf(Locale.ROOT, "    search plan %.1f s%n", r.time().toMillis() / 1000.0);
    w.flush();
  }
}
