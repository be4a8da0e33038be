package org.darkflight.pipeline.coord;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.darkflight.analysis.atmos.AtmosOutputs;
import org.darkflight.analysis.ensemble.CheckLimits;
import org.darkflight.analysis.fusion.AtmosFusionRun;
import org.darkflight.io.Hashing;
import org.darkflight.io.event.EventFiles;
import org.darkflight.io.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code darkflight process} publishes is true: S8's verdict stands in the published geo
 * artifacts and the output manifest (issue 15 §2); an event without fragments.json runs with
 * derived fragments, recorded (issue 16 §2); raw atmospheric sources are fused in S2 as
 * {@code darkflight atmos} fuses them, and a USSA76 fill at the luminous end is a warning on the
 * console and in the manifest (issue 15 §7).
 */
class ProcessStagesTest {

  @TempDir Path tmp;

  private static final String SKIPPED = "skipped: no validation_spec.json";

  @Test
  void publishedGeoArtifactsAndTheManifestCarryTheValidationVerdict() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    StringWriter console = new StringWriter();
    Coordinator.Result r = process(ProjectFixture.eventDir(root), root, console);
    assertThat(console.toString(), r.succeeded(), is(true));
    ProjectLayout layout = new ProjectLayout(root, ProjectFixture.EVENT);
    Path points = ArtifactId.STREWN_FIELD_POINTS.path(layout);
    Path ellipses = ArtifactId.UNCERTAINTY_ELLIPSES.path(layout);
    for (Path geojson : List.of(points, ellipses)) {
      assertThat(JsonSchemas.read(geojson).path("meta").path("validation_status").asText(),
          equalTo(SKIPPED));
    }
    String kml = Files.readString(ArtifactId.STREWN_FIELD_KML.path(layout));
    assertThat(kml, containsString(SKIPPED));
    assertThat(kml, not(containsString(ValidationStamp.PENDING)));
    Map<String, String> kmz = unzip(Files.readAllBytes(ArtifactId.STREWN_FIELD_KMZ.path(layout)));
    assertThat(kmz.get("README.txt"), containsString("Validation status:  " + SKIPPED + "\n"));
    assertThat(kmz.get("doc.kml"), containsString(SKIPPED));
    assertThat(kmz.get("doc.kml"), not(containsString(ValidationStamp.PENDING)));
    // the README lists the published GeoJSON files with their true hashes
    assertThat(kmz.get("README.txt"), containsString(Hashing.sha256Hex(points)
        + "  strewn_field_points.geojson"));
    assertThat(kmz.get("README.txt"), containsString(Hashing.sha256Hex(ellipses)
        + "  uncertainty_ellipses.geojson"));

    JsonNode manifest = JsonSchemas.read(r.outputManifest());
    assertThat(manifest.path("run").path("validation_status").asText(), equalTo(SKIPPED));
    assertTrueHashes(root, manifest);
    // the ensemble run's own manifest lists the stamped files' hashes too
    JsonNode run = JsonSchemas.read(ArtifactId.RUN_MANIFEST.path(layout));
    Map<String, Path> published = Map.of("strewn_field_points.geojson", points,
        "uncertainty_ellipses.geojson", ellipses,
        "strewn_field.kml", ArtifactId.STREWN_FIELD_KML.path(layout),
        "strewn_field.kmz", ArtifactId.STREWN_FIELD_KMZ.path(layout));
    int listed = 0;
    for (JsonNode a : run.path("artifacts")) {
      Path f = published.get(a.path("path").asText());
      if (f != null) {
        assertThat(a.path("path").asText(), a.path("sha256").asText(),
            equalTo(Hashing.sha256Hex(f)));
        listed++;
      }
    }
    assertThat(listed, is(4));
    assertThat(console.toString(), containsString("validation: " + SKIPPED));

