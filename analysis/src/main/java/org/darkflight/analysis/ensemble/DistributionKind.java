package org.darkflight.analysis.ensemble;

/** The probability distributions an uncertain parameter may follow (docs/ensemble.md). */
public enum DistributionKind {
  /** Normal: {@code mean} (default: the nominal value) and {@code sigma}. */
  NORMAL,
  /** Log-normal: ln X is normal with {@code mu} (default: ln of the nominal value) and {@code sigma}. */
  LOGNORMAL,
  /** Uniform on [{@code min}, {@code max}], or nominal ± {@code half_width}. */
  UNIFORM;

  /** The name used in {@code ensemble_config.json}. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
