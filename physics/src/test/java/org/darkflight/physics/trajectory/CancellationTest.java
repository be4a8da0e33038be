package org.darkflight.physics.trajectory;

import static org.darkflight.physics.TestFixtures.luminousEnd;
import static org.darkflight.physics.TestFixtures.stone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicLong;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.PhysicsConfig;
import org.darkflight.physics.atmosphere.StandardAtmosphere1976;
import org.darkflight.physics.models.PhysicsModels;
import org.junit.jupiter.api.Test;

/** The integration loop polls its cancellation signal before every step and stops on it. */
class CancellationTest {

  private static final LuminousEnd START = luminousEnd(20_000, 3_000, 90, 45);
  private static final DarkflightSimulator SIM =
      PhysicsModels.simulator(StandardAtmosphere1976.INSTANCE, PhysicsConfig.defaults());

  /** A signal that turns true on its {@code n}-th poll, counting every poll. */
  private static final class AfterPolls implements Cancellation {
    final long n;
    final AtomicLong polls = new AtomicLong();

    AfterPolls(long n) {
      this.n = n;
    }

    @Override
    public boolean isCancelled() {
      return polls.incrementAndGet() >= n;
    }
  }

  @Test
  void aCancelledLandingStopsAtTheNextStep() {
    AfterPolls never = new AfterPolls(Long.MAX_VALUE);
    Landing full = SIM.withCancellation(never).land(START, stone(1));
    long steps = never.polls.get();
    assertThat("a whole fall polls once per step", steps, greaterThan(100L));
    assertThat(full, is(SIM.land(START, stone(1)))); // polling changes nothing

    AfterPolls half = new AfterPolls(steps / 2);
    SimulationCancelledException e = assertThrows(SimulationCancelledException.class,
        () -> SIM.withCancellation(half).land(START, stone(1)));
    assertThat("no step after the signal", half.polls.get(), is(steps / 2));
    assertThat(e.timeS() > 0 && e.timeS() < full.fallTimeS(), is(true));
  }

  @Test
  void trajectoriesAndPropagationsStopToo() {
    assertThrows(SimulationCancelledException.class,
        () -> SIM.withCancellation(() -> true).simulate(START, stone(1)));
    FlightState s = SIM.initialState(START, stone(1));
    assertThrows(SimulationCancelledException.class,
        () -> SIM.withCancellation(() -> true).propagateToTime(s, stone(1), 10.0));
  }

  @Test
  void theDefaultNeverCancels() {
    assertThat(SIM.withCancellation(Cancellation.NEVER).land(START, stone(0.1)),
        is(SIM.land(START, stone(0.1))));
    assertThrows(IllegalArgumentException.class, () -> SIM.withCancellation(null));
  }
}
