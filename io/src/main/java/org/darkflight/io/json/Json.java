package org.darkflight.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The one strictly configured Jackson {@link ObjectMapper} of the project, and the canonical
 * writer for deterministic output.
 *
 * <p>Reading is strict: duplicate object keys, trailing tokens after the root value and the
 * non-standard {@code NaN}/{@code Infinity} literals are errors; unknown properties are errors
 * when binding to classes; {@code null} for a primitive is an error; floats keep full precision
 * ({@code BigDecimal}) so that nothing is silently rounded before validation. {@code java.time}
 * values (ISO-8601 strings) are supported.
 *
 * <p>Writing ({@link #canonicalWriter()}) is deterministic: object keys sorted (map entries, POJO
 * properties and {@link JsonNode} trees), two-space indent, {@code \n} line ends on every platform,
 * {@code BigDecimal} written as plain decimals, instants as ISO-8601 strings, and a final newline
 * ({@link #toCanonicalBytes(Object)}). Use {@link #roundedDecimal(double, int)} to fix the number
 * of decimals of a value (e.g. 6 for WGS84 coordinates, docs/outputs.md).
 *
 * <p>The mapper and writers are immutable and thread-safe; share them.
 */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
      .addModule(new JavaTimeModule())
      .build();

  private static final DefaultPrettyPrinter PRETTY;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  private static final ObjectWriter CANONICAL = MAPPER.writer(PRETTY)
      .with(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** The shared strict mapper (read JSON, bind records, build trees). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The canonical writer: sorted keys, two-space indent, {@code \n} line ends. */
  public static ObjectWriter canonicalWriter() {
    return CANONICAL;
  }

  /**
   * Serialises {@code value} canonically, as UTF-8 with a trailing newline. Same value, same bytes.
   *
   * @throws IOException when Jackson cannot serialise the value
   */
  public static byte[] toCanonicalBytes(Object value) throws IOException {
    String text = CANONICAL.writeValueAsString(value);
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical text of {@code value}, with a trailing newline. */
  public static String toCanonicalString(Object value) throws IOException {
    return CANONICAL.writeValueAsString(value) + "\n";
  }

  /**
   * {@code value} rounded half-up to a fixed number of decimals, as a {@link BigDecimal} that the
   * canonical writer prints with exactly that many decimals (e.g. {@code 41.5}, 6 →
   * {@code 41.500000}). Rounding starts from the exact binary value of the double, so the result
   * is the same on every JVM.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite, or decimals &lt; 0
   */
  public static BigDecimal roundedDecimal(double value, int decimals) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("cannot write a non-finite number: " + value);
    }
    if (decimals < 0) {
      throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
    }
    // new BigDecimal(double) is the exact binary value: no dependence on Double.toString, whose
    // output changed in JDK 19 (JDK-4511638).
    BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP);
    // Avoid "-0.000000": a negative zero reads back as the same number but differs as text.
    return rounded.signum() == 0 ? BigDecimal.ZERO.setScale(decimals) : rounded;
  }

  /**
   * {@code value} rounded half-up to {@code digits} significant digits, trailing zeros dropped,
   * written without exponent (e.g. 0.0000123456789, 4 → {@code 0.00001235}); for quantities spanning many decades such as
   * pressure or density aloft.
   *
   * @throws IllegalArgumentException if {@code value} is NaN or infinite, or digits &lt; 1
   */
  public static BigDecimal roundedSignificant(double value, int digits) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("cannot write a non-finite number: " + value);
    }
    if (digits < 1) {
      throw new IllegalArgumentException("digits must be >= 1, got " + digits);
    }
    if (value == 0.0) {
      return BigDecimal.ZERO;
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP))
        .stripTrailingZeros();
    // Keep integers readable as plain numbers: 101300, not 1.013E+5. Trailing zeros are stripped
    // so that the text is the same whichever double (56779.99999999999 or 56780) rounds to it.
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }

  /** {@link #roundedSignificant(double, int)} as a tree node. */
  public static DecimalNode significantNode(double value, int digits) {
    return DecimalNode.valueOf(roundedSignificant(value, digits));
  }

  /** {@link #roundedDecimal(double, int)} as a tree node. */
  public static DecimalNode roundedNode(double value, int decimals) {
    // DecimalNode.valueOf keeps the scale (the node factory would strip trailing zeros).
    return DecimalNode.valueOf(roundedDecimal(value, decimals));
  }
}
