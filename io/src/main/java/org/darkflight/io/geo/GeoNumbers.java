package org.darkflight.io.geo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Locale-free, exponent-free number text for the geospatial outputs, identical on every JVM.
 *
 * <p>Rounding is done in IEEE 754 double arithmetic, which Java 17 evaluates strictly (JEP 306):
 * the value is multiplied or divided by an exactly representable power of ten and rounded
 * half-even with {@link Math#rint}; the digits are then printed from a {@code long}. No
 * {@code Double.toString} (its shortest-digit output changed in JDK 19), no {@code String.format}
 * (locale) and no platform-dependent math enters the digits. This is about 10× faster than
 * {@link BigDecimal} formatting, which matters for million-point GeoJSON; values whose decimal
 * exponent is outside [-14, 30] take a {@link BigDecimal} path.
 */
public final class GeoNumbers {

  /** Significant digits of every non-coordinate quantity (mass, speed, energy, axes...). */
  public static final int QUANTITY_SIGNIFICANT_DIGITS = 9;

  private static final MathContext QUANTITY = new MathContext(QUANTITY_SIGNIFICANT_DIGITS,
      RoundingMode.HALF_EVEN);
  /** 10^0 .. 10^22, all exactly representable as doubles. */
  private static final double[] POW10 = new double[23];
  private static final double LOW = 1e8;
  private static final double HIGH = 1e9;

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private GeoNumbers() {}

  /**
   * A latitude or longitude with exactly {@code decimals} (0..9) decimals, half-even rounding of
   * {@code degrees·10^decimals}, e.g. {@code coordinate(-0.1234567, 6) = "-0.123457"}; never
   * {@code "-0.000000"}.
   */
  public static String coordinate(double degrees, int decimals) {
    Checks.finite("coordinate", degrees);
    if (decimals < 0 || decimals > 9) {
      throw new IllegalArgumentException("decimals must be in [0, 9], got " + decimals);
    }
    if (Math.abs(degrees) > 1e6) {
      return new BigDecimal(degrees).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }
    long scaled = (long) Math.rint(degrees * POW10[decimals]);
    return fixed(scaled, decimals);
  }

  /**
   * A physical quantity rounded to {@value #QUANTITY_SIGNIFICANT_DIGITS} significant digits,
   * trailing zeros removed, plain notation: {@code 1.0E-4 → "0.0001"}, {@code 1.0E7 → "10000000"}.
   */
  public static String quantity(double value) {
    Checks.finite("quantity", value);
    if (value == 0) {
      return "0";
    }
    double abs = Math.abs(value);
    // Decimal exponent e with 10^e <= |value| < 10^(e+1); log10 is only a first guess, the
    // exact-power checks below decide.
    int e = (int) Math.floor(Math.log10(abs));
    if (e < -14 || e > 30) {
      return slowQuantity(value);
    }
    double scaled = scale(abs, 8 - e);
    if (scaled >= HIGH) {
      e++;
      scaled = scale(abs, 8 - e);
    } else if (scaled < LOW) {
      e--;
      scaled = scale(abs, 8 - e);
    }
    long digits = (long) Math.rint(scaled);
    if (digits >= (long) HIGH) {
      digits /= 10;
      e++;
    }
    if (digits < (long) LOW || digits >= (long) HIGH) {
      return slowQuantity(value);
    }
    // value = ±digits · 10^(e-8)
    int decimals = 8 - e;
    String text;
    if (decimals <= 0) {
      text = Long.toString(digits) + "0".repeat(-decimals);
    } else {
      while (decimals > 0 && digits % 10 == 0) {
        digits /= 10;
        decimals--;
      }
      text = fixed(digits, decimals);
    }
    return value < 0 ? "-" + text : text;
  }

  /** Multiplies (k &gt; 0) or divides (k &lt; 0) by 10^|k| using exact powers of ten. */
  private static double scale(double x, int k) {
    if (k >= 0) {
      return k < POW10.length ? x * POW10[k] : x * POW10[22] * POW10[k - 22];
    }
    return -k < POW10.length ? x / POW10[-k] : x / POW10[22] / POW10[-k - 22];
  }

  private static String slowQuantity(double value) {
    return new BigDecimal(value).round(QUANTITY).stripTrailingZeros().toPlainString();
  }

  /** {@code scaled · 10^-decimals} with exactly {@code decimals} decimals; no negative zero. */
  private static String fixed(long scaled, int decimals) {
    boolean negative = scaled < 0;
    String digits = Long.toString(Math.abs(scaled));
    if (decimals == 0) {
      return (negative ? "-" : "") + digits;
    }
    if (digits.length() <= decimals) {
      digits = "0".repeat(decimals - digits.length() + 1) + digits;
    }
    int point = digits.length() - decimals;
    StringBuilder s = new StringBuilder(digits.length() + 2);
    if (negative) {
      s.append('-');
    }
    return s.append(digits, 0, point).append('.').append(digits, point, digits.length())
        .toString();
  }
}
