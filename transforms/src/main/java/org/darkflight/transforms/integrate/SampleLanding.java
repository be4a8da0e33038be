package org.darkflight.transforms.integrate;

import com.google.auto.value.AutoValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.transforms.sink.ElementCoder;

/** Where and how one ensemble sample lands, plus its position in the event's east/north plane. */
@DefaultCoder(SampleLanding.SampleLandingCoder.class)
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

  /** The element coder (see {@link ElementCoder} for why not a schema coder). */
  public static final class SampleLandingCoder extends ElementCoder<SampleLanding> {
    private static final long serialVersionUID = 1L;
    private static final SampleLandingCoder INSTANCE = new SampleLandingCoder();

    /** The coder. */
    public static SampleLandingCoder of() {
      return INSTANCE;
    }

    /** Provides the coder for {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(SampleLanding.class), INSTANCE);
    }

    @Override
    protected void write(SampleLanding v, DataOutputStream out) throws IOException {
      out.writeLong(v.getIndex());
      writeString(v.getFragmentId(), out);
      out.writeInt(v.getMassClassIndex());
      out.writeDouble(v.getLatitudeDeg());
      out.writeDouble(v.getLongitudeDeg());
      out.writeDouble(v.getEastM());
      out.writeDouble(v.getNorthM());
      out.writeDouble(v.getHeightM());
      out.writeDouble(v.getFallTimeS());
      out.writeDouble(v.getImpactSpeedMps());
      out.writeDouble(v.getTerminalVelocityMps());
      out.writeDouble(v.getMassInitialKg());
      out.writeDouble(v.getMassFinalKg());
      out.writeDouble(v.getImpactEnergyJ());
      out.writeDouble(v.getDensityKgM3());
      out.writeDouble(v.getCd());
      out.writeDouble(v.getShapeFactor());
      out.writeDouble(v.getDriftDistanceM());
      out.writeDouble(v.getDriftBearingDeg());
    }

    @Override
    protected SampleLanding read(DataInputStream in) throws IOException {
      SampleLanding.Builder b = SampleLanding.builder();
      b.setIndex(in.readLong());
      b.setFragmentId(readString(in));
      b.setMassClassIndex(in.readInt());
      b.setLatitudeDeg(in.readDouble());
      b.setLongitudeDeg(in.readDouble());
      b.setEastM(in.readDouble());
      b.setNorthM(in.readDouble());
      b.setHeightM(in.readDouble());
      b.setFallTimeS(in.readDouble());
      b.setImpactSpeedMps(in.readDouble());
      b.setTerminalVelocityMps(in.readDouble());
      b.setMassInitialKg(in.readDouble());
      b.setMassFinalKg(in.readDouble());
      b.setImpactEnergyJ(in.readDouble());
      b.setDensityKgM3(in.readDouble());
      b.setCd(in.readDouble());
      b.setShapeFactor(in.readDouble());
      b.setDriftDistanceM(in.readDouble());
      b.setDriftBearingDeg(in.readDouble());
      return b.build();
    }
  }
}
