package org.darkflight.analysis.ensemble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.darkflight.analysis.ensemble.EnsembleConfig;
import org.junit.jupiter.api.Test;

class MassClassBinsTest {

  private final MassClassBins decades = new MassClassBins(EnsembleConfig.defaultMassClassEdgesKg());

  @Test
  void defaultClassesAreDecadesOfFinalMass() {
    assertThat(decades.count(), is(11));
    assertThat(decades.index(5e-7), is(0));
    assertThat(decades.index(0.001), is(4));
    assertThat(decades.index(0.0099), is(4));
    assertThat(decades.index(0.01), is(5));
    assertThat(decades.index(5000), is(10));
  }

  @Test
  void labelsNameTheRange() {
    assertThat(decades.label(0), is("< 1 mg"));
    assertThat(decades.label(4), is("1 g–10 g"));
    assertThat(decades.label(7), is("1 kg–10 kg"));
    assertThat(decades.label(10), is("≥ 1 t"));
    assertThat(decades.toMassClasses().size(), is(11));
  }

  @Test
  void customEdges() {
    MassClassBins b = new MassClassBins(List.of(0.05, 0.5));
    assertThat(b.index(0.1), is(1));
    assertThat(b.label(1), is("50 g–500 g"));
  }
}
