package org.darkflight.transforms.integrate;

import com.google.auto.value.AutoValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.darkflight.physics.atmosphere.AtmosLevel;
import org.darkflight.transforms.sink.ElementCoder;

/** One atmospheric profile level as a pipeline element (the side input of integration). */
@DefaultCoder(AtmosLevelRow.AtmosLevelRowCoder.class)
@AutoValue
public abstract class AtmosLevelRow {

  /** Position of the level in the profile (levels are re-sorted by it on the worker). */
  public abstract int getOrder();

  public abstract double getAltitudeM();

  public abstract double getPressurePa();

  public abstract double getTemperatureK();

  public abstract double getWindUMps();

  public abstract double getWindVMps();

  public abstract double getWindWMps();

  /** Density, kg/m³, or NaN when derived. */
  public abstract double getDensityKgM3();

  public abstract double getSigmaUMps();

  public abstract double getSigmaVMps();

  public abstract double getSigmaTK();

  public static AtmosLevelRow of(int order, AtmosLevel l) {
    return new AutoValue_AtmosLevelRow(order, l.altitudeM(), l.pressurePa(), l.temperatureK(),
        l.windUMps(), l.windVMps(), l.windWMps(), l.densityKgM3(), l.sigmaUMps(), l.sigmaVMps(),
        l.sigmaTK());
  }

  /** Rows of a whole profile, in order. */
  public static List<AtmosLevelRow> of(List<AtmosLevel> levels) {
    List<AtmosLevelRow> rows = new ArrayList<>(levels.size());
    for (int i = 0; i < levels.size(); i++) {
      rows.add(of(i, levels.get(i)));
    }
    return rows;
  }

  public AtmosLevel toLevel() {
    return new AtmosLevel(getAltitudeM(), getPressurePa(), getTemperatureK(), getWindUMps(),
        getWindVMps(), getWindWMps(), getDensityKgM3(), getSigmaUMps(), getSigmaVMps(),
        getSigmaTK());
  }

  /** The element coder (see {@link ElementCoder} for why not a schema coder). */
  public static final class AtmosLevelRowCoder extends ElementCoder<AtmosLevelRow> {
    private static final long serialVersionUID = 1L;
    private static final AtmosLevelRowCoder INSTANCE = new AtmosLevelRowCoder();

    /** The coder. */
    public static AtmosLevelRowCoder of() {
      return INSTANCE;
    }

    /** Provides the coder for {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return CoderProviders.forCoder(TypeDescriptor.of(AtmosLevelRow.class), INSTANCE);
    }

    @Override
    protected void write(AtmosLevelRow v, DataOutputStream out) throws IOException {
      out.writeInt(v.getOrder());
      out.writeDouble(v.getAltitudeM());
      out.writeDouble(v.getPressurePa());
      out.writeDouble(v.getTemperatureK());
      out.writeDouble(v.getWindUMps());
      out.writeDouble(v.getWindVMps());
      out.writeDouble(v.getWindWMps());
      out.writeDouble(v.getDensityKgM3());
      out.writeDouble(v.getSigmaUMps());
      out.writeDouble(v.getSigmaVMps());
      out.writeDouble(v.getSigmaTK());
    }

    @Override
    protected AtmosLevelRow read(DataInputStream in) throws IOException {
      int order = in.readInt();
      double altitudeM = in.readDouble();
      double pressurePa = in.readDouble();
      double temperatureK = in.readDouble();
      double windUMps = in.readDouble();
      double windVMps = in.readDouble();
      double windWMps = in.readDouble();
      double densityKgM3 = in.readDouble();
      double sigmaUMps = in.readDouble();
      double sigmaVMps = in.readDouble();
      double sigmaTK = in.readDouble();
      return new AutoValue_AtmosLevelRow(order, altitudeM, pressurePa, temperatureK, windUMps, windVMps, windWMps, densityKgM3, sigmaUMps, sigmaVMps, sigmaTK);
    }
  }
}
