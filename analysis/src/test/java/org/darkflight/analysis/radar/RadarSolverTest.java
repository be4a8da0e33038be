package org.darkflight.analysis.radar;

import static org.darkflight.analysis.radar.SyntheticRadarScenario.TERMINUS;
import static org.darkflight.analysis.radar.SyntheticRadarScenario.TEMPLATE;
import static org.darkflight.analysis.radar.SyntheticRadarScenario.TRUE_MASS_KG;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.darkflight.io.InputException;
import org.darkflight.io.radar.returns.GeolocatedReturn;
import org.darkflight.io.radar.returns.RadarReturn;
import org.darkflight.physics.Fragment;
import org.darkflight.physics.LuminousEnd;
import org.darkflight.physics.radar.RadarGeolocator;
import org.darkflight.physics.radar.RadarObservation;
import org.darkflight.physics.trajectory.DarkflightSimulator;
import org.darkflight.physics.trajectory.FlightState;
import org.darkflight.physics.trajectory.Landing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RadarSolverTest {

  static DarkflightSimulator sim;
  static double fallTimeS;
  static Landing truthLanding;

  @BeforeAll
  static void setUp() {
    sim = SyntheticRadarScenario.simulator();
    Fragment f = SyntheticRadarScenario.truthFragment();
    truthLanding = sim.land(TERMINUS, f);
    fallTimeS = truthLanding.fallTimeS();
  }

  private static double[] times(double... fractions) {
    double[] t = new double[fractions.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.round(fractions[i] * fallTimeS * 1000) / 1000.0;
    }
    return t;
  }

  private static RadarSolver solver() {
    return new RadarSolver(sim, TERMINUS, TEMPLATE, 1e-3, 1e3);
  }

  @Test
  void forwardThenBackwardReturnsToTheStartWithinOneMetre() {
    Fragment f = SyntheticRadarScenario.truthFragment();
    FlightState s0 = sim.initialState(TERMINUS, f);
    FlightState s1 = sim.propagateToTime(s0, f, 0.6 * fallTimeS);
    FlightState back = sim.propagateToTime(s1, f, 0.0);
    assertThat(back.positionEcefM().distance(s0.positionEcefM()), lessThan(1.0));
    FlightState backToHeight = sim.propagateToHeight(s1, f, TERMINUS.altitudeM());
    assertThat(backToHeight.positionEcefM().distance(s0.positionEcefM()), lessThan(1.0));
    assertThat(backToHeight.timeS(), closeTo(0.0, 1e-3));
  }

  @Test
  void noiseFreeReturnsRecoverMassAndTerminus() {
    List<GeolocatedReturn> returns = SyntheticRadarScenario.returns(sim,
        times(0.25, 0.4, 0.55, 0.7, 0.85), 0.0, 1L);
    RadarSolution sol = solver().solveAll(returns);
    for (ReturnSolution s : sol.returns()) {
      assertThat(s.id() + " solved", s.solved(), is(true));
      assertThat(s.id() + " mass", s.massFit().massKg(), closeTo(TRUE_MASS_KG, 0.01 * TRUE_MASS_KG));
      assertThat(s.id() + " terminus offset",
          Math.hypot(s.terminusEastM(), s.terminusNorthM()), lessThan(10.0));
      assertThat(s.terminusTimeS(), closeTo(0.0, 0.05));
      // Forward from the return lands where the truth lands.
      double miss = org.darkflight.physics.geodesy.Geodesics.inverse(
          s.predictedImpact().latitudeDeg(), s.predictedImpact().longitudeDeg(),
          truthLanding.latitudeDeg(), truthLanding.longitudeDeg()).distanceM();
      assertThat(s.id() + " impact miss", miss, lessThan(10.0));
    }
    // The early return is flown back in negative time; deep in the terminal-velocity phase the
    // backward flight is ill-conditioned and shooting takes over.
    assertThat(sol.returns().get(0).terminusMethod(),
        is(ReturnSolution.TerminusMethod.BACKWARD));
    RefinedTerminus refined = sol.refined();
    assertThat(refined.returnsUsed(), is(5));
    assertThat(Math.hypot(refined.eastM(), refined.northM()), lessThan(10.0));
    double d = org.darkflight.physics.geodesy.Geodesics.inverse(
        refined.luminousEnd().latitudeDeg(), refined.luminousEnd().longitudeDeg(),
        TERMINUS.latitudeDeg(), TERMINUS.longitudeDeg()).distanceM();
    assertThat(d, lessThan(10.0));
  }

  @Test
  void noisyReturnsBracketTheTruthWithinTheirUncertainty() {
    List<GeolocatedReturn> returns = SyntheticRadarScenario.returns(sim,
        times(0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), 1.0, 20260401L);
    RadarSolution sol = solver().solveAll(returns);
    RefinedTerminus r = sol.refined();
    assertThat(r.returnsUsed(), greaterThan(5));
    double[][] c = r.covarianceEnM2();
    double det = c[0][0] * c[1][1] - c[0][1] * c[1][0];
    // Mahalanobis distance of the true terminus (0, 0) from the refined one.
    double e = -r.eastM();
    double n = -r.northM();
    double m2 = (c[1][1] * e * e - 2 * c[0][1] * e * n + c[0][0] * n * n) / det;
    assertThat("Mahalanobis distance", Math.sqrt(m2), lessThan(3.5));
    assertThat(r.semiMajorM(), lessThan(5_000.0));
    assertThat(r.semiMajorM(), greaterThan(1.0));
    // Each return's mass is uncertain through its height: the truth lies within 3 σ of ln m.
    for (ReturnSolution s : sol.returns()) {
      if (s.solved()) {
        double sigma = s.massFit().sigmaLnMass();
        assertThat(sigma, greaterThan(0.0));
        assertThat(Math.abs(Math.log(s.massFit().massKg() / TRUE_MASS_KG)),
            lessThan(3 * sigma));
      }
    }
  }

  @Test
  void aReturnNoMassCanExplainIsReported() {
    // The true 2 kg position at 70 % of the fall, but stamped only 5 s after the terminus.
    List<GeolocatedReturn> exact = SyntheticRadarScenario.returns(sim, times(0.7), 0.0, 1L);
    RadarObservation o = exact.get(0).radarReturn().observation();
    RadarObservation early = new RadarObservation(o.site(), TERMINUS.timeUtc().plusSeconds(5),
        o.elevationDeg(), o.azimuthDeg(), o.slantRangeM(), o.beamWidthDeg(), o.gateLengthM());
    GeolocatedReturn g = new GeolocatedReturn(
        new RadarReturn("early", 0, early, Double.NaN, 1.0, null, null),
        RadarGeolocator.locate(early));
    ReturnSolution s = solver().solve(g);
    assertThat(s.solved(), is(false));
    assertThat(s.massFit().reason(), containsString("earlier than even the heaviest"));
    IllegalStateException ex = assertThrows(IllegalStateException.class,
        () -> solver().refine(List.of(s)));
    assertThat(ex.getMessage(), containsString("no radar return could be solved"));
  }

  @Test
  void returnsAboveTheTerminusOrBeforeTheFireballAreBadInput() throws Exception {
    List<GeolocatedReturn> ok = SyntheticRadarScenario.returns(sim, times(0.5), 0.0, 1L);
    Path file = Path.of("radar_returns.json");
    RadarInputRules.check(file, ok, TERMINUS);

    LuminousEnd lowTerminus = new LuminousEnd(TERMINUS.timeUtc(), TERMINUS.latitudeDeg(),
        TERMINUS.longitudeDeg(), 2_000.0, TERMINUS.speedMps(), TERMINUS.azimuthDeg(),
        TERMINUS.elevationDeg());
    InputException above = assertThrows(InputException.class,
        () -> RadarInputRules.check(file, ok, lowTerminus));
    assertThat(above.field(), equalTo("/returns/0"));
    assertThat(above.reason(), containsString("above the terminus altitude"));

    LuminousEnd later = new LuminousEnd(TERMINUS.timeUtc().plusSeconds(3600),
        TERMINUS.latitudeDeg(), TERMINUS.longitudeDeg(), TERMINUS.altitudeM(),
        TERMINUS.speedMps(), TERMINUS.azimuthDeg(), TERMINUS.elevationDeg());
    InputException before = assertThrows(InputException.class,
        () -> RadarInputRules.check(file, ok, later));
    assertThat(before.field(), equalTo("/returns/0/time_utc"));
    assertThat(before.reason(), containsString("before the fireball"));
  }
}
