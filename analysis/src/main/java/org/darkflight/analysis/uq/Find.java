package org.darkflight.analysis.uq;

import java.util.ArrayList;
import java.util.List;
import org.darkflight.io.uq.FindsDocument;

/**
 * A recovered meteorite (an entry of {@code finds.json}).
 *
 * @param id            find identifier
 * @param latitudeDeg   WGS84 latitude, degrees
 * @param longitudeDeg  WGS84 longitude, degrees
 * @param massKg        recovered mass, kg (&gt; 0)
 * @param sigmaM        1-sigma horizontal uncertainty of the position, m (&gt; 0)
 */
public record Find(String id, double latitudeDeg, double longitudeDeg, double massKg,
    double sigmaM) {

  public Find {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("find id must be non-empty");
    }
    if (!(latitudeDeg >= -90 && latitudeDeg <= 90) || !(longitudeDeg >= -180
        && longitudeDeg <= 360)) {
      throw new IllegalArgumentException("find " + id + ": latitude/longitude out of range");
    }
    if (!(massKg > 0) || !(sigmaM > 0) || Double.isInfinite(massKg) || Double.isInfinite(sigmaM)) {
      throw new IllegalArgumentException("find " + id + ": mass and sigma must be > 0");
    }
  }

  /**
   * The finds of a {@code finds.json} read by {@link org.darkflight.io.uq.FindsFiles#read}.
   *
   * @throws IllegalArgumentException when a find's values are out of range
   */
  public static List<Find> of(List<FindsDocument.Find> finds) {
    List<Find> out = new ArrayList<>();
    for (FindsDocument.Find f : finds) {
      out.add(new Find(f.id(), f.latitudeDeg(), f.longitudeDeg(), f.massKg(),
          f.positionSigmaM()));
    }
    return List.copyOf(out);
  }
}
