package org.darkflight.transforms.sampling;

import com.google.auto.value.AutoValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.transforms.sink.ElementCoder;

/**
 * One ensemble sample: every drawn input of one dark-flight simulation. Values may lie outside
 * their physical range when a distribution's tail reaches there (e.g. a normal mass below 0);
 * integration then reports the sample as failed instead of clamping it.
 */
@DefaultCoder(EnsembleSample.EnsembleSampleCoder.class)
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

  /** The element coder (see {@link ElementCoder} for why not a schema coder). */
  public static final class EnsembleSampleCoder extends ElementCoder<EnsembleSample> {
    private static final long serialVersionUID = 1L;
    private static final EnsembleSampleCoder INSTANCE = new EnsembleSampleCoder();

    /** The coder. */
    public static EnsembleSampleCoder of() {
      return INSTANCE;
    }

    /** Provides the coder for {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(EnsembleSample.class), INSTANCE);
    }

    @Override
    protected void write(EnsembleSample v, DataOutputStream out) throws IOException {
      out.writeLong(v.getIndex());
      writeString(v.getFragmentId(), out);
      out.writeDouble(v.getMassKg());
      out.writeDouble(v.getDensityKgM3());
      out.writeDouble(v.getCd());
      out.writeDouble(v.getShapeFactor());
      out.writeDouble(v.getLatitudeDeg());
      out.writeDouble(v.getLongitudeDeg());
      out.writeDouble(v.getAltitudeM());
      out.writeDouble(v.getSpeedMps());
      out.writeDouble(v.getAzimuthDeg());
      out.writeDouble(v.getElevationDeg());
      out.writeDouble(v.getWindScale());
      out.writeInt(v.getWindPerturbationMps().size());
      for (double d : v.getWindPerturbationMps()) {
        out.writeDouble(d);
      }
    }

    @Override
    protected EnsembleSample read(DataInputStream in) throws IOException {
      EnsembleSample.Builder b = EnsembleSample.builder();
      b.setIndex(in.readLong());
      b.setFragmentId(readString(in));
      b.setMassKg(in.readDouble());
      b.setDensityKgM3(in.readDouble());
      b.setCd(in.readDouble());
      b.setShapeFactor(in.readDouble());
      b.setLatitudeDeg(in.readDouble());
      b.setLongitudeDeg(in.readDouble());
      b.setAltitudeM(in.readDouble());
      b.setSpeedMps(in.readDouble());
      b.setAzimuthDeg(in.readDouble());
      b.setElevationDeg(in.readDouble());
      b.setWindScale(in.readDouble());
      int count = in.readInt();
      if (count < 0) {
        throw new IOException("negative list length " + count);
      }
      List<Double> values = new java.util.ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        values.add(in.readDouble());
      }
      b.setWindPerturbationMps(java.util.Collections.unmodifiableList(values));
      return b.build();
    }
  }
}
