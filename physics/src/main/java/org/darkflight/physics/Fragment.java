package org.darkflight.physics;

/**
 * One fragment hypothesis: a meteoroid piece whose dark flight is integrated.
 *
 * @param id           identifier, unique within a run
 * @param massKg       mass at the start of dark flight, kg (&gt; 0)
 * @param densityKgM3  bulk density, kg/m³ (&gt; 0)
 * @param cd           drag coefficient of {@code simple_constant} drag (&gt; 0), or NaN when not
 *                     given ({@link #hasCd()}); the {@code mach_regime}, {@code reynolds_curve}
 *                     and {@code henderson} models take C_d from their curves instead (scale
 *                     those with {@code PhysicsConfig.cdScale}) and need none
 * @param shapeFactor  shape factor A = S / V^(2/3) (sphere 1.209): sets the cross-section and
 *                     selects (interpolates between) the Mach-regime curves (&gt; 0)
 */
public record Fragment(String id, double massKg, double densityKgM3, double cd, double shapeFactor) {

  /** Shape factor of a sphere, π / (4π/3)^(2/3) (Ceplecha et al. 1998). */
  public static final double SPHERE_SHAPE_FACTOR = 1.2090;

  public Fragment {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("fragment id must not be blank");
    }
    requirePositive("mass_kg", massKg);
    requirePositive("density_kgm3", densityKgM3);
    if (!Double.isNaN(cd)) {
      requirePositive("cd", cd);
    }
    requirePositive("shape_factor", shapeFactor);
  }

  private static void requirePositive(String field, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
    }
  }

  /** Whether the fragment gives its own drag coefficient (else {@link #cd()} is NaN). */
  public boolean hasCd() {
    return !Double.isNaN(cd);
  }

  /** Volume of the fragment, m³. */
  public double volumeM3() {
    return massKg / densityKgM3;
  }

  /** Cross-section area S = A · (m/ρ)^(2/3), m² (Ceplecha et al. 1998, Space Sci. Rev. 84). */
  public double crossSectionM2() {
    return shapeFactor * Math.pow(volumeM3(), 2.0 / 3.0);
  }

  /** Diameter of the sphere of equal volume, m. */
  public double equivalentDiameterM() {
    return Math.cbrt(6.0 * volumeM3() / Math.PI);
  }

  /** A copy with another mass, kg. */
  public Fragment withMassKg(double newMassKg) {
    return new Fragment(id, newMassKg, densityKgM3, cd, shapeFactor);
  }
}
