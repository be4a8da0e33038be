package org.darkflight.io.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.darkflight.io.AtomicFiles;
import org.darkflight.io.InputException;
import org.darkflight.io.json.Binding;
import org.darkflight.io.json.Json;
import org.darkflight.io.json.JsonSchemas;

/**
 * The debug artifact {@code debug_drag_regimes.json} of {@code darkflight --debug run} (schema
 * {@code schemas/debug_drag_regimes.schema.json}): for the nominal trajectory of each fragment,
 * the time spent above Mach thresholds and in each flow regime. Written canonically.
 *
 * @param eventId      the event
 * @param dragModel    the drag model of the run
 * @param description  what the numbers are
 * @param trajectories one entry per fragment whose nominal fall succeeded
 */
public record DragRegimesDocument(
    @JsonProperty("event_id") String eventId,
    @JsonProperty("drag_model") String dragModel,
    @JsonProperty("description") String description,
    @JsonProperty("trajectories") List<Trajectory> trajectories) {

  /** File name. */
  public static final String FILE = "debug_drag_regimes.json";
  /** Schema name. */
  public static final String SCHEMA = "debug_drag_regimes";

  public DragRegimesDocument {
    trajectories = List.copyOf(trajectories);
  }

  /**
   * One fragment's nominal trajectory.
   *
   * @param fragmentId     the fragment
   * @param massInitialKg  its initial mass, kg
   * @param fallTimeS      time from the luminous end to the ground, s
   * @param points         recorded trajectory points (count)
   * @param maxMach        highest Mach number of a recorded point (1)
   * @param impactMach     Mach number at the ground (1)
   * @param timeAboveMachS Mach threshold (e.g. {@code "0.8"}, {@code "5"}) → time above it, s
   * @param timeInRegimeS  regime (hypersonic, supersonic, transonic, subsonic) → time in it, s
   */
  public record Trajectory(
      @JsonProperty("fragment_id") String fragmentId,
      @JsonProperty("mass_initial_kg") double massInitialKg,
      @JsonProperty("fall_time_s") double fallTimeS,
      @JsonProperty("points") int points,
      @JsonProperty("max_mach") double maxMach,
      @JsonProperty("impact_mach") double impactMach,
      @JsonProperty("time_above_mach_s") SortedMap<String, Double> timeAboveMachS,
      @JsonProperty("time_in_regime_s") SortedMap<String, Double> timeInRegimeS) {

    public Trajectory {
      timeAboveMachS = new TreeMap<>(timeAboveMachS);
      timeInRegimeS = new TreeMap<>(timeInRegimeS);
    }
  }

  /** Writes the document canonically and atomically. */
  public void write(Path target) throws IOException {
    AtomicFiles.write(target, Json.toCanonicalBytes(this));
  }

  /**
   * Reads the document strictly.
   *
   * @throws InputException when the file is missing, not JSON or not this document
   */
  public static DragRegimesDocument read(Path file) throws InputException {
    return Binding.bind(JsonSchemas.read(file), DragRegimesDocument.class, file.toString());
  }
}
