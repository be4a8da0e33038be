package org.darkflight.pipeline.run;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.darkflight.io.AtomicFiles;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.darkflight.analysis.ensemble.UncertainParameter;
import org.darkflight.transforms.integrate.SampleFailure;
import org.darkflight.analysis.sampling.EnsembleSample;
import org.darkflight.analysis.sampling.SampleFactory;
import org.darkflight.analysis.sampling.Substreams;

/**
 * Writes {@code ensemble_manifest.json} (schema {@code schemas/ensemble_manifest.schema.json}):
 * the run's sampling settings and one row per sample with its draws, its substream seed and
 * whether it landed. Rows are regenerated from (seed, index) — the same pure function the
 * pipeline used — and streamed one at a time, one row per line, so a million samples never sit
 * in memory.
 */
public final class EnsembleManifestWriter {

  /** File name. */
  public static final String FILE = "ensemble_manifest.json";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/ensemble_manifest.schema.json";

  private EnsembleManifestWriter() {}

  /**
   * @param failures failed samples, sorted by index
   */
  public static void write(Path target, String eventId, SampleFactory factory,
      List<SampleFailure> failures) throws IOException {
    EnsembleConfig c = factory.config();
    List<UncertainParameter> params = List.copyOf(c.distributions().keySet());
    AtomicFiles.write(target, out -> {
      JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA_ID);
      g.writeStringField("event_id", eventId);
      g.writeStringField("mode", c.mode().name().toLowerCase(Locale.ROOT));
      g.writeNumberField("samples", c.samples());
      g.writeNumberField("random_seed", c.randomSeed());
      g.writeStringField("sampling", c.sampling());
      g.writeObjectFieldStart("rng");
      g.writeStringField("library", "Apache Commons RNG 1.6");
      g.writeStringField("generator", "XO_RO_SHI_RO_128_PP");
      g.writeStringField("substream",
          "state = SplitMix64 rounds of (random_seed, sample index); see docs/ensemble.md");
      g.writeEndObject();
      g.writeArrayFieldStart("parameters");
      for (UncertainParameter p : params) {
        g.writeString(p.jsonName());
      }
      g.writeEndArray();
      g.writeNumberField("wind_perturbation_sigma_scale", c.windPerturbationSigmaScale());
      g.writeArrayFieldStart("fragments");
      for (int f = 0; f < factory.nominal().fragmentCount(); f++) {
        g.writeString(factory.nominal().fragmentId(f));
      }
      g.writeEndArray();
      g.writeNumberField("landed", c.samples() - failures.size());
      g.writeNumberField("failed", failures.size());
      g.writeFieldName("rows");
      g.writeStartArray();
      Iterator<SampleFailure> fit = failures.iterator();
      SampleFailure nextFailure = fit.hasNext() ? fit.next() : null;
      for (long i = 0; i < c.samples(); i++) {
        EnsembleSample s = factory.sample(i);
        g.writeRaw('\n');
        g.writeStartObject();
        g.writeNumberField("index", i);
        g.writeStringField("fragment_id", s.getFragmentId());
        g.writeNumberField("substream_seed", Substreams.substreamSeed(c.randomSeed(), i));
        if (nextFailure != null && nextFailure.getIndex() == i) {
          g.writeStringField("status", "failed");
          g.writeStringField("failure_reason", nextFailure.getReason());
          nextFailure = fit.hasNext() ? fit.next() : null;
        } else {
          g.writeStringField("status", "landed");
        }
        g.writeObjectFieldStart("draws");
        for (UncertainParameter p : params) {
          g.writeNumberField(p.jsonName(), value(s, p));
        }
        g.writeEndObject();
        if (!s.getWindPerturbationMps().isEmpty()) {
          g.writeArrayFieldStart("wind_perturbation_mps");
          for (double d : s.getWindPerturbationMps()) {
            g.writeNumber(d);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
      }
      g.writeRaw('\n');
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.flush();
    });
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
