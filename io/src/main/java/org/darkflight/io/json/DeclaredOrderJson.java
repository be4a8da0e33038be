package org.darkflight.io.json;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The second layout of Darkflight's JSON artifacts: keys in the order the document record
 * declares them (map entries in insertion order), Jackson's default pretty printer
 * ({@code "key" : value}, two-space indent, arrays opened on the same line as {@code [ {}),
 * {@code \n} line ends, {@code NaN} written as the string {@code "NaN"}.
 *
 * <p>It is the layout the UQ and validation artifacts have always had ({@code
 * calibrated_params.json}, {@code calibration_narrowing.json}, {@code paired_comparison.json},
 * {@code sensitivity.json}, {@code validation_diff.json}, a validated {@code
 * output_manifest.json}) and, without the printer, the one-row-per-line {@code
 * ensemble_manifest.json}; it is kept so that those files stay byte-identical. New artifacts use
 * {@link Json#toCanonicalBytes(Object)} (sorted keys). The mapper is {@link Json#mapper()} with
 * only the ordering and the NaN spelling changed; it is immutable and thread-safe.
 */
public final class DeclaredOrderJson {

  private static final ObjectMapper MAPPER = ((JsonMapper) Json.mapper()).rebuild()
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();

  private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private static final ObjectWriter COMPACT = MAPPER.writer();

  private DeclaredOrderJson() {}

  /** {@code value} pretty-printed in declaration order, UTF-8, without a final newline. */
  public static byte[] toBytes(Object value) throws IOException {
    return PRETTY.writeValueAsBytes(value);
  }

  /** {@code value} pretty-printed in declaration order, UTF-8, with a final newline. */
  public static byte[] toBytesWithNewline(Object value) throws IOException {
    return (PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The writer without a pretty printer (one line), keys in declaration order. */
  public static ObjectWriter compactWriter() {
    return COMPACT;
  }
}
