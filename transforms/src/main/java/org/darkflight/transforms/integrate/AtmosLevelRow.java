package org.darkflight.transforms.integrate;

import com.google.auto.value.AutoValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.darkflight.physics.atmosphere.AtmosLevel;

/** One atmospheric profile level as a pipeline element (the side input of integration). */
@DefaultSchema(AutoValueSchema.class)
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
}
