package org.darkflight.io.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.json.DeclaredOrderJson;

/**
 * {@code ensemble_manifest.json} (schema {@code schemas/ensemble_manifest.schema.json},
 * docs/ensemble.md): the sampling settings of a run and one row per sample with its draws, its
 * substream seed and whether it landed.
 *
 * <p>Layout: one line of settings, then one row per line (so that a million rows can be read
 * and diffed line by line), keys in the order declared here. {@code rows} is iterated once while
 * writing — the writer regenerates them from (seed, index) — so they never sit in memory.
 *
 * @param schema                     {@link #SCHEMA_ID}
 * @param eventId                    the event
 * @param mode                       {@code monte_carlo} or {@code mass_grid}
 * @param samples                    samples of the run (count)
 * @param randomSeed                 the ensemble's random seed, a signed 64-bit integer as decimal
 *                                   text (a JSON number would lose digits in readers that hold
 *                                   numbers as doubles, such as JavaScript; see {@link #seed})
 * @param sampling                   sampling strategy
 * @param rng                        the random number generator and how substreams are derived
 * @param parameters                 the uncertain parameters, in the order of the draws
 * @param windPerturbationSigmaScale scale of the per-level wind perturbation (1)
 * @param fragments                  fragment ids in canonical order (sample i uses i mod F)
 * @param landed                     samples that landed (count)
 * @param failed                     samples that failed (count)
 * @param rows                       one row per sample, in index order
 */
public record EnsembleManifestDocument(
    @JsonProperty("$schema") String schema,
    @JsonProperty("meta") org.darkflight.io.meta.CanonicalMeta meta,
    @JsonProperty("event_id") String eventId,
    @JsonProperty("mode") String mode,
    @JsonProperty("samples") long samples,
    @JsonProperty("random_seed") String randomSeed,
    @JsonProperty("sampling") String sampling,
    @JsonProperty("rng") Rng rng,
    @JsonProperty("parameters") List<String> parameters,
    @JsonProperty("wind_perturbation_sigma_scale") double windPerturbationSigmaScale,
    @JsonProperty("fragments") List<String> fragments,
    @JsonProperty("landed") long landed,
    @JsonProperty("failed") long failed,
    @JsonProperty("rows") @JsonSerialize(using = RowLines.class) Iterable<Row> rows) {

  /** File name. */
  public static final String FILE = "ensemble_manifest.json";
  /** Schema name. */
  public static final String SCHEMA = "ensemble_manifest";
  /** Schema {@code $id}. */
  public static final String SCHEMA_ID =
      "https://darkflight.org/schemas/ensemble_manifest.schema.json";

  public EnsembleManifestDocument {
    seed(randomSeed);
    parameters = List.copyOf(parameters);
    fragments = List.copyOf(fragments);
  }

  /** A seed as written: its decimal text (signed 64-bit). */
  public static String seedText(long seed) {
    return Long.toString(seed);
  }

  /**
   * A seed as read back: the decimal text of a signed 64-bit integer.
   *
   * @throws IllegalArgumentException when it is not one
   */
  public static long seed(String text) {
    if (text == null || !text.matches("-?[0-9]{1,19}")) {
      throw new IllegalArgumentException("a seed is the decimal text of a signed 64-bit "
          + "integer, got " + text);
    }
    return Long.parseLong(text);
  }

  /** {@link #randomSeed()} as a number. */
  public long randomSeedValue() {
    return seed(randomSeed);
  }

  /**
   * The generator behind the draws.
   *
   * @param library   library and version
   * @param generator algorithm
   * @param substream how each sample's generator state is derived
   */
  public record Rng(
      @JsonProperty("library") String library,
      @JsonProperty("generator") String generator,
      @JsonProperty("substream") String substream) {}

  /**
   * One sample.
   *
   * @param index               sample index
   * @param fragmentId          its fragment
   * @param substreamSeed       first word of the sample's generator state, as decimal text
   *                            (see {@link EnsembleManifestDocument#seed})
   * @param status              {@code landed} or {@code failed}
   * @param failureReason       why it failed, or null when it landed
   * @param draws               parameter → drawn value (in the parameter's unit), in
   *                            {@code parameters} order
   * @param windPerturbationMps (du0, dv0, du1, dv1, …) per profile level, m/s; empty when off
   */
  public record Row(
      @JsonProperty("index") long index,
      @JsonProperty("fragment_id") String fragmentId,
      @JsonProperty("substream_seed") String substreamSeed,
      @JsonProperty("status") String status,
      @JsonProperty("failure_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
      String failureReason,
      @JsonProperty("draws") Map<String, Double> draws,
      @JsonProperty("wind_perturbation_mps") @JsonInclude(JsonInclude.Include.NON_EMPTY)
      List<Double> windPerturbationMps) {

    public Row {
      seed(substreamSeed);
      draws = new LinkedHashMap<>(draws);
      windPerturbationMps = windPerturbationMps == null ? List.of()
          : List.copyOf(windPerturbationMps);
    }

    /** {@link #substreamSeed()} as a number. */
    public long substreamSeedValue() {
      return seed(substreamSeed);
    }
  }

  /** Writes the document atomically, rows streamed one per line. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, out -> {
      DeclaredOrderJson.compactWriter().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, this);
      out.write("\n".getBytes(StandardCharsets.UTF_8));
    });
  }

  /** Writes {@code rows} as an array with each row on its own line. */
  static final class RowLines extends StdSerializer<Iterable<Row>> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("unchecked")
    RowLines() {
      super((Class<Iterable<Row>>) (Class<?>) Iterable.class);
    }

    @Override
    public void serialize(Iterable<Row> rows, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeStartArray();
      for (Row r : rows) {
        g.writeRaw('\n');
        provider.defaultSerializeValue(r, g);
      }
      g.writeRaw('\n');
      g.writeEndArray();
    }
  }
}
