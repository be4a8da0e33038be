package org.darkflight.analysis.searchplan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.darkflight.analysis.ensemble.MassClassBins;
import org.darkflight.analysis.ensemble.NominalFlights;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.io.geo.LatLon;
import org.darkflight.physics.Fragment;

/**
 * Where each fragment of a run lands when nothing is perturbed: every fragment of the inputs (in
 * their canonical order) flown from the event's luminous end through the unperturbed profile with
 * the run's method — the run's one set of {@link NominalFlights}, the same flights as its
 * {@code trajectories/<fragment>.json} and the nominal trajectories of the KML and the report.
 */
public final class NominalLandings {

  /**
   * One nominal landing.
   *
   * @param fragmentId      the fragment
   * @param massInitialKg   its mass at the end of luminous flight, kg
   * @param massFinalKg     its mass at the ground, kg
   * @param massClassIndex  the class of the final mass
   * @param massClass       its label
   * @param position        the landing point
   */
  public record Landing(String fragmentId, double massInitialKg, double massFinalKg,
      int massClassIndex, String massClass, LatLon position) {
    public Landing {
      Objects.requireNonNull(fragmentId, "fragmentId");
      Objects.requireNonNull(massClass, "massClass");
      Objects.requireNonNull(position, "position");
    }
  }

  /**
   * The nominal landings and what failed.
   *
   * @param landings  landings in fragment order
   * @param failures  one sentence per fragment whose nominal flight failed
   */
  public record Result(List<Landing> landings, List<String> failures) {
    public Result {
      landings = List.copyOf(landings);
      failures = List.copyOf(failures);
    }
  }

  private NominalLandings() {}

  /**
   * Flies every fragment of {@code in} once with the nominal inputs ({@link NominalFlights#fly}).
   * A run that has flown them already passes its flights to {@link #of(RunInputs, NominalFlights)}.
   */
  public static Result of(RunInputs in) {
    return of(in, NominalFlights.fly(in));
  }

  /**
   * The landings of nominal flights already flown for {@code in} (the run's one set, see
   * {@link NominalFlights}); the mass classes are those of the run's ensemble configuration.
   */
  public static Result of(RunInputs in, NominalFlights flights) {
    MassClassBins bins = new MassClassBins(in.ensemble().massClassEdgesKg());
    List<Landing> out = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (NominalFlights.Flight flight : flights.flights()) {
      Fragment f = flight.fragment();
      if (!flight.landed()) {
        failures.add("the nominal flight of fragment " + f.id() + " failed: " + flight.failure());
        continue;
      }
      org.darkflight.physics.trajectory.Landing l = flight.trajectory().landing();
      int k = bins.index(l.massFinalKg());
      out.add(new Landing(f.id(), f.massKg(), l.massFinalKg(), k, bins.label(k),
          new LatLon(l.latitudeDeg(), l.longitudeDeg())));
    }
    return new Result(out, failures);
  }
}
