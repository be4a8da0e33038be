package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.darkflight.io.InputException;
import org.junit.jupiter.api.Test;

class EnsembleConfigReaderTest {

  private static final String FILE = "ensemble_config.json";

  private static EnsembleConfig parse(String json) throws InputException {
    return EnsembleConfigReader.parse(FILE, json);
  }

  private static InputException error(String json) {
    return assertThrows(InputException.class, () -> parse(json));
  }

  @Test
  void readsSpecNamesAndEveryDistribution() throws InputException {
    EnsembleConfig c = parse("""
        {"mode": "monte_carlo", "samples": 1000, "random_seed": 123456,
         "sampling": "latin_hypercube",
         "distributions": {
           "mass_kg": {"dist": "lognormal", "params": {"median": 2.0, "sigma": 0.3}},
           "cd": {"dist": "normal", "params": {"mean": 1.3, "sigma": 0.1}},
           "lat": {"dist": "normal", "params": {"sigma": 0.001}},
           "wind_scale": {"dist": "uniform", "params": {"min": 0.9, "max": 1.1}},
           "azimuth_deg": {"dist": "uniform", "params": {"half_width": 3}},
           "wind_perturbation": {"dist": "normal", "params": {"sigma_scale": 0.5}}
         },
         "mass_classes_kg": [0.01, 0.1, 1],
         "samples_per_element": 500}
        """);
    assertThat(c.mode(), is(EnsembleMode.MONTE_CARLO));
    assertThat(c.samples(), is(1000L));
    assertThat(c.randomSeed(), is(123456L));
    assertThat(c.sampling(), is("latin_hypercube"));
    assertThat(c.distributions().size(), is(5));
    Distribution mass = c.distributions().get(UncertainParameter.MASS_KG);
    assertThat(mass.kind(), is(DistributionKind.LOGNORMAL));
    assertThat(mass.location(), closeTo(Math.log(2.0), 1e-15));
    assertThat(c.distributions().get(UncertainParameter.CD).location(), is(1.3));
    assertThat(Double.isNaN(c.distributions().get(UncertainParameter.LAT).location()), is(true));
    assertThat(c.windPerturbationSigmaScale(), is(0.5));
    assertThat(c.massClassEdgesKg().size(), is(3));
    assertThat(c.samplesPerElement(), is(500));
  }

  @Test
  void defaultsApplyToAMinimalConfig() throws InputException {
    EnsembleConfig c = parse("{\"mode\": \"mass_grid\", \"samples\": 12, \"random_seed\": 1}");
    assertThat(c.sampling(), is("monte_carlo"));
    assertThat(c.distributions().isEmpty(), is(true));
    assertThat(c.massClassEdgesKg(), equalTo(EnsembleConfig.defaultMassClassEdgesKg()));
    assertThat(c.samplesPerElement(), is(EnsembleConfig.DEFAULT_SAMPLES_PER_ELEMENT));
  }

  @Test
  void rejectsUnknownDistribution() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1,
         "distributions": {"cd": {"dist": "cauchy", "params": {"sigma": 1}}}}""");
    assertThat(e.file(), is(FILE));
    assertThat(e.field(), is("/distributions/cd/dist"));
  }

  @Test
  void rejectsNegativeSigma() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1,
         "distributions": {"cd": {"dist": "normal", "params": {"sigma": -0.1}}}}""");
    assertThat(e.field(), is("/distributions/cd/params/sigma"));
  }

  @Test
  void rejectsZeroSamples() {
    InputException e = error("{\"mode\": \"monte_carlo\", \"samples\": 0, \"random_seed\": 1}");
    assertThat(e.field(), is("/samples"));
  }

  @Test
  void rejectsAbsurdSampleCounts() {
    InputException e = error(
        "{\"mode\": \"monte_carlo\", \"samples\": 1000000000000, \"random_seed\": 1}");
    assertThat(e.field(), is("/samples"));
    InputException e2 = error(
        "{\"mode\": \"monte_carlo\", \"samples\": 99999999999999999999999, \"random_seed\": 1}");
    assertThat(e2.field(), is("/samples"));
  }

  @Test
  void rejectsFractionalSamples() {
    InputException e = error("{\"mode\": \"monte_carlo\", \"samples\": 10.5, \"random_seed\": 1}");
    assertThat(e.field(), is("/samples"));
  }

  @Test
  void rejectsUnknownParameter() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1,
         "distributions": {"colour": {"dist": "normal", "params": {"sigma": 1}}}}""");
    assertThat(e.field(), containsString("/distributions"));
    assertThat(e.getMessage(), containsString("colour"));
  }

  @Test
  void rejectsUnknownSamplingStrategy() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1, "sampling": "sobol"}""");
    assertThat(e.field(), is("/sampling"));
    assertThat(e.reason(), containsString("latin_hypercube"));
  }

  @Test
  void rejectsMassDistributionInMassGridMode() {
    InputException e = error("""
        {"mode": "mass_grid", "samples": 10, "random_seed": 1,
         "distributions": {"mass_kg": {"dist": "normal", "params": {"sigma": 1}}}}""");
    assertThat(e.field(), is("/distributions/mass_kg"));
  }

  @Test
  void rejectsUniformWithMinAboveMax() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1,
         "distributions": {"wind_scale": {"dist": "uniform", "params": {"min": 2, "max": 1}}}}""");
    assertThat(e.field(), is("/distributions/wind_scale/params"));
  }

  @Test
  void rejectsNormalWithoutSigma() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1,
         "distributions": {"cd": {"dist": "normal", "params": {"mean": 1}}}}""");
    assertThat(e.field(), is("/distributions/cd/params/sigma"));
  }

  @Test
  void rejectsMissingMode() {
    InputException e = error("{\"samples\": 10, \"random_seed\": 1}");
    assertThat(e.field(), is("/mode"));
  }

  @Test
  void rejectsDescendingMassClasses() {
    InputException e = error("""
        {"mode": "monte_carlo", "samples": 10, "random_seed": 1, "mass_classes_kg": [1, 0.1]}""");
    assertThat(e.field(), is("/mass_classes_kg/1"));
  }

  @Test
  void rejectsMalformedJson() {
    InputException e = error("{\"mode\": ");
    assertThat(e.file(), is(FILE));
  }
}