    // a second run is all cache hits and ends with the same bytes
    Map<String, byte[]> before = ProjectFixture.outputs(root);
    Coordinator.Result again = process(ProjectFixture.eventDir(root), root, new StringWriter());
    assertThat(again.ran(), is(0L));
    Map<String, byte[]> after = ProjectFixture.outputs(root);
    assertThat(after.keySet(), equalTo(before.keySet()));
    for (String k : before.keySet()) {
      assertThat(k, new String(after.get(k), StandardCharsets.ISO_8859_1),
          equalTo(new String(before.get(k), StandardCharsets.ISO_8859_1)));
    }
  }

  @Test
  void theVerdictPassedIsStampedIntoEveryHeldFile() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    assertThat(process(ProjectFixture.eventDir(root), root, new StringWriter()).succeeded(),
        is(true));
    ProjectLayout layout = new ProjectLayout(root, ProjectFixture.EVENT);
    // the ensemble stage's cache entry holds the files as written before S8: pending
    Path entry;
    try (Stream<Path> s = Files.list(layout.cacheDir().resolve("ensemble"))) {
      entry = s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString()
          .startsWith(".")).findFirst().orElseThrow();
    }
    Map<ArtifactId, Path> held = new EnumMap<>(ArtifactId.class);
    for (ArtifactId a : ValidationStamp.STAMPED) {
      held.put(a, entry.resolve(a.fileName(layout)));
      assertThat(Files.readString(held.get(a), StandardCharsets.ISO_8859_1).contains(
          ValidationStamp.PENDING) || a == ArtifactId.STREWN_FIELD_KMZ, is(true));
    }
    Map<ArtifactId, byte[]> stamped = ValidationStamp.stamp(held, "passed");
    assertThat(org.darkflight.io.json.Json.mapper().readTree(
        stamped.get(ArtifactId.STREWN_FIELD_POINTS)).path("meta").path("validation_status")
        .asText(), equalTo("passed"));
    Map<String, String> kmz = unzip(stamped.get(ArtifactId.STREWN_FIELD_KMZ));
    assertThat(kmz.get("README.txt"), containsString("Validation status:  passed\n"));
    assertThat(kmz.get("README.txt"), containsString(Hashing.sha256Hex(
        stamped.get(ArtifactId.STREWN_FIELD_POINTS)) + "  strewn_field_points.geojson"));
    assertThat(kmz.get("doc.kml"), not(containsString(ValidationStamp.PENDING)));
  }

  @Test
  void fragmentsMayBeOmittedAndTheirDerivationIsRecorded() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    Path raw = ProjectFixture.eventDir(root).resolve("raw");
    Files.delete(raw.resolve("fragments.json"));
    Files.delete(raw.resolve("ensemble_config.json"));
    StringWriter console = new StringWriter();
    Coordinator.Result r = process(ProjectFixture.eventDir(root), root, console);
    assertThat(console.toString(), r.succeeded(), is(true));
    JsonNode manifest = JsonSchemas.read(r.outputManifest());
    String derived = manifest.path("run").path("fragments_derived").asText();
    assertThat(derived, containsString("the default decadal suite"));
    assertThat(derived, containsString("(5 fragments: "));
    for (String mass : List.of("0.001 kg", "0.01 kg", "0.1 kg", "1.0 kg", "10.0 kg")) {
      assertThat(derived, containsString(" " + mass));
    }
    assertThat(console.toString(), containsString("note: " + derived));
    ProjectLayout layout = new ProjectLayout(root, ProjectFixture.EVENT);
    assertThat(JsonSchemas.read(ArtifactId.RUN_MANIFEST.path(layout)).path("run")
        .path("fragments_derived").asText(), equalTo(derived));
    assertThat(ArtifactFiles.files(ArtifactId.TRAJECTORIES.path(layout)).size(), is(5));
    assertTrueHashes(root, manifest);
  }

  @Test
  void rawSourcesAreFusedAsAtmosFusesThemAndAFillAtTheLuminousEndIsAWarning()
      throws Exception {
    Path repo = ProjectFixture.source().getParent().getParent();
    Path data = repo.resolve("testdata");
    Path pf = data.resolve("events/park-forest-2003");
    Path root = tmp.resolve("project");
    Path eventDir = root.resolve("data/events/park-forest-2003");
    Path raw = eventDir.resolve("raw");
    for (String f : List.of("event.json", "physics_config.json", "fragments.json")) {
      copy(pf.resolve(f), raw.resolve(f));
    }
    copy(data.resolve("atmos/uwyo_74560_2003032700.html"),
        raw.resolve("radiosonde/uwyo_74560_2003032700.html"));
    copy(data.resolve("atmos/era5_pl_20030327.nc"),
        raw.resolve("model_reanalysis/era5_pl_20030327.nc"));
    copy(data.resolve("atmos/radar_vad/KLOT_20030327_0548.json"),
        raw.resolve("radar_vad/KLOT_20030327_0548.json"));
    copy(data.resolve("atmos/radar_metadata.json"), raw.resolve("radar_metadata.json"));

    StringWriter console = new StringWriter();
    Coordinator.Result r = process(eventDir, root, console);
    assertThat(console.toString(), r.succeeded(), is(true));
    ProjectLayout layout = new ProjectLayout(root, "park-forest-2003");
    // the same fusion as darkflight atmos with its defaults on the same files
    AtmosFusionRun.Result same = AtmosFusionRun.fuse(new AtmosFusionRun.Sources(
        List.of(raw.resolve("radiosonde/uwyo_74560_2003032700.html")),
        List.of(raw.resolve("model_reanalysis/era5_pl_20030327.nc")),
        List.of(raw.resolve("radar_vad/KLOT_20030327_0548.json")),
        raw.resolve("radar_metadata.json"), "(test)", "(test)"),
        EventFiles.read(raw.resolve("event.json")).luminousEnd(),
        AtmosFusionRun.Settings.DEFAULTS, CheckLimits.DEFAULTS);
    Path expected = tmp.resolve("atmos");
    AtmosOutputs.writeAll(expected, same.profile(), "park-forest-2003");
    assertThat(Files.readString(ArtifactId.ATMOS_PROFILE.path(layout)),
        equalTo(Files.readString(expected.resolve(AtmosOutputs.ATMOS_PROFILE))));
    assertThat(Files.readString(ArtifactId.VERTICAL_GRID.path(layout)),
        equalTo(Files.readString(expected.resolve(AtmosOutputs.VERTICAL_GRID))));
    assertThat(Files.isRegularFile(ArtifactId.ATMOS_QC.path(layout)), is(true));
    assertThat(Files.isRegularFile(ArtifactId.WIND_PROFILE.path(layout)), is(true));
    JsonNode manifest = JsonSchemas.read(r.outputManifest());
    assertTrueHashes(root, manifest);
    List<String> inputs = new ArrayList<>();
    manifest.path("meta").path("inputs").forEach(i -> inputs.add(i.path("path").asText()));
    assertThat(inputs, hasItem(
        "data/events/park-forest-2003/raw/model_reanalysis/era5_pl_20030327.nc"));

    // radar winds alone stop a few km up: the luminous end (16 km) is in the USSA76 fill
    ProjectFixture.delete(raw.resolve("radiosonde"));
    ProjectFixture.delete(raw.resolve("model_reanalysis"));
    StringWriter console2 = new StringWriter();
    Coordinator.Result r2 = process(eventDir, root, console2);
    assertThat(console2.toString(), r2.succeeded(), is(true));
    JsonNode warnings = JsonSchemas.read(r2.outputManifest()).path("run").path("input_warnings");
    assertThat(warnings.toString(), containsString("no atmospheric source reaches the "
        + "luminous end"));
    assertThat(console2.toString(), containsString("warning: "));
    assertThat(console2.toString(), containsString("US Standard Atmosphere 1976 fill"));
  }

  @Test
  void aProfileAndRawSourcesAtOnceAreRefused() throws Exception {
    Path root = ProjectFixture.copy(tmp);
    Path raw = ProjectFixture.eventDir(root).resolve("raw");
    Path repo = ProjectFixture.source().getParent().getParent();
    copy(repo.resolve("testdata/atmos/radar_vad/KLOT_20030327_0548.json"),
        raw.resolve("radar_vad/KLOT_20030327_0548.json"));
    Coordinator.Result r = process(ProjectFixture.eventDir(root), root, new StringWriter());
    assertThat(r.succeeded(), is(false));
    String s2 = r.stages().stream().filter(s -> s.stage().name().equals("atmos")).findFirst()
        .orElseThrow().status();
    assertThat(s2, startsWith("failed: "));
    assertThat(s2, containsString("both atmos_profile.json and raw atmospheric sources"));
  }

  private static Coordinator.Result process(Path eventDir, Path root, StringWriter console)
      throws Exception {
    return EventProcessor.process(eventDir, new EventProcessor.Options(root, null, List.of(),
        ProjectFixture.CREATED, false, Map.of()), new PrintWriter(console));
  }

  /** Every artifact of the manifest has the SHA-256 and size of the file at its path. */
  private static void assertTrueHashes(Path root, JsonNode manifest) throws Exception {
    for (JsonNode a : manifest.path("artifacts")) {
      Path f = root.resolve(a.path("path").asText());
      assertThat(a.path("path").asText(), a.path("sha256").asText(),
          equalTo(Hashing.sha256Hex(f)));
      assertThat(a.path("path").asText(), a.path("bytes").asLong(), equalTo(Files.size(f)));
    }
  }

  private static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void copy(Path from, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
  }
}
