package org.darkflight.io.geoid;

import org.darkflight.io.InputException;

/**
 * What an input height is measured from. The spec (§4.1) gives heights above mean sea level;
 * fireball networks such as the DFN publish heights above the WGS84 ellipsoid, which a file marks
 * with {@code "height_reference": "ellipsoid"}.
 */
public enum HeightReference {
  /** Height above mean sea level, taken as the EGM96 geoid (orthometric height H). */
  MSL("msl", "mean sea level (EGM96 geoid)"),
  /** Height above the WGS84 ellipsoid (h). */
  ELLIPSOID("ellipsoid", "WGS84 ellipsoid");

  private final String json;
  private final String description;

  HeightReference(String json, String description) {
    this.json = json;
    this.description = description;
  }

  /** The JSON value, {@code msl} or {@code ellipsoid}. */
  public String json() {
    return json;
  }

  /** Words for artifacts and messages. */
  public String description() {
    return description;
  }

  /**
   * Parses a file's {@code height_reference}; absent (null) means {@link #MSL}.
   *
   * @throws InputException naming file and field for any other value
   */
  public static HeightReference parse(String value, String file, String field)
      throws InputException {
    if (value == null) {
      return MSL;
    }
    for (HeightReference r : values()) {
      if (r.json.equals(value)) {
        return r;
      }
    }
    throw new InputException(file, field, "height_reference must be \"msl\" or \"ellipsoid\", got"
        + " \"" + value + "\"");
  }

  /** The reference a schema-valid value names; null means {@link #MSL}. */
  public static HeightReference of(String value) {
    if (value == null) {
      return MSL;
    }
    for (HeightReference r : values()) {
      if (r.json.equals(value)) {
        return r;
      }
    }
    throw new IllegalArgumentException("height_reference must be \"msl\" or \"ellipsoid\", got "
        + "\"" + value + "\"");
  }

  /**
   * The ellipsoidal height of a height given in this reference at a place.
   *
   * @param heightM      the height as given, m
   * @param latitudeDeg  latitude, degrees
   * @param longitudeDeg longitude, degrees east
   */
  public double toEllipsoidM(double heightM, double latitudeDeg, double longitudeDeg) {
    return this == ELLIPSOID ? heightM : heightM + Egm96.undulationM(latitudeDeg, longitudeDeg);
  }

  /**
   * A height given in this reference, measured in {@code target} instead at the same place:
   * unchanged when both are the same, H + N from mean sea level to the ellipsoid, h − N back.
   *
   * @param heightM      the height as given, m
   * @param target       the reference to measure it in
   * @param latitudeDeg  latitude, degrees
   * @param longitudeDeg longitude, degrees east
   */
  public double toReferenceM(double heightM, HeightReference target, double latitudeDeg,
      double longitudeDeg) {
    if (this == target) {
      return heightM;
    }
    double n = Egm96.undulationM(latitudeDeg, longitudeDeg);
    return target == ELLIPSOID ? heightM + n : heightM - n;
  }
}
