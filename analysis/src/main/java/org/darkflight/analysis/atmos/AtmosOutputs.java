package org.darkflight.analysis.atmos;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.darkflight.io.atmos.AtmosProfile;
import org.darkflight.io.atmos.AtmosProfileDocument.AtmosMeta;
import org.darkflight.io.atmos.AtmosProfileDocument.Location;
import org.darkflight.io.atmos.AtmosProfiles;
import org.darkflight.io.atmos.ProfileLevel;
import org.darkflight.io.atmos.fused.AtmosQcDocument;
import org.darkflight.io.atmos.fused.FusedAtmosFiles;
import org.darkflight.io.atmos.fused.FusedProvenance;
import org.darkflight.io.atmos.fused.FusedSource;
import org.darkflight.io.atmos.fused.VerticalGridDocument;
import org.darkflight.io.atmos.fused.WindProfileDocument;
import org.darkflight.io.json.Json;
import org.darkflight.io.meta.InputRef;
import org.darkflight.io.radiosonde.SoundingUnits;

/**
 * Maps one {@link FusedProfile} onto the AtmoFusion artifacts IO writes:
 * {@code atmos_profile.json} (IO's canonical {@link AtmosProfile}),
 * {@code wind_profile_compiled.json}, {@code vertical_grid.json} and {@code atmos_qc.json}
 * ({@link FusedAtmosFiles} validates all four before writing any). Output is deterministic: no
 * wall-clock time, sorted keys, fixed rounding.
 */
public final class AtmosOutputs {

  public static final String SCHEMA_VERSION = "1.0";
  public static final String ATMOS_PROFILE = FusedAtmosFiles.ATMOS_PROFILE;
  public static final String WIND_PROFILE = WindProfileDocument.FILE;
  public static final String VERTICAL_GRID = VerticalGridDocument.FILE;
  public static final String QC = AtmosQcDocument.FILE;

  private AtmosOutputs() {}

  /** Provenance block shared by the outputs; inputs that cannot be read are left out. */
  public static FusedProvenance provenance(FusedProfile p) {
    List<InputRef> inputs = new ArrayList<>();
    for (SourceSummary s : p.sources()) {
      String sha = sha256(Path.of(s.path()));
      if (sha != null) {
        inputs.add(new InputRef(fileName(s), sha));
      }
    }
    return new FusedProvenance("AtmoFusion of " + p.sources().size() + " source(s)",
        "darkflight atmos (" + p.strategy() + ")", "grid from " + p.gridSource()
            + "; see atmos_qc.json for fills, overrides and outliers", inputs);
  }

  /** The sources as the compiled wind profile lists them. */
  static List<FusedSource> sources(FusedProfile p) {
    List<FusedSource> out = new ArrayList<>();
    for (SourceSummary s : p.sources()) {
      out.add(FusedSource.of(s.name(), s.kind(), fileName(s), s.validTime(), s.timeOffsetS(),
          s.distanceKm(), s.bottomM(), s.topM(), sha256(Path.of(s.path())), s.metadata()));
    }
    return out;
  }

  /** The canonical atmos profile (IO's {@link AtmosProfile}) of a fused profile. */
  public static AtmosProfile atmosProfile(FusedProfile p) {
    List<ObjectNode> sources = new ArrayList<>();
    for (FusedSource s : sources(p)) {
      sources.add(Json.mapper().valueToTree(s.profileSource()));
    }
    AtmosMeta meta = new AtmosMeta(AtmosProfiles.SCHEMA_VERSION, p.profileTime(),
        new Location(p.latDeg(), p.lonDeg(), null, null),
        new TreeMap<>(AtmosProfiles.canonicalUnits()),
        Json.mapper().valueToTree(provenance(p)), sources,
        org.darkflight.io.geoid.HeightReference.MSL.json());
    List<ProfileLevel> levels = new ArrayList<>();
    for (FusedLevel l : p.levels()) {
      levels.add(new ProfileLevel(l.toAtmosLevel(), l.source(), l.qcFlags()));
    }
    return new AtmosProfile(meta, levels);
  }

