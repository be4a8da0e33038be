package org.darkflight.analysis.atmos;

import java.util.Objects;

/**
 * One quality-control note of the fusion, over an altitude band.
 *
 * @param code          machine-readable code (see {@link Codes})
 * @param severity      {@code info} or {@code warning}
 * @param altitudeMinM  bottom of the band, m
 * @param altitudeMaxM  top of the band, m
 * @param source        the source concerned, or empty
 * @param message       one human-readable line
 */
public record QcAnnotation(String code, String severity, double altitudeMinM,
    double altitudeMaxM, String source, String message) {

  /** The annotation codes. */
  public static final class Codes {
    /** US Standard Atmosphere 1976 used where no source reaches (top or bottom). */
    public static final String STD_ATMOSPHERE_FILL = "std_atmosphere_fill";
    /** A quantity interpolated across a hole between sources. */
    public static final String GAP_FILLED = "gap_filled";
    /** Radar VAD winds replaced the other sources' winds. */
    public static final String RADAR_OVERRIDE = "radar_override";
    /** Sources disagree beyond their uncertainties; sigma inflated. */
    public static final String SOURCE_DISAGREEMENT = "source_disagreement";
    /** A single level stood out in shear or lapse rate and was replaced by its neighbours. */
    public static final String OUTLIER_REPLACED = "outlier_replaced";
    /** A layer's shear or lapse rate is anomalous but kept (sigma inflated). */
    public static final String OUTLIER_FLAGGED = "outlier_flagged";
    /** Wind shear above the limit was smoothed. */
    public static final String SHEAR_SMOOTHED = "shear_smoothed";
    /** A source far from the event in time or space (its weight is small). */
    public static final String SOURCE_DISTANT = "source_distant";
    /** A source was used; says how far it is and its time offset. */
    public static final String SOURCE_USED = "source_used";
    /** No source supplied temperature and pressure; all from the standard atmosphere. */
    public static final String NO_THERMODYNAMIC_SOURCE = "no_thermodynamic_source";

    private Codes() {}
  }

  public static final String INFO = "info";
  public static final String WARNING = "warning";

  public QcAnnotation {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    source = source == null ? "" : source;
    if (!INFO.equals(severity) && !WARNING.equals(severity)) {
      throw new IllegalArgumentException("severity must be info or warning: " + severity);
    }
  }
}
