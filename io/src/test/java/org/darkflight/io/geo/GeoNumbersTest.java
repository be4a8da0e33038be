package org.darkflight.io.geo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GeoNumbersTest {

  @Test
  void coordinatesHaveExactlyTheRequestedDecimals() {
    assertThat(GeoNumbers.coordinate(46.1234567, 6), equalTo("46.123457"));
    assertThat(GeoNumbers.coordinate(46.1234567, 5), equalTo("46.12346"));
    assertThat(GeoNumbers.coordinate(7.0, 6), equalTo("7.000000"));
    assertThat(GeoNumbers.coordinate(-179.9999999, 6), equalTo("-180.000000"));
  }

  @Test
  void tinyNegativeCoordinateIsNotNegativeZero() {
    assertThat(GeoNumbers.coordinate(-1e-9, 6), equalTo("0.000000"));
    assertThat(GeoNumbers.coordinate(-0.0, 5), equalTo("0.00000"));
  }

  @Test
  void quantitiesNeverUseExponents() {
    assertThat(GeoNumbers.quantity(1.0e-4), equalTo("0.0001"));
    assertThat(GeoNumbers.quantity(1.0e7), equalTo("10000000"));
    assertThat(GeoNumbers.quantity(123456789012.0), equalTo("123456789000"));
    assertThat(GeoNumbers.quantity(0.1), equalTo("0.1"));
    assertThat(GeoNumbers.quantity(-2.5), equalTo("-2.5"));
    assertThat(GeoNumbers.quantity(0.0), equalTo("0"));
    assertThat(GeoNumbers.quantity(-0.0), equalTo("0"));
  }

  @Test
  void formattingIgnoresTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(GeoNumbers.coordinate(1.5, 6), equalTo("1.500000"));
      assertThat(GeoNumbers.quantity(1234.5), equalTo("1234.5"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> GeoNumbers.quantity(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> GeoNumbers.coordinate(Double.POSITIVE_INFINITY, 6));
  }

  @Property(tries = 300)
  void coordinateTextIsWithinHalfAUnitOfTheLastDecimal(
      @ForAll @DoubleRange(min = -180, max = 180) double deg) {
    String text = GeoNumbers.coordinate(deg, 6);
    assertThat(text.matches("-?[0-9]{1,3}\\.[0-9]{6}"), equalTo(true));
    assertThat(Math.abs(Double.parseDouble(text) - deg) <= 0.5e-6 + 1e-12, equalTo(true));
  }

  @Test
  void quantityRoundsAtTheNinthDigit() {
    assertThat(GeoNumbers.quantity(1.23456789449), equalTo("1.23456789"));
    assertThat(GeoNumbers.quantity(9.999999999), equalTo("10"));
    assertThat(GeoNumbers.quantity(0.0009999999999), equalTo("0.001"));
    assertThat(GeoNumbers.quantity(1e-20), equalTo("0.00000000000000000001"));
    assertThat(GeoNumbers.quantity(1.5e35), equalTo("150000000000000000000000000000000000"));
  }

  @Property(tries = 500)
  void quantityAgreesWithBigDecimalRounding(
      @ForAll @DoubleRange(min = 1, max = 10) double mantissa,
      @ForAll @IntRange(min = -14, max = 30) int exponent) {
    double x = mantissa * Math.pow(10, exponent);
    // Independent reference: exact decimal expansion rounded to 9 significant digits. The
    // double-arithmetic path may differ only when the value sits within 1e-15 (relative) of a
    // rounding tie; compare numerically with that slack.
    java.math.BigDecimal ref = new java.math.BigDecimal(x)
        .round(new java.math.MathContext(9, java.math.RoundingMode.HALF_EVEN));
    java.math.BigDecimal got = new java.math.BigDecimal(GeoNumbers.quantity(x));
    double diff = ref.subtract(got).abs().doubleValue();
    assertThat(diff == 0 || diff <= 1.0000001 * Math.ulp(ref.doubleValue()) * 1e7
        && isTie(x), equalTo(true));
  }

  private static boolean isTie(double x) {
    java.math.BigDecimal exact = new java.math.BigDecimal(x);
    java.math.BigDecimal up = exact.round(new java.math.MathContext(9,
        java.math.RoundingMode.UP));
    java.math.BigDecimal down = exact.round(new java.math.MathContext(9,
        java.math.RoundingMode.DOWN));
    java.math.BigDecimal mid = up.add(down).divide(java.math.BigDecimal.valueOf(2));
    return exact.subtract(mid).abs().compareTo(exact.abs().multiply(
        new java.math.BigDecimal("1e-15"))) <= 0;
  }

  @Property(tries = 300)
  void quantityKeepsNineSignificantDigits(
      @ForAll @DoubleRange(min = 1, max = 10) double mantissa,
      @ForAll @IntRange(min = -6, max = 12) int exponent) {
    double x = mantissa * Math.pow(10, exponent);
    String text = GeoNumbers.quantity(x);
    assertThat(text.contains("E") || text.contains("e"), equalTo(false));
    assertThat(Math.abs(Double.parseDouble(text) - x) <= 5e-9 * x, equalTo(true));
  }
}
