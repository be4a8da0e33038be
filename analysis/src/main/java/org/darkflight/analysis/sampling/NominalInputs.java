package org.darkflight.analysis.sampling;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.darkflight.analysis.ensemble.FragmentPrep;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * The unperturbed inputs an ensemble varies, in a serializable form a pipeline can ship to its
 * workers: the fragment hypotheses (in canonical order), the luminous end, and each profile
 * level's wind uncertainty.
 */
public final class NominalInputs implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String[] ids;
  private final double[] massKg;
  private final double[] densityKgM3;
  private final double[] cd;
  private final double[] shapeFactor;
  private final long timeEpochSecond;
  private final int timeNano;
  private final double[] luminousEnd;
  private final double[] sigmaUMps;
  private final double[] sigmaVMps;

  /**
   * @param fragments fragment hypotheses, already in canonical order ({@link FragmentPrep})
   * @param start     the luminous end
   * @param levels    the atmospheric profile levels (their σ of u and v drive per-level wind
   *                  perturbations); empty for a model atmosphere without levels
   */
  public NominalInputs(List<Fragment> fragments, LuminousEnd start, List<AtmosLevel> levels) {
    if (fragments.isEmpty()) {
      throw new IllegalArgumentException("at least one fragment is required");
    }
    int n = fragments.size();
    ids = new String[n];
    massKg = new double[n];
    densityKgM3 = new double[n];
    cd = new double[n];
    shapeFactor = new double[n];
    for (int i = 0; i < n; i++) {
      Fragment f = fragments.get(i);
      ids[i] = f.id();
      massKg[i] = f.massKg();
      densityKgM3[i] = f.densityKgM3();
      cd[i] = f.cd();
      shapeFactor[i] = f.shapeFactor();
    }
    timeEpochSecond = start.timeUtc().getEpochSecond();
    timeNano = start.timeUtc().getNano();
    luminousEnd = new double[] {start.latitudeDeg(), start.longitudeDeg(), start.altitudeM(),
        start.speedMps(), start.azimuthDeg(), start.elevationDeg()};
    sigmaUMps = new double[levels.size()];
    sigmaVMps = new double[levels.size()];
    for (int k = 0; k < levels.size(); k++) {
      sigmaUMps[k] = levels.get(k).sigmaUMps();
      sigmaVMps[k] = levels.get(k).sigmaVMps();
    }
  }

  public int fragmentCount() {
    return ids.length;
  }

  public Fragment fragment(int i) {
    return new Fragment(ids[i], massKg[i], densityKgM3[i], cd[i], shapeFactor[i]);
  }

  public String fragmentId(int i) {
    return ids[i];
  }

  double fragmentValue(int i, int field) {
    return switch (field) {
      case 0 -> massKg[i];
      case 1 -> densityKgM3[i];
      case 2 -> cd[i];
      default -> shapeFactor[i];
    };
  }

  /** Time of the luminous end. */
  public Instant timeUtc() {
    return Instant.ofEpochSecond(timeEpochSecond, timeNano);
  }

  /** The luminous end, unperturbed. */
  public LuminousEnd luminousEnd() {
    return new LuminousEnd(timeUtc(), luminousEnd[0], luminousEnd[1], luminousEnd[2],
        luminousEnd[3], luminousEnd[4], luminousEnd[5]);
  }

  double luminousEndValue(int field) {
    return luminousEnd[field];
  }

  /** Number of profile levels. */
  public int levelCount() {
    return sigmaUMps.length;
  }

  /** True when at least one level has a finite wind σ. */
  public boolean hasWindSigma() {
    for (int k = 0; k < sigmaUMps.length; k++) {
      if (Double.isFinite(sigmaUMps[k]) || Double.isFinite(sigmaVMps[k])) {
        return true;
      }
    }
    return false;
  }

  double sigmaU(int k) {
    return Double.isFinite(sigmaUMps[k]) ? sigmaUMps[k] : 0.0;
  }

  double sigmaV(int k) {
    return Double.isFinite(sigmaVMps[k]) ? sigmaVMps[k] : 0.0;
  }
}
