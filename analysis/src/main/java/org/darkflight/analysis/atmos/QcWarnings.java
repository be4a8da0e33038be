package org.darkflight.analysis.atmos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The QC warnings of a fused profile as console lines: first, when no source reaches the
 * luminous end, that the profile there is the US Standard Atmosphere 1976 fill; then every
 * annotation of severity {@code warning} ({@code atmos_qc.json}) with its altitude band.
 */
public final class QcWarnings {

  private QcWarnings() {}

  /**
   * The lines, without a {@code warning: } prefix.
   *
   * @param luminousEndM the luminous end's altitude, m
   */
  public static List<String> lines(FusedProfile fused, double luminousEndM) {
    List<String> out = new ArrayList<>();
    for (QcAnnotation a : fused.annotations()) {
      if (a.code().equals(QcAnnotation.Codes.STD_ATMOSPHERE_FILL)
          && a.altitudeMinM() <= luminousEndM && a.altitudeMaxM() >= luminousEndM) {
        out.add(String.format(Locale.ROOT, "no atmospheric source reaches the luminous end "
            + "(%.0f m): from %.0f m to %.0f m the profile is the US Standard Atmosphere 1976 "
            + "fill (%s in atmos_qc.json); add a source that reaches the luminous end",
            luminousEndM, a.altitudeMinM(), a.altitudeMaxM(), a.code()));
      }
    }
    for (QcAnnotation a : fused.annotations()) {
      if (a.severity().equals(QcAnnotation.WARNING)) {
        out.add("atmos QC " + a.code() + (a.source() == null || a.source().isEmpty() ? ""
            : " (" + a.source() + ")") + ": " + a.message());
      }
    }
    return out;
  }
}