  /** {@code wind_profile_compiled.json}. */
  public static WindProfileDocument windProfile(FusedProfile p, String eventId) {
    WindProfileDocument.Meta meta = new WindProfileDocument.Meta(SCHEMA_VERSION, eventId,
        p.profileTime(), WindProfileDocument.Location.of(p.latDeg(), p.lonDeg()), p.strategy(),
        p.gridSource(), WindProfileDocument.UNITS, provenance(p), sources(p));
    List<WindProfileDocument.Level> levels = new ArrayList<>();
    for (FusedLevel l : p.levels()) {
      double dir = SoundingUnits.directionFromDeg(l.windUMps(), l.windVMps());
      levels.add(new WindProfileDocument.Level(round(l.altitudeM(), 3), round(l.windUMps(), 4),
          round(l.windVMps(), 4), round(l.windWMps(), 4), round(l.sigmaUMps(), 4),
          round(l.sigmaVMps(), 4), round(Math.hypot(l.windUMps(), l.windVMps()), 4),
          round(dir >= 359.995 ? 0.0 : dir, 2), l.source(), l.qcFlags()));
    }
    return WindProfileDocument.of(meta, levels);
  }

  private static VerticalGridDocument.State state(FusedLevel l) {
    return new VerticalGridDocument.State(round(l.altitudeM(), 3),
        Json.roundedSignificant(l.pressurePa(), 7), round(l.temperatureK(), 4),
        Json.roundedSignificant(l.densityKgM3(), 7), round(l.windUMps(), 4),
        round(l.windVMps(), 4));
  }

  /** {@code vertical_grid.json}: the grid and the legacy slices, top-down. */
  public static VerticalGridDocument verticalGrid(FusedProfile p, String eventId) {
    VerticalGridDocument.Meta meta = new VerticalGridDocument.Meta(SCHEMA_VERSION, eventId,
        p.profileTime(), p.gridSource(), VerticalGridDocument.UNITS, provenance(p));
    List<FusedLevel> ls = p.levels();
    List<BigDecimal> altitudes = ls.stream().map(l -> round(l.altitudeM(), 3)).toList();
    List<VerticalGridDocument.Slice> slices = new ArrayList<>();
    int n = ls.size();
    for (int k = 0; k < n - 1; k++) {
      FusedLevel top = ls.get(n - 1 - k);
      FusedLevel bottom = ls.get(n - 2 - k);
      slices.add(new VerticalGridDocument.Slice(k, round(top.altitudeM(), 3),
          round(bottom.altitudeM(), 3), round(top.altitudeM() - bottom.altitudeM(), 3),
          state(top), state(bottom)));
    }
    return VerticalGridDocument.of(meta, altitudes, slices);
  }

  /** {@code atmos_qc.json}. */
  public static AtmosQcDocument qc(FusedProfile p, String eventId) {
    AtmosQcDocument.Meta meta = new AtmosQcDocument.Meta(SCHEMA_VERSION, eventId,
        p.profileTime(), provenance(p));
    List<AtmosQcDocument.Annotation> notes = new ArrayList<>();
    for (QcAnnotation a : p.annotations()) {
      notes.add(new AtmosQcDocument.Annotation(a.code(), a.severity(),
          round(a.altitudeMinM(), 3), round(a.altitudeMaxM(), 3), a.source(), a.message()));
    }
    return AtmosQcDocument.of(meta, p.hasWarnings(), notes);
  }

  /**
   * Builds, validates and writes all four artifacts into {@code dir}.
   *
   * @return the paths written
   * @throws IllegalStateException if a document fails its own schema (a bug; nothing written)
   */
  public static List<Path> writeAll(Path dir, FusedProfile p, String eventId) throws IOException {
    return FusedAtmosFiles.writeAll(dir, atmosProfile(p), windProfile(p, eventId),
        verticalGrid(p, eventId), qc(p, eventId));
  }

  private static String fileName(SourceSummary s) {
    return Path.of(s.path()).getFileName().toString();
  }

  private static BigDecimal round(double v, int decimals) {
    return Json.roundedDecimal(v, decimals);
  }

  /** SHA-256 of a source file, or null when it cannot be read (then it is not listed). */
  private static String sha256(Path file) {
    try {
      return org.darkflight.io.Hashing.sha256Hex(file);
    } catch (IOException e) {
      return null;
    }
  }
}
