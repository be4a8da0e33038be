package org.darkflight.io.geo;

/** Argument checks shared by the records of this package; messages name the field in snake_case. */
final class Checks {

  private Checks() {}

  /** A non-empty string that is well-formed UTF-16 (no unpaired surrogate, so it encodes). */
  static String text(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " must be a non-empty string");
    }
    return wellFormed(field, value);
  }

  /** A string (possibly empty) that is well-formed UTF-16. */
  static String wellFormed(String field, String value) {
    present(field, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            field + " has an unpaired UTF-16 surrogate at index " + i);
      }
    }
    return value;
  }

  static <T> T present(String field, T value) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must be given");
    }
    return value;
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number, got " + value);
    }
    return value;
  }

  static double range(String field, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw new IllegalArgumentException(
          field + " must be a finite number in [" + min + ", " + max + "], got " + value);
    }
    return value;
  }

  static double positive(String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  static double nonNegative(String field, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
    }
    return value;
  }

  static double latitude(String field, double value) {
    return range(field, value, -90, 90);
  }

  /** Checks a longitude in [-180, 360] and normalises it to (-180, 180]. */
  static double longitude(String field, double value) {
    range(field, value, -180, 360);
    return normaliseLongitudeDeg(value);
  }

  /** Maps a longitude in degrees onto (-180, 180]. */
  static double normaliseLongitudeDeg(double lonDeg) {
    // exact reduction of a far value first, so the loops run at most once (an infinite value
    // becomes NaN instead of looping for ever)
    double lon = Math.abs(lonDeg) > 540 ? lonDeg % 360.0 : lonDeg;
    while (lon > 180) {
      lon -= 360;
    }
    while (lon <= -180) {
      lon += 360;
    }
    return lon;
  }
}
