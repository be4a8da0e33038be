package org.darkflight.analysis.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.darkflight.io.InputException;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.models.PhysicsModels;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.SimulationException;
import org.darkflight.physics.trajectory.Trajectory;

/**
 * The nominal flights of a run: every fragment of the inputs (in their canonical order) flown once
 * from the event's luminous end through the unperturbed profile with the run's method (the
 * integration, or the legacy method with the slices {@link LegacySlices} gives). One set serves
 * every consumer of a run — the {@code trajectories/<fragment>.json} files (stage S5), the KML's
 * and the report's trajectories and the search plan's nominal landings — so that each fragment
 * is flown once and all of them show the same flight.
 */
public final class NominalFlights {

  /**
   * One fragment's nominal flight.
   *
   * @param fragment   the fragment
   * @param trajectory its trajectory, or null when the flight failed
   * @param failure    why it failed (the simulator's message), or null when it landed
   */
  public record Flight(Fragment fragment, Trajectory trajectory, String failure) {
    public Flight {
      Objects.requireNonNull(fragment, "fragment");
      if ((trajectory == null) == (failure == null)) {
        throw new IllegalArgumentException("a flight has either a trajectory or a failure");
      }
    }

    /** Whether the fragment reached the ground. */
    public boolean landed() {
      return trajectory != null;
    }
  }

  private final List<Flight> flights;

  private NominalFlights(List<Flight> flights) {
    this.flights = List.copyOf(flights);
  }

  /** Flights given one by one (tests). */
  public static NominalFlights of(List<Flight> flights) {
    return new NominalFlights(flights);
  }

  /**
   * Flies every fragment of {@code in} once with the nominal inputs. A fragment whose flight
   * fails (the simulator's {@link SimulationException}, or a legacy method that cannot handle
   * it) is kept with its reason.
   *
   * @throws IllegalArgumentException when the run's method cannot be built on these inputs
   */
  public static NominalFlights fly(RunInputs in) {
    AtmosphereFactory atmosphere;
    try {
      atmosphere = LegacySlices.factory(in.physics(), in.files().get("atmos"));
    } catch (InputException e) {
      // RunInputs.read has read the same file already
      throw new IllegalStateException(e.getMessage(), e);
    }
    DarkflightSimulator sim = PhysicsModels.simulator(atmosphere.build(in.levels()),
        in.physics()).withTerrain(in.terrain());
    List<Flight> out = new ArrayList<>();
    for (Fragment f : in.fragments()) {
      try {
        out.add(new Flight(f, sim.simulate(in.event().luminousEnd(), f), null));
      } catch (SimulationException | IllegalArgumentException e) {
        out.add(new Flight(f, null, String.valueOf(e.getMessage())));
      }
    }
    return new NominalFlights(out);
  }

  /** Every flight, in fragment order. */
  public List<Flight> flights() {
    return flights;
  }

  /** The trajectories of the fragments that landed, in fragment order. */
  public List<Trajectory> landed() {
    List<Trajectory> out = new ArrayList<>();
    for (Flight f : flights) {
      if (f.landed()) {
        out.add(f.trajectory());
      }
    }
    return out;
  }
}
