package org.darkflight.analysis.searchplan;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.darkflight.analysis.ensemble.NominalFlights;
import org.darkflight.analysis.ensemble.RunInputs;
import org.darkflight.physics.Fragment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search plan's nominal landings come from the run's one set of nominal flights: the same
 * landings as flying the fragments again, failures as sentences.
 */
class NominalLandingsTest {

  static final Path PF = Path.of("..").toAbsolutePath().normalize()
      .resolve("testdata/events/park-forest-2003");

  static RunInputs in;

  @BeforeAll
  static void read() throws Exception {
    in = RunInputs.read(PF.resolve("event.json"), PF.resolve("atmos_profile.json"),
        PF.resolve("physics_config.json"), PF.resolve("fragments.json"), null);
  }

  @Test
  void theRunsFlightsGiveTheSameLandingsAsFlyingThemAgain() {
    NominalFlights flights = NominalFlights.fly(in);
    assertThat(flights.flights().size(), is(in.fragments().size()));
    assertThat(flights.landed().size(), is(in.fragments().size()));
    NominalLandings.Result reused = NominalLandings.of(in, flights);
    NominalLandings.Result flown = NominalLandings.of(in);
    assertThat(reused, equalTo(flown));
    assertThat(reused.landings().size(), is(in.fragments().size()));
    for (int i = 0; i < reused.landings().size(); i++) {
      assertThat(reused.landings().get(i).position().latitudeDeg(), equalTo(
          flights.landed().get(i).landing().latitudeDeg()));
    }
  }

  @Test
  void aFailedFlightIsAFailureSentenceNotALanding() {
    Fragment f = in.fragments().get(0);
    NominalLandings.Result r = NominalLandings.of(in,
        NominalFlights.of(List.of(new NominalFlights.Flight(f, null, "stopped rising"))));
    assertThat(r.landings(), empty());
    assertThat(r.failures(), contains("the nominal flight of fragment " + f.id()
        + " failed: stopped rising"));
  }

  @Test
  void aFlightHasEitherATrajectoryOrAFailure() {
    Fragment f = in.fragments().get(0);
    assertThrows(IllegalArgumentException.class,
        () -> new NominalFlights.Flight(f, null, null));
  }
}
