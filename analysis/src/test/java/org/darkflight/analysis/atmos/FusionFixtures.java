package org.darkflight.analysis.atmos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.darkflight.io.atmos.source.AtmosphericRaw;
import org.darkflight.io.atmos.source.SourceKind;
import org.darkflight.io.atmos.source.SourceLevel;
import org.darkflight.io.atmos.source.SourceRequest;
import org.darkflight.physics.atmosphere.AtmosphereState;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;

/** Synthetic sources for fusion tests. */
final class FusionFixtures {

  static final Instant EVENT = Instant.parse("2003-03-27T05:50:26Z");
  static final double LAT = 41.48;
  static final double LON = -87.68;
  static final SourceRequest TARGET = new SourceRequest(EVENT, LAT, LON);

  private FusionFixtures() {}

  /**
   * A source with USSA76 temperature (plus an offset) and pressure, and the given winds, at
   * altitudes from {@code bottom} to {@code top} every {@code step}.
   */
  static AtmosphericRaw ussaSource(String id, SourceKind kind, Instant time, double bottom,
      double top, double step, double tOffsetK, DoubleUnaryOperator u, DoubleUnaryOperator v) {
    List<SourceLevel> levels = new ArrayList<>();
    for (double z = bottom; z <= top + 1e-9; z += step) {
      AtmosphereState s = StandardAtmosphere1976.INSTANCE.at(z);
      levels.add(SourceLevel.of(z, s.pressurePa(), s.temperatureK() + tOffsetK,
          u.applyAsDouble(z), v.applyAsDouble(z)));
    }
    return new AtmosphericRaw(id, kind, id + ".json", time, LAT, LON, levels, Map.of());
  }

  static AtmosphericRaw sonde(String id, double bottom, double top, double step,
      DoubleUnaryOperator u, DoubleUnaryOperator v) {
    return ussaSource(id, SourceKind.RADIOSONDE, EVENT, bottom, top, step, 0.0, u, v);
  }
}
