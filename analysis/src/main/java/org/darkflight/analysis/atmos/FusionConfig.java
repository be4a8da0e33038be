package org.darkflight.analysis.atmos;

/**
 * Settings of {@link DefaultAtmosFusion}. Uncertainties are 1-σ. Source uncertainty grows with
 * the source's time offset and distance from the event:
 * {@code σ² = σ_base² + (rate_t·|Δt|)² + (rate_d·d)²}.
 *
 * @param topAltitudeM            the profile reaches up to here (filled with USSA76 above data), m
 * @param maxGapM                 grid nodes are inserted in gaps larger than this, m
 * @param fillSpacingM            grid spacing above the data, m
 * @param minSpacingM             nodes closer than this are merged, m
 * @param blendDepthM             depth over which data blend into USSA76 (T) and calm (wind), m
 * @param sondeSigmaWindMps       radiosonde wind σ (per component), m/s
 * @param sondeSigmaTK            radiosonde temperature σ, K
 * @param modelSigmaWindMps       model wind σ, m/s
 * @param modelSigmaTK            model temperature σ, K
 * @param radarSigmaWindMps       radar wind σ when the VAD file reports none, m/s
 * @param fillSigmaWindMps        wind σ reached in standard-atmosphere fill, m/s
 * @param fillSigmaTK             temperature σ reached in standard-atmosphere fill, K
 * @param windSigmaPerHourMps     wind σ growth per hour of time offset, m/s/h
 * @param tSigmaPerHourK          temperature σ growth per hour, K/h
 * @param windSigmaPer100KmMps    wind σ growth per 100 km of distance, m/s
 * @param tSigmaPer100KmK         temperature σ growth per 100 km, K
 * @param distantHours            a source further off in time is annotated distant, h
 * @param distantKm               a source further away is annotated distant, km
 * @param shearLimitPerS          layers with wind shear above this are smoothed, 1/s
 * @param outlierZ                robust z-score (median/MAD) above which a layer is an outlier
 * @param minOutlierShearPerS     a shear below this is never an outlier, 1/s
 * @param minOutlierLapseKPerKm   a lapse-rate deviation from the median below this is never an
 *                                outlier, K/km
 */
public record FusionConfig(double topAltitudeM, double maxGapM, double fillSpacingM,
    double minSpacingM, double blendDepthM,
    double sondeSigmaWindMps, double sondeSigmaTK, double modelSigmaWindMps, double modelSigmaTK,
    double radarSigmaWindMps, double fillSigmaWindMps, double fillSigmaTK,
    double windSigmaPerHourMps, double tSigmaPerHourK, double windSigmaPer100KmMps,
    double tSigmaPer100KmK, double distantHours, double distantKm, double shearLimitPerS,
    double outlierZ, double minOutlierShearPerS, double minOutlierLapseKPerKm) {

  /**
   * Defaults. Radiosonde wind errors of 1–2 m/s and temperature errors of ~0.5 K (WMO CIMO Guide,
   * WMO-No. 8, Part I ch. 12 and 13); model winds somewhat worse; growth rates are conservative
   * choices documented in docs/atmosphere.md, not fitted values.
   */
  public static final FusionConfig DEFAULTS = new FusionConfig(40_000, 1_000, 1_000, 1.0, 5_000,
      1.5, 0.5, 2.5, 1.0, 1.0, 10.0, 5.0, 0.5, 0.25, 1.0, 0.5, 6.0, 200.0, 0.04, 5.0, 0.01,
      10.0);

  public FusionConfig {
    double[] positive = {topAltitudeM, maxGapM, fillSpacingM, minSpacingM, blendDepthM,
        sondeSigmaWindMps, sondeSigmaTK, modelSigmaWindMps, modelSigmaTK, radarSigmaWindMps,
        fillSigmaWindMps, fillSigmaTK, distantHours, distantKm, shearLimitPerS, outlierZ};
    for (double d : positive) {
      if (!(d > 0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException("fusion settings must be positive and finite: " + d);
      }
    }
    if (windSigmaPerHourMps < 0 || tSigmaPerHourK < 0 || windSigmaPer100KmMps < 0
        || tSigmaPer100KmK < 0 || minOutlierShearPerS < 0 || minOutlierLapseKPerKm < 0) {
      throw new IllegalArgumentException("growth rates and outlier floors must be >= 0");
    }
  }

  /** A copy with another top altitude. */
  public FusionConfig withTopAltitudeM(double top) {
    return new FusionConfig(top, maxGapM, fillSpacingM, minSpacingM, blendDepthM,
        sondeSigmaWindMps, sondeSigmaTK, modelSigmaWindMps, modelSigmaTK, radarSigmaWindMps,
        fillSigmaWindMps, fillSigmaTK, windSigmaPerHourMps, tSigmaPerHourK, windSigmaPer100KmMps,
        tSigmaPer100KmK, distantHours, distantKm, shearLimitPerS, outlierZ, minOutlierShearPerS,
        minOutlierLapseKPerKm);
  }

  /** A copy with another shear limit (e.g. very large to switch smoothing off). */
  public FusionConfig withShearLimitPerS(double limit) {
    return new FusionConfig(topAltitudeM, maxGapM, fillSpacingM, minSpacingM, blendDepthM,
        sondeSigmaWindMps, sondeSigmaTK, modelSigmaWindMps, modelSigmaTK, radarSigmaWindMps,
        fillSigmaWindMps, fillSigmaTK, windSigmaPerHourMps, tSigmaPerHourK, windSigmaPer100KmMps,
        tSigmaPer100KmK, distantHours, distantKm, limit, outlierZ, minOutlierShearPerS,
        minOutlierLapseKPerKm);
  }
}
