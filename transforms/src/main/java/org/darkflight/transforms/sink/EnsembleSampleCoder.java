package org.darkflight.transforms.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.analysis.sampling.EnsembleSample;

/**
 * The element coder of {@link EnsembleSample} (see {@link ElementCoder} for why not a schema
 * coder). {@code EnsembleSample} is a plain domain value; Beam finds this coder through
 * {@link DarkflightCoders}, a {@code CoderProviderRegistrar}.
 */
public final class EnsembleSampleCoder extends ElementCoder<EnsembleSample> {

  private static final long serialVersionUID = 1L;
  private static final EnsembleSampleCoder INSTANCE = new EnsembleSampleCoder();

  /** The coder. */
  public static EnsembleSampleCoder of() {
    return INSTANCE;
  }

  /** Provides the coder to {@link DarkflightCoders}. */
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
    List<Double> values = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      values.add(in.readDouble());
    }
    b.setWindPerturbationMps(Collections.unmodifiableList(values));
    return b.build();
  }
}
