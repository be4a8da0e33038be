package org.darkflight.io.geoid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.AtmosLevel;

/**
 * Brings the heights of a run's inputs onto one datum for integration: the WGS84 ellipsoid, on
 * which the physics works. A height above mean sea level H becomes h = H + N with N the EGM96
 * undulation ({@link Egm96}); an ellipsoidal height is used as given.
 *
 * <p>N is taken at the luminous end's latitude and longitude for all three inputs: the event's
 * start height, every profile level and the constant ground. Over a dark flight (tens of
 * kilometres) N changes by well under a metre (e.g. 0.3 m over 20 km in the steepest geoid
 * gradients of the Himalaya–Indian Ocean low), far below the other height uncertainties. A DEM's
 * heights are converted point by point where they are sampled.
 *
 * <p>The legacy workbook modes ({@code legacy: fries_v42 / fries_v2}) keep the workbook's own
 * convention: the workbook compares its heights directly (start, RAOB rows and ground, all
 * above mean sea level) without any datum, so parity with it needs the heights as given; nothing
 * is converted and {@link Note#integration()} says so.
 */
public final class VerticalDatum {

  /** {@link Note#integration()} of the modern physics. */
  public static final String ELLIPSOID = "WGS84 ellipsoid";
  /** {@link Note#integration()} of the legacy workbook modes. */
  public static final String AS_GIVEN = "heights as given (legacy workbook convention, no datum "
      + "conversion)";

  private VerticalDatum() {}

