package org.darkflight.transforms.integrate;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;

/** Where and how one ensemble sample lands, plus its position in the event's east/north plane. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class SampleLanding {

  public abstract long getIndex();

  public abstract String getFragmentId();

  /** Class of the final mass (see {@code MassClassBins}). */
  public abstract int getMassClassIndex();

  public abstract double getLatitudeDeg();

  public abstract double getLongitudeDeg();

  /** East offset from the point below the nominal luminous end, m. */
  public abstract double getEastM();

  /** North offset from the point below the nominal luminous end, m. */
  public abstract double getNorthM();

  public abstract double getHeightM();

  public abstract double getFallTimeS();

  public abstract double getImpactSpeedMps();

  public abstract double getTerminalVelocityMps();

  public abstract double getMassInitialKg();

  public abstract double getMassFinalKg();

  public abstract double getImpactEnergyJ();

  public abstract double getDensityKgM3();

  /** Drag coefficient of the sample (fragment Cd × the physics configuration's cd_scale). */
  public abstract double getCd();

  public abstract double getShapeFactor();

  public abstract double getDriftDistanceM();

  public abstract double getDriftBearingDeg();

  /**
   * Ballistic coefficient at impact β = m / (Cd·S), S = A·(m/ρ)^(2/3) (Ceplecha et al. 1998,
   * Space Sci. Rev. 84), kg/m².
   */
  public double ballisticCoefficientKgM2() {
    double area = getShapeFactor() * Math.pow(getMassFinalKg() / getDensityKgM3(), 2.0 / 3.0);
    return getMassFinalKg() / (getCd() * area);
  }

  public static Builder builder() {
    return new AutoValue_SampleLanding.Builder();
  }

  /** Builder. */
  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setIndex(long v);

    public abstract Builder setFragmentId(String v);

    public abstract Builder setMassClassIndex(int v);

    public abstract Builder setLatitudeDeg(double v);

    public abstract Builder setLongitudeDeg(double v);

    public abstract Builder setEastM(double v);

    public abstract Builder setNorthM(double v);

    public abstract Builder setHeightM(double v);

    public abstract Builder setFallTimeS(double v);

    public abstract Builder setImpactSpeedMps(double v);

    public abstract Builder setTerminalVelocityMps(double v);

    public abstract Builder setMassInitialKg(double v);

    public abstract Builder setMassFinalKg(double v);

    public abstract Builder setImpactEnergyJ(double v);

    public abstract Builder setDensityKgM3(double v);

    public abstract Builder setCd(double v);

    public abstract Builder setShapeFactor(double v);

    public abstract Builder setDriftDistanceM(double v);

    public abstract Builder setDriftBearingDeg(double v);

    public abstract SampleLanding build();
  }
}
