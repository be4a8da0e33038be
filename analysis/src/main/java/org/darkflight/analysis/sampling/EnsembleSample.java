package org.darkflight.analysis.sampling;

import com.google.auto.value.AutoValue;
import java.util.List;

/**
 * One ensemble sample: every drawn input of one dark-flight simulation. Values may lie outside
 * their physical range when a distribution's tail reaches there (e.g. a normal mass below 0);
 * integration then reports the sample as failed instead of clamping it.
 */
@AutoValue
public abstract class EnsembleSample {

  /** Sample index, 0-based; the only source of the sample's randomness besides the seed. */
  public abstract long getIndex();

  /** Id of the fragment hypothesis the sample perturbs. */
  public abstract String getFragmentId();

  public abstract double getMassKg();

  public abstract double getDensityKgM3();

  public abstract double getCd();

  public abstract double getShapeFactor();

  public abstract double getLatitudeDeg();

  public abstract double getLongitudeDeg();

  public abstract double getAltitudeM();

  public abstract double getSpeedMps();

  /** Direction of travel clockwise from north, degrees in [0, 360). */
  public abstract double getAzimuthDeg();

  /** Entry angle below the horizontal, degrees. */
  public abstract double getElevationDeg();

  /** Multiplier on the profile's horizontal wind. */
  public abstract double getWindScale();

  /**
   * Per-level wind perturbations added to the profile, m/s, as (Δu₀, Δv₀, Δu₁, Δv₁, …) in the
   * order of the profile levels; empty when the ensemble does not perturb levels.
   */
  public abstract List<Double> getWindPerturbationMps();

  public static Builder builder() {
    return new AutoValue_EnsembleSample.Builder();
  }

  /** A builder holding this sample's values. */
  public abstract Builder toBuilder();

  /** Builder (also used by Beam's schema inference to create instances). */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setIndex(long v);

    public abstract Builder setFragmentId(String v);

    public abstract Builder setMassKg(double v);

    public abstract Builder setDensityKgM3(double v);

    public abstract Builder setCd(double v);

    public abstract Builder setShapeFactor(double v);

    public abstract Builder setLatitudeDeg(double v);

    public abstract Builder setLongitudeDeg(double v);

    public abstract Builder setAltitudeM(double v);

    public abstract Builder setSpeedMps(double v);

    public abstract Builder setAzimuthDeg(double v);

    public abstract Builder setElevationDeg(double v);

    public abstract Builder setWindScale(double v);

    public abstract Builder setWindPerturbationMps(List<Double> v);

    public abstract EnsembleSample build();
  }
}