  /**
   * The run's statement of its heights (the manifest's {@code heights} block).
   *
   * @param integration           datum of integration and of every output height
   * @param eventHeightReference  {@code msl} or {@code ellipsoid}, as the event states
   * @param atmosHeightReference  as the atmospheric profile states
   * @param groundHeightReference as the physics configuration states for the ground
   * @param geoid                 the geoid model used to convert
   * @param undulationM           EGM96 N at the luminous end, m (h = H + N)
   * @param startHeightM          the luminous-end height on the integration datum, m
   * @param groundHeightM         the constant ground height on the integration datum, m
   * @param ground                {@code constant} or the DEM that gives the ground
   */
  @JsonPropertyOrder(alphabetic = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Note(
      @JsonProperty("integration") String integration,
      @JsonProperty("event_height_reference") String eventHeightReference,
      @JsonProperty("atmos_height_reference") String atmosHeightReference,
      @JsonProperty("ground_height_reference") String groundHeightReference,
      @JsonProperty("geoid") String geoid,
      @JsonProperty("undulation_at_luminous_end_m") double undulationM,
      @JsonProperty("start_height_m") double startHeightM,
      @JsonProperty("ground_height_m") double groundHeightM,
      @JsonProperty("ground") String ground) {

    /** A copy whose ground is a DEM. */
    public Note withGround(String groundDescription) {
      return new Note(integration, eventHeightReference, atmosHeightReference,
          groundHeightReference, geoid, undulationM, startHeightM, groundHeightM,
          groundDescription);
    }
  }

  /**
   * Inputs on the integration datum.
   *
   * @param luminousEnd the start state with its height on the datum
   * @param levels      the profile levels with their altitudes on the datum
   * @param physics     the configuration with the ground height on the datum
   * @param note        what was done
   */
  public record Converted(LuminousEnd luminousEnd, List<AtmosLevel> levels,
      PhysicsConfig physics, Note note) {}

  /** Converts (or, for the legacy modes, only describes) a run's heights. */
  public static Converted toIntegrationDatum(LuminousEnd le, HeightReference event,
      List<AtmosLevel> levels, HeightReference atmos, PhysicsConfig physics,
      HeightReference ground) {
    double n = Egm96.undulationM(le.latitudeDeg(), le.longitudeDeg());
    if (physics.legacy() != PhysicsConfig.LegacyMode.NONE) {
      return new Converted(le, List.copyOf(levels), physics, new Note(AS_GIVEN, event.json(),
          atmos.json(), ground.json(), Egm96.DESCRIPTION, n, le.altitudeM(),
          physics.groundAltitudeM(), "constant"));
    }
    double start = event.toEllipsoidM(le.altitudeM(), le.latitudeDeg(), le.longitudeDeg());
    LuminousEnd moved = new LuminousEnd(le.timeUtc(), le.latitudeDeg(), le.longitudeDeg(), start,
        le.speedMps(), le.azimuthDeg(), le.elevationDeg());
    double shift = atmos == HeightReference.ELLIPSOID ? 0 : n;
    List<AtmosLevel> out = new ArrayList<>(levels.size());
    for (AtmosLevel l : levels) {
      out.add(shift == 0 ? l : new AtmosLevel(l.altitudeM() + shift, l.pressurePa(),
          l.temperatureK(), l.windUMps(), l.windVMps(), l.windWMps(), l.densityKgM3(),
          l.sigmaUMps(), l.sigmaVMps(), l.sigmaTK()));
    }
    double g = ground.toEllipsoidM(physics.groundAltitudeM(), le.latitudeDeg(),
        le.longitudeDeg());
    PhysicsConfig pc = new PhysicsConfig(physics.dragModel(), physics.cdScale(),
        physics.ablation(), physics.gravityModel(), physics.earthRotation(), g,
        physics.integration(), physics.outputIntervalS(), physics.legacy(), physics.plugins());
    return new Converted(moved, List.copyOf(out), pc, new Note(ELLIPSOID, event.json(),
        atmos.json(), ground.json(), Egm96.DESCRIPTION, n, start, g, "constant"));
  }

  /**
   * The profile levels and the ground measured in {@code frame} (the reference of the event's
   * luminous end), for a computation on the inputs as given (the radar solution): a profile or
   * ground given in the other reference is shifted by the EGM96 undulation N at the luminous end.
   * The luminous end is unchanged. Legacy modes are returned as given.
   */
  public static Converted toReference(HeightReference frame, LuminousEnd le,
      List<AtmosLevel> levels, HeightReference atmos, PhysicsConfig physics,
      HeightReference ground) {
    double n = Egm96.undulationM(le.latitudeDeg(), le.longitudeDeg());
    String integration = physics.legacy() != PhysicsConfig.LegacyMode.NONE ? AS_GIVEN
        : frame.description();
    if (physics.legacy() != PhysicsConfig.LegacyMode.NONE) {
      return new Converted(le, List.copyOf(levels), physics, new Note(integration, frame.json(),
          atmos.json(), ground.json(), Egm96.DESCRIPTION, n, le.altitudeM(),
          physics.groundAltitudeM(), "constant"));
    }
    double shift = atmos.toReferenceM(0.0, frame, le.latitudeDeg(), le.longitudeDeg());
    List<AtmosLevel> out = new ArrayList<>(levels.size());
    for (AtmosLevel l : levels) {
      out.add(shift == 0 ? l : new AtmosLevel(l.altitudeM() + shift, l.pressurePa(),
          l.temperatureK(), l.windUMps(), l.windVMps(), l.windWMps(), l.densityKgM3(),
          l.sigmaUMps(), l.sigmaVMps(), l.sigmaTK()));
    }
    double g = ground.toReferenceM(physics.groundAltitudeM(), frame, le.latitudeDeg(),
        le.longitudeDeg());
    PhysicsConfig pc = new PhysicsConfig(physics.dragModel(), physics.cdScale(),
        physics.ablation(), physics.gravityModel(), physics.earthRotation(), g,
        physics.integration(), physics.outputIntervalS(), physics.legacy(), physics.plugins());
    return new Converted(le, List.copyOf(out), pc, new Note(integration, frame.json(),
        atmos.json(), ground.json(), Egm96.DESCRIPTION, n, le.altitudeM(), g, "constant"));
  }
}
