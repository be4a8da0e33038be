package org.darkflight.io.table;

import java.util.Objects;

/**
 * One row of the per-sample analysis table ({@link SampleTable#COLUMNS}): a sample's draws
 * joined to its landing, or to its failure.
 *
 * @param index          sample index
 * @param fragmentId     its fragment
 * @param substreamSeed  first word of its generator state
 * @param draws          what the sample started with
 * @param landing        where and how it landed, or null when it failed
 * @param failure        why it failed, or null when it landed
 */
public record SampleRow(long index, String fragmentId, long substreamSeed, Draws draws,
    Landing landing, Failure failure) {

  /** Status of a landed sample. */
  public static final String LANDED = "landed";
  /** Status of a failed sample. */
  public static final String FAILED = "failed";

  public SampleRow {
    Objects.requireNonNull(fragmentId, "fragmentId");
    Objects.requireNonNull(draws, "draws");
    if ((landing == null) == (failure == null)) {
      throw new IllegalArgumentException("sample " + index
          + ": a row has a landing or a failure, not both or neither");
    }
  }

  /**
   * The sample's inputs (drawn or nominal), in the units of their names.
   *
   * @param massKg           initial mass, kg
   * @param densityKgM3      bulk density, kg/m³
   * @param cd               drag coefficient as drawn
   * @param shapeFactor      shape factor
   * @param startLatitudeDeg luminous-end latitude, degrees
   * @param startLongitudeDeg luminous-end longitude, degrees
   * @param startAltitudeM   luminous-end height, m
   * @param startSpeedMps    luminous-end speed, m/s
   * @param startAzimuthDeg  luminous-end azimuth, degrees
   * @param startElevationDeg luminous-end descent angle, degrees
   * @param windScale        multiplier on the profile wind
   */
  public record Draws(double massKg, double densityKgM3, double cd, double shapeFactor,
      double startLatitudeDeg, double startLongitudeDeg, double startAltitudeM,
      double startSpeedMps, double startAzimuthDeg, double startElevationDeg,
      double windScale) {}

  /**
   * A landing, in the units of the column names of {@link SampleTable#COLUMNS}.
   *
   * @param massClass        mass class label
   * @param massClassIndex   mass class index
   * @param latitudeDeg      landing latitude, degrees
   * @param longitudeDeg     landing longitude, degrees
   * @param heightM          ground height, m
   * @param massFinalKg      mass at impact, kg
   * @param impactSpeedMps   impact speed, m/s
   * @param impactEnergyJ    impact energy, J
   * @param terminalVelocityMps terminal velocity, m/s
   * @param fallTimeS        fall time, s
   * @param cdEffective      drag coefficient flown
   * @param ballisticCoefficientKgM2 ballistic coefficient at impact, kg/m²
   * @param eastM            east offset, m
   * @param northM           north offset, m
   * @param driftDistanceM   drift distance, m
   * @param driftBearingDeg  drift bearing, degrees
   */
  public record Landing(String massClass, int massClassIndex, double latitudeDeg,
      double longitudeDeg, double heightM, double massFinalKg, double impactSpeedMps,
      double impactEnergyJ, double terminalVelocityMps, double fallTimeS, double cdEffective,
      double ballisticCoefficientKgM2, double eastM, double northM, double driftDistanceM,
      double driftBearingDeg) {}

  /**
   * A failure.
   *
   * @param reason  why (a reason code, docs/outputs.md)
   * @param message the failure in words
   * @param timeS   time after the luminous end at which it failed, s, or NaN when unknown
   */
  public record Failure(String reason, String message, double timeS) {}

  /** {@link #LANDED} or {@link #FAILED}. */
  public String status() {
    return landing != null ? LANDED : FAILED;
  }

  /**
   * The values in {@link SampleTable#COLUMNS} order: Long, Integer, Double or String, null when
   * absent (a NaN is written as absent).
   */
  public Object[] values() {
    Landing l = landing;
    Failure f = failure;
    boolean landed = l != null;
    return new Object[] {
        index, fragmentId, substreamSeed, status(),
        f == null ? null : f.reason(),
        f == null ? null : f.message(),
        f == null ? null : finite(f.timeS()),
        landed ? l.massClass() : null,
        landed ? Integer.valueOf(l.massClassIndex()) : null,
        draws.massKg(), draws.densityKgM3(), finite(draws.cd()), draws.shapeFactor(),
        draws.startLatitudeDeg(), draws.startLongitudeDeg(), draws.startAltitudeM(),
        draws.startSpeedMps(), draws.startAzimuthDeg(), draws.startElevationDeg(),
        draws.windScale(),
        landed ? finite(l.latitudeDeg()) : null,
        landed ? finite(l.longitudeDeg()) : null,
        landed ? finite(l.heightM()) : null,
        landed ? finite(l.massFinalKg()) : null,
        landed ? finite(l.impactSpeedMps()) : null,
        landed ? finite(l.impactEnergyJ()) : null,
        landed ? finite(l.terminalVelocityMps()) : null,
        landed ? finite(l.fallTimeS()) : null,
        landed ? finite(l.cdEffective()) : null,
        landed ? finite(l.ballisticCoefficientKgM2()) : null,
        landed ? finite(l.eastM()) : null,
        landed ? finite(l.northM()) : null,
        landed ? finite(l.driftDistanceM()) : null,
        landed ? finite(l.driftBearingDeg()) : null};
  }

  /** The value, or null when not finite. */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
