package org.darkflight.pipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.darkflight.io.meta.CanonicalMeta;
import org.darkflight.io.run.EnsembleManifestDocument;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.analysis.sampling.Substreams;

/**
 * Writes {@code ensemble_manifest.json} ({@link EnsembleManifestDocument}, schema
 * {@code schemas/ensemble_manifest.schema.json}):
 * the run's sampling settings and one row per sample with its draws, its substream seed and
 * whether it landed. Rows are regenerated from (seed, index) — the same pure function the
 * pipeline used — and streamed one at a time, one row per line, so a million samples never sit
 * in memory.
 */
public final class EnsembleManifestWriter {

  /** File name. */
  public static final String FILE = EnsembleManifestDocument.FILE;
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID = EnsembleManifestDocument.SCHEMA_ID;
  /** Version of the schema, written as {@code meta.schema_version}. */
  public static final String SCHEMA_VERSION = "1.2.0";
  /** {@code meta.product}. */
  public static final String PRODUCT = "ensemble_manifest";

  private EnsembleManifestWriter() {}

  /**
   * @param failures failed samples, sorted by index
   */
  public static void write(Path target, CanonicalMeta meta, SampleFactory factory,
      List<SampleFailure> failures) throws IOException {
    document(meta, factory, failures).write(target);
  }

  /**
   * The document; its rows are regenerated from (seed, index) each time they are iterated.
   *
   * @param failures failed samples, sorted by index
   */
  public static EnsembleManifestDocument document(CanonicalMeta meta, SampleFactory factory,
      List<SampleFailure> failures) {
    String eventId = meta.eventId();
    EnsembleConfig c = factory.config();
    List<UncertainParameter> params = List.copyOf(c.distributions().keySet());
    List<String> fragments = new ArrayList<>();
    for (int f = 0; f < factory.nominal().fragmentCount(); f++) {
      fragments.add(factory.nominal().fragmentId(f));
    }
    return new EnsembleManifestDocument(SCHEMA_ID, meta, eventId,
        c.mode().name().toLowerCase(Locale.ROOT), c.samples(),
        EnsembleManifestDocument.seedText(c.randomSeed()), c.sampling(),
        new EnsembleManifestDocument.Rng("Apache Commons RNG 1.6", "XO_RO_SHI_RO_128_PP",
            "state = SplitMix64 rounds of (random_seed, sample index); see docs/ensemble.md"),
        params.stream().map(UncertainParameter::jsonName).toList(),
        c.windPerturbationSigmaScale(), fragments, c.samples() - failures.size(),
        failures.size(), () -> rows(factory, params, failures));
  }

  /** The rows in index order, one sample regenerated at a time. */
  private static Iterator<EnsembleManifestDocument.Row> rows(SampleFactory factory,
      List<UncertainParameter> params, List<SampleFailure> failures) {
    EnsembleConfig c = factory.config();
    Iterator<SampleFailure> fit = failures.iterator();
    return new Iterator<>() {
      private long i;
      private SampleFailure nextFailure = fit.hasNext() ? fit.next() : null;

      @Override
      public boolean hasNext() {
        return i < c.samples();
      }

      @Override
      public EnsembleManifestDocument.Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        EnsembleSample s = factory.sample(i);
        String reason = null;
        if (nextFailure != null && nextFailure.getIndex() == i) {
          reason = nextFailure.getReason();
          nextFailure = fit.hasNext() ? fit.next() : null;
        }
        Map<String, Double> draws = new LinkedHashMap<>();
        for (UncertainParameter p : params) {
          draws.put(p.jsonName(), value(s, p));
        }
        EnsembleManifestDocument.Row row = new EnsembleManifestDocument.Row(i,
            s.getFragmentId(),
            EnsembleManifestDocument.seedText(Substreams.substreamSeed(c.randomSeed(), i)),
            reason == null ? "landed" : "failed", reason, draws, s.getWindPerturbationMps());
        i++;
        return row;
      }
    };
  }

  /** The drawn value of a parameter in a sample. */
  static double value(EnsembleSample s, UncertainParameter p) {
    return switch (p) {
      case MASS_KG -> s.getMassKg();
      case DENSITY_KGM3 -> s.getDensityKgM3();
      case CD -> s.getCd();
      case SHAPE_FACTOR -> s.getShapeFactor();
      case LAT -> s.getLatitudeDeg();
      case LON -> s.getLongitudeDeg();
      case ALTITUDE_M -> s.getAltitudeM();
      case SPEED_MPS -> s.getSpeedMps();
      case AZIMUTH_DEG -> s.getAzimuthDeg();
      case ELEVATION_DEG -> s.getElevationDeg();
      case WIND_SCALE -> s.getWindScale();
    };
  }
}
